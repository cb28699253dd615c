#include "kindred/scratch_card.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace kindred {
namespace {

constexpr int kStripePixels = 6;

std::uint8_t channel(std::uint32_t rgb, int shift) { return static_cast<std::uint8_t>((rgb >> shift) & 0xFFu); }

// 15% of the way to white: visible as texture, not as a second colour.
std::uint8_t lighter(std::uint8_t value) { return static_cast<std::uint8_t>(value + (255 - value) * 3 / 20); }

// The first and last pixel index whose centre (i + 0.5) lies in [low, high],
// clipped to 0..size-1; first > last when none does. Clamped in double
// before converting, so far-away coordinates cannot overflow an int.
void pixelSpan(double low, double high, int size, int& first, int& last) {
  first = static_cast<int>(std::clamp(std::ceil(low - 0.5), 0.0, static_cast<double>(size)));
  last = static_cast<int>(std::clamp(std::floor(high - 0.5), -1.0, size - 1.0));
}

}  // namespace

ScratchCard::ScratchCard(int width, int height, std::uint32_t coverRgb)
    : width_(std::clamp(width, 1, kMaxSide)),
      height_(std::clamp(height, 1, kMaxSide)),
      pixels_(totalPixels() * 4) {
  const std::uint8_t dark[4] = {channel(coverRgb, 16), channel(coverRgb, 8), channel(coverRgb, 0), 255};
  const std::uint8_t light[4] = {lighter(dark[0]), lighter(dark[1]), lighter(dark[2]), 255};
  std::uint8_t* pixel = pixels_.data();
  for (int y = 0; y < height_; ++y) {
    for (int x = 0; x < width_; ++x, pixel += 4) {
      std::memcpy(pixel, (x + y) / kStripePixels % 2 == 1 ? light : dark, 4);
    }
  }
}

void ScratchCard::stroke(float x0, float y0, float x1, float y1, float radius) {
  if (!(radius > 0) || !std::isfinite(radius) || !std::isfinite(x0) || !std::isfinite(y0) || !std::isfinite(x1) ||
      !std::isfinite(y1)) {
    return;
  }
  const double r = radius;
  const double ax = x0, ay = y0;
  const double dx = static_cast<double>(x1) - ax, dy = static_cast<double>(y1) - ay;
  const double lengthSquared = dx * dx + dy * dy;
  const double inverseLengthSquared = lengthSquared > 0 ? 1 / lengthSquared : 0;
  const double rSquared = r * r;
  int left, right, top, bottom;
  pixelSpan(std::min(ax, ax + dx) - r, std::max(ax, ax + dx) + r, width_, left, right);
  pixelSpan(std::min(ay, ay + dy) - r, std::max(ay, ay + dy) + r, height_, top, bottom);

  for (int y = top; y <= bottom; ++y) {
    const double py = y + 0.5 - ay;
    std::uint8_t* row = pixels_.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(width_) * 4;
    int firstCleared = -1, lastCleared = -1;
    for (int x = left; x <= right; ++x) {
      std::uint8_t* pixel = row + static_cast<std::size_t>(x) * 4;
      // Already scratched: counted once, when it was cleared. Checked first,
      // because late in a card most of what a finger crosses is clear.
      if (pixel[3] == 0) continue;
      const double px = x + 0.5 - ax;
      // Distance to the nearest point of the segment (its start, for a disc).
      const double along = std::clamp((px * dx + py * dy) * inverseLengthSquared, 0.0, 1.0);
      const double ex = px - along * dx, ey = py - along * dy;
      if (ex * ex + ey * ey > rSquared) continue;
      std::memset(pixel, 0, 4);
      ++scratched_;
      if (firstCleared < 0) firstCleared = x;
      lastCleared = x;
    }
    if (firstCleared >= 0) markDirtyRow(firstCleared, lastCleared, y);
  }
}

void ScratchCard::strokes(const float* points, std::size_t count, float radius) {
  if (points == nullptr || count == 0) return;
  if (count == 1) stroke(points[0], points[1], points[0], points[1], radius);
  for (std::size_t i = 1; i < count; ++i) {
    const float* from = points + 2 * (i - 1);
    stroke(from[0], from[1], from[2], from[3], radius);
  }
}

void ScratchCard::revealAll() {
  std::memset(pixels_.data(), 0, pixels_.size());
  scratched_ = totalPixels();
  dirtyLeft_ = 0;
  dirtyTop_ = 0;
  dirtyRight_ = width_ - 1;
  dirtyBottom_ = height_ - 1;
}

void ScratchCard::setRevealThreshold(double fraction) {
  revealThreshold_ = std::isnan(fraction) ? kDefaultRevealThreshold : std::clamp(fraction, 0.0, 1.0);
}

bool ScratchCard::revealed() const { return scratchedFraction() >= revealThreshold_; }

double ScratchCard::scratchedFraction() const {
  return static_cast<double>(scratched_) / static_cast<double>(totalPixels());
}

PixelRect ScratchCard::dirtyRect() const {
  if (dirtyRight_ < dirtyLeft_) return {};
  return {dirtyLeft_, dirtyTop_, dirtyRight_ - dirtyLeft_ + 1, dirtyBottom_ - dirtyTop_ + 1};
}

void ScratchCard::clearDirty() {
  dirtyLeft_ = 0;
  dirtyTop_ = 0;
  dirtyRight_ = -1;
  dirtyBottom_ = -1;
}

void ScratchCard::markDirtyRow(int firstX, int lastX, int y) {
  if (dirtyRight_ < dirtyLeft_) {
    dirtyLeft_ = firstX;
    dirtyRight_ = lastX;
    dirtyTop_ = y;
    dirtyBottom_ = y;
    return;
  }
  dirtyLeft_ = std::min(dirtyLeft_, firstX);
  dirtyRight_ = std::max(dirtyRight_, lastX);
  dirtyTop_ = std::min(dirtyTop_, y);
  dirtyBottom_ = std::max(dirtyBottom_, y);
}

}  // namespace kindred
