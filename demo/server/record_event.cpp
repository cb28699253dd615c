#include "record_event.hpp"

#include <optional>
#include <string>

#include "event_type_record.hpp"
#include "member_record.hpp"
#include "random_codes.hpp"
#include "utc_time.hpp"

namespace {

using nlohmann::ordered_json;

// What `type` requires of `event` that it lacks, as a problem's detail, or "".
std::string unmetRequirement(const EventTypeRecord& type, const EventBody& event) {
  if (type.subjectRequired && !event.subject) {
    return "Events of type " + type.id + " need a subject: what the event is about.";
  }
  if (type.valueMin &&
      (!event.value || *event.value < *type.valueMin || *event.value > *type.valueMax)) {
    return "Events of type " + type.id + " need a value from " + std::to_string(*type.valueMin) +
           " to " + std::to_string(*type.valueMax) +
           (event.value ? ", not " + std::to_string(*event.value) : std::string()) + ".";
  }
  return "";
}

template <class T>
ordered_json orNull(const std::optional<T>& value) {
  return value ? ordered_json(*value) : ordered_json(nullptr);
}

}  // namespace

IdempotentOutcome recordEvent(Database& db, std::string_view memberId, const EventBody& event,
                              std::int64_t nowUnix) {
  if (!memberExists(db, memberId)) {  // removed since its token was checked a moment ago
    return {false, problemResponse(404, "unknown-member", "Unknown member",
                                   "The member this token names no longer exists.")};
  }
  const std::optional<EventTypeRecord> type = loadEventType(db, event.type);
  if (!type) {
    return {false,
            problemResponse(422, "unknown-event-type", "Unknown event type",
                            "This backend records no events of type \"" + event.type + "\".")};
  }
  if (const std::string unmet = unmetRequirement(*type, event); !unmet.empty()) {
    return {false, problemResponse(422, "invalid-event", "Invalid event", unmet)};
  }
  const std::int64_t occurredAt = event.occurredAtUnix.value_or(nowUnix);
  if (occurredAt > nowUnix + kMaxEventFutureSeconds || occurredAt < nowUnix - kMaxEventAgeSeconds) {
    return {false, problemResponse(422, "event-time-out-of-range", "Event time out of range",
                                   "occurredAt must be within the last 7 days and no more than 5 "
                                   "minutes ahead of the backend's clock (" +
                                       formatRfc3339Utc(nowUnix) + "), not " +
                                       formatRfc3339Utc(occurredAt) + ".")};
  }

  const std::string id = newEventId();
  const std::string occurredAtText = formatRfc3339Utc(occurredAt);
  const std::string receivedAt = formatRfc3339Utc(nowUnix);
  db.prepare(
        "INSERT INTO events (id, member_id, type, subject, value, occurred_at, received_at,"
        " occurred_at_unix) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
      .bind(1, id)
      .bind(2, memberId)
      .bind(3, type->id)
      .bindNullable(4, event.subject)
      .bindNullable(5, event.value)
      .bind(6, occurredAtText)
      .bind(7, receivedAt)
      .bind(8, occurredAt)
      .run();
  return {true, jsonResponse(
                    {
                        {"id", id},
                        {"type", type->id},
                        {"subject", orNull(event.subject)},
                        {"value", orNull(event.value)},
                        {"occurredAt", occurredAtText},
                        {"receivedAt", receivedAt},
                    },
                    201)};
}
