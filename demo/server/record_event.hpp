#pragma once
// Recording one engagement event for a member (POST /v1/events): the type's
// rules and the time window, then one row. Runs inside the caller's
// Transaction; the caller stores the 201 with the request's Idempotency-Key.
// Events never change points, the ledger, stock or plays: they are facts for
// other features (micro-moments, challenges) to read.
//
// Every refusal leaves nothing written and is not final for the key, like a
// 400: an unknown type (422 unknown-event-type), a subject or value the type
// needs but lacks (422 invalid-event), a time outside the window (422
// event-time-out-of-range; one a little too far ahead becomes acceptable
// later, so its refusal must not be replayed to a retry). So an event with a
// key is either recorded once or not at all.

#include <cstdint>
#include <string_view>

#include "database.hpp"
#include "event_body.hpp"
#include "idempotent_post.hpp"

// How far ahead of the server's clock an event may be dated: the host
// device's clock may run a little fast.
inline constexpr std::int64_t kMaxEventFutureSeconds = 5 * 60;
// How old it may be: long enough for a widget's outbox to deliver what it
// queued offline, short enough that "this week" features can trust dates.
inline constexpr std::int64_t kMaxEventAgeSeconds = 7 * 24 * 60 * 60;

IdempotentOutcome recordEvent(Database& db, std::string_view memberId, const EventBody& event,
                              std::int64_t nowUnix);
