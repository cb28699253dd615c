// The streaming writer against what nlohmann's dump() wrote before it took
// over the views: same values after parsing, invalid UTF-8 included.
#include "json_writer.hpp"

#include <cmath>
#include <limits>
#include <random>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace kindred {
namespace {

using json = nlohmann::json;

std::string written(std::string_view text) { return JsonWriter().string(text).take(); }

std::string dumped(const std::string& text) {
  return json(text).dump(-1, ' ', false, json::error_handler_t::replace);
}

// Parsed back: what a host's JSON.parse sees.
std::string parsedString(const std::string& document) {
  const json value = json::parse(document, nullptr, /*allow_exceptions=*/false);
  EXPECT_TRUE(value.is_string()) << document;
  return value.is_string() ? value.get<std::string>() : std::string();
}

TEST(JsonWriter, EscapesQuotesBackslashesAndControlCharacters) {
  EXPECT_EQ(written("a\"b\\c"), R"("a\"b\\c")");
  EXPECT_EQ(written(std::string("\x00\x01\n\x1f\x7f", 5)), R"("\u0000\u0001\u000a\u001f)" "\x7f\"");
  EXPECT_EQ(written("Zoë ☕ 𝕏"), "\"Zoë ☕ 𝕏\"");
}

TEST(JsonWriter, MalformedUtf8BecomesOneReplacementPerMaximalSubpart) {
  EXPECT_EQ(written("\xFF"), "\"\xEF\xBF\xBD\"");
  EXPECT_EQ(written("a\xE2\x82"), "\"a\xEF\xBF\xBD\"");                          // cut short at the end
  EXPECT_EQ(written("\xE2\x82" "b"), "\"\xEF\xBF\xBD" "b\"");                      // cut short before a letter
  EXPECT_EQ(written("\xED\xA0\x80"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // a surrogate
  EXPECT_EQ(written("\xC0\xAF"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");                  // overlong
  // Past U+10FFFF.
  EXPECT_EQ(written("\xF4\x90\x80\x80"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
}

TEST(JsonWriter, StringsReadBackAsNlohmannsReplaceHandlerWroteThem) {
  // Bytes drawn mostly from the edges of the UTF-8 ranges, so that valid,
  // truncated, overlong and out-of-range sequences all come up.
  const unsigned char pool[] = {'a', '"', '\\', 0x00, 0x1F, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0,
                                0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF3, 0xF4, 0xF5, 0xFF};
  std::mt19937 random(20261123);
  std::uniform_int_distribution<std::size_t> pick(0, sizeof pool - 1), length(0, 10);
  for (int round = 0; round < 20000; ++round) {
    std::string text(length(random), ' ');
    for (char& c : text) c = static_cast<char>(pool[pick(random)]);
    ASSERT_EQ(parsedString(written(text)), parsedString(dumped(text)))
        << json(text).dump(-1, ' ', true, json::error_handler_t::replace);
  }
}

TEST(JsonWriter, DecimalsRoundToTheirPlacesWithoutTrailingZeros) {
  const auto decimal = [](double value, int places) { return JsonWriter().decimal(value, places).take(); };
  EXPECT_EQ(decimal(0.88, 4), "0.88");
  EXPECT_EQ(decimal(0.0, 4), "0");
  EXPECT_EQ(decimal(-0.0, 4), "0");
  EXPECT_EQ(decimal(1.0, 4), "1");
  EXPECT_EQ(decimal(1.0 / 3.0, 4), "0.3333");
  EXPECT_EQ(decimal(2.0 / 3.0, 4), "0.6667");
  EXPECT_EQ(decimal(0.99996, 4), "1");
  EXPECT_EQ(decimal(0.0501, 4), "0.0501");
  EXPECT_EQ(decimal(0.00004, 4), "0");
  EXPECT_EQ(decimal(-1.25, 1), "-1.3");   // half away from zero, as std::round
  EXPECT_EQ(decimal(-0.5, 4), "-0.5");
  EXPECT_EQ(decimal(19000.4, 0), "19000");
  EXPECT_EQ(decimal(10999.5, 0), "11000");
  EXPECT_EQ(decimal(128.0 / 255.0, 4), "0.502");
  EXPECT_EQ(decimal(9007199254740992.0, 0), "9007199254740992");
  EXPECT_EQ(decimal(9007199254740994.0, 0), "null");
  EXPECT_EQ(decimal(1e11, 4), "100000000000");
  EXPECT_EQ(decimal(1e12, 4), "null");  // 10^16 ten-thousandths: not exact
  EXPECT_EQ(decimal(std::numeric_limits<double>::quiet_NaN(), 2), "null");
  EXPECT_EQ(decimal(-std::numeric_limits<double>::infinity(), 2), "null");
  // Whatever it writes is JSON that reads back within half a unit of the last place.
  for (const double value : {0.123456, 12.5, 1e-9, 123456.789}) {
    const json read = json::parse(decimal(value, 4));
    EXPECT_NEAR(read.get<double>(), value, 0.00005) << value;
  }
}

TEST(JsonWriter, IntegersAsTheSerializerWroteThem) {
  for (const std::int64_t value : {std::int64_t{0}, std::int64_t{-1}, std::int64_t{9007199254740991},
                                   std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()}) {
    EXPECT_EQ(JsonWriter().integer(value).take(), json(value).dump()) << value;
  }
}

TEST(JsonWriter, CommasGoBetweenValuesAndFields) {
  JsonWriter out;
  out.beginObject().field("a", 1).key("b").beginArray().integer(1).beginObject().endObject().null().endArray();
  out.field("c", std::optional<std::string>()).field("d", std::optional<std::int64_t>(2));
  writeError(out.key("e"), InputError{"member.points", "is required"});
  out.key("f");
  writeError(out, std::nullopt);
  EXPECT_EQ(out.endObject().take(),
            R"({"a":1,"b":[1,{},null],"c":null,"d":2,)"
            R"("e":{"path":"member.points","problem":"is required","message":"member.points: is required"},"f":null})");
}

}  // namespace
}  // namespace kindred
