#include "kindred/moment_event.hpp"

#include "moment_event_json.hpp"

#include "kindred/redemption.hpp"
#include "json_writer.hpp"

namespace kindred {

const char* momentEventFailureName(MomentEventFailure failure) {
  switch (failure) {
    case MomentEventFailure::None: return "none";
    case MomentEventFailure::Network: return "network";
    case MomentEventFailure::Conflict: return "conflict";
    case MomentEventFailure::Rejected: return "rejected";
  }
  return "rejected";
}

// Every write follows the same Idempotency-Key rules, so the redemption's
// reading of an answer is the event's too; of its failures only a key reused
// for another body (conflict) can happen to an event.
std::optional<MomentEventFailure> momentEventFailureForAnswer(int status, std::string_view problemType) {
  const auto failure = failureForAnswer(status, problemType);
  if (!failure) return std::nullopt;
  return *failure == RedemptionFailure::Conflict ? MomentEventFailure::Conflict : MomentEventFailure::Rejected;
}

bool isSurpriseKey(std::string_view momentKey) { return momentKey.substr(0, 9) == "surprise:"; }

std::string momentEventBody(const MomentEventIntent& intent) {
  const std::string_view key = intent.momentKey;
  const bool signup = key.substr(0, kExperienceKeyPrefix.size()) == kExperienceKeyPrefix;
  const bool rating = key.substr(0, kPreviewKeyPrefix.size()) == kPreviewKeyPrefix;
  JsonWriter body;
  body.beginObject();
  if (signup || rating) {
    body.field("type", signup ? "experience-signup" : "preview-rated")
        .field("subject", key.substr(signup ? kExperienceKeyPrefix.size() : kPreviewKeyPrefix.size()));
    if (rating) body.field("value", intent.value);
  } else {
    body.field("type", isSurpriseKey(key) ? "moment-acknowledged" : "moment-dismissed").field("subject", key);
  }
  return body.endObject().take();
}

const MomentEventIntent* findMomentEvent(const std::vector<MomentEventIntent>& events, std::string_view momentKey) {
  for (const MomentEventIntent& event : events)
    if (event.momentKey == momentKey) return &event;
  return nullptr;
}

void writeEventFailure(JsonWriter& out, const MomentEventIntent* event) {
  if (!event || event->state != MomentEventState::Failed) {
    out.null();
    return;
  }
  out.beginObject().field("reason", momentEventFailureName(event->failure)).key("detail");
  if (event->detail.empty()) out.null(); else out.string(event->detail);
  out.endObject();
}

}  // namespace kindred
