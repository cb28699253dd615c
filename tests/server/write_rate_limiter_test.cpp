// The per-member write limit on its own, with time stepped by hand (no
// sleeps): the burst, the refill, a Retry-After that is exactly when the
// next write gets in, buckets that do not share, forgetting full buckets,
// and no lost updates under concurrent callers.

#include "write_rate_limiter.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = WriteRateLimiter::Clock;
using std::chrono::milliseconds;
using std::chrono::nanoseconds;
using std::chrono::seconds;

// An arbitrary steady-clock instant to start from.
const Clock::time_point kStart = Clock::time_point{} + std::chrono::hours(1000);

// Acquires until refused; returns how many were admitted.
int drain(WriteRateLimiter& limiter, const std::string& bucket, Clock::time_point now) {
  int admitted = 0;
  while (limiter.tryAcquire(bucket, now).admitted) ++admitted;
  return admitted;
}

TEST(WriteRateLimiter, AdmitsAWholeMinutesWorthAtOnceThenRefusesWithRetryAfter) {
  WriteRateLimiter limiter(120);
  EXPECT_EQ(limiter.writesPerMinute(), 120);
  EXPECT_EQ(drain(limiter, "plays m_ada", kStart), 120);
  const RateDecision refused = limiter.tryAcquire("plays m_ada", kStart);
  EXPECT_FALSE(refused.admitted);
  EXPECT_EQ(refused.retryAfterSeconds, 1);  // a token every half second, rounded up
}

TEST(WriteRateLimiter, RetryAfterIsExactlyWhenTheNextWriteIsAdmitted) {
  WriteRateLimiter limiter(3);  // a token every 20 s
  ASSERT_EQ(drain(limiter, "b", kStart), 3);
  const RateDecision refused = limiter.tryAcquire("b", kStart + seconds(5));
  ASSERT_FALSE(refused.admitted);
  EXPECT_EQ(refused.retryAfterSeconds, 15);
  // Refusals spend nothing: asking again later gives the same instant.
  EXPECT_EQ(limiter.tryAcquire("b", kStart + seconds(10)).retryAfterSeconds, 10);
  EXPECT_FALSE(limiter.tryAcquire("b", kStart + seconds(20) - nanoseconds(1)).admitted);
  EXPECT_TRUE(limiter.tryAcquire("b", kStart + seconds(5) + seconds(15)).admitted);
  EXPECT_FALSE(limiter.tryAcquire("b", kStart + seconds(20)).admitted);
}

TEST(WriteRateLimiter, RetryAfterRoundsUpToWholeSeconds) {
  WriteRateLimiter limiter(7);  // a token every 8.571428571 s
  ASSERT_EQ(drain(limiter, "b", kStart), 7);
  const RateDecision refused = limiter.tryAcquire("b", kStart);
  ASSERT_FALSE(refused.admitted);
  EXPECT_EQ(refused.retryAfterSeconds, 9);
  // Waiting the rounded-down 8 s is not enough; the 9 s it said is.
  EXPECT_FALSE(limiter.tryAcquire("b", kStart + seconds(8)).admitted);
  EXPECT_TRUE(limiter.tryAcquire("b", kStart + seconds(9)).admitted);
}

TEST(WriteRateLimiter, RefillsAtTheRateAndNeverBeyondTheBurst) {
  WriteRateLimiter limiter(60);  // a token a second
  ASSERT_EQ(drain(limiter, "b", kStart), 60);
  EXPECT_EQ(drain(limiter, "b", kStart + seconds(10)), 10);
  EXPECT_EQ(drain(limiter, "b", kStart + seconds(10) + milliseconds(999)), 0);
  EXPECT_EQ(drain(limiter, "b", kStart + seconds(11)), 1);
  // An hour idle fills the bucket, and no more.
  EXPECT_EQ(drain(limiter, "b", kStart + std::chrono::hours(1)), 60);
}

TEST(WriteRateLimiter, AWriteAMomentApartIsAlwaysAdmittedAtTheSustainedRate) {
  WriteRateLimiter limiter(60);
  for (int i = 0; i < 600; ++i) {
    EXPECT_TRUE(limiter.tryAcquire("b", kStart + seconds(i)).admitted) << i;
  }
}

TEST(WriteRateLimiter, BucketsAreIndependent) {
  WriteRateLimiter limiter(2);
  ASSERT_EQ(drain(limiter, "plays m_ada", kStart), 2);
  EXPECT_TRUE(limiter.tryAcquire("plays m_grace", kStart).admitted);
  EXPECT_TRUE(limiter.tryAcquire("events m_ada", kStart).admitted);
  EXPECT_TRUE(limiter.tryAcquire("redemptions m_ada", kStart).admitted);
}

TEST(WriteRateLimiter, OneAMinuteIsABucketOfOne) {
  WriteRateLimiter limiter(1);
  EXPECT_TRUE(limiter.tryAcquire("b", kStart).admitted);
  const RateDecision refused = limiter.tryAcquire("b", kStart + seconds(1));
  EXPECT_FALSE(refused.admitted);
  EXPECT_EQ(refused.retryAfterSeconds, 59);
  EXPECT_TRUE(limiter.tryAcquire("b", kStart + seconds(60)).admitted);
}

TEST(WriteRateLimiter, RefusesAnImpossibleLimit) {
  EXPECT_THROW(WriteRateLimiter{0}, std::invalid_argument);
  EXPECT_THROW(WriteRateLimiter{-5}, std::invalid_argument);
  EXPECT_THROW(WriteRateLimiter{kMaxWritesPerMinute + 1}, std::invalid_argument);
  EXPECT_NO_THROW(WriteRateLimiter{kMaxWritesPerMinute});
}

TEST(WriteRateLimiter, ForgetsFullBucketsSoMemoryFollowsActiveMembers) {
  WriteRateLimiter limiter(60);
  for (int i = 0; i < 5000; ++i) {
    ASSERT_TRUE(limiter.tryAcquire("events m_" + std::to_string(i), kStart).admitted);
  }
  EXPECT_GE(limiter.trackedBuckets(), 4000u);
  // A second later every bucket has refilled its one token: all are full and
  // the next sweep forgets them, without forgetting one that is not.
  const Clock::time_point later = kStart + seconds(1);
  ASSERT_EQ(drain(limiter, "plays m_busy", later), 60);
  for (int i = 0; i < 5000; ++i) limiter.tryAcquire("events n_" + std::to_string(i), later);
  EXPECT_LT(limiter.trackedBuckets(), 5100u);
  EXPECT_FALSE(limiter.tryAcquire("plays m_busy", later).admitted);
}

TEST(WriteRateLimiter, ConcurrentCallersNeverGetMoreThanTheBurst) {
  WriteRateLimiter limiter(100);
  std::atomic<int> admitted{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 100; ++i) admitted += limiter.tryAcquire("b", kStart).admitted ? 1 : 0;
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(admitted.load(), 100);
}

}  // namespace
