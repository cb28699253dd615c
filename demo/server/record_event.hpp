#pragma once
// Recording one engagement event for a member (POST /v1/events): the type's
// rules and the time window, then one row. Runs inside the caller's
// Transaction; the caller stores the 201 with the request's Idempotency-Key.
// Events never change points, the ledger, stock or plays: they are facts for
// other features (micro-moments, challenges) to read. Two types do more:
// experience-signup takes a seat (experience_seats.hpp), and preview-rated
// must name a preview the member is shown (preview_access.hpp). An event
// that completes a challenge earns its badge in the same transaction
// (challenge_progress.hpp).
//
// Every refusal leaves nothing written and is not final for the key, like a
// 400: an unknown type (422 unknown-event-type), a subject or value the type
// needs but lacks (422 invalid-event), a time outside the window (422
// event-time-out-of-range; one a little too far ahead becomes acceptable
// later, so its refusal must not be replayed to a retry), a sign-up refused
// (422 unknown-experience or experience-started, 403 tier-too-low, 409
// experience-full: a member may climb a tier, so none is final either), a
// rating of a preview the member is not shown (422 unknown-preview). So an
// event with a key is either recorded once or not at all.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "database.hpp"
#include "event_body.hpp"
#include "idempotent_post.hpp"
#include "kindred/program.hpp"

// How far ahead of the server's clock an event may be dated: the host
// device's clock may run a little fast.
inline constexpr std::int64_t kMaxEventFutureSeconds = 5 * 60;
// How old it may be: long enough for a widget's outbox to deliver what it
// queued offline, short enough that "this week" features can trust dates.
inline constexpr std::int64_t kMaxEventAgeSeconds = 7 * 24 * 60 * 60;

IdempotentOutcome recordEvent(Database& db, const kindred::Program& program,
                              std::string_view memberId, const EventBody& event,
                              std::int64_t nowUnix);

// Writes one event row, checking nothing (recordEvent has, or the seed),
// and returns its new id ("evt_...").
std::string insertEvent(Database& db, std::string_view memberId, const std::string& type,
                        const std::optional<std::string>& subject,
                        const std::optional<std::int64_t>& value, std::int64_t occurredAtUnix,
                        std::int64_t receivedAtUnix);
