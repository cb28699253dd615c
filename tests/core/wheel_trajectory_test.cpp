#include "kindred/wheel_trajectory.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace kindred {
namespace {

constexpr double kFrameMs = 16;
constexpr double kSpeedSlack = 1e-9;  // turns per second

// Where the pointer rests inside the segment it points at, as a fraction of
// the segment's width: 0 and 1 are its borders.
double positionInSegment(double angle, int segmentCount) {
  const double scaled = pointerWheelAngle(angle) * segmentCount;
  return scaled - std::floor(scaled);
}

std::string describe(int segmentCount, int target, double answerMs, double fraction) {
  return std::to_string(segmentCount) + " segments, target " + std::to_string(target) + ", answer at " +
         std::to_string(answerMs) + " ms, fraction " + std::to_string(fraction) + ": ";
}

// One play as the host runs it: tap at 0, frames every 16 ms, the answer at
// answerMs (between frames, as network callbacks come), until the wheel rests.
testing::AssertionResult playsFairly(int segmentCount, int target, double answerMs, double fraction) {
  const std::string play = describe(segmentCount, target, answerMs, fraction);
  WheelTrajectory wheel;
  wheel.start(0);
  // The motion is planned from the answer, or from cruising speed if it came earlier.
  const double replanMs = std::max(answerMs, WheelTrajectory::kSpinUpMs);
  bool answered = false;
  double previousAngle = wheel.angleAt(0);
  double previousSpeed = wheel.speedAt(0);
  double t = 0;
  for (; !wheel.stopped(t); t += kFrameMs) {
    if (t > 20000) return testing::AssertionFailure() << play << "still turning after 20 s";
    if (!answered && t >= answerMs) {
      const double angleBefore = wheel.angleAt(answerMs), speedBefore = wheel.speedAt(answerMs);
      if (!wheel.land(target, segmentCount, fraction, answerMs)) {
        return testing::AssertionFailure() << play << "land() refused";
      }
      answered = true;
      if (wheel.angleAt(answerMs) != angleBefore || wheel.speedAt(answerMs) != speedBefore) {
        return testing::AssertionFailure() << play << "the answer moved the wheel at the instant it arrived";
      }
      const double justBefore = replanMs - 1e-3, justAfter = replanMs + 1e-3;
      if (std::abs(wheel.angleAt(justAfter) - wheel.angleAt(justBefore)) > 1e-5 ||
          std::abs(wheel.speedAt(justAfter) - wheel.speedAt(justBefore)) > 1e-4) {
        return testing::AssertionFailure() << play << "angle or speed jumps at the re-plan: "
                                           << wheel.angleAt(justBefore) << " -> " << wheel.angleAt(justAfter) << ", "
                                           << wheel.speedAt(justBefore) << " -> " << wheel.speedAt(justAfter);
      }
    }
    const double angle = wheel.angleAt(t), speed = wheel.speedAt(t);
    if (angle < previousAngle) return testing::AssertionFailure() << play << "runs backwards at " << t;
    if (speed < 0) return testing::AssertionFailure() << play << "negative speed at " << t;
    if (t > replanMs && speed > previousSpeed + kSpeedSlack) {
      return testing::AssertionFailure() << play << "speeds up after the answer at " << t << ": " << previousSpeed
                                         << " -> " << speed;
    }
    previousAngle = angle;
    previousSpeed = speed;
  }
  const double finalAngle = wheel.angleAt(t);
  if (finalAngle < previousAngle) return testing::AssertionFailure() << play << "runs backwards at the stop";
  if (wheel.speedAt(t) != 0) return testing::AssertionFailure() << play << "rests with speed " << wheel.speedAt(t);
  if (wheel.angleAt(t + 5000) != finalAngle) return testing::AssertionFailure() << play << "moves after stopping";
  if (segmentUnderPointer(finalAngle, segmentCount) != target) {
    return testing::AssertionFailure() << play << "rests on segment " << segmentUnderPointer(finalAngle, segmentCount);
  }
  const double position = positionInSegment(finalAngle, segmentCount);
  if (position < 0.1 || position > 0.9) {
    return testing::AssertionFailure() << play << "rests at " << position << " of the segment, near a border";
  }
  if (answerMs <= 2500 && (wheel.stopTimeMs() < 3000 || wheel.stopTimeMs() > 6000 || t > 6000 + kFrameMs)) {
    return testing::AssertionFailure() << play << "the spin lasts " << wheel.stopTimeMs() << " ms";
  }
  return testing::AssertionSuccess();
}

TEST(WheelGeometry, ThePointerShowsTheSegmentTheRotationBroughtToTheTop) {
  EXPECT_EQ(segmentUnderPointer(0, 4), 0);
  // Turning clockwise by a quarter brings the last quarter of the wheel to the top.
  EXPECT_EQ(segmentUnderPointer(0.25, 4), 3);
  EXPECT_EQ(segmentUnderPointer(0.3, 4), 2);
  EXPECT_EQ(segmentUnderPointer(-0.3, 4), 1);
  EXPECT_EQ(segmentUnderPointer(7.3, 4), 2);  // whole turns change nothing
  EXPECT_EQ(segmentUnderPointer(0.3, 0), -1);
  EXPECT_DOUBLE_EQ(pointerWheelAngle(0.25), 0.75);
}

TEST(WheelGeometry, TheLandingFractionSpansTheMiddleOfTheSegment) {
  EXPECT_NEAR(positionInSegment(restingAngle(2, 5, 0), 5), 0.2, 1e-9);
  EXPECT_NEAR(positionInSegment(restingAngle(2, 5, 0.5), 5), 0.5, 1e-9);
  EXPECT_NEAR(positionInSegment(restingAngle(2, 5, 1), 5), 0.8, 1e-9);
  EXPECT_NEAR(positionInSegment(restingAngle(2, 5, 7), 5), 0.8, 1e-9);  // clamped
  for (int n = 2; n <= 24; ++n) {
    for (int k = 0; k < n; ++k) EXPECT_EQ(segmentUnderPointer(restingAngle(k, n, 0.25), n), k) << n << " " << k;
  }
}

TEST(WheelTrajectory, LandsInsideTheTargetForEveryWheelAnswerDelayAndFraction) {
  for (int n = WheelTrajectory::kMinSegments; n <= WheelTrajectory::kMaxSegments; ++n) {
    for (int target = 0; target < n; ++target) {
      for (double answerMs : {0.0, 300.0, 1000.0, 2500.0}) {
        for (double fraction : {0.0, 0.5, 1.0}) EXPECT_TRUE(playsFairly(n, target, answerMs, fraction));
      }
    }
  }
}

TEST(WheelTrajectory, ALateAnswerLandsWithinThreeSecondsOfArriving) {
  for (int n : {2, 7, 12, 24}) {
    for (int target = 0; target < n; target += 3) {
      for (double answerMs : {2600.0, 3100.0, 5000.0, 12345.0}) {
        EXPECT_TRUE(playsFairly(n, target, answerMs, 0.37));
        WheelTrajectory wheel;
        wheel.start(0);
        ASSERT_TRUE(wheel.land(target, n, 0.37, answerMs));
        EXPECT_GE(wheel.stopTimeMs() - answerMs, 1200) << describe(n, target, answerMs, 0.37);
        EXPECT_LE(wheel.stopTimeMs() - answerMs, 3000) << describe(n, target, answerMs, 0.37);
      }
    }
  }
}

// speedAt() is what a host would use for motion blur or a ticking sound: it
// has to be the rate at which angleAt() actually changes.
TEST(WheelTrajectory, TheSpeedIsTheRateOfTheAngle) {
  constexpr double h = 0.01;
  for (double answerMs : {-1.0, 0.0, 250.0, 1700.0, 4000.0}) {
    WheelTrajectory wheel;
    wheel.start(0);
    if (answerMs < 0) {
      wheel.abort(900);
    } else {
      wheel.land(5, 9, 0.8, answerMs);
    }
    for (double t = 0; t < 8000; t += 1) {
      const double rate = (wheel.angleAt(t + h) - wheel.angleAt(t - h)) / (2 * h) * 1000;
      ASSERT_NEAR(wheel.speedAt(t), rate, 1e-3) << "answer at " << answerMs << ", t " << t;
    }
  }
}

TEST(WheelTrajectory, SpinsUpToCruisingSpeedBeforeTheAnswer) {
  WheelTrajectory wheel;
  EXPECT_EQ(wheel.phaseAt(0), WheelPhase::Idle);
  EXPECT_TRUE(std::isnan(wheel.stopTimeMs()));
  wheel.start(1000);
  EXPECT_EQ(wheel.speedAt(1000), 0);
  EXPECT_EQ(wheel.phaseAt(1200), WheelPhase::SpinningUp);
  EXPECT_GT(wheel.speedAt(1200), 0);
  EXPECT_LT(wheel.speedAt(1200), WheelTrajectory::kCruiseTurnsPerSecond);
  EXPECT_NEAR(wheel.speedAt(1400 - 1e-6), WheelTrajectory::kCruiseTurnsPerSecond, 1e-6);
  EXPECT_EQ(wheel.phaseAt(1500), WheelPhase::Cruising);
  EXPECT_DOUBLE_EQ(wheel.speedAt(9000), WheelTrajectory::kCruiseTurnsPerSecond);
  EXPECT_NEAR(wheel.angleAt(9000) - wheel.angleAt(8000), 1.5, 1e-9);
  EXPECT_FALSE(wheel.stopped(60000));
  EXPECT_TRUE(std::isnan(wheel.stopTimeMs()));
}

TEST(WheelTrajectory, PhasesFollowTheAnswer) {
  WheelTrajectory wheel;
  EXPECT_FALSE(wheel.land(1, 6, 0.5, 0)) << "nothing to land before the tap";
  wheel.start(0);
  EXPECT_FALSE(wheel.land(6, 6, 0.5, 800)) << "no such segment";
  EXPECT_FALSE(wheel.land(0, 25, 0.5, 800)) << "too many segments";
  EXPECT_TRUE(wheel.land(1, 6, 0.5, 800));
  const double stopMs = wheel.stopTimeMs();
  EXPECT_EQ(wheel.phaseAt(900), WheelPhase::Landing);
  EXPECT_FALSE(wheel.land(4, 6, 0.5, 900)) << "a second answer does not re-plan";
  wheel.abort(1000);
  EXPECT_EQ(wheel.stopTimeMs(), stopMs) << "nor does a late failure";
  EXPECT_FALSE(wheel.stopped(stopMs - 1));
  EXPECT_TRUE(wheel.stopped(stopMs));
  EXPECT_EQ(wheel.phaseAt(stopMs), WheelPhase::Stopped);
  EXPECT_EQ(segmentUnderPointer(wheel.angleAt(stopMs), 6), 1);
}

TEST(WheelTrajectory, StartingAgainWhileSpinningIsIgnored) {
  WheelTrajectory once;
  once.start(0);
  WheelTrajectory twice;
  twice.start(0);
  twice.start(200);
  twice.start(1500);
  for (double t = 0; t < 3000; t += 50) ASSERT_EQ(twice.angleAt(t), once.angleAt(t)) << t;
  once.land(3, 8, 0.2, 1600);
  twice.land(3, 8, 0.2, 1600);
  twice.start(2000);
  EXPECT_EQ(twice.stopTimeMs(), once.stopTimeMs());
  EXPECT_EQ(twice.angleAt(2500), once.angleAt(2500));

  // Once at rest, a new tap spins again from where the wheel stopped.
  const double restMs = twice.stopTimeMs(), rest = twice.angleAt(restMs);
  twice.start(restMs + 1000);
  EXPECT_EQ(twice.phaseAt(restMs + 1100), WheelPhase::SpinningUp);
  EXPECT_EQ(twice.angleAt(restMs + 1000), rest);
  EXPECT_GT(twice.angleAt(restMs + 1100), rest);
}

TEST(WheelTrajectory, AFailedAnswerSlowsToAStopWithinASecondAndAHalf) {
  for (double abortMs : {0.0, 100.0, 250.0, 399.0, 1000.0, 7777.0}) {
    WheelTrajectory wheel;
    wheel.start(0);
    wheel.abort(abortMs);
    EXPECT_EQ(wheel.stopped(abortMs + 1600), true) << abortMs;
    EXPECT_LE(wheel.stopTimeMs(), abortMs + 1600) << abortMs;
    EXPECT_NEAR(wheel.speedAt(abortMs + 1e-3), wheel.speedAt(abortMs - 1e-3), 1e-4) << abortMs;
    EXPECT_NEAR(wheel.angleAt(abortMs + 1e-3), wheel.angleAt(abortMs - 1e-3), 1e-5) << abortMs;
    double previousSpeed = wheel.speedAt(abortMs), previousAngle = wheel.angleAt(abortMs);
    for (double t = abortMs; t <= abortMs + 2000; t += 4) {
      ASSERT_LE(wheel.speedAt(t), previousSpeed + kSpeedSlack) << abortMs << " at " << t;
      ASSERT_GE(wheel.speedAt(t), 0) << abortMs << " at " << t;
      ASSERT_GE(wheel.angleAt(t), previousAngle) << abortMs << " at " << t;
      previousSpeed = wheel.speedAt(t);
      previousAngle = wheel.angleAt(t);
    }
    EXPECT_EQ(wheel.speedAt(abortMs + 1600), 0) << abortMs;
    if (abortMs >= WheelTrajectory::kSpinUpMs) {
      EXPECT_GT(wheel.stopTimeMs() - abortMs, 500) << "slows gracefully, not abruptly";
    }
  }
}

TEST(WheelTrajectory, ReducedMotionSnapsToTheResult) {
  for (int n = 2; n <= 24; ++n) {
    for (int target = 0; target < n; ++target) {
      for (double fraction : {0.0, 0.5, 1.0}) {
        WheelTrajectory wheel;
        ASSERT_TRUE(wheel.snapTo(target, n, fraction));
        EXPECT_EQ(segmentUnderPointer(wheel.angleAt(0), n), target) << n << " " << target;
        const double position = positionInSegment(wheel.angleAt(0), n);
        EXPECT_GE(position, 0.1);
        EXPECT_LE(position, 0.9);
        EXPECT_TRUE(wheel.stopped(0));
        EXPECT_EQ(wheel.speedAt(0), 0);
        EXPECT_LT(wheel.stopTimeMs(), 0);
      }
    }
  }
  // After a spin, the snap turns forwards from where the wheel rests.
  WheelTrajectory wheel;
  wheel.start(0);
  wheel.land(2, 10, 0.5, 500);
  const double rest = wheel.angleAt(wheel.stopTimeMs());
  ASSERT_TRUE(wheel.snapTo(7, 10, 0.5));
  EXPECT_GE(wheel.angleAt(0), rest);
  EXPECT_LT(wheel.angleAt(0), rest + 1);
  EXPECT_EQ(segmentUnderPointer(wheel.angleAt(0), 10), 7);
  EXPECT_FALSE(wheel.snapTo(10, 10, 0.5));
}

}  // namespace
}  // namespace kindred
