#pragma once
// The confetti burst that celebrates a win. Simulated in the core so the
// shim only draws: each frame it calls step() and paints count() particles
// from a Float32Array view of data(), skipping those whose alpha is 0. The
// burst is a function of its seed, so a test (or a bug report) can replay it
// exactly.

#include <cstdint>
#include <vector>

namespace kindred {

class ParticleBurst {
 public:
  static constexpr int kMaxParticles = 400;
  static constexpr int kColourCount = 6;
  // A background tab resumes with a huge frame time; longer steps are cut to
  // this, so the confetti carries on where it was instead of teleporting.
  static constexpr float kLongestStepMs = 50;

  // Each particle's floats in data(), in this order.
  static constexpr int kX = 0;            // centre, pixels from the left
  static constexpr int kY = 1;            // centre, pixels from the top (down is positive)
  static constexpr int kRotation = 2;     // radians, clockwise
  static constexpr int kColourIndex = 3;  // 0..kColourCount-1, a whole number
  static constexpr int kAlpha = 4;        // 1, fading to 0 near the end of life; 0 once dead
  static constexpr int kSize = 5;         // the confetto's longer side, pixels
  static constexpr int kStride = 6;

  // Allocates for kMaxParticles once: data() stays put for the burst's life.
  ParticleBurst();

  // A new burst of `count` particles (clamped to 0..kMaxParticles) thrown
  // upwards from (originX, originY) over an area of width x height pixels;
  // the speeds scale with the height, and a particle dies below its bottom.
  void start(std::uint32_t seed, int count, float originX, float originY, float width, float height);
  void step(float dtMs);

  const float* data() const { return drawn_.data(); }
  int count() const { return count_; }
  int stride() const { return kStride; }
  int aliveCount() const { return alive_; }
  bool finished() const { return alive_ == 0; }

 private:
  struct Motion {
    float vx;  // pixels per millisecond
    float vy;
    float spin;  // radians per millisecond
    float ageMs;
    float lifetimeMs;
  };

  std::vector<float> drawn_;
  std::vector<Motion> motion_;
  int count_ = 0;
  int alive_ = 0;
  float gravity_ = 0;  // pixels per millisecond squared
  float bottom_ = 0;
};

}  // namespace kindred
