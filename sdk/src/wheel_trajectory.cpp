#include "kindred/wheel_trajectory.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace kindred {
namespace {

constexpr double kCruiseTurnsPerMs = WheelTrajectory::kCruiseTurnsPerSecond / 1000;

// The pointer rests in the middle 60% of its segment (20% from either border).
constexpr double kBorderMargin = 0.2;

// How long the whole spin lasts when the answer is quick, and how long the
// slow-down lasts when it is late. A few hundred ms inside the 3-6 s and
// 1.2-3 s promises, so a frame's worth of jitter never breaks them.
constexpr double kQuickAnswerShortestTotalMs = 3300;
constexpr double kQuickAnswerLongestTotalMs = 5500;
constexpr double kLateAnswerShortestMs = 1500;
constexpr double kLateAnswerLongestMs = 2800;

// The slow-down's exponent, in quarters: above 1 the speed falls to exactly
// zero; 3 reads as a wheel coasting to rest, 1.5 as braking firmly, 4 as a
// long crawl. Quarters keep libm's pow (and its 6 KB of tables) out of the
// wasm: see quarterPower().
constexpr int kFirmestQuarters = 6;
constexpr int kPreferredQuarters = 12;
constexpr int kLongestCrawlQuarters = 16;
constexpr int kMostExtraTurns = 8;

bool validSegment(int targetSegment, int segmentCount) {
  return segmentCount >= WheelTrajectory::kMinSegments && segmentCount <= WheelTrajectory::kMaxSegments &&
         targetSegment >= 0 && targetSegment < segmentCount;
}

// base^(quarters / 4) for base in [0, 1]: two square roots (one wasm
// instruction each), then products. Exact at 0 and 1, and non-decreasing in
// base, so the slow-down's speed never creeps up between frames.
double quarterPower(double base, int quarters) {
  const double fourthRoot = std::sqrt(std::sqrt(base));
  double power = 1;
  for (int i = 0; i < quarters; ++i) power *= fourthRoot;
  return power;
}

double wrapTurns(double turns) {
  const double wrapped = turns - std::floor(turns);
  return wrapped < 1 ? wrapped : 0;  // a hair below zero rounds up to 1
}

}  // namespace

double pointerWheelAngle(double angleTurns) { return wrapTurns(-angleTurns); }

int segmentUnderPointer(double angleTurns, int segmentCount) {
  if (segmentCount < 1) return -1;
  const int segment = static_cast<int>(pointerWheelAngle(angleTurns) * segmentCount);
  return std::min(segment, segmentCount - 1);
}

double restingAngle(int targetSegment, int segmentCount, double landingFraction) {
  if (!validSegment(targetSegment, segmentCount)) return 0;
  const double fraction = std::isnan(landingFraction) ? 0.5 : std::clamp(landingFraction, 0.0, 1.0);
  const double withinSegment = kBorderMargin + (1 - 2 * kBorderMargin) * fraction;
  return wrapTurns(-(targetSegment + withinSegment) / segmentCount);
}

void WheelTrajectory::start(double nowMs) {
  if (!std::isfinite(nowMs)) return;
  if (spinning_ && phaseAt(nowMs) != WheelPhase::Stopped) return;
  restAngle_ = angleAt(nowMs);
  spinStartMs_ = nowMs;
  spinning_ = true;
  snapped_ = false;
  braking_ = false;
}

bool WheelTrajectory::land(int targetSegment, int segmentCount, double landingFraction, double nowMs) {
  if (!spinning_ || braking_ || !validSegment(targetSegment, segmentCount) || !std::isfinite(nowMs)) return false;
  const double fromMs = std::max(nowMs, spinStartMs_ + kSpinUpMs);
  const double speed = freeSpeedAt(fromMs);
  const double elapsedMs = fromMs - spinStartMs_;
  const double shortestMs = std::max(kLateAnswerShortestMs, kQuickAnswerShortestTotalMs - elapsedMs);
  const double longestMs = std::max(kLateAnswerLongestMs, kQuickAnswerLongestTotalMs - elapsedMs);
  const double offset = wrapTurns(restingAngle(targetSegment, segmentCount, landingFraction) - freeAngleAt(fromMs));

  // Starting at `speed` with exponent p, covering `distance` takes
  // p * distance / speed. Of the extra whole turns and exponents, keep one
  // that fits the time window (one always does at cruising speed), with the
  // exponent nearest the preferred.
  double bestMissMs = std::numeric_limits<double>::infinity();
  int bestStyle = 0;
  double bestDistance = 0;
  int bestQuarters = kPreferredQuarters;
  for (int extraTurns = 0; extraTurns <= kMostExtraTurns; ++extraTurns) {
    const double distance = offset + extraTurns;
    if (distance <= 0) continue;
    for (int quarters = kFirmestQuarters; quarters <= kLongestCrawlQuarters; ++quarters) {
      const double durationMs = quarters / 4.0 * distance / speed;
      const double missMs = std::max(0.0, shortestMs - durationMs) + std::max(0.0, durationMs - longestMs);
      const int style = std::abs(quarters - kPreferredQuarters);
      if (missMs < bestMissMs || (missMs == bestMissMs && style < bestStyle)) {
        bestMissMs = missMs;
        bestStyle = style;
        bestDistance = distance;
        bestQuarters = quarters;
      }
    }
  }
  brakeFrom(fromMs, bestDistance, bestQuarters);
  return true;
}

