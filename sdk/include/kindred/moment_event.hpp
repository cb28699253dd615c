#pragma once
// A member's acknowledgement of a surprise, dismissal of any other moment,
// sign-up for a tier experience or rating of a preview, on its way to POST
// /v1/events. Built like a redemption (redemption.hpp): one
// intent per moment key, every retry with the same Idempotency-Key and body,
// so the backend records it once. Unlike a redemption the card goes away at
// once, before any answer: the outbox delivers it, and only a definitive
// refusal brings the card back.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kindred {

enum class MomentEventState { Pending, Succeeded, Failed };

// Why an event was not recorded. Network: the last try got no definitive
// answer (none, 429, 5xx, the first still running); the intent stays pending.
enum class MomentEventFailure { None, Network, Conflict, Rejected };

const char* momentEventFailureName(MomentEventFailure failure);

// How an HTTP answer that is not a success ends an intent; nullopt: it does
// not, send it again with the same key.
std::optional<MomentEventFailure> momentEventFailureForAnswer(int status, std::string_view problemType);

// The key says which event it is, so the key (and a rating's value) alone
// rebuilds the body after a reload:
//   surprise:<id>     acknowledged  {"type":"moment-acknowledged","subject":"<key>"}
//   experience:<id>   a sign-up     {"type":"experience-signup","subject":"<id>"}
//   preview:<id>      a rating      {"type":"preview-rated","subject":"<id>","value":1..5}
//   any other card    dismissed     {"type":"moment-dismissed","subject":"<key>"}
bool isSurpriseKey(std::string_view momentKey);
inline constexpr std::string_view kExperienceKeyPrefix = "experience:";
inline constexpr std::string_view kPreviewKeyPrefix = "preview:";

struct MomentEventIntent {
  std::string momentKey;       // "surprise:sg_01", "expiring:2026-12-05"...
  std::string idempotencyKey;
  MomentEventState state = MomentEventState::Pending;
  MomentEventFailure failure = MomentEventFailure::None;
  std::string detail;          // the backend's problem detail, when it gave one
  std::int64_t value = 0;      // a rating's stars, 1..5

  // Still to be delivered: the card stays hidden and the outbox keeps it.
  bool unfinished() const { return state == MomentEventState::Pending; }
};

// The body of POST /v1/events the key names (above).
std::string momentEventBody(const MomentEventIntent& intent);

}  // namespace kindred
