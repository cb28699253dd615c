#include "record_event.hpp"

#include <optional>
#include <string>

#include "challenge_progress.hpp"
#include "engagement_config.hpp"
#include "event_type_record.hpp"
#include "experience_seats.hpp"
#include "local_date.hpp"
#include "member_record.hpp"
#include "preview_access.hpp"
#include "random_codes.hpp"
#include "utc_time.hpp"

namespace {

using nlohmann::ordered_json;

// What `type` requires of `event` that it lacks, as a problem's detail, or "".
std::string unmetRequirement(const EventTypeRecord& type, const EventBody& event) {
  // A sign-up or a rating is about something, whatever a hand-written
  // event_types.json says.
  const bool needsSubject =
      type.subjectRequired || type.id == "experience-signup" || type.id == "preview-rated";
  if (needsSubject && !event.subject) {
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

// A preview-rated event's subject must be a preview the member is shown:
// one they may not see (a tier above, released, or no such preview) is
// answered as if it did not exist, so a refusal reveals nothing.
bool ratesAPreviewShown(Database& db, const kindred::Program& program, const MemberRecord& member,
                        const std::string& previewId, std::int64_t nowUnix) {
  const std::optional<Preview> preview = findPreview(db, previewId);
  return preview && previewShownTo(*preview, program, member.qualifyingPoints,
                                   localDateOrUtc(member.timeZone, nowUnix));
}

}  // namespace

std::string insertEvent(Database& db, std::string_view memberId, const std::string& type,
                        const std::optional<std::string>& subject,
                        const std::optional<std::int64_t>& value, std::int64_t occurredAtUnix,
                        std::int64_t receivedAtUnix) {
  const std::string id = newEventId();
  db.prepare(
        "INSERT INTO events (id, member_id, type, subject, value, occurred_at, received_at,"
        " occurred_at_unix) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
      .bind(1, id)
      .bind(2, memberId)
      .bind(3, type)
      .bindNullable(4, subject)
      .bindNullable(5, value)
      .bind(6, formatRfc3339Utc(occurredAtUnix))
      .bind(7, formatRfc3339Utc(receivedAtUnix))
      .bind(8, occurredAtUnix)
      .run();
  return id;
}

IdempotentOutcome recordEvent(Database& db, const kindred::Program& program,
                              std::string_view memberId, const EventBody& event,
                              std::int64_t nowUnix) {
  std::optional<MemberRecord> member = loadMember(db, memberId, utcDateOf(nowUnix));
  if (!member) {  // removed since its token was checked a moment ago
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

  member->timeZone = zoneOrUtc(member->timeZone);
  // unmetRequirement has made sure these two have their subject.
  if (type->id == "experience-signup") {
    if (const std::optional<SignUpRefusal> refusal = signUpForExperience(
            db, program, memberId, member->qualifyingPoints, *event.subject, nowUnix)) {
      return {false,
              problemResponse(refusal->status, refusal->slug, refusal->title, refusal->detail)};
    }
  }
  if (type->id == "preview-rated" &&
      !ratesAPreviewShown(db, program, *member, *event.subject, nowUnix)) {
    return {false, problemResponse(422, "unknown-preview", "Unknown preview",
                                   "You have no preview \"" + *event.subject + "\" to rate.")};
  }

  const std::string id =
      insertEvent(db, memberId, type->id, event.subject, event.value, occurredAt, nowUnix);
  awardCompletedBadges(db, memberId, type->id, member->timeZone, occurredAt, nowUnix);
  const std::string occurredAtText = formatRfc3339Utc(occurredAt);
  const std::string receivedAt = formatRfc3339Utc(nowUnix);
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
