#include "write_rate_limiter.hpp"

#include <algorithm>
#include <stdexcept>

namespace {

constexpr std::int64_t kNanosecondsPerMinute = 60'000'000'000;
constexpr std::int64_t kNanosecondsPerSecond = 1'000'000'000;
// Below this many buckets nothing is swept: the memory is trivial.
constexpr std::size_t kMinSweepSize = 1024;

std::int64_t nanosecondsOf(WriteRateLimiter::Clock::time_point now) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(now.time_since_epoch()).count();
}

}  // namespace

WriteRateLimiter::WriteRateLimiter(std::int64_t writesPerMinute)
    : writesPerMinute_(writesPerMinute),
      intervalNs_(writesPerMinute > 0 ? kNanosecondsPerMinute / writesPerMinute : 0),
      toleranceNs_(intervalNs_ * (writesPerMinute - 1)),
      sweepAtSize_(kMinSweepSize) {
  if (writesPerMinute < 1 || writesPerMinute > kMaxWritesPerMinute) {
    throw std::invalid_argument("writes per minute must be 1.." +
                                std::to_string(kMaxWritesPerMinute));
  }
}

RateDecision WriteRateLimiter::tryAcquire(std::string_view bucket, Clock::time_point now) {
  const std::int64_t nowNs = nanosecondsOf(now);
  const std::lock_guard<std::mutex> lock(mutex_);
  if (fullAtNs_.size() >= sweepAtSize_) forgetFullBuckets(nowNs);

  const auto found = fullAtNs_.find(std::string(bucket));
  // A bucket never seen, or full since, is full now.
  const std::int64_t fullAt = found == fullAtNs_.end() ? nowNs : std::max(found->second, nowNs);
  // Each admitted write moves fullAt one interval later; more than N - 1
  // intervals ahead of now means less than one token left.
  if (fullAt - nowNs > toleranceNs_) {
    const std::int64_t waitNs = fullAt - toleranceNs_ - nowNs;  // > 0
    return {false, (waitNs + kNanosecondsPerSecond - 1) / kNanosecondsPerSecond};
  }
  if (found == fullAtNs_.end()) {
    fullAtNs_.emplace(std::string(bucket), fullAt + intervalNs_);
  } else {
    found->second = fullAt + intervalNs_;
  }
  return {true, 0};
}

std::size_t WriteRateLimiter::trackedBuckets() {
  const std::lock_guard<std::mutex> lock(mutex_);
  return fullAtNs_.size();
}

void WriteRateLimiter::forgetFullBuckets(std::int64_t nowNs) {
  for (auto it = fullAtNs_.begin(); it != fullAtNs_.end();) {
    it = it->second <= nowNs ? fullAtNs_.erase(it) : std::next(it);
  }
  // Sweeping again only once the map has doubled keeps the cost per write
  // constant on average, however many members are writing.
  sweepAtSize_ = std::max(kMinSweepSize, 2 * fullAtNs_.size());
}
