#pragma once
// The scratch-off layer of a scratch card: an RGBA8 mask the shopper's finger
// clears. It lives in the core's memory so the shim draws it with
// putImageData over a Uint8ClampedArray view of pixels(), without a copy, and
// only over dirtyRect(). The number of scratched pixels is kept as pixels are
// cleared, so asking how much is revealed costs nothing: JS scratch libraries
// recount every pixel on each touchmove, which lags on Android webviews.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace kindred {

// Pixels, x and y from the top-left corner; empty when width or height is 0.
struct PixelRect {
  int x = 0;
  int y = 0;
  int width = 0;
  int height = 0;
};

class ScratchCard {
 public:
  static constexpr int kMaxSide = 1024;
  static constexpr double kDefaultRevealThreshold = 0.6;

  // width and height are clamped to 1..kMaxSide; coverRgb is 0xRRGGBB. The
  // cover is opaque, in faint diagonal stripes of coverRgb and a lighter shade.
  // The buffer is allocated here once: pixels() stays put for the card's life.
  ScratchCard(int width, int height, std::uint32_t coverRgb);

  // Clears (to RGBA 0,0,0,0) every pixel whose centre (x + 0.5, y + 0.5) lies
  // within `radius` of the segment (x0,y0)-(x1,y1): a capsule, or a disc when
  // the ends coincide. Coordinates may lie outside the card.
  void stroke(float x0, float y0, float x1, float y1, float radius);
  // A frame's worth of finger movement: `count` points as x,y pairs, each
  // consecutive two a stroke; a single point is a disc.
  void strokes(const float* points, std::size_t count, float radius);
  // The tap alternative to scratching (WCAG 2.5.7) and prefers-reduced-motion.
  void revealAll();

  // The scratched fraction at which the card counts as revealed (0..1).
  void setRevealThreshold(double fraction);
  double revealThreshold() const { return revealThreshold_; }
  bool revealed() const;

  std::size_t scratchedPixels() const { return scratched_; }
  std::size_t totalPixels() const { return static_cast<std::size_t>(width_) * static_cast<std::size_t>(height_); }
  double scratchedFraction() const;
  double coveredFraction() const { return 1 - scratchedFraction(); }

  // The smallest rectangle holding every pixel cleared since clearDirty().
  // The field accessors let the shim read it per frame as plain numbers.
  PixelRect dirtyRect() const;
  int dirtyX() const { return dirtyRect().x; }
  int dirtyY() const { return dirtyRect().y; }
  int dirtyWidth() const { return dirtyRect().width; }
  int dirtyHeight() const { return dirtyRect().height; }
  void clearDirty();

  int width() const { return width_; }
  int height() const { return height_; }
  const std::uint8_t* pixels() const { return pixels_.data(); }
  std::uint8_t* pixels() { return pixels_.data(); }
  std::size_t byteLength() const { return pixels_.size(); }

 private:
  void markDirtyRow(int firstX, int lastX, int y);

  int width_;
  int height_;
  std::vector<std::uint8_t> pixels_;
  std::size_t scratched_ = 0;
  double revealThreshold_ = kDefaultRevealThreshold;
  // Inclusive bounds of the dirty pixels; empty while dirtyRight_ < dirtyLeft_.
  int dirtyLeft_ = 0;
  int dirtyTop_ = 0;
  int dirtyRight_ = -1;
  int dirtyBottom_ = -1;
};

}  // namespace kindred
