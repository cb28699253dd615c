#include "idempotent_post.hpp"

#include "idempotency.hpp"

namespace {

ApiResponse keyInUse() {
  ApiResponse response = problemResponse(
      409, "idempotency-key-in-use", "Idempotency key in use",
      "A request with this Idempotency-Key is still being processed; retry shortly with the "
      "same key to get its result.");
  response.headers.emplace_back("Retry-After", "1");
  return response;
}

}  // namespace

ApiResponse runIdempotentPost(Database& db, std::string_view memberId,
                              const std::optional<std::string>& idempotencyKey,
                              std::string_view path, std::string_view body, std::int64_t nowUnix,
                              const IdempotentAction& action,
                              const std::function<IdempotentOutcome()>& work) {
  if (!idempotencyKey || !isValidIdempotencyKey(*idempotencyKey)) {
    return problemResponse(
        400, "invalid-idempotency-key", "Invalid Idempotency-Key",
        (idempotencyKey ? std::string("The Idempotency-Key header must be")
                        : std::string(action.aNoun) + " needs an Idempotency-Key header:") +
            " 1 to 255 visible ASCII characters, unique per " + std::string(action.noun) +
            " (a UUID is ideal), so a retried request cannot " + std::string(action.verb) +
            " twice.");
  }

  const KeyClaim claim = claimIdempotencyKey(db, memberId, *idempotencyKey,
                                             idempotencyRequestHash("POST", path, body), nowUnix);
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
      return problemResponse(409, "idempotency-key-reused", "Idempotency key reused",
                             "This Idempotency-Key was already used for a different request; use "
                             "a new key for a new " +
                                 std::string(action.noun) + ".");
  }
  // Declared before the transaction, so it runs after the rollback: any
  // return below that does not reach dismiss() frees the key again.
  IdempotencyClaimRelease release(db, std::string(memberId), *idempotencyKey, claim.claimedAtUnix);

  Transaction transaction(db);
  const IdempotentOutcome outcome = work();
  if (!outcome.executed) return outcome.response;
  if (!completeIdempotencyKey(db, memberId, *idempotencyKey, claim.claimedAtUnix,
                              outcome.response)) {
    return keyInUse();  // the claim was taken over; the rollback undoes this attempt
  }
  transaction.commit();
  release.dismiss();
  return outcome.response;
}
