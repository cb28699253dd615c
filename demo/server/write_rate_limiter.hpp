#pragma once
// How many writes one member may make, per route: a token bucket of
// `writesPerMinute` tokens, refilled at `writesPerMinute` a minute, so a
// member may spend a whole minute's allowance at once and then one write
// every 60/N seconds. Kept as GCRA (one "theoretical arrival time" per
// bucket, in integer nanoseconds), which is that token bucket exactly, with
// no floating point, so the wait it reports is the true one.
//
// In memory, per process: a restart forgets every bucket (harmless: it only
// forgives), and two servers on one database each count their own. One mutex
// guards the buckets: a lookup is a hash probe and two additions, far cheaper
// than the SQLite write it admits, so 64 worker threads do not queue on it.
// The clock is a parameter, so tests step time instead of sleeping.

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

inline constexpr std::int64_t kMaxWritesPerMinute = 1'000'000;

struct RateDecision {
  bool admitted = true;
  // When refused: whole seconds until this bucket admits a write again (at
  // least 1), rounded up, so a client that waits this long is admitted
  // unless it (or another of its tabs) writes to the same bucket meanwhile.
  std::int64_t retryAfterSeconds = 0;
};

class WriteRateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  // 1 to kMaxWritesPerMinute.
  explicit WriteRateLimiter(std::int64_t writesPerMinute);

  std::int64_t writesPerMinute() const { return writesPerMinute_; }

  // Takes a token from `bucket` (e.g. "plays m_ada") if it has one.
  RateDecision tryAcquire(std::string_view bucket, Clock::time_point now);

  // Buckets currently remembered; a full bucket is forgotten (it is the
  // same as a new one), so this stays near the number of members writing
  // right now rather than growing with every member ever seen.
  std::size_t trackedBuckets();

 private:
  void forgetFullBuckets(std::int64_t nowNs);

  const std::int64_t writesPerMinute_;
  const std::int64_t intervalNs_;   // one token's worth of time: 60 s / N
  const std::int64_t toleranceNs_;  // how far ahead of now a bucket may run: (N - 1) intervals
  std::mutex mutex_;
  // Per bucket, the instant it would be full again. At or before now: full.
  std::unordered_map<std::string, std::int64_t> fullAtNs_;
  std::size_t sweepAtSize_;
};
