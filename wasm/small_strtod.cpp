// strtod (and its siblings) for the wasm build: correctly rounded, without
// long double.
//
// Why: the core's JSON parser (sdk/src/json_value.cpp) turns every number
// with a fraction or an exponent into a double with strtod. musl's strtod does its decimal
// conversion in software 128-bit long double (__floatscan, __divtf3,
// __multf3, __addtf3, fmodl...): about 7.5 KB of the gzipped download. This
// gives the same answers, bit for bit, as glibc's: round-half-even, *endptr,
// and errno = ERANGE when the result overflows to infinity or is tiny and
// inexact (x86 glibc detects tininess after rounding, so a value just below
// DBL_MIN that rounds up to it still sets ERANGE).
//
// How: Clinger's fast path when the digits fit in 53 bits and the power of
// ten in a double (both exact, so one IEEE multiply or divide rounds
// correctly). Otherwise exact: the value is D * 10^E with D the significant
// digits, i.e. R / S * 2^E with R = D * 5^E (E >= 0) or S = 5^-E (E < 0), as
// small big integers; long division then yields the significand one bit at
// a time, and the remainder says whether the rest is exactly zero, which is
// all round-half-even needs. Only the first 769 significant digits are kept;
// any nonzero digit after them becomes a 770th digit 1, which moves the
// value across no point where the answer changes: halfway points between
// doubles have at most 767 significant digits, and the point below DBL_MIN
// where tininess changes (DBL_MIN - 2^-1076) 769.
//
// strtof rounds to float the same way (directly, not through double).
// musl defines strtof, strtold and the _l variants in the same object as
// strtod, and libc++'s string.o refers to strtof and strtold (std::stof,
// std::stold): if any of them were left to musl, the linker would pull that
// object in and stop on a duplicate strtod. Nothing in the module calls them;
// the optimizer drops them. strtold rounds to double only (no long double
// arithmetic, which is the point); it is not meant to be called.
//
// Not supported: hexadecimal floats ("0x1p3" reads as 0, ending at 'x') and
// NaN payloads ("nan(...)" is read, its payload ignored). JSON has neither.
//
// tests/core/small_strtod_test.cpp compiles this file natively with
// KINDRED_SMALL_STRTOD_TEST defined, which renames the exports
// (kindred_small_strtod...), and compares them with glibc's bit for bit.
#include <cerrno>
#include <cstdint>
#include <cstring>

#ifdef KINDRED_SMALL_STRTOD_TEST
#define KINDRED_SMALL_STRTOD_NAME(name) kindred_small_##name
#else
#define KINDRED_SMALL_STRTOD_NAME(name) name
#endif

namespace {

using u32 = std::uint32_t;
using u64 = std::uint64_t;

// D < 10^770 is at most 2558 bits, S <= 5^1093 (E >= -323 - 770) 2538; the
// division keeps the remainder below 2S, at most 2559 bits, 80 limbs, and a
// shift writes one limb past its result.
constexpr int kLimbs = 82;

struct Big {
  u32 limb[kLimbs] = {};
  int size = 0;  // limbs in use, the top one nonzero

  void mulAdd(u32 factor, u32 addend) {
    u64 carry = addend;
    for (int i = 0; i < size; ++i) {
      carry += u64{limb[i]} * factor;
      limb[i] = static_cast<u32>(carry);
      carry >>= 32;
    }
    if (carry) limb[size++] = static_cast<u32>(carry);
  }

  int bits() const { return size ? size * 32 - __builtin_clz(limb[size - 1]) : 0; }

  void shiftLeft(int count) {
    const int words = count / 32;
    const int top = size + words;
    for (int i = top; i >= 0; --i) {
      // The pair of source limbs (j, j - 1) that straddle destination limb i.
      const int j = i - words;
      u64 pair = 0;
      if (j >= 0 && j < size) pair = u64{limb[j]} << 32;
      if (j >= 1 && j <= size) pair |= limb[j - 1];
      limb[i] = static_cast<u32>(pair >> (32 - count % 32));
    }
    size = top + 1;
    trim();
  }

