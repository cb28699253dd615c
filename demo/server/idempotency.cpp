#include "idempotency.hpp"

#include <openssl/evp.h>

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <utility>

bool isValidIdempotencyKey(std::string_view key) {
  if (key.empty() || key.size() > 255) return false;
  for (const char c : key) {
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

std::string idempotencyRequestHash(std::string_view method, std::string_view path,
                                   std::string_view body) {
  // nlohmann::json (not ordered_json) keeps object keys sorted: a canonical dump.
  const nlohmann::json parsed = nlohmann::json::parse(body, nullptr, false);
  const std::string canonical =
      parsed.is_discarded() ? std::string(body)
                            : parsed.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  const std::string input = std::string(method) + " " + std::string(path) + "\n" + canonical;

  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(input.data(), input.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("SHA-256 failed");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 15];
  }
  return hex;
}

std::optional<KeyClaim> findIdempotencyKey(Database& db, std::string_view memberId,
                                           std::string_view key, std::string_view requestHash,
                                           std::int64_t nowUnix) {
  // An expired record may not have been purged yet; it is as good as absent.
  Statement existing = db.prepare(
      "SELECT request_hash, state, status, response_body, content_type, created_at_unix"
      " FROM idempotency_keys WHERE member_id = ?1 AND key = ?2 AND created_at_unix > ?3");
  if (!existing.bind(1, memberId)
           .bind(2, key)
           .bind(3, nowUnix - kIdempotencyKeyLifetimeSeconds)
           .step()) {
    return std::nullopt;
  }
  KeyClaim claim;
  if (existing.text(0) != requestHash) {
    claim.status = KeyClaimStatus::Reused;
    return claim;
  }
  if (existing.text(1) == "done") {
    claim.status = KeyClaimStatus::Replay;
    claim.stored =
        ApiResponse{static_cast<int>(existing.int64(2)), existing.text(4), existing.text(3), {}};
    return claim;
  }
  if (nowUnix - existing.int64(5) < kIdempotencyLeaseSeconds) {
    claim.status = KeyClaimStatus::InUse;
    return claim;
  }
  return std::nullopt;  // an abandoned claim: the next claim takes it over
}

KeyClaim claimIdempotencyKey(Database& db, std::string_view memberId, std::string_view key,
                             std::string_view requestHash, std::int64_t nowUnix) {
  Transaction transaction(db);
  // Expired keys are as good as absent; this member's go now (the primary
  // key's member_id prefix finds them without a scan of everyone's keys).
  db.prepare("DELETE FROM idempotency_keys WHERE member_id = ?1 AND created_at_unix <= ?2")
      .bind(1, memberId)
      .bind(2, nowUnix - kIdempotencyKeyLifetimeSeconds)
      .run();

  // Under the write lock this time, so two requests cannot both find the key free.
  if (std::optional<KeyClaim> prior = findIdempotencyKey(db, memberId, key, requestHash, nowUnix)) {
    return *prior;
  }
  db.prepare(
        "INSERT OR REPLACE INTO idempotency_keys (member_id, key, request_hash, state,"
        " created_at_unix) VALUES (?1, ?2, ?3, 'running', ?4)")
      .bind(1, memberId)
      .bind(2, key)
      .bind(3, requestHash)
      .bind(4, nowUnix)
      .run();
  transaction.commit();
  return KeyClaim{KeyClaimStatus::Claimed, nowUnix, {}};
}

bool completeIdempotencyKey(Database& db, std::string_view memberId, std::string_view key,
                            std::int64_t claimedAtUnix, const ApiResponse& response) {
  db.prepare(
        "UPDATE idempotency_keys SET state = 'done', status = ?1, response_body = ?2,"
        " content_type = ?3 WHERE member_id = ?4 AND key = ?5 AND state = 'running'"
        " AND created_at_unix = ?6")
      .bind(1, std::int64_t{response.status})
      .bind(2, response.body)
      .bind(3, response.contentType)
      .bind(4, memberId)
      .bind(5, key)
      .bind(6, claimedAtUnix)
      .run();
  return db.changes() == 1;
}

void releaseIdempotencyKey(Database& db, std::string_view memberId, std::string_view key,
                           std::int64_t claimedAtUnix) {
  // Only this claim: if it was taken over, the key is another request's now.
  db.prepare(
        "DELETE FROM idempotency_keys WHERE member_id = ?1 AND key = ?2 AND state = 'running'"
        " AND created_at_unix = ?3")
      .bind(1, memberId)
      .bind(2, key)
      .bind(3, claimedAtUnix)
      .run();
}

IdempotencyClaimRelease::IdempotencyClaimRelease(Database& db, std::string memberId,
                                                 std::string key, std::int64_t claimedAtUnix)
    : db_(db),
      memberId_(std::move(memberId)),
      key_(std::move(key)),
      claimedAtUnix_(claimedAtUnix) {}

IdempotencyClaimRelease::~IdempotencyClaimRelease() {
  if (!armed_) return;
  try {
    releaseIdempotencyKey(db_, memberId_, key_, claimedAtUnix_);
  } catch (const std::exception&) {
    // Cannot throw from here. The claim then lapses after its lease.
  }
}
