#pragma once
// A member's acknowledgement of a surprise, or dismissal of any other moment,
// on its way to POST /v1/events. Built like a redemption (redemption.hpp): one
// intent per moment key, every retry with the same Idempotency-Key and body,
// so the backend records it once. Unlike a redemption the card goes away at
// once, before any answer: the outbox delivers it, and only a definitive
// refusal brings the card back.

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

// The key says which event it is: a surprise is acknowledged, any other
// moment dismissed, so the key alone rebuilds the body after a reload.
bool isSurpriseKey(std::string_view momentKey);

struct MomentEventIntent {
  std::string momentKey;       // "surprise:sg_01", "expiring:2026-12-05"...
  std::string idempotencyKey;
  MomentEventState state = MomentEventState::Pending;
  MomentEventFailure failure = MomentEventFailure::None;
  std::string detail;          // the backend's problem detail, when it gave one

  // Still to be delivered: the card stays hidden and the outbox keeps it.
  bool unfinished() const { return state == MomentEventState::Pending; }
};

// {"type":"moment-acknowledged"|"moment-dismissed","subject":"<moment key>"}
std::string momentEventBody(const MomentEventIntent& intent);

}  // namespace kindred
