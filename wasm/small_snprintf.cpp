// snprintf and siprintf for the wasm build: integers only.
//
// Why: printf calls are linked. Embind's __getTypeName writes a type's
// address with sprintf ("%p"), which the compiler turns into siprintf,
// Emscripten's integer-only entry point, and libc++'s std::to_string formats
// integers with snprintf. (nlohmann/json's lexer, which named control
// characters with "<U+%.4X>", is no longer in the core.)
// Linking musl's for them brings its printf core, FILE plumbing and (for
// snprintf) the floating-point formatter with its 128-bit long double
// arithmetic: 3.7 KB of the gzipped download, for a few hex digits. These
// definitions satisfy the linker first, so musl's are never pulled in
// (vsnprintf is left alone: libc++ refers to it from code the optimizer
// drops). They handle %%, and d, u, x, X with the flags '0' and '-', a width,
// a precision and the h/hh/l/ll/z length modifiers, and p (without a width)
// as Emscripten's libc prints it; anything else prints as '?'. The
// wasm/native parity test compares the core's answers byte for byte against
// the native build's, which uses glibc's.
#include <cstdarg>
#include <cstddef>
#include <cstdint>

namespace {

struct Output {
  char* buffer;
  std::size_t size;
  std::size_t length = 0;
  void put(char c) {
    if (length + 1 < size) buffer[length] = c;
    ++length;
  }
};

void putNumber(Output& out, std::uint64_t magnitude, bool negative, unsigned base, bool upper, int width,
               int precision, bool zeroPad, bool leftAlign) {
  const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  char reversed[24];
  int count = 0;
  do {
    reversed[count++] = digits[magnitude % base];
    magnitude /= base;
  } while (magnitude != 0);
  const int shownDigits = precision > count ? precision : count;
  const int total = shownDigits + (negative ? 1 : 0);
  const char pad = zeroPad && precision < 0 && !leftAlign ? '0' : ' ';
  if (!leftAlign && pad == ' ')
    for (int i = total; i < width; ++i) out.put(' ');
  if (negative) out.put('-');
  if (!leftAlign && pad == '0')
    for (int i = total; i < width; ++i) out.put('0');
  for (int i = count; i < shownDigits; ++i) out.put('0');
  while (count > 0) out.put(reversed[--count]);
  if (leftAlign)
    for (int i = total; i < width; ++i) out.put(' ');
}

int formatInto(char* buffer, std::size_t size, const char* format, va_list args) {
  Output out{buffer, size};
  for (const char* p = format; *p; ++p) {
    if (*p != '%') {
      out.put(*p);
      continue;
    }
    ++p;
    if (*p == '%') {
      out.put('%');
      continue;
    }
    bool zeroPad = false, leftAlign = false;
    for (;; ++p) {
      if (*p == '0') zeroPad = true;
      else if (*p == '-') leftAlign = true;
      else break;
    }
    int width = 0;
    while (*p >= '0' && *p <= '9') width = width * 10 + (*p++ - '0');
    int precision = -1;
    if (*p == '.') {
      precision = 0;
      ++p;
      while (*p >= '0' && *p <= '9') precision = precision * 10 + (*p++ - '0');
    }
    int longs = 0, shorts = 0;
    for (;; ++p) {
      if (*p == 'l' || *p == 'z') ++longs;
      else if (*p == 'h') ++shorts;
      else break;
    }
    const char conversion = *p;
    if (conversion == 'd' || conversion == 'i') {
      std::int64_t value = longs ? va_arg(args, long long) : va_arg(args, int);
      if (shorts == 1) value = static_cast<short>(value);
      if (shorts >= 2) value = static_cast<signed char>(value);
      const bool negative = value < 0;
      const std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
      putNumber(out, magnitude, negative, 10, false, width, precision, zeroPad, leftAlign);
    } else if (conversion == 'p') {
      // As Emscripten's libc prints it: like "%#x", "0x1f40", and "0" for null.
      const auto value = reinterpret_cast<std::uintptr_t>(va_arg(args, void*));
      if (value != 0) {
        out.put('0');
        out.put('x');
      }
      putNumber(out, value, false, 16, false, 0, precision, false, false);
    } else if (conversion == 'u' || conversion == 'x' || conversion == 'X') {
      std::uint64_t value = longs ? va_arg(args, unsigned long long) : va_arg(args, unsigned);
      if (shorts == 1) value = static_cast<unsigned short>(value);
      if (shorts >= 2) value = static_cast<unsigned char>(value);
      putNumber(out, value, false, conversion == 'u' ? 10 : 16, conversion == 'X', width, precision, zeroPad, leftAlign);
    } else {
      out.put('?');
      if (!conversion) break;
    }
  }
  if (size > 0) buffer[out.length < size ? out.length : size - 1] = '\0';
  return static_cast<int>(out.length);
}

}  // namespace

extern "C" int snprintf(char* buffer, std::size_t size, const char* format, ...) {
  va_list args;
  va_start(args, format);
  const int length = formatInto(buffer, size, format, args);
  va_end(args);
  return length;
}

extern "C" int siprintf(char* buffer, const char* format, ...) {
  va_list args;
  va_start(args, format);
  const int length = formatInto(buffer, static_cast<std::size_t>(-1) >> 1, format, args);
  va_end(args);
  return length;
}
