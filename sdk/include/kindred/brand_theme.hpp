#pragma once
// The brand's accent made readable on the widget's card, by WCAG 2.x's
// arithmetic: relative luminance, contrast ratio, and the smallest move
// toward black (on the light card) or white (on the dark one) that reaches
// AA for text, 4.5:1. The accent fills buttons and the progress bar and
// colours text, so one accent that reads as text reads everywhere; the ink
// on it is black or white, whichever reads better (never below 4.5:1).

#include "kindred/brand.hpp"

namespace kindred {

// The widget's cards (widget.css --kindred-surface, light and dark).
inline constexpr Rgb kLightSurface{0xff, 0xff, 0xff};
inline constexpr Rgb kDarkSurface{0x15, 0x20, 0x1e};
inline constexpr double kTextContrast = 4.5;  // WCAG 2.x AA, normal text

double relativeLuminance(Rgb color);
double contrastRatio(Rgb a, Rgb b);

struct ReadableAccent {
  Rgb accent;
  Rgb ink;          // text on the accent
  bool adjusted;    // the brand's colour did not read as it was
};

ReadableAccent readableAccent(Rgb wanted, Rgb surface, double minimum = kTextContrast);

}  // namespace kindred
