// wasm/small_strtod.cpp, compiled natively under other names
// (kindred_small_strtod...), against glibc's strtod and strtof bit for bit,
// with *endptr and errno: hard cases, exact halfway points between doubles
// and just either side of them, random decimal strings, and every suffix of
// every JSONTestSuite file. The wasm build links it as strtod, which
// nlohmann/json's lexer calls for numbers with a fraction or an exponent.
#include <gtest/gtest.h>

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

extern "C" double kindred_small_strtod(const char* s, char** end);
extern "C" float kindred_small_strtof(const char* s, char** end);
extern "C" long double kindred_small_strtold(const char* s, char** end);

namespace {

// glibc is the reference. Elsewhere (the wasm-tests preset: musl) the values
// and end pointers are compared, not errno or the sign of a NaN: musl sets
// no ERANGE for a subnormal result, and reads "-nan" as NaN.
#ifdef __GLIBC__
constexpr bool kGlibc = true;
constexpr long kRounds = 400000;
#else
constexpr bool kGlibc = false;
constexpr long kRounds = 40000;
#endif

struct Outcome {
  std::uint64_t bits;  // NaNs as one canonical NaN: payloads are not read
  long consumed;
  int error;
  bool operator==(const Outcome& o) const {
    return bits == o.bits && consumed == o.consumed && (error == o.error || !kGlibc);
  }
};

template <typename Float>
std::uint64_t bitsOf(Float value) {
  if (std::isnan(value)) return std::signbit(value) && kGlibc ? 0xfff8u : 0x7ff8u;
  std::uint64_t bits = 0;
  std::memcpy(&bits, &value, sizeof value);
  return bits;
}

template <typename Float>
Outcome run(Float (*parse)(const char*, char**), const std::string& text) {
  char* end = nullptr;
  errno = 0;
  const Float value = parse(text.c_str(), &end);
  const int error = errno;
  return {bitsOf(value), static_cast<long>(end - text.c_str()), error};
}

double glibcStrtod(const char* s, char** end) { return std::strtod(s, end); }
float glibcStrtof(const char* s, char** end) { return std::strtof(s, end); }

// Hexadecimal floats are glibc's alone (see the header of small_strtod.cpp).
bool isHex(const std::string& text) {
  std::size_t i = 0;
  while (i < text.size() && (text[i] == ' ' || (text[i] >= '\t' && text[i] <= '\r'))) ++i;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
  return i + 1 < text.size() && text[i] == '0' && (text[i + 1] | 32) == 'x';
}

// Counts mismatches, reporting the first few with the input.
struct Checker {
  long checked = 0;
  int failures = 0;

  void check(const std::string& text, bool alsoFloat = true) {
    if (isHex(text)) return;
    ++checked;
    compare("strtod", run(glibcStrtod, text), run(kindred_small_strtod, text), text);
    if (alsoFloat) compare("strtof", run(glibcStrtof, text), run(kindred_small_strtof, text), text);
  }