  void trim() {
    while (size && !limb[size - 1]) --size;
  }
};

bool less(const Big& a, const Big& b) {
  if (a.size != b.size) return a.size < b.size;
  for (int i = a.size; i-- > 0;)
    if (a.limb[i] != b.limb[i]) return a.limb[i] < b.limb[i];
  return false;
}

// a -= b, for a >= b.
void subtract(Big& a, const Big& b) {
  u64 borrow = 0;
  for (int i = 0; i < a.size; ++i) {
    const u64 difference = u64{a.limb[i]} - (i < b.size ? b.limb[i] : 0) - borrow;
    a.limb[i] = static_cast<u32>(difference);
    borrow = difference >> 63;
  }
  a.trim();
}

bool isDigit(char c) { return static_cast<unsigned>(c - '0') < 10; }

// Reads s as strtod does and returns the IEEE bits of the magnitude, for a
// format with `precision` significand bits (53, 24) whose smallest subnormal
// is 2^minExponent (-1074, -149); infinity is `infinity`.
u64 scan(const char* s, char** end, int precision, int minExponent, u64 infinity, bool& negative) {
  const char* p = s;
  while (*p == ' ' || static_cast<unsigned>(*p - '\t') < 5) ++p;
  negative = *p == '-';
  if (*p == '-' || *p == '+') ++p;

  // value = 0.d1d2...dn * 10^(point + exponent), d1 the first nonzero digit.
  Big r, s5;
  int n = 0;
  long long point = 0;
  bool dot = false, digits = false, sticky = false;
  const char* start = p;
  for (;; ++p) {
    if (isDigit(*p)) {
      const unsigned digit = static_cast<unsigned>(*p - '0');
      digits = true;
      if (n == 0 && digit == 0) {
        point -= dot;
        continue;
      }
      point += !dot;
      if (n < 769) {
        ++n;
        r.mulAdd(10, digit);
      } else {
        sticky |= digit != 0;
      }
    } else if (*p == '.' && !dot) {
      dot = true;
    } else {
      break;
    }
  }

  u64 bits = 0;
  if (!digits) {
    // Case-insensitive "inf", "infinity", "nan", "nan(n-char-sequence)".
    p = start;
    auto word = [&p](const char* w) {
      int i = 0;
      for (; w[i]; ++i)
        if ((p[i] | 32) != w[i]) return false;
      p += i;
      return true;
    };
    if (word("inf")) {
      word("inity");
      bits = infinity;
    } else if (word("nan")) {
      bits = infinity | u64{1} << (precision - 2);
      const char* q = p;
      if (*q == '(') {
        for (++q; isDigit(*q) || static_cast<unsigned>((*q | 32) - 'a') < 26 || *q == '_';) ++q;
        if (*q == ')') p = q + 1;
      }
    } else {
      p = s;  // no conversion: +0, *end = s
      negative = false;
    }
    if (end) *end = const_cast<char*>(p);
    return bits;
  }

  long long exponent = 0;
  if ((*p | 32) == 'e') {
    const char* q = p + 1;
    const bool minus = *q == '-';
    if (*q == '-' || *q == '+') ++q;
    if (isDigit(*q)) {
      for (; isDigit(*q); ++q)
        if (exponent < 100000000) exponent = exponent * 10 + (*q - '0');
      if (minus) exponent = -exponent;
      p = q;
    }
  }
  if (end) *end = const_cast<char*>(p);
  if (n == 0) return 0;

  // value in [10^(x - 1), 10^x): decided without arithmetic outside
  // [1e-324, 1e309), which also bounds the big integers.
  const long long x = point + exponent;
  if (x > 309) {
    errno = ERANGE;
    return infinity;
  }
  if (x < -323) {
    errno = ERANGE;
    return 0;
  }
  if (sticky) {
    r.mulAdd(10, 1);
    ++n;
  }
  const int e10 = static_cast<int>(x) - n;  // value = r * 10^e10

  const u64 w = r.limb[0] | u64{r.limb[1]} << 32;
  if (precision == 53 && r.size <= 2 && w <= u64{1} << 53 && e10 >= -22 && e10 <= 22) {
    double power = 1;  // exact: 10^22 < 2^53 * 2^22
    for (int i = e10 < 0 ? -e10 : e10; i > 0; --i) power *= 10;
    const double value = e10 < 0 ? static_cast<double>(w) / power : static_cast<double>(w) * power;
    std::memcpy(&bits, &value, sizeof bits);
    return bits;
  }

  s5.mulAdd(0, 1);
  Big& scaled = e10 < 0 ? s5 : r;
  for (int k = e10 < 0 ? -e10 : e10; k > 0; k -= 13) {
    u32 factor = 1;
    for (int i = 0; i < k && i < 13; ++i) factor *= 5;
    scaled.mulAdd(factor, 0);
  }

  // Make 1 <= r / s5 < 2, so value = r / s5 * 2^e.
  int e = e10;
  const int shift = r.bits() - s5.bits();
  if (shift > 0) s5.shiftLeft(shift);
  else r.shiftLeft(-shift);
  e += shift;
  if (less(r, s5)) {
    r.shiftLeft(1);
    --e;
  }

  // The last bit kept is worth 2^unit; one more is the rounding bit.
  int unit = e - (precision - 1);
  if (unit < minExponent) unit = minExponent;
  u64 q = 0;
  for (int i = e; i >= unit - 1; --i) {
    q <<= 1;
    if (!less(r, s5)) {
      subtract(r, s5);
      q |= 1;
    }
    r.shiftLeft(1);
  }
  const bool half = q & 1, rest = r.size != 0;
  q >>= 1;
  if (half && (rest || (q & 1))) ++q;

  // Adding q with its leading bit carries into the exponent field: a
  // subnormal that rounds up becomes the smallest normal, the largest
  // finite one infinity.
  bits = (u64(unit - minExponent) << (precision - 1)) + q;
  const u64 smallestNormal = u64{1} << (precision - 1);
  if (bits >= infinity) {
    errno = ERANGE;
    return infinity;
  }
  // Tiny: below the smallest normal after rounding to full precision with
  // an unbounded exponent. For a value in [2^(min - 1), 2^min) that rounded
  // up to the smallest normal, that is the next bit (r >= s5) being 0.
  if ((half || rest) && (bits < smallestNormal ||
                         (bits == smallestNormal && e < minExponent + precision - 1 && less(r, s5))))
    errno = ERANGE;
  return bits;
}

}  // namespace

