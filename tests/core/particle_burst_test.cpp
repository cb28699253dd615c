#include "kindred/particle_burst.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace kindred {
namespace {

constexpr float kFrameMs = 16;

std::vector<float> snapshot(const ParticleBurst& burst) {
  return std::vector<float>(burst.data(), burst.data() + burst.count() * burst.stride());
}

float field(const ParticleBurst& burst, int particle, int which) { return burst.data()[particle * burst.stride() + which]; }

ParticleBurst burst(std::uint32_t seed, int count = 120) {
  ParticleBurst confetti;
  confetti.start(seed, count, 160, 300, 320, 480);
  return confetti;
}

TEST(ParticleBurst, TheSameSeedReplaysTheSameBurst) {
  ParticleBurst first = burst(42), second = burst(42);
  for (int frame = 0; frame < 90; ++frame) {
    ASSERT_EQ(snapshot(first), snapshot(second)) << "frame " << frame;
    first.step(kFrameMs);
    second.step(kFrameMs);
  }
}

TEST(ParticleBurst, DifferentSeedsThrowDifferently) {
  ParticleBurst first = burst(42), second = burst(43);
  for (int frame = 0; frame < 30; ++frame) {
    first.step(kFrameMs);
    second.step(kFrameMs);
  }
  int samePlace = 0;
  for (int i = 0; i < first.count(); ++i) {
    samePlace += field(first, i, ParticleBurst::kX) == field(second, i, ParticleBurst::kX) &&
                 field(first, i, ParticleBurst::kY) == field(second, i, ParticleBurst::kY);
  }
  EXPECT_EQ(samePlace, 0);
}

TEST(ParticleBurst, ParticlesAreThrownUpwardsWithEveryColour) {
  ParticleBurst confetti = burst(7, 400);
  std::vector<float> startY(400);
  std::vector<int> colours(ParticleBurst::kColourCount);
  for (int i = 0; i < confetti.count(); ++i) {
    startY[static_cast<std::size_t>(i)] = field(confetti, i, ParticleBurst::kY);
    const float colour = field(confetti, i, ParticleBurst::kColourIndex);
    ASSERT_EQ(colour, std::floor(colour));
    ASSERT_GE(colour, 0);
    ASSERT_LT(colour, ParticleBurst::kColourCount);
    ++colours[static_cast<std::size_t>(colour)];
    EXPECT_EQ(field(confetti, i, ParticleBurst::kAlpha), 1);
    EXPECT_GT(field(confetti, i, ParticleBurst::kSize), 0);
  }
  for (int used : colours) EXPECT_GT(used, 30);
  for (int frame = 0; frame < 5; ++frame) confetti.step(kFrameMs);
  for (int i = 0; i < confetti.count(); ++i) {
    EXPECT_LT(field(confetti, i, ParticleBurst::kY), startY[static_cast<std::size_t>(i)]) << i;
  }
}

TEST(ParticleBurst, GravityPullsEveryParticleDownFasterOverTime) {
  ParticleBurst confetti = burst(1234);
  // A particle's vertical velocity, seen through its positions frame to frame.
  std::vector<float> lastY = snapshot(confetti), lastDy(static_cast<std::size_t>(confetti.count()), -1e9f);
  for (int frame = 0; frame < 60; ++frame) {
    confetti.step(kFrameMs);
    for (int i = 0; i < confetti.count(); ++i) {
      if (field(confetti, i, ParticleBurst::kAlpha) == 0) continue;
      const float y = field(confetti, i, ParticleBurst::kY);
      const float dy = y - lastY[static_cast<std::size_t>(i * confetti.stride() + ParticleBurst::kY)];
      ASSERT_GT(dy, lastDy[static_cast<std::size_t>(i)]) << "particle " << i << ", frame " << frame;
      lastDy[static_cast<std::size_t>(i)] = dy;
    }
    lastY = snapshot(confetti);
  }
  // By then the average particle is falling.
  float sum = 0;
  for (float dy : lastDy) sum += dy;
  EXPECT_GT(sum / static_cast<float>(lastDy.size()), 0);
}

TEST(ParticleBurst, FinishesWithinFourSecondsAndNotBefore) {
  ParticleBurst confetti = burst(99, 400);
  EXPECT_FALSE(confetti.finished());
  float elapsedMs = 0;
  while (!confetti.finished() && elapsedMs < 10000) {
    confetti.step(kFrameMs);
    elapsedMs += kFrameMs;
    if (elapsedMs <= 1000) {
      ASSERT_EQ(confetti.aliveCount(), 400) << "celebrates for at least a second";
    }
  }
  EXPECT_TRUE(confetti.finished());
  EXPECT_LE(elapsedMs, 4000);
  EXPECT_GE(elapsedMs, 1500);
  for (int i = 0; i < confetti.count(); ++i) EXPECT_EQ(field(confetti, i, ParticleBurst::kAlpha), 0) << i;

  // Thrown from far above the bottom, nothing falls out: lifetimes end it.
  ParticleBurst high;
  high.start(99, 400, 160, -20000, 320, 480);
  elapsedMs = 0;
  while (!high.finished() && elapsedMs < 10000) {
    high.step(kFrameMs);
    elapsedMs += kFrameMs;
  }
  EXPECT_LE(elapsedMs, 4000);
}

TEST(ParticleBurst, ParticlesFadeOutRatherThanVanish) {
  ParticleBurst confetti = burst(5, 400);
  bool sawFading = false;
  for (int frame = 0; frame < 250; ++frame) {
    confetti.step(kFrameMs);
    for (int i = 0; i < confetti.count(); ++i) {
      const float alpha = field(confetti, i, ParticleBurst::kAlpha);
      ASSERT_GE(alpha, 0);
      ASSERT_LE(alpha, 1);
      sawFading = sawFading || (alpha > 0 && alpha < 1);
    }
  }
  EXPECT_TRUE(sawFading);
}

TEST(ParticleBurst, TheCountIsCapped) {
  ParticleBurst confetti;
  EXPECT_TRUE(confetti.finished()) << "nothing to draw before the first burst";
  confetti.start(1, 100000, 0, 0, 300, 300);
  EXPECT_EQ(confetti.count(), ParticleBurst::kMaxParticles);
  EXPECT_EQ(confetti.aliveCount(), ParticleBurst::kMaxParticles);
  const float* buffer = confetti.data();
  confetti.start(1, -3, 0, 0, 300, 300);
  EXPECT_EQ(confetti.count(), 0);
  EXPECT_TRUE(confetti.finished());
  confetti.start(1, 37, 0, 0, 300, 300);
  EXPECT_EQ(confetti.count(), 37);
  EXPECT_EQ(confetti.stride(), ParticleBurst::kStride);
  EXPECT_EQ(confetti.data(), buffer) << "the shim's view of the buffer stays valid";
}

TEST(ParticleBurst, ALongFrameIsClampedSoNothingTeleports) {
  ParticleBurst resumed = burst(77), clamped = burst(77);
  resumed.step(30000);  // a tab back from the background
  clamped.step(ParticleBurst::kLongestStepMs);
  EXPECT_EQ(snapshot(resumed), snapshot(clamped));
  EXPECT_FALSE(resumed.finished());

  ParticleBurst untouched = burst(77), odd = burst(77);
  odd.step(-16);
  odd.step(0);
  odd.step(std::nanf(""));
  EXPECT_EQ(snapshot(odd), snapshot(untouched));
}

}  // namespace
}  // namespace kindred