void WheelTrajectory::abort(double nowMs) {
  if (!spinning_ || braking_ || !std::isfinite(nowMs)) return;
  const double fromMs = std::max(nowMs, spinStartMs_);
  const double speed = freeSpeedAt(fromMs);
  // Duration in proportion to speed: the same deceleration whatever the speed.
  const double durationMs = kAbortStopMs * speed / kCruiseTurnsPerMs;
  constexpr int kSteadyBrakeQuarters = 8;  // exponent 2: constant deceleration
  brakeFrom(fromMs, speed * durationMs / 2, kSteadyBrakeQuarters);
}

bool WheelTrajectory::snapTo(int targetSegment, int segmentCount, double landingFraction) {
  if (!validSegment(targetSegment, segmentCount)) return false;
  // Forward from where the wheel rests (or will), so the angle never runs backwards.
  const double from = spinning_ && braking_ ? brakeAngle_ + brakeDistance_ : restAngle_;
  restAngle_ = from + wrapTurns(restingAngle(targetSegment, segmentCount, landingFraction) - from);
  spinning_ = false;
  snapped_ = true;
  braking_ = false;
  return true;
}

void WheelTrajectory::brakeFrom(double fromMs, double distance, int exponentQuarters) {
  braking_ = true;
  brakeStartMs_ = fromMs;
  brakeAngle_ = freeAngleAt(fromMs);
  brakeSpeed_ = freeSpeedAt(fromMs);
  brakeDistance_ = distance;
  brakeQuarters_ = exponentQuarters;
  // The duration at which this profile starts at exactly the current speed.
  brakeDurationMs_ = brakeSpeed_ > 0 ? exponentQuarters / 4.0 * distance / brakeSpeed_ : 0;
}

// Spin-up: the speed follows a smoothstep from 0 to cruising, so both the
// start and the arrival at cruising speed are free of jerks.
double WheelTrajectory::freeAngleAt(double nowMs) const {
  const double elapsedMs = nowMs - spinStartMs_;
  if (elapsedMs <= 0) return restAngle_;
  if (elapsedMs < kSpinUpMs) {
    const double u = elapsedMs / kSpinUpMs;
    return restAngle_ + kCruiseTurnsPerMs * kSpinUpMs * (u * u * u - u * u * u * u / 2);
  }
  return restAngle_ + kCruiseTurnsPerMs * (kSpinUpMs / 2 + (elapsedMs - kSpinUpMs));
}

double WheelTrajectory::freeSpeedAt(double nowMs) const {
  const double elapsedMs = nowMs - spinStartMs_;
  if (elapsedMs <= 0) return 0;
  if (elapsedMs < kSpinUpMs) {
    const double u = elapsedMs / kSpinUpMs;
    return kCruiseTurnsPerMs * u * u * (3 - 2 * u);
  }
  return kCruiseTurnsPerMs;
}

// 1 - s during the slow-down; exactly 0 from the stop time on, so the wheel
// is at rest, with speed 0, from the very instant stopped() says so.
double WheelTrajectory::brakeRemaining(double nowMs) const {
  if (nowMs >= brakeStartMs_ + brakeDurationMs_) return 0;
  return 1 - (nowMs - brakeStartMs_) / brakeDurationMs_;
}

double WheelTrajectory::angleAt(double nowMs) const {
  if (!spinning_) return restAngle_;
  if (!braking_ || nowMs < brakeStartMs_) return freeAngleAt(nowMs);
  return brakeAngle_ + brakeDistance_ * (1 - quarterPower(brakeRemaining(nowMs), brakeQuarters_));
}

double WheelTrajectory::speedAt(double nowMs) const {
  if (!spinning_) return 0;
  if (!braking_ || nowMs < brakeStartMs_) return freeSpeedAt(nowMs) * 1000;
  // The angle's derivative, brakeDistance_ * p * (1 - s)^(p - 1) / duration,
  // with distance * p / duration written as the speed it was planned from.
  return brakeSpeed_ * quarterPower(brakeRemaining(nowMs), brakeQuarters_ - 4) * 1000;
}

WheelPhase WheelTrajectory::phaseAt(double nowMs) const {
  if (!spinning_) return snapped_ ? WheelPhase::Stopped : WheelPhase::Idle;
  if (braking_ && nowMs >= brakeStartMs_) {
    return nowMs >= brakeStartMs_ + brakeDurationMs_ ? WheelPhase::Stopped : WheelPhase::Landing;
  }
  return nowMs - spinStartMs_ < kSpinUpMs ? WheelPhase::SpinningUp : WheelPhase::Cruising;
}

bool WheelTrajectory::stopped(double nowMs) const { return phaseAt(nowMs) == WheelPhase::Stopped; }

double WheelTrajectory::stopTimeMs() const {
  if (spinning_ && braking_) return brakeStartMs_ + brakeDurationMs_;
  if (snapped_) return -std::numeric_limits<double>::infinity();
  return std::numeric_limits<double>::quiet_NaN();
}

}  // namespace kindred
