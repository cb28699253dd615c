#pragma once
// Idempotency-Key for POST requests, with Stripe's semantics, scoped per
// member. The first request with a key claims it (a 'running' record); once
// its work has executed, its response is stored with the key, in the same
// transaction as the work, and every retry with the same request gets that
// response back verbatim. A retry while the first still runs is told to try
// again shortly; the key with a different request is refused. Requests that
// fail validation store nothing, so the client may fix them and retry with
// the same key. Keys live for 24 hours; after that a key is new again.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "api_response.hpp"
#include "database.hpp"

inline constexpr std::int64_t kIdempotencyKeyLifetimeSeconds = 24 * 60 * 60;

// A 'running' claim older than this belongs to a request that died without
// releasing it (the process was killed): the key may be claimed again. Safe
// because a claim's work commits only together with the claim's completion,
// and completion fails once the claim has been taken over.
inline constexpr std::int64_t kIdempotencyLeaseSeconds = 60;

// 1 to 255 visible ASCII characters (0x21-0x7E).
bool isValidIdempotencyKey(std::string_view key);

// SHA-256 (hex) of method, path and body. A body that is JSON is hashed in a
// canonical form (keys sorted, no whitespace), so a client that re-serialises
// the same request is not told it changed.
std::string idempotencyRequestHash(std::string_view method, std::string_view path,
                                   std::string_view body);

enum class KeyClaimStatus {
  Claimed,  // the key is this request's; do the work, then complete or release it
  Replay,   // the same request already executed: send `stored`
  InUse,    // the same request is executing right now
  Reused,   // the key was used for a different request
};

struct KeyClaim {
  KeyClaimStatus status = KeyClaimStatus::Claimed;
  std::int64_t claimedAtUnix = 0;  // Claimed: identifies this claim
  ApiResponse stored;              // Replay: status, content type and body as first sent
};

// What a claim would find, without claiming and without a write lock:
// Replay, InUse or Reused; nullopt when the key is free (never used, expired,
// or an abandoned claim). Lets a request that needs no work be answered
// before it is counted against the write limit (write_admission.hpp).
std::optional<KeyClaim> findIdempotencyKey(Database& db, std::string_view memberId,
                                           std::string_view key, std::string_view requestHash,
                                           std::int64_t nowUnix);

// In its own transaction, so concurrent requests with one key see each
// other's claims. Also purges the member's expired keys.
KeyClaim claimIdempotencyKey(Database& db, std::string_view memberId, std::string_view key,
                             std::string_view requestHash, std::int64_t nowUnix);

// Call inside the transaction that did the work, before it commits: stores
// `response` as the key's result. false if the claim is no longer this
// request's (it outlived its lease and was taken over); the caller must then
// roll the work back.
bool completeIdempotencyKey(Database& db, std::string_view memberId, std::string_view key,
                            std::int64_t claimedAtUnix, const ApiResponse& response);

// Removes a claim that will not be completed, so the key is free again.
void releaseIdempotencyKey(Database& db, std::string_view memberId, std::string_view key,
                           std::int64_t claimedAtUnix);

// Releases a claim when it goes out of scope, unless dismiss() was called
// after the completing transaction committed: every early return and every
// exception frees the key.
class IdempotencyClaimRelease {
 public:
  IdempotencyClaimRelease(Database& db, std::string memberId, std::string key,
                          std::int64_t claimedAtUnix);
  ~IdempotencyClaimRelease();
  IdempotencyClaimRelease(const IdempotencyClaimRelease&) = delete;
  IdempotencyClaimRelease& operator=(const IdempotencyClaimRelease&) = delete;

  void dismiss() { armed_ = false; }

 private:
  Database& db_;
  std::string memberId_;
  std::string key_;
  std::int64_t claimedAtUnix_;
  bool armed_ = true;
};
