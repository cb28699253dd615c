// The brand's look: colours checked against WCAG 2.x's own arithmetic, an
// accent moved just enough to read on each card (for every colour of a
// 4,096-colour grid), and program.brand read field by field with its path.
#include "kindred/brand_theme.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include <nlohmann/json.hpp>

#include "kindred/core.hpp"
#include "kindred/program.hpp"
#include "rejection_case.hpp"
#include "sample_payloads.hpp"

namespace kindred {
namespace {

using nlohmann::json;
using testing::Rejection;

Rgb hex(const char* text) { return parseHexColor(text).value(); }

TEST(BrandColor, ReadsAndWritesHexInEitherCase) {
  EXPECT_EQ(hex("#0F766e"), (Rgb{0x0f, 0x76, 0x6e}));
  EXPECT_EQ(hexColor(Rgb{0x0f, 0x76, 0x6e}), "#0f766e");
  for (const char* bad : {"", "#", "0f766e", "#0f766", "#0f766e0", "#0g766e", "#fff", "rgb(0,0,0)", " #0f766e"})
    EXPECT_FALSE(parseHexColor(bad)) << bad;
}

// Values computed independently (Python, from WCAG 2.2's formula).
TEST(BrandContrast, MatchesWcagArithmetic) {
  EXPECT_DOUBLE_EQ(relativeLuminance(hex("#ffffff")), 1.0);
  EXPECT_DOUBLE_EQ(relativeLuminance(hex("#000000")), 0.0);
  EXPECT_NEAR(contrastRatio(hex("#000000"), hex("#ffffff")), 21.0, 1e-12);
  EXPECT_NEAR(contrastRatio(hex("#777777"), hex("#ffffff")), 4.478089, 1e-6);  // the classic near miss
  EXPECT_NEAR(contrastRatio(hex("#767676"), hex("#ffffff")), 4.542225, 1e-6);
  EXPECT_NEAR(contrastRatio(hex("#0f766e"), kLightSurface), 5.473250, 1e-6);   // the widget's own accent
  EXPECT_NEAR(contrastRatio(hex("#2dd4bf"), kDarkSurface), 8.973072, 1e-6);
  EXPECT_DOUBLE_EQ(contrastRatio(hex("#123456"), hex("#abcdef")), contrastRatio(hex("#abcdef"), hex("#123456")));
}

// The core computes the power without std::pow (see brand_theme.cpp); every
// channel value must still match the formula to the last few bits.
TEST(BrandContrast, LuminanceOfEveryGreyMatchesThePowFormula) {
  for (int c = 0; c < 256; ++c) {
    const double s = c / 255.0;
    const double expected = s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
    const auto v = static_cast<std::uint8_t>(c);
    EXPECT_NEAR(relativeLuminance(Rgb{v, v, v}), expected, 1e-15) << c;
  }
}

TEST(BrandAccent, AColourThatAlreadyReadsIsKept) {
  const ReadableAccent light = readableAccent(hex("#0f766e"), kLightSurface);
  EXPECT_EQ(light.accent, hex("#0f766e"));
  EXPECT_EQ(light.ink, hex("#ffffff"));
  EXPECT_FALSE(light.adjusted);
}

TEST(BrandAccent, GoldOnWhiteIsDarkenedJustEnough) {
  const ReadableAccent gold = readableAccent(hex("#ffd700"), kLightSurface);
  EXPECT_TRUE(gold.adjusted);
  EXPECT_GE(contrastRatio(gold.accent, kLightSurface), kTextContrast);
  EXPECT_LT(contrastRatio(gold.accent, kLightSurface), 5.2) << "moved much further than needed: " << hexColor(gold.accent);
  EXPECT_LT(gold.accent.b, 10) << "still a gold, not a grey: " << hexColor(gold.accent);
  EXPECT_GT(gold.accent.r, gold.accent.b + 60);
}

TEST(BrandAccent, EveryColourReadsOnBothCardsWithReadableInk) {
  for (int r = 0; r < 256; r += 17)
    for (int g = 0; g < 256; g += 17)
      for (int b = 0; b < 256; b += 17) {
        const Rgb wanted{static_cast<std::uint8_t>(r), static_cast<std::uint8_t>(g), static_cast<std::uint8_t>(b)};
        for (Rgb surface : {kLightSurface, kDarkSurface}) {
          const ReadableAccent result = readableAccent(wanted, surface);
          ASSERT_GE(contrastRatio(result.accent, surface), kTextContrast) << hexColor(wanted) << " on " << hexColor(surface);
          ASSERT_GE(contrastRatio(result.ink, result.accent), kTextContrast) << hexColor(wanted);
          ASSERT_EQ(result.adjusted, contrastRatio(wanted, surface) < kTextContrast) << hexColor(wanted);
        }
      }
}

json programJson() { return json::parse(testing::kProgramJson); }

std::string themeOf(const json& program) {
  Core core;
  core.ingest("program", program.dump());
  core.ingest("member", testing::kMemberJson);
  return json::parse(core.progressViewJson("2026-12-06"))["program"]["theme"].dump();
}

TEST(BrandTheme, IsNullWithoutABrand) { EXPECT_EQ(themeOf(programJson()), "null"); }

TEST(BrandTheme, GivesEachCardItsReadableAccentAndTheRestAsGiven) {
  json program = programJson();
  program["brand"] = {{"accent", "#FFD700"}, {"logoUrl", "/brand/logo.svg"},
                      {"fontFamilies", {"Source Sans 3", "Noto Sans JP"}}, {"cornerRadius", 4}};
  const json theme = json::parse(themeOf(program));
  const ReadableAccent light = readableAccent(hex("#ffd700"), kLightSurface);
  EXPECT_EQ(theme["light"], (json{{"accent", hexColor(light.accent)}, {"accentInk", "#ffffff"}, {"adjusted", true}}));
  EXPECT_EQ(theme["dark"], (json{{"accent", "#ffd700"}, {"accentInk", "#000000"}, {"adjusted", false}}))
      << "gold reads on the dark card as it is";
  EXPECT_EQ(theme["fontFamily"], "\"Source Sans 3\", \"Noto Sans JP\"");
  EXPECT_EQ(theme["cornerRadius"], 4);
  EXPECT_EQ(theme["logoUrl"], "/brand/logo.svg");
}

TEST(BrandTheme, DarkModeUsesTheBrandsDarkAccentWhenGiven) {
  json program = programJson();
  program["brand"] = {{"accentDark", "#a78bfa"}};
  const json theme = json::parse(themeOf(program));
  EXPECT_FALSE(theme.contains("light"));
  EXPECT_EQ(theme["dark"]["accent"], "#a78bfa");
  EXPECT_FALSE(theme.contains("logoUrl"));
}

std::string programWithBrand(json brand) {
  json program = programJson();
  program["brand"] = std::move(brand);
  return program.dump();
}

class BrandRejection : public ::testing::TestWithParam<Rejection> {};

TEST_P(BrandRejection, NamesThePathAndTheProblem) {
  const auto program = parseProgram(GetParam().payload);
  ASSERT_FALSE(program) << "accepted: " << GetParam().payload;
  EXPECT_EQ(program.error().path, GetParam().path);
  EXPECT_EQ(program.error().problem, GetParam().problem);
}

const char* kColorProblem = "expected a colour as \"#rrggbb\"";
const char* kLogoProblem = "expected an https URL or a path on the backend, in printable ASCII";
const char* kFontProblem = "expected a font name of letters, digits, spaces and hyphens (at most 64)";

INSTANTIATE_TEST_SUITE_P(
    EveryField, BrandRejection,
    ::testing::Values(
        Rejection{programWithBrand("teal"), "program.brand", "expected an object"},
        Rejection{programWithBrand({{"accent", "teal"}}), "program.brand.accent", kColorProblem},
        Rejection{programWithBrand({{"accent", "#0f766e;}"}}), "program.brand.accent", kColorProblem},
        Rejection{programWithBrand({{"accentDark", 0x0f766e}}), "program.brand.accentDark", "expected a string"},
        Rejection{programWithBrand({{"logoUrl", "javascript:alert(1)"}}), "program.brand.logoUrl", kLogoProblem},
        Rejection{programWithBrand({{"logoUrl", "http://cdn.example/logo.png"}}), "program.brand.logoUrl", kLogoProblem},
        Rejection{programWithBrand({{"logoUrl", "//evil.example/logo.png"}}), "program.brand.logoUrl", kLogoProblem},
        Rejection{programWithBrand({{"logoUrl", "/logo.png\" onerror=\"x"}}), "program.brand.logoUrl", kLogoProblem},
        Rejection{programWithBrand({{"logoUrl", "https://cdn.example/a logo.png"}}), "program.brand.logoUrl", kLogoProblem},
        Rejection{programWithBrand({{"fontFamilies", "Inter"}}), "program.brand.fontFamilies", "expected an array"},
        Rejection{programWithBrand({{"fontFamilies", {"Inter\"; color: red"}}}), "program.brand.fontFamilies[0]", kFontProblem},
        Rejection{programWithBrand({{"fontFamilies", {"Inter", ""}}}), "program.brand.fontFamilies[1]", kFontProblem},
        Rejection{programWithBrand({{"fontFamilies", {"A", "B", "C", "D", "E"}}}), "program.brand.fontFamilies[4]", "at most 4 fonts"},
        Rejection{programWithBrand({{"cornerRadius", 33}}), "program.brand.cornerRadius", "expected an integer from 0 to 32"},
        Rejection{programWithBrand({{"cornerRadius", -1}}), "program.brand.cornerRadius", "expected an integer from 0 to 32"},
        Rejection{programWithBrand({{"cornerRadius", "8px"}}), "program.brand.cornerRadius", "expected an integer from 0 to 32"}));

}  // namespace
}  // namespace kindred
