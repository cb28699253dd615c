#pragma once
// The prize wheel's motion as a pure function of time. The wheel starts
// spinning the moment the shopper taps, before the backend has said what they
// won, so the wait feels like part of the game; when the answer arrives the
// remaining motion is re-planned from wherever the wheel is, at whatever
// speed it has, to slow down and rest on the prize. Everything is computed
// from the host's animation clock, so a dropped frame never changes where the
// wheel ends up, and the per-frame calls take and return plain numbers.
//
// Geometry, shared by the drawing code, the engine and the tests:
// - Angles are in turns (1.0 = one revolution), growing clockwise.
// - The wheel is divided into n equal segments; segment k (0-based) covers the
//   wheel-relative angles [k/n, (k+1)/n), measured clockwise from the wheel's
//   zero mark. Draw the wheel with segment k starting k/n turns clockwise
//   from the top, then rotate the whole picture clockwise by angleAt(now).
// - The pointer is fixed at the top. A wheel rotated clockwise by `a` has
//   carried the wheel-relative angle frac(-a) to the top: that is what the
//   pointer points at.

namespace kindred {

// The wheel-relative angle under the pointer, in [0, 1).
double pointerWheelAngle(double angleTurns);

// The segment under the pointer; -1 when segmentCount < 1.
int segmentUnderPointer(double angleTurns, int segmentCount);

// The rotation, in [0, 1), at which the pointer rests inside targetSegment:
// landingFraction (0..1) spans the middle 60% of the segment, so a prize lands
// somewhere different from play to play (the host derives the fraction from
// the play's hash, so a replay lands the same) yet never on a border, where
// the shopper could doubt which prize the pointer shows.
double restingAngle(int targetSegment, int segmentCount, double landingFraction);

// Landing is any slow-down to rest: towards the prize after land(), or
// anywhere after abort().
enum class WheelPhase { Idle, SpinningUp, Cruising, Landing, Stopped };

class WheelTrajectory {
 public:
  static constexpr int kMinSegments = 2;
  static constexpr int kMaxSegments = 24;
  static constexpr double kCruiseTurnsPerSecond = 1.5;
  static constexpr double kSpinUpMs = 400;
  // The longest graceful stop after a failed answer, from cruising speed.
  static constexpr double kAbortStopMs = 1200;

  // The tap: spins up from rest at once. Ignored while the wheel is moving.
  void start(double nowMs);

  // The answer: slows down to rest on targetSegment. An answer within about
  // 2.5 s of the tap makes the whole spin last 3.3-5.5 s; a later one stops
  // 1.5-3 s after it arrives. An answer during spin-up takes effect when
  // cruising speed is reached (kSpinUpMs after the tap): slowing down from a
  // lower speed could not cover the way to the prize in time. The motion up
  // to then is unchanged, so nothing jumps. Returns false, changing nothing,
  // when the wheel is not spinning, is already slowing down, or the segment
  // is out of range.
  bool land(int targetSegment, int segmentCount, double landingFraction, double nowMs);

  // The answer failed: slows down from the current speed to rest anywhere,
  // within kAbortStopMs. Ignored unless spinning without a plan.
  void abort(double nowMs);

  // prefers-reduced-motion: rests on the result at once, without spinning.
  // stopTimeMs() is then -infinity (at rest since ever).
  bool snapTo(int targetSegment, int segmentCount, double landingFraction);

  // Per frame. Non-decreasing in time within a spin.
  double angleAt(double nowMs) const;
  double speedAt(double nowMs) const;  // turns per second
  WheelPhase phaseAt(double nowMs) const;
  bool stopped(double nowMs) const;
  // When the wheel comes to rest; NaN until land() or abort() has planned it.
  double stopTimeMs() const;

 private:
  double freeAngleAt(double nowMs) const;  // the motion without any slow-down
  double freeSpeedAt(double nowMs) const;  // turns per millisecond
  void brakeFrom(double fromMs, double distance, int exponentQuarters);
  double brakeRemaining(double nowMs) const;

  bool spinning_ = false;
  bool snapped_ = false;
  double restAngle_ = 0;  // where the current spin started, or the snapped result
  double spinStartMs_ = 0;
  // The slow-down: angle = brakeAngle_ + brakeDistance_ * (1 - (1 - s)^p),
  // s = (t - brakeStartMs_) / brakeDurationMs_, p = brakeQuarters_ / 4 > 1.
  // Its speed starts at the speed the wheel had and falls monotonically to
  // exactly zero at s = 1.
  bool braking_ = false;
  double brakeStartMs_ = 0;
  double brakeAngle_ = 0;
  double brakeSpeed_ = 0;  // turns per millisecond
  double brakeDistance_ = 0;
  double brakeDurationMs_ = 0;
  int brakeQuarters_ = 8;
};

}  // namespace kindred
