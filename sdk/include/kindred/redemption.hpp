#pragma once
// A redemption from the shopper's tap to the backend's answer. The core keeps
// one intent per reward: every retry of it (a double tap, a timeout, a
// reload of the same intent) carries the same Idempotency-Key, so the
// backend applies it once. A definitive answer ends the intent; the next tap
// is a new intent with a new key.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kindred/member.hpp"
#include "kindred/result.hpp"

namespace kindred {

enum class RedemptionState { Pending, Succeeded, Failed };

// Why a redemption did not happen, as the widget explains it.
enum class RedemptionFailure { None, PointsShort, OutOfStock, Tier, Conflict, Rejected, Network };

struct RedemptionIntent {
  std::string rewardId;
  std::string idempotencyKey;
  RedemptionState state = RedemptionState::Pending;
  RedemptionFailure failure = RedemptionFailure::None;
  std::string detail;        // the backend's problem detail, when it gave one
  std::string code;          // the voucher code, when it succeeded
  std::int64_t pointsSpent = 0;

  // Sent, with no definitive answer yet: a retry reuses the key, and an
  // answer that comes later (from the outbox) is still read.
  bool unfinished() const {
    return state == RedemptionState::Pending ||
           (state == RedemptionState::Failed && failure == RedemptionFailure::Network);
  }
};

// The parts of a 201 answer to POST /v1/redemptions the core keeps.
struct RedemptionReceipt {
  std::string code;
  std::int64_t pointsSpent = 0;
  Member member;             // the member as the backend left them
};

Result<RedemptionReceipt> parseRedemptionReceipt(std::string_view json);

// How an HTTP answer ends (or does not end) an intent. `status` 0 means the
// request never got an answer (offline, timeout). Returns nullopt for answers
// after which the same intent should be retried with the same key.
std::optional<RedemptionFailure> failureForAnswer(int status, std::string_view problemType);

const char* failureName(RedemptionFailure failure);

}  // namespace kindred
