#pragma once
// How a brand wants the widget to look, from GET /v1/program's optional
// "brand": an accent colour (and one for dark mode), a logo, the brand's
// fonts and a corner radius. Every field is optional; a program without a
// brand keeps the widget's own look.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kindred {

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
  bool operator==(const Rgb& other) const { return r == other.r && g == other.g && b == other.b; }
};

// "#0f766e" (either case), the one form the contract allows; nullopt otherwise.
std::optional<Rgb> parseHexColor(std::string_view text);
// Lower-case "#rrggbb".
std::string hexColor(Rgb color);

struct Brand {
  std::optional<Rgb> accent;       // on the light card
  std::optional<Rgb> accentDark;   // on the dark card; derived from `accent` when absent
  std::string logoUrl;             // https://... or a path on the backend; empty: no logo
  std::vector<std::string> fontFamilies;  // tried in order, before the system font
  std::optional<std::int64_t> cornerRadius;  // CSS pixels, 0 to 32

  bool empty() const {
    return !accent && !accentDark && logoUrl.empty() && fontFamilies.empty() && !cornerRadius;
  }
};

}  // namespace kindred
