#pragma once
// Member tokens: the bearer credential that says "this request is for member
// X until time T". The brand's server signs them with a secret it shares with
// this backend; here /demo/login stands in for that server.
//
//   v1.<base64url(memberId)>.<expiryUnixSeconds>.<base64url(HMAC-SHA256(secret,
//   "v1.<id>.<expiry>"))>
//
// Both functions take the time as a parameter so tests choose the instant.

#include <cstdint>
#include <string>
#include <string_view>

std::string signMemberToken(std::string_view memberId, std::int64_t expiresAtUnixSeconds,
                            std::string_view secret);

enum class TokenStatus {
  Valid,
  Malformed,     // not exactly four canonical segments starting with "v1"
  BadSignature,  // altered, or signed with another secret
  Expired,       // genuine, but its expiry has been reached
};

struct TokenVerdict {
  TokenStatus status = TokenStatus::Malformed;
  std::string memberId;  // set when Valid or Expired
  std::int64_t expiresAtUnixSeconds = 0;
};

// The signature is checked (in constant time) before the expiry, so an
// unsigned token never learns anything beyond "bad signature".
TokenVerdict verifyMemberToken(std::string_view token, std::string_view secret,
                               std::int64_t nowUnixSeconds);
