#include "redemption_request.hpp"

#include <nlohmann/json.hpp>

#include "idempotency.hpp"
#include "redeem_reward.hpp"

namespace {

// The rewardId of a {"rewardId":"..."} body, or nullopt.
std::optional<std::string> requestedRewardId(std::string_view body) {
  const nlohmann::json doc = nlohmann::json::parse(body, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return std::nullopt;
  const auto id = doc.find("rewardId");
  if (id == doc.end() || !id->is_string() || id->get_ref<const std::string&>().empty()) {
    return std::nullopt;
  }
  return id->get<std::string>();
}

ApiResponse keyInUse() {
  ApiResponse response = problemResponse(
      409, "idempotency-key-in-use", "Idempotency key in use",
      "A request with this Idempotency-Key is still being processed; retry shortly with the "
      "same key to get its result.");
  response.headers.emplace_back("Retry-After", "1");
  return response;
}

}  // namespace

ApiResponse handleRedemptionRequest(Database& db, const kindred::Program& program,
                                    std::string_view memberId,
                                    const std::optional<std::string>& idempotencyKey,
                                    std::string_view body, std::int64_t nowUnix) {
  if (!idempotencyKey || !isValidIdempotencyKey(*idempotencyKey)) {
    return problemResponse(
        400, "invalid-idempotency-key", "Invalid Idempotency-Key",
        std::string(idempotencyKey ? "The Idempotency-Key header must be"
                                   : "A redemption needs an Idempotency-Key header:") +
            " 1 to 255 visible ASCII characters, unique per redemption (a UUID is ideal), "
            "so a retried request cannot redeem twice.");
  }

  const KeyClaim claim =
      claimIdempotencyKey(db, memberId, *idempotencyKey,
                          idempotencyRequestHash("POST", kRedemptionsPath, body), nowUnix);
  switch (claim.status) {
    case KeyClaimStatus::Claimed:
      break;
    case KeyClaimStatus::Replay: {
      ApiResponse replay = claim.stored;
      replay.headers.emplace_back("Idempotent-Replayed", "true");
      return replay;
    }
    case KeyClaimStatus::InUse:
      return keyInUse();
    case KeyClaimStatus::Reused:
      return problemResponse(
          409, "idempotency-key-reused", "Idempotency key reused",
          "This Idempotency-Key was already used for a different request; use a new key for a "
          "new redemption.");
  }
  // Declared before the transaction, so it runs after the rollback: any
  // return below that does not reach dismiss() frees the key again.
  IdempotencyClaimRelease release(db, std::string(memberId), *idempotencyKey, claim.claimedAtUnix);

  const std::optional<std::string> rewardId = requestedRewardId(body);
  if (!rewardId) {
    return problemResponse(
        400, "invalid-request", "Invalid request",
        R"(The body must be a JSON object like {"rewardId":"rw_cafe_creme_thermos"}.)");
  }

  Transaction transaction(db);
  const RedemptionOutcome outcome = redeemReward(db, program, memberId, *rewardId, nowUnix);
  if (!outcome.executed) return outcome.response;
  if (!completeIdempotencyKey(db, memberId, *idempotencyKey, claim.claimedAtUnix,
                              outcome.response)) {
    return keyInUse();  // the claim was taken over; the rollback undoes this attempt
  }
  transaction.commit();
  release.dismiss();
  return outcome.response;
}
