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

// The answer to a request whose key needs no work: Replay, InUse or Reused.
ApiResponse answerWithoutWork(const KeyClaim& prior, const IdempotentAction& action) {
  if (prior.status == KeyClaimStatus::Replay) {
    ApiResponse replay = prior.stored;
    replay.headers.emplace_back("Idempotent-Replayed", "true");
    return replay;
  }
  if (prior.status == KeyClaimStatus::InUse) return keyInUse();
  return problemResponse(409, "idempotency-key-reused", "Idempotency key reused",
                         "This Idempotency-Key was already used for a different request; use "
                         "a new key for a new " +
                             std::string(action.noun) + ".");
}

}  // namespace

ApiResponse runIdempotentPost(Database& db, std::string_view memberId,
                              const std::optional<std::string>& idempotencyKey,
                              std::string_view path, std::string_view body, std::int64_t nowUnix,
                              const IdempotentAction& action, const WriteAdmission& admit,
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
  const std::string requestHash = idempotencyRequestHash("POST", path, body);

  // Answered from the key's record, without a write lock and before the
  // write limit is asked: a replay must get its answer however many writes
  // the member has made.
  if (const std::optional<KeyClaim> prior =
          findIdempotencyKey(db, memberId, *idempotencyKey, requestHash, nowUnix)) {
    return answerWithoutWork(*prior, action);
  }
  // Before the claim, so a refused request writes nothing at all, not even
  // a claim to release, and costs the database no write lock.
  if (admit) {
    if (std::optional<ApiResponse> refusal = admit()) return *refusal;
  }

  const KeyClaim claim = claimIdempotencyKey(db, memberId, *idempotencyKey, requestHash, nowUnix);
  // A request with the same key got in between: it has already been counted
  // against the limit (one token spent for nothing), and is answered as above.
  if (claim.status != KeyClaimStatus::Claimed) return answerWithoutWork(claim, action);
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
