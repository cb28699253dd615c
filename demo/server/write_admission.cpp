#include "write_admission.hpp"

#include <utility>

namespace {

// The bucket's name in the limiter, and how the problem's detail names the writes.
struct RouteNames {
  const char* bucket;
  const char* writes;
};

RouteNames namesOf(WriteRoute route) {
  switch (route) {
    case WriteRoute::Redemptions:
      return {"redemptions", "redemptions"};
    case WriteRoute::Plays:
      return {"plays", "game plays"};
    case WriteRoute::Events:
      return {"events", "events"};
  }
  return {"other", "writes"};
}

std::string seconds(std::int64_t count) {
  return std::to_string(count) + (count == 1 ? " second" : " seconds");
}

}  // namespace

WriteAdmission writeLimitAdmission(WriteRateLimiter* limiter, WriteRoute route,
                                   std::string memberId) {
  if (!limiter) return {};
  return [limiter, route, memberId = std::move(memberId)]() -> std::optional<ApiResponse> {
    // A space cannot appear in a bucket name, so no two members' buckets share a key.
    const RateDecision decision = limiter->tryAcquire(
        std::string(namesOf(route).bucket) + " " + memberId, WriteRateLimiter::Clock::now());
    if (decision.admitted) return std::nullopt;
    return rateLimitedResponse(route, limiter->writesPerMinute(), decision.retryAfterSeconds);
  };
}

ApiResponse rateLimitedResponse(WriteRoute route, std::int64_t writesPerMinute,
                                std::int64_t retryAfterSeconds) {
  ApiResponse response = problemResponse(
      429, "rate-limited", "Too many requests",
      std::string("Too many ") + namesOf(route).writes + " in a short time (this backend takes " +
          std::to_string(writesPerMinute) + " a minute per member). Nothing was done; send it " +
          "again in " + seconds(retryAfterSeconds) + ", with the same Idempotency-Key.");
  response.headers.emplace_back("Retry-After", std::to_string(retryAfterSeconds));
  return response;
}
