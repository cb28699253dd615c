#include "kindred/brand_theme.hpp"

#include <algorithm>

#include "brand_theme_json.hpp"

namespace kindred {
namespace {

// x^(1/5) for x in (0, 1], by Newton's method from above (the root is at
// least 0.3 here, so it takes a dozen steps to the last bit). std::pow would
// bring musl's pow into the wasm: 3 KB gzipped for one exponent.
double fifthRoot(double x) {
  double y = 1.0;
  for (int i = 0; i < 40; ++i) {
    const double y4 = (y * y) * (y * y);
    const double next = y - (y4 * y - x) / (5.0 * y4);
    if (next >= y) break;  // converged: the next step would not go lower
    y = next;
  }
  return y;
}

// sRGB to linear light, as WCAG 2.2's definition of relative luminance
// (with the sRGB standard's 0.04045 threshold, which WCAG 2.2 adopted):
// ((c + 0.055) / 1.055)^2.4, written as s^2 * (s^2)^(1/5).
double linear(std::uint8_t channel) {
  const double c = channel / 255.0;
  if (c <= 0.04045) return c / 12.92;
  const double square = ((c + 0.055) / 1.055) * ((c + 0.055) / 1.055);
  return square * fifthRoot(square);
}

Rgb mix(Rgb from, Rgb to, double amount) {
  auto channel = [amount](std::uint8_t a, std::uint8_t b) {  // rounded half up; never negative
    return static_cast<std::uint8_t>(a + (b - a) * amount + 0.5);
  };
  return {channel(from.r, to.r), channel(from.g, to.g), channel(from.b, to.b)};
}

constexpr Rgb kBlack{0, 0, 0};
constexpr Rgb kWhite{0xff, 0xff, 0xff};

void writeAccent(JsonWriter& out, const char* mode, Rgb wanted, Rgb surface) {
  const ReadableAccent readable = readableAccent(wanted, surface);
  out.key(mode)
      .beginObject()
      .field("accent", hexColor(readable.accent))
      .field("accentInk", hexColor(readable.ink))
      .field("adjusted", readable.adjusted)
      .endObject();
}

}  // namespace

double relativeLuminance(Rgb color) {
  return 0.2126 * linear(color.r) + 0.7152 * linear(color.g) + 0.0722 * linear(color.b);
}

double contrastRatio(Rgb a, Rgb b) {
  const double la = relativeLuminance(a), lb = relativeLuminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

ReadableAccent readableAccent(Rgb wanted, Rgb surface, double minimum) {
  // Away from the card: darker on a light card, lighter on a dark one. Each
  // step is a 64th of the way, rounded to whole channel values, and checked
  // after rounding; black and white read on either card, so it ends.
  const Rgb away = relativeLuminance(surface) > 0.18 ? kBlack : kWhite;
  Rgb accent = wanted;
  for (int step = 1; step <= 64 && contrastRatio(accent, surface) < minimum; ++step)
    accent = mix(wanted, away, step / 64.0);
  const Rgb ink = contrastRatio(accent, kWhite) >= contrastRatio(accent, kBlack) ? kWhite : kBlack;
  return {accent, ink, !(accent == wanted)};
}

void writeBrandTheme(JsonWriter& out, const Brand& brand) {
  if (brand.empty()) {
    out.null();
    return;
  }
  out.beginObject();
  // Dark mode starts from the brand's dark accent, else from its accent.
  if (brand.accent) writeAccent(out, "light", *brand.accent, kLightSurface);
  if (brand.accentDark || brand.accent) writeAccent(out, "dark", brand.accentDark ? *brand.accentDark : *brand.accent, kDarkSurface);
  if (!brand.fontFamilies.empty()) {
    std::string families;
    for (const auto& name : brand.fontFamilies) families += (families.empty() ? "\"" : ", \"") + name + "\"";
    out.field("fontFamily", families);
  }
  if (brand.cornerRadius) out.field("cornerRadius", *brand.cornerRadius);
  if (!brand.logoUrl.empty()) out.field("logoUrl", brand.logoUrl);
  out.endObject();
}

}  // namespace kindred
