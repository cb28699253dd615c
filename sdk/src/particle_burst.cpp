#include "kindred/particle_burst.hpp"

#include <algorithm>
#include <cmath>

namespace kindred {
namespace {

constexpr float kTurnRadians = 6.28318531f;

// The look of the burst, in units of the area's height so it reads the same
// in a small widget and a full-screen modal: thrown at 1.2-2.4 heights per
// second, pulled down at 2.2 heights per second squared, slowed by air
// (2 per second: paper confetti drifts down at about a height per second).
constexpr float kSlowestThrowPerMs = 0.0012f;
constexpr float kFastestThrowPerMs = 0.0024f;
constexpr float kGravityPerMsSquared = 0.0000022f;
constexpr float kDragPerMs = 0.002f;
// Directions up to about 55 degrees either side of straight up.
constexpr float kWidestSideways = 0.82f;
constexpr float kFastestSpinPerMs = 0.012f;
constexpr float kShortestLifeMs = 1800;
constexpr float kLongestLifeMs = 3000;
constexpr float kFadeMs = 500;

// splitmix32: a Weyl sequence through a murmur3 finaliser. Tiny, seedable
// with anything (zero included), and the same on every platform.
class SplitMix32 {
 public:
  explicit SplitMix32(std::uint32_t seed) : state_(seed) {}
  std::uint32_t next() {
    state_ += 0x9E3779B9u;
    std::uint32_t z = state_;
    z = (z ^ (z >> 16)) * 0x85EBCA6Bu;
    z = (z ^ (z >> 13)) * 0xC2B2AE35u;
    return z ^ (z >> 16);
  }
  float unit() { return static_cast<float>(next() >> 8) * (1.0f / 16777216.0f); }  // [0, 1)
  float between(float low, float high) { return low + (high - low) * unit(); }

 private:
  std::uint32_t state_;
};

}  // namespace

ParticleBurst::ParticleBurst()
    : drawn_(static_cast<std::size_t>(kMaxParticles) * kStride), motion_(static_cast<std::size_t>(kMaxParticles)) {}

void ParticleBurst::start(std::uint32_t seed, int count, float originX, float originY, float width, float height) {
  count_ = std::clamp(count, 0, kMaxParticles);
  alive_ = count_;
  const float areaHeight = height > 1 ? height : 1;  // also catches NaN
  const float areaWidth = width > 1 ? width : 1;
  gravity_ = kGravityPerMsSquared * areaHeight;
  bottom_ = areaHeight;
  const float baseSize = std::clamp(std::min(areaWidth, areaHeight) * 0.03f, 4.0f, 14.0f);

  SplitMix32 random(seed);
  for (int i = 0; i < count_; ++i) {
    float* drawn = drawn_.data() + static_cast<std::size_t>(i) * kStride;
    Motion& motion = motion_[static_cast<std::size_t>(i)];
    const float sideways = random.between(-kWidestSideways, kWidestSideways);
    const float speed = areaHeight * random.between(kSlowestThrowPerMs, kFastestThrowPerMs);
    motion.vx = speed * sideways;
    motion.vy = -speed * std::sqrt(1 - sideways * sideways);
    motion.spin = random.between(-kFastestSpinPerMs, kFastestSpinPerMs);
    motion.ageMs = 0;
    motion.lifetimeMs = random.between(kShortestLifeMs, kLongestLifeMs);
    drawn[kX] = originX + random.between(-baseSize, baseSize);
    drawn[kY] = originY + random.between(-baseSize, baseSize);
    drawn[kRotation] = random.between(0, kTurnRadians);
    drawn[kColourIndex] = static_cast<float>(std::min(static_cast<int>(random.unit() * kColourCount), kColourCount - 1));
    drawn[kAlpha] = 1;
    drawn[kSize] = baseSize * random.between(0.6f, 1.4f);
  }
}

void ParticleBurst::step(float dtMs) {
  if (!(dtMs > 0)) return;  // also NaN
  const float dt = std::min(dtMs, kLongestStepMs);
  const float keep = 1 - kDragPerMs * dt;  // stays above 0.9 thanks to the clamp
  for (int i = 0; i < count_; ++i) {
    Motion& motion = motion_[static_cast<std::size_t>(i)];
    if (motion.ageMs >= motion.lifetimeMs) continue;
    float* drawn = drawn_.data() + static_cast<std::size_t>(i) * kStride;
    motion.ageMs += dt;
    motion.vy += gravity_ * dt;
    motion.vx *= keep;
    motion.vy *= keep;
    drawn[kX] += motion.vx * dt;
    drawn[kY] += motion.vy * dt;
    // Kept within one turn so float precision holds; a step turns < 1 radian.
    float rotation = drawn[kRotation] + motion.spin * dt;
    if (rotation >= kTurnRadians) rotation -= kTurnRadians;
    if (rotation < 0) rotation += kTurnRadians;
    drawn[kRotation] = rotation;
    const float lifeLeftMs = motion.lifetimeMs - motion.ageMs;
    if (lifeLeftMs <= 0 || drawn[kY] - drawn[kSize] > bottom_) {
      motion.ageMs = motion.lifetimeMs;
      drawn[kAlpha] = 0;
      --alive_;
      continue;
    }
    drawn[kAlpha] = std::min(1.0f, lifeLeftMs / kFadeMs);
  }
}

}  // namespace kindred
