#pragma once
// The Idempotency-Key flow every write shares (/v1/redemptions,
// /v1/games/{id}/plays, /v1/events), around the request's own work: a
// stored result is replayed with Idempotent-Replayed: true, a key still
// running is answered 409 with Retry-After, a key used for another request
// 409 (idempotency.hpp); only then is the write limit asked
// (write_admission.hpp), so none of those count against it; then the key is
// claimed, the work runs in one BEGIN IMMEDIATE transaction and, when it
// executed, its response is stored with the key in that same transaction.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "api_response.hpp"
#include "database.hpp"
#include "write_admission.hpp"

struct IdempotentOutcome {
  // True when the request's action was attempted: it succeeded or a
  // business rule refused it. The response is final for its key and stored.
  // False when nothing happened (the body was invalid, or named nothing):
  // the work must have written nothing, and the key may be used again.
  bool executed = false;
  ApiResponse response;
};

// How the problems name the action: {"A redemption", "redemption", "redeem"}
// reads "A redemption needs an Idempotency-Key header: ... unique per
// redemption ..., so a retried request cannot redeem twice."
struct IdempotentAction {
  std::string_view aNoun;  // "A redemption"
  std::string_view noun;   // "redemption"
  std::string_view verb;   // "redeem"
};

// `idempotencyKey` is the header's value, nullopt if the request had none.
// `admit` is asked once, before anything is written for a request with a
// new key; its refusal is the answer, and nothing is stored. `work` runs
// inside the transaction and, when it returns executed, the transaction
// commits.
ApiResponse runIdempotentPost(Database& db, std::string_view memberId,
                              const std::optional<std::string>& idempotencyKey,
                              std::string_view path, std::string_view body, std::int64_t nowUnix,
                              const IdempotentAction& action, const WriteAdmission& admit,
                              const std::function<IdempotentOutcome()>& work);
