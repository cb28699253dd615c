#include "kindred/text_folding.hpp"

#include <gtest/gtest.h>

namespace kindred {
namespace {

TEST(TextFolding, LowersAndTakesAccentsOff) {
  EXPECT_EQ(foldForSearch("Café Crème"), "cafe creme");
  EXPECT_EQ(foldForSearch("PIÑATA Trail-Mix, 2×"), "pinata trail mix 2");
  EXPECT_EQ(foldForSearch("Œuvre Ærø Straße Łódź"), "oeuvre aero strasse lodz");
}

TEST(TextFolding, CombiningMarksFoldLikePrecomposedLetters) {
  EXPECT_EQ(foldForSearch("Cafe\xCC\x81"), foldForSearch("Café"));  // e + U+0301
}

TEST(TextFolding, OtherScriptsPassThroughAsWords) {
  EXPECT_EQ(foldForSearch("抹茶 ラテ"), "抹茶 ラテ");
  EXPECT_EQ(searchWords("  ¡Hola!  mundo… "), (std::vector<std::string>{"hola", "mundo"}));
}

TEST(TextFolding, MalformedBytesNeverCrashAndSplitWords) {
  EXPECT_EQ(foldForSearch(std::string("ab\xFF" "cd\xE2\x82", 7)), "ab cd");
  EXPECT_TRUE(searchWords("").empty());
  EXPECT_TRUE(searchWords(" ,.;!? ").empty());
}

}  // namespace
}  // namespace kindred