  void compare(const char* what, const Outcome& expected, const Outcome& actual, const std::string& text) {
    if (expected == actual) return;
    if (++failures > 10) return;
    ADD_FAILURE() << what << "(\"" << text.substr(0, 200) << (text.size() > 200 ? "...\"" : "\"") << ") glibc: bits "
                  << std::hex << expected.bits << std::dec << " consumed " << expected.consumed << " errno "
                  << expected.error << "; ours: bits " << std::hex << actual.bits << std::dec << " consumed "
                  << actual.consumed << " errno " << actual.error;
  }
};

// The exact decimal of m * 2^k, as "d.ddde-ddd". Not with printf: a long
// double may be x87's, binary128, or printed as a double (Emscripten).
std::string exactDecimal(std::uint64_t m, int k) {
  constexpr std::uint32_t kBase = 1000000000;
  std::vector<std::uint32_t> limbs;  // base 10^9, least significant first
  for (; m; m /= kBase) limbs.push_back(static_cast<std::uint32_t>(m % kBase));
  const auto multiply = [&limbs](std::uint32_t factor) {
    std::uint64_t carry = 0;
    for (auto& limb : limbs) {
      carry += std::uint64_t{limb} * factor;
      limb = static_cast<std::uint32_t>(carry % kBase);
      carry /= kBase;
    }
    for (; carry; carry /= kBase) limbs.push_back(static_cast<std::uint32_t>(carry % kBase));
  };
  for (int n = k; n > 0; n -= 29) multiply(1u << std::min(n, 29));
  for (int n = -k; n > 0; n -= 12) {  // m * 2^k = m * 5^-k * 10^k
    std::uint32_t power = 1;
    for (int i = 0; i < std::min(n, 12); ++i) power *= 5;
    multiply(power);
  }
  std::string digits = std::to_string(limbs.back());
  for (std::size_t i = limbs.size() - 1; i-- > 0;) {
    const std::string part = std::to_string(limbs[i]);
    digits += std::string(9 - part.size(), '0') + part;
  }
  const long exponent = static_cast<long>(digits.size()) - 1 + std::min(k, 0);
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  return digits.substr(0, 1) + "." + digits.substr(1) + "e" + std::to_string(exponent);
}

// The point halfway between a finite double (or float) and the next one up,
// as m * 2^k.
template <typename Float>
std::string halfwayAbove(Float low) {
  int binary = 0;
  const Float fraction = std::frexp(low, &binary);
  constexpr int kDigits = std::numeric_limits<Float>::digits;
  auto m = static_cast<std::uint64_t>(std::ldexp(fraction, kDigits));  // low = m * 2^q
  const int q = binary - kDigits;
  int unit = 0;  // next - low = 2^unit
  std::frexp(std::nextafter(low, std::numeric_limits<Float>::infinity()) - low, &unit);
  --unit;
  if (m == 0) return exactDecimal(1, unit - 1);
  if (unit - 1 >= q) return exactDecimal(m + (std::uint64_t{1} << (unit - 1 - q)), q);
  return exactDecimal((m << (q - unit + 1)) + 1, unit - 1);
}

// Just below and just above a decimal string: its mantissa cut short, and
// its mantissa with a 1 appended.
void checkAround(Checker& checker, const std::string& exact, std::mt19937_64& random) {
  checker.check(exact);
  const std::size_t e = exact.find('e');
  std::string mantissa = exact.substr(0, e);
  const std::string exponent = exact.substr(e);
  if (mantissa.find('.') == std::string::npos) mantissa += '.';
  checker.check(mantissa + "1" + exponent);
  checker.check(mantissa + std::string(300, '0') + exponent);
  checker.check(mantissa + std::string(300, '0') + "1" + exponent);
  if (mantissa.size() > 3) {
    checker.check(mantissa.substr(0, mantissa.size() - 1) + exponent);
    checker.check(mantissa.substr(0, 3 + random() % (mantissa.size() - 3)) + exponent);
  }
}

TEST(SmallStrtod, HardCases) {
  Checker checker;
  for (const char* text : {
           "0", "-0", "+0", "0.0", "-0.0e-5", "00000", "0.000", "1", "-1", "0.1", "0.2", "0.3", "1e23", "-1e23",
           "8.98846567431158e307", "9007199254740993", "9007199254740992", "9007199254740994", "9007199254740995",
           "9007199254740993.0000000000000000000001", "4503599627370496.5", "4503599627370497.5",
           "2.2250738585072011e-308", "2.2250738585072012e-308", "2.2250738585072014e-308",
           "2.225073858507201136057409796709131975934819546351645648e-308",
           "4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
           "2.4703282292062327208828439643411068618252990130716238221279284125033775363510437593264991818081799618989828234772285886546332835517796989819938739800539093906315035659515570226392290858392449105184435931802849936536152500319370457678249219365623669863658480757001585769269903706311928279558551332927834338409351978015531246597263579574622766465272827220056374006485499977096599470454020828166226237857393450736339007967761930577506740176324673600968951340535537458516661134223766678604162159680461914467291840300530057530849048765391711386591646239524912623653881879636239373280423891018672348497668235089863388587925628302755995657524455507255189313690836254779186948667994968324049705821028513185451396213837722826145437693412532098591327667236328125e-324",
           "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "-1.7976931348623159e308",
           "179769313486231580793728971405301e276", "1e308", "1e309", "1e-323", "1e-324", "1e-325", "5e-324", "3e-324",
           "0e999999999", "-0e-999999999", "1e-99999999", "-1e-99999999", "1e99999999", "1e999999999999999999999999",
           "1e-000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000300",
           "1e+0000000000000000000000000000308", "123456789012345678901234567890", "1.5e", "1.5e+", "1.5e-",
           "1.5E-3", "1.5E+3", ".5", "5.", "-.5e1", ".", "-", "+", "", "-.", ".e5", "e5", "--1", "+-1", "1..2",
           "1.2.3", "1e5.5", "1e+-5", " \t\n\v\f\r 42", "\x1c" "1", "0x1p3", "0.5x", "1_000", "١",
           "inf", "INF", "-inf", "+Infinity", "infinit", "infinityx", "in", "nan", "-NaN", "nan(", "nan()",
           "nan(abc_123)", "nan(a-b)", "nanx", "NAN(0x1)",
           // JSON's own grammar, as nlohmann's lexer passes it (it has already validated the token).
           "-123.456e-7", "12.5", "0.1e1", "1E400", "-1E400", "1e-400", "123e-400", "1.38e3", "1379.9999999999999",
           "1380.00000000000001", "0.30000000000000004", "0.30000000000000001665",
       })
    checker.check(text);

  // 800 digits, and a value written with 400 leading or trailing zeros.
  std::string digits;
  for (int i = 0; i < 800; ++i) digits += static_cast<char>('0' + (i * 7 + 3) % 10);
  checker.check(digits);
  checker.check("0." + digits);
  checker.check(digits + "e-1100");
  checker.check(digits + "e-500");
  checker.check(digits.substr(0, 20) + "." + digits.substr(20) + "e-330");
  checker.check("0." + std::string(400, '0') + "1e400");
  checker.check("0." + std::string(400, '0') + "1e90");
  checker.check("0." + std::string(400, '0') + "17976931348623158e709");
  checker.check("1" + std::string(400, '0') + "e-400");
  checker.check("1" + std::string(400, '0') + "e-700");
  checker.check("1." + std::string(2000, '0') + "1");
  checker.check("1" + std::string(2000, '9'));
  checker.check(std::string(2000, '9') + "e-2300");
  // The largest big integers: 770 digits (769 and a sticky one) at the
  // smallest exponent that is not rounded to 0 up front, and at the largest.
  checker.check("9." + std::string(2000, '9') + "e-324");
  checker.check("0." + std::string(322, '0') + std::string(2000, '9'));
  checker.check("2.4703282292062327" + std::string(1000, '9') + "e-324");
  checker.check("1." + std::string(2000, '9') + "e308");
  checker.check(std::string(309, '9') + "." + std::string(2000, '9'));

  // Halfway points at the edges of the range, and around them.
  std::mt19937_64 random(7);
  for (const auto& [m, k] : std::initializer_list<std::pair<std::uint64_t, int>>{
           {(1ull << 53) - 1, -1075},  // between the largest subnormal and DBL_MIN
           {(1ull << 54) - 1, -1076},  // below it DBL_MIN is tiny, at it not (tininess after rounding)
           {(1ull << 53) + 1, -1075},  // DBL_MIN and the next one up
           {1, -1075}, {3, -1075}, {1, -1076},
           {(1ull << 54) - 1, 970},  // DBL_MAX and infinity
           {(1ull << 54) - 3, 970},
           {(1ull << 53) + 1, 0}, {(1ull << 53) + 1, -1}, {(1ull << 53) + 1, -53},
       })
    checkAround(checker, exactDecimal(m, k), random);
  // Exact subnormals: no ERANGE.
  for (const std::uint64_t m : {1ull, 3ull, (1ull << 52) - 1}) checker.check(exactDecimal(m, -1074));
  // Powers of ten.
  for (int e = -400; e <= 400; ++e) checker.check("1e" + std::to_string(e));

  // The result is also usable without an end pointer.
  EXPECT_EQ(kindred_small_strtod("12.5e1", nullptr), 125.0);
  EXPECT_EQ(kindred_small_strtold("0.1", nullptr), static_cast<long double>(0.1));
  EXPECT_EQ(checker.failures, 0);
  EXPECT_GT(checker.checked, 900);
}

// A longer run: KINDRED_STRTOD_ROUNDS=n random strings and n / 100 halfway points.
long rounds() {
  const char* value = std::getenv("KINDRED_STRTOD_ROUNDS");
  return value ? std::atol(value) : kRounds;
}

// Halfway points between random neighbouring doubles (and floats), over the
// whole range, subnormals included: exactly, and just either side.
TEST(SmallStrtod, RandomHalfwayPoints) {
  Checker checker;
  std::mt19937_64 random(2024);
  const long count = rounds() / 100;
  for (long i = 0; i < count; ++i) {
    std::uint64_t bits = random() % 0x7fefffffffffffffu;  // below DBL_MAX
    if (i % 8 == 0) bits &= 0x000fffffffffffffu;  // subnormal
    double low;
    std::memcpy(&low, &bits, sizeof low);
    checkAround(checker, halfwayAbove(low), random);
  }
  for (long i = 0; i < count; ++i) {
    auto bits = static_cast<std::uint32_t>(random() % 0x7f7fffffu);
    float low;
    std::memcpy(&low, &bits, sizeof low);
    checkAround(checker, halfwayAbove(low), random);
  }
  EXPECT_EQ(checker.failures, 0);
}

// Random decimal strings: 1 to 40 digits, a point anywhere or none, an
// exponent from -400 to 400 or none.
TEST(SmallStrtod, RandomDecimalStrings) {
  Checker checker;
  std::mt19937_64 random(1);
  const long count = rounds();
  std::string text;
  for (long i = 0; i < count; ++i) {
    text.clear();
    const std::uint64_t r = random();
    if (r & 1) text += '-';
    const int digits = 1 + static_cast<int>((r >> 1) % 40);
    const int point = static_cast<int>((r >> 8) % (digits + 2)) - 1;  // -1: none
    // Mostly leading nonzero; zeros and nines runs make ties and carries likelier.
    const int style = static_cast<int>((r >> 16) % 8);
    for (int d = 0; d < digits; ++d) {
      if (d == point) text += '.';
      const std::uint64_t pick = random();
      char digit = static_cast<char>('0' + pick % 10);
      if (style == 1 && d > 0 && pick % 4) digit = '0';
      if (style == 2 && d > 0 && pick % 4) digit = '9';
      text += digit;
    }
    if (point == digits) text += '.';
    if ((r >> 20) % 8) {
      text += (r >> 23) & 1 ? 'e' : 'E';
      const std::uint64_t sign = (r >> 24) % 3;
      if (sign) text += sign == 1 ? '+' : '-';
      text += std::to_string((r >> 26) % 401);
    }
    checker.check(text, i % 4 == 0);
  }
  EXPECT_EQ(checker.failures, 0);
}

// From every byte offset of every JSONTestSuite file: all its numbers, and
// whatever else starts there.
TEST(SmallStrtod, EverySuffixOfTheJsonCorpus) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(KINDRED_CORPORA_DIR) / "json-test-suite" / "test_parsing";
  ASSERT_TRUE(fs::is_directory(dir)) << dir;
  Checker checker;
  int files = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    ++files;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const std::string content = bytes.str();
    for (std::size_t i = 0; i < content.size(); ++i) checker.check(content.substr(i, 2000));
  }
  EXPECT_GT(files, 300);
  EXPECT_EQ(checker.failures, 0);
}

}  // namespace
