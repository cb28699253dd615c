// The core's JSON parser: JSONTestSuite's verdicts (every y_ file accepted,
// every n_ file rejected, every i_ file handled without harm), exact integers
// to 64 bits, strings decoded to UTF-8, and problems that say where.
#include "json_value.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace kindred {
namespace {

namespace fs = std::filesystem;

std::optional<std::string> parse(std::string_view text, JsonValue& out) { return parseJson(text, out); }

JsonValue parsed(std::string_view text) {
  JsonValue value;
  const auto problem = parseJson(text, value);
  EXPECT_FALSE(problem) << text << ": " << problem.value_or("");
  return value;
}

std::string problemOf(std::string_view text) {
  JsonValue value;
  return parseJson(text, value).value_or("(accepted)");
}

TEST(JsonValue, FollowsJsonTestSuite) {
  const fs::path dir = fs::path(KINDRED_CORPORA_DIR) / "json-test-suite" / "test_parsing";
  std::size_t accepted = 0, rejected = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    JsonValue value;
    const auto problem = parse(bytes.str(), value);
    if (name.rfind("y_", 0) == 0) {
      EXPECT_FALSE(problem) << name << ": " << problem.value_or("");
      ++accepted;
    } else if (name.rfind("n_", 0) == 0) {
      EXPECT_TRUE(problem) << name << " was accepted";
      ++rejected;
    }
  }
  EXPECT_GT(accepted, 90u);
  EXPECT_GT(rejected, 180u);
}

TEST(JsonValue, ReadsEveryTypeAndKeepsOrder) {
  const JsonValue doc = parsed(R"( {"a": [1, -2.5, "x", true, false, null, {}, []], "b": {"c": "d"}} )");
  ASSERT_TRUE(doc.isObject());
  const JsonValue* a = doc.find("a");
  ASSERT_TRUE(a && a->isArray());
  ASSERT_EQ(a->items().size(), 8u);
  EXPECT_EQ(a->items()[0].integer(), 1);
  EXPECT_TRUE(a->items()[1].isNumber());
  EXPECT_FALSE(a->items()[1].isInteger());
  EXPECT_EQ(a->items()[1].number(), -2.5);
  EXPECT_EQ(a->items()[2].text(), "x");
  EXPECT_TRUE(a->items()[3].isBoolean() && a->items()[3].boolean());
  EXPECT_FALSE(a->items()[4].boolean());
  EXPECT_TRUE(a->items()[5].isNull());
  EXPECT_TRUE(a->items()[6].isObject() && a->items()[6].items().empty());
  EXPECT_TRUE(a->items()[7].isArray());
  EXPECT_EQ(doc.find("b")->find("c")->text(), "d");
  EXPECT_EQ(doc.find("z"), nullptr);
  EXPECT_EQ(a->find("a"), nullptr);  // not an object
}

TEST(JsonValue, AKeyGivenTwiceMeansItsLastValue) {
  EXPECT_EQ(parsed(R"({"points": 1, "points": 2})").find("points")->integer(), 2);
}

TEST(JsonValue, IntegersAreExactTo64BitsAndBeyondThemAreDoubles) {
  EXPECT_EQ(parsed("9223372036854775807").integer(), INT64_MAX);
  EXPECT_EQ(parsed("-9223372036854775808").integer(), INT64_MIN);
  EXPECT_EQ(parsed("9007199254740993").integer(), 9007199254740993);  // 2^53 + 1: no rounding
  const JsonValue big = parsed("9223372036854775808");
  EXPECT_FALSE(big.isInteger());
  EXPECT_EQ(big.number(), 9223372036854775808.0);
  EXPECT_FALSE(parsed("12.0").isInteger());
  EXPECT_EQ(parsed("-0").integer(), 0);
  EXPECT_EQ(parsed("1E400").number(), HUGE_VAL);
  EXPECT_EQ(parsed("4503599627370497.5").number(), 4503599627370498.0);  // rounded to even
}

TEST(JsonValue, StringsAreDecodedToUtf8) {
  EXPECT_EQ(parsed(R"("a\"b\\c\/d\b\f\n\r\t")").text(), "a\"b\\c/d\b\f\n\r\t");
  EXPECT_EQ(parsed(R"("\u00e9\u20AC")").text(), "\xC3\xA9\xE2\x82\xAC");
  EXPECT_EQ(parsed(R"("\ud83c\udf32")").text(), "\xF0\x9F\x8C\xB2");  // a surrogate pair: one tree
  EXPECT_EQ(parsed("\"caf\xC3\xA9 \xF0\x9F\x8C\xB2\"").text(), "caf\xC3\xA9 \xF0\x9F\x8C\xB2");
  EXPECT_EQ(parsed(R"("\u0000")").text(), std::string(1, '\0'));
}

TEST(JsonValue, ProblemsSayWhatAndAtWhichByte) {
  EXPECT_EQ(problemOf(""), "byte 1: unexpected end of input, expected a value");
  EXPECT_EQ(problemOf(R"({"a": tru})"), "byte 7: invalid literal");
  EXPECT_EQ(problemOf(R"({"a": 1,})"), "byte 9: expected a string key");
  EXPECT_EQ(problemOf(R"({"a" 1})"), "byte 6: expected ':'");
  EXPECT_EQ(problemOf("[1 2]"), "byte 4: expected ',' or ']'");
  EXPECT_EQ(problemOf("[1] x"), "byte 5: unexpected text after the value");
  EXPECT_EQ(problemOf("01"), "byte 2: unexpected text after the value");
  EXPECT_EQ(problemOf("1."), "byte 3: invalid number: expected digits after '.'");
  EXPECT_EQ(problemOf("\"a\x01\""), "byte 3: control character <U+0001> must be escaped");
  EXPECT_EQ(problemOf("\"\xC3\""), "byte 2: invalid UTF-8 in a string");
  EXPECT_EQ(problemOf("\"\xED\xA0\x80\""), "byte 2: invalid UTF-8 in a string");  // a surrogate, encoded
  EXPECT_EQ(problemOf(R"("\ud83c")"), "byte 8: invalid \\u escape: a high surrogate with no low one");
  EXPECT_EQ(problemOf(R"("\udf32")"), "byte 8: invalid \\u escape: a low surrogate with no high one");
  EXPECT_EQ(problemOf(R"("\x")"), "byte 4: invalid escape");
}

TEST(JsonValue, NestingHasALimitThatPayloadsNeverReach) {
  EXPECT_FALSE(problemOf(std::string(100, '[') + std::string(100, ']')) != "(accepted)");
  EXPECT_EQ(problemOf(std::string(101, '[') + std::string(101, ']')), "byte 101: nested too deeply");
  EXPECT_EQ(problemOf(std::string(100000, '[')), "byte 101: nested too deeply");
}

}  // namespace
}  // namespace kindred
