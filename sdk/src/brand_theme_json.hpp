#pragma once
// The brand's look as the widget applies it: "theme" in the progress view.

#include "json_writer.hpp"
#include "kindred/brand.hpp"

namespace kindred {

// {"light": {accent, accentInk, adjusted}, "dark": {...}, "fontFamily",
// "cornerRadius", "logoUrl"}, each only when the brand sets it; null for a
// program without a brand.
void writeBrandTheme(JsonWriter& out, const Brand& brand);

}  // namespace kindred
