#include "kindred/scratch_card.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

namespace kindred {
namespace {

constexpr std::uint32_t kSilver = 0xB0B4BA;

bool cleared(const ScratchCard& card, int x, int y) {
  const std::uint8_t* pixel = card.pixels() + (static_cast<std::size_t>(y) * card.width() + x) * 4;
  return pixel[0] == 0 && pixel[1] == 0 && pixel[2] == 0 && pixel[3] == 0;
}

// Counted from the buffer, the way the JS libraries do it.
std::size_t transparentPixels(const ScratchCard& card) {
  std::size_t count = 0;
  for (int y = 0; y < card.height(); ++y) {
    for (int x = 0; x < card.width(); ++x) count += card.pixels()[(static_cast<std::size_t>(y) * card.width() + x) * 4 + 3] == 0;
  }
  return count;
}

// Every pixel either untouched cover (opaque) or fully cleared: no half states.
bool everyPixelCoveredOrClear(const ScratchCard& card) {
  for (int y = 0; y < card.height(); ++y) {
    for (int x = 0; x < card.width(); ++x) {
      const std::uint8_t alpha = card.pixels()[(static_cast<std::size_t>(y) * card.width() + x) * 4 + 3];
      if (alpha != 255 && !cleared(card, x, y)) return false;
    }
  }
  return true;
}

// The distance from a point to a segment, written differently from the card:
// the nearer end, unless the foot of the perpendicular falls on the segment.
double distanceToSegment(double px, double py, double ax, double ay, double bx, double by) {
  const double toA = std::hypot(px - ax, py - ay), toB = std::hypot(px - bx, py - by);
  const double length = std::hypot(bx - ax, by - ay);
  if (length == 0) return toA;
  const double along = ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / length;
  if (along <= 0 || along >= length) return std::min(toA, toB);
  return std::abs((bx - ax) * (py - ay) - (by - ay) * (px - ax)) / length;
}

TEST(ScratchCard, StartsAsAnOpaqueCoverOfTheGivenColour) {
  ScratchCard card(280, 140, kSilver);
  EXPECT_EQ(card.width(), 280);
  EXPECT_EQ(card.height(), 140);
  EXPECT_EQ(card.byteLength(), 280u * 140u * 4u);
  EXPECT_EQ(card.scratchedPixels(), 0u);
  EXPECT_EQ(card.coveredFraction(), 1.0);
  EXPECT_FALSE(card.revealed());
  EXPECT_EQ(card.dirtyRect().width, 0);
  bool lighterStripe = false;
  for (std::size_t i = 0; i < card.byteLength(); i += 4) {
    ASSERT_EQ(card.pixels()[i + 3], 255) << i;
    ASSERT_GE(card.pixels()[i], 0xB0) << i;
    lighterStripe = lighterStripe || card.pixels()[i] > 0xB0;
  }
  EXPECT_EQ(card.pixels()[0], 0xB0);
  EXPECT_EQ(card.pixels()[1], 0xB4);
  EXPECT_EQ(card.pixels()[2], 0xBA);
  EXPECT_TRUE(lighterStripe);

  ScratchCard huge(5000, 0, kSilver);
  EXPECT_EQ(huge.width(), ScratchCard::kMaxSide);
  EXPECT_EQ(huge.height(), 1);
  EXPECT_EQ(huge.byteLength(), ScratchCard::kMaxSide * 4u);
}

TEST(ScratchCard, ADiscClearsExactlyThePixelCentresWithinItsRadius) {
  struct Disc {
    float x, y, radius;
  };
  for (const Disc disc : {Disc{50, 50, 10}, Disc{40.5f, 30.5f, 7}, Disc{100.25f, 60.8f, 12.3f}, Disc{0, 0, 9},
                          Disc{-3.2f, 70, 8.5f}, Disc{279.9f, 139.9f, 20}, Disc{140, 70, 0.5f}, Disc{10.5f, 10.5f, 0.3f}}) {
    ScratchCard card(280, 140, kSilver);
    card.stroke(disc.x, disc.y, disc.x, disc.y, disc.radius);
    std::size_t expected = 0;
    for (int y = 0; y < card.height(); ++y) {
      for (int x = 0; x < card.width(); ++x) {
        const double dx = x + 0.5 - disc.x, dy = y + 0.5 - disc.y;
        const bool inside = dx * dx + dy * dy <= static_cast<double>(disc.radius) * disc.radius;
        expected += inside;
        ASSERT_EQ(cleared(card, x, y), inside) << disc.x << "," << disc.y << " r " << disc.radius << " at " << x << ","
                                                << y;
      }
    }
    EXPECT_EQ(card.scratchedPixels(), expected) << disc.x << "," << disc.y << " r " << disc.radius;
  }
  // A pixel centre exactly on the circle counts as inside.
  ScratchCard card(20, 20, kSilver);
  card.stroke(10.5f, 10.5f, 10.5f, 10.5f, 1);
  EXPECT_EQ(card.scratchedPixels(), 5u);
}

TEST(ScratchCard, AStrokeClearsExactlyThePixelCentresWithinItsRadiusOfTheSegment) {
  struct Segment {
    float x0, y0, x1, y1, radius;
  };
  for (const Segment s : {Segment{13.3f, 20.7f, 200.1f, 95.2f, 11.7f}, Segment{250.2f, 10.1f, 30.6f, 130.4f, 4.2f},
                          Segment{-40.3f, 70.1f, 320.7f, 71.9f, 6.6f}, Segment{90.1f, -30.2f, 91.3f, 170.4f, 15.1f}}) {
    ScratchCard card(280, 140, kSilver);
    card.stroke(s.x0, s.y0, s.x1, s.y1, s.radius);
    std::size_t expected = 0;
    for (int y = 0; y < card.height(); ++y) {
      for (int x = 0; x < card.width(); ++x) {
        const bool inside = distanceToSegment(x + 0.5, y + 0.5, s.x0, s.y0, s.x1, s.y1) <= s.radius;
        expected += inside;
        ASSERT_EQ(cleared(card, x, y), inside) << s.x0 << "," << s.y0 << " at " << x << "," << y;
      }
    }
    EXPECT_EQ(card.scratchedPixels(), expected);
  }
}

TEST(ScratchCard, AStrokeAcrossTheWholeCardClearsEverything) {
  ScratchCard card(280, 140, kSilver);
  card.stroke(-5, 70, 285, 70, 71);
  EXPECT_EQ(card.scratchedPixels(), card.totalPixels());
  EXPECT_EQ(transparentPixels(card), card.totalPixels());
  EXPECT_EQ(card.scratchedFraction(), 1.0);
  EXPECT_EQ(card.coveredFraction(), 0.0);
  EXPECT_TRUE(card.revealed());
}

TEST(ScratchCard, OverlappingStrokesCountEachPixelOnce) {
  ScratchCard card(280, 140, kSilver);
  std::mt19937 random(20261123);
  std::uniform_real_distribution<float> x(-30, 310), y(-30, 170), radius(1, 9);
  for (int i = 0; i < 400; ++i) {
    const float x0 = x(random), y0 = y(random);
    // Mostly short strokes like a finger's, over and over the same area.
    card.stroke(x0, y0, x0 + x(random) / 8, y0 + y(random) / 8, radius(random));
    if (i % 25 == 0) {
      ASSERT_EQ(card.scratchedPixels(), transparentPixels(card)) << "after stroke " << i;
    }
  }
  EXPECT_EQ(card.scratchedPixels(), transparentPixels(card));
  EXPECT_TRUE(everyPixelCoveredOrClear(card));
  EXPECT_GT(card.scratchedPixels(), card.totalPixels() / 4) << "the strokes should overlap a fair amount";
  EXPECT_LT(card.scratchedPixels(), card.totalPixels());
  EXPECT_DOUBLE_EQ(card.scratchedFraction(),
                   static_cast<double>(transparentPixels(card)) / static_cast<double>(card.totalPixels()));
}

TEST(ScratchCard, StrokesOutsideTheCardChangeNothing) {
  ScratchCard card(280, 140, kSilver);
  const std::vector<std::uint8_t> before(card.pixels(), card.pixels() + card.byteLength());
  const float inf = std::numeric_limits<float>::infinity(), nan = std::numeric_limits<float>::quiet_NaN();
  card.stroke(-50, -50, -20, -30, 10);
  card.stroke(-5, 10, -5, 130, 4.9f);            // the nearest centres are 5.5 away
  card.stroke(285.4f, -10, 285.4f, 150, 4.8f);   // ditto, on the right
  card.stroke(10, 145.2f, 270, 145.2f, 4.6f);    // and below
  card.stroke(1e30f, 1e30f, 2e30f, -1e30f, 1e20f);
  card.stroke(-1e30f, 70, -1e29f, 70, 1e20f);
  card.stroke(100, 70, 120, 70, 0);
  card.stroke(100, 70, 120, 70, -5);
  card.stroke(100, 70, 120, 70, nan);
  card.stroke(nan, 70, 120, 70, 10);
  card.stroke(100, 70, inf, 70, 10);
  card.strokes(nullptr, 5, 10);
  const float none[] = {100, 70};
  card.strokes(none, 0, 10);
  EXPECT_EQ(card.scratchedPixels(), 0u);
  EXPECT_EQ(card.dirtyRect().width, 0);
  EXPECT_TRUE(std::equal(before.begin(), before.end(), card.pixels()));

  card.stroke(-0.5f, 10.5f, -0.5f, 10.5f, 1);  // reaches exactly the first column's centre
  EXPECT_EQ(card.scratchedPixels(), 1u);
  EXPECT_TRUE(cleared(card, 0, 10));
}

TEST(ScratchCard, APolylineBatchEqualsItsSegmentsOneByOne) {
  std::mt19937 random(7);
  std::uniform_real_distribution<float> coordinate(-20, 300);
  std::vector<float> points;
  for (int i = 0; i < 24; ++i) points.push_back(coordinate(random));
  ScratchCard batched(280, 140, kSilver);
  batched.strokes(points.data(), points.size() / 2, 6.5f);
  ScratchCard oneByOne(280, 140, kSilver);
  for (std::size_t i = 2; i < points.size(); i += 2) {
    oneByOne.stroke(points[i - 2], points[i - 1], points[i], points[i + 1], 6.5f);
  }
  EXPECT_GT(batched.scratchedPixels(), 0u);
  EXPECT_EQ(batched.scratchedPixels(), oneByOne.scratchedPixels());
  EXPECT_TRUE(std::equal(batched.pixels(), batched.pixels() + batched.byteLength(), oneByOne.pixels()));

  ScratchCard tap(280, 140, kSilver), disc(280, 140, kSilver);
  const float point[] = {100.3f, 40.6f};
  tap.strokes(point, 1, 9);
  disc.stroke(100.3f, 40.6f, 100.3f, 40.6f, 9);
  EXPECT_GT(tap.scratchedPixels(), 200u);
  EXPECT_TRUE(std::equal(tap.pixels(), tap.pixels() + tap.byteLength(), disc.pixels()));
}

TEST(ScratchCard, RevealsOnceTheScratchedFractionReachesTheThreshold) {
  ScratchCard card(100, 100, kSilver);
  EXPECT_EQ(card.revealThreshold(), 0.6);
  // Bands of exactly ten rows each: 10% of the card per stroke.
  for (int band = 0; band < 10; ++band) {
    const float centre = 10.0f * static_cast<float>(band) + 5;
    card.stroke(-10, centre, 110, centre, 5);
    EXPECT_EQ(card.scratchedPixels(), 1000u * static_cast<std::size_t>(band + 1));
    EXPECT_EQ(card.revealed(), band + 1 >= 6) << "after " << band + 1 << " bands";
  }

  ScratchCard easier(100, 100, kSilver);
  easier.setRevealThreshold(0.25);
  easier.stroke(-10, 12.5f, 110, 12.5f, 12.5f);  // rows 0..24
  EXPECT_EQ(easier.scratchedPixels(), 2500u);
  EXPECT_TRUE(easier.revealed());
  easier.setRevealThreshold(0.2501);
  EXPECT_FALSE(easier.revealed());
}

TEST(ScratchCard, RevealAllClearsTheWholeCard) {
  ScratchCard card(280, 140, kSilver);
  card.setRevealThreshold(1);
  card.stroke(20, 20, 40, 40, 5);
  EXPECT_FALSE(card.revealed());
  card.clearDirty();
  card.revealAll();
  EXPECT_TRUE(card.revealed());
  EXPECT_EQ(card.scratchedPixels(), card.totalPixels());
  EXPECT_EQ(transparentPixels(card), card.totalPixels());
  EXPECT_TRUE(everyPixelCoveredOrClear(card));
  const PixelRect dirty = card.dirtyRect();
  EXPECT_EQ(dirty.x, 0);
  EXPECT_EQ(dirty.y, 0);
  EXPECT_EQ(dirty.width, 280);
  EXPECT_EQ(dirty.height, 140);
}

TEST(ScratchCard, TheDirtyRectangleIsTheBoundsOfWhatChangedSinceTheLastFrame) {
  ScratchCard card(280, 140, kSilver);
  std::mt19937 random(99);
  std::uniform_real_distribution<float> x(-20, 300), y(-20, 160), step(-25, 25);
  for (int frame = 0; frame < 60; ++frame) {
    const std::vector<std::uint8_t> before(card.pixels(), card.pixels() + card.byteLength());
    std::vector<float> points{x(random), y(random)};
    for (int i = 0; i < 4; ++i) {
      points.push_back(points[points.size() - 2] + step(random));
      points.push_back(points[points.size() - 2] + step(random));
    }
    card.strokes(points.data(), points.size() / 2, 7);
    int left = card.width(), top = card.height(), right = -1, bottom = -1;
    for (int py = 0; py < card.height(); ++py) {
      for (int px = 0; px < card.width(); ++px) {
        const std::size_t at = (static_cast<std::size_t>(py) * card.width() + px) * 4;
        if (!std::equal(before.begin() + static_cast<std::ptrdiff_t>(at),
                        before.begin() + static_cast<std::ptrdiff_t>(at + 4), card.pixels() + at)) {
          left = std::min(left, px);
          right = std::max(right, px);
          top = std::min(top, py);
          bottom = std::max(bottom, py);
        }
      }
    }
    const PixelRect dirty = card.dirtyRect();
    if (right < 0) {
      EXPECT_EQ(dirty.width, 0) << "frame " << frame;
      EXPECT_EQ(dirty.height, 0) << "frame " << frame;
    } else {
      EXPECT_EQ(dirty.x, left) << "frame " << frame;
      EXPECT_EQ(dirty.y, top) << "frame " << frame;
      EXPECT_EQ(dirty.width, right - left + 1) << "frame " << frame;
      EXPECT_EQ(dirty.height, bottom - top + 1) << "frame " << frame;
      EXPECT_EQ(card.dirtyX(), dirty.x);
      EXPECT_EQ(card.dirtyY(), dirty.y);
      EXPECT_EQ(card.dirtyWidth(), dirty.width);
      EXPECT_EQ(card.dirtyHeight(), dirty.height);
    }
    card.clearDirty();
    EXPECT_EQ(card.dirtyRect().width, 0);
  }
  // Scratching where it is already clear changes nothing, so nothing is dirty.
  card.stroke(-10, 70, 290, 70, 80);
  card.clearDirty();
  card.stroke(100, 70, 150, 70, 20);
  EXPECT_EQ(card.dirtyRect().width, 0);
}

}  // namespace
}  // namespace kindred
