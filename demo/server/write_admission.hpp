#pragma once
// The per-member write limit, as runIdempotentPost asks it: once a request
// is known to need work (its Idempotency-Key is new), may it run now? A
// replay, a key still running and a reused key are answered before it is
// asked, so they never count: the widget's outbox resends a write with the
// same key after a lost answer, and must get that answer back whatever the
// limit. A request with a new key counts whatever comes of it (a bad body
// or a refusal costs the backend about as much as a success). A refused
// request is answered 429 `rate-limited` with a truthful Retry-After, and
// nothing is written for it, its key included, so the same key is simply
// sent again later.
//
// Each route has its own allowance per member, rather than one shared by
// all three: events come from the host page's code (challenge steps,
// moment acknowledgements, ratings), which the member does not control, and
// a chatty page must not make the member's own redemption wait. A script
// hammering the API still gets no more than three allowances, and every
// route costs the backend about the same (one short write transaction).

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "api_response.hpp"
#include "write_rate_limiter.hpp"

// nullopt admits the request; a response refuses it and is sent instead.
// An empty function admits every request.
using WriteAdmission = std::function<std::optional<ApiResponse>()>;

enum class WriteRoute { Redemptions, Plays, Events };

// The admission for one request of `memberId` on `route`, read at the
// steady clock's time of asking. `limiter` may be null (no limit) and must
// outlive the returned function.
WriteAdmission writeLimitAdmission(WriteRateLimiter* limiter, WriteRoute route,
                                   std::string memberId);

// 429 rate-limited with Retry-After: `retryAfterSeconds`.
ApiResponse rateLimitedResponse(WriteRoute route, std::int64_t writesPerMinute,
                                std::int64_t retryAfterSeconds);