struct __locale_struct;

extern "C" double KINDRED_SMALL_STRTOD_NAME(strtod)(const char* s, char** end) {
  bool negative;
  const u64 bits = scan(s, end, 53, -1074, u64{0x7ff} << 52, negative) | u64{negative} << 63;
  double value;
  std::memcpy(&value, &bits, sizeof value);
  return value;
}

extern "C" float KINDRED_SMALL_STRTOD_NAME(strtof)(const char* s, char** end) {
  bool negative;
  const auto bits = static_cast<u32>(scan(s, end, 24, -149, u64{0xff} << 23, negative)) | u32{negative} << 31;
  float value;
  std::memcpy(&value, &bits, sizeof value);
  return value;
}

extern "C" long double KINDRED_SMALL_STRTOD_NAME(strtold)(const char* s, char** end) {
  return KINDRED_SMALL_STRTOD_NAME(strtod)(s, end);
}

extern "C" double KINDRED_SMALL_STRTOD_NAME(strtod_l)(const char* s, char** end, __locale_struct*) {
  return KINDRED_SMALL_STRTOD_NAME(strtod)(s, end);
}

extern "C" float KINDRED_SMALL_STRTOD_NAME(strtof_l)(const char* s, char** end, __locale_struct*) {
  return KINDRED_SMALL_STRTOD_NAME(strtof)(s, end);
}

extern "C" long double KINDRED_SMALL_STRTOD_NAME(strtold_l)(const char* s, char** end, __locale_struct*) {
  return KINDRED_SMALL_STRTOD_NAME(strtold)(s, end);
}
