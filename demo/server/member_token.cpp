#include "member_token.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>
#include <charconv>
#include <optional>
#include <vector>

#include "base64url.hpp"

namespace {

constexpr std::string_view kVersion = "v1";
constexpr std::size_t kMacSize = 32;  // SHA-256

std::string hmacSha256(std::string_view secret, std::string_view message) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
  unsigned int length = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(message.data()), message.size(), mac.data(), &length);
  return std::string(reinterpret_cast<const char*>(mac.data()), length);
}

std::vector<std::string_view> splitOnDots(std::string_view text) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t dot = text.find('.', start);
    parts.push_back(text.substr(start, dot == std::string_view::npos ? dot : dot - start));
    if (dot == std::string_view::npos) return parts;
    start = dot + 1;
  }
}

// Plain decimal digits without a sign or leading zeros, as signMemberToken writes them.
std::optional<std::int64_t> parseExpiry(std::string_view text) {
  if (text.empty() || (text.size() > 1 && text[0] == '0')) return std::nullopt;
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

}  // namespace

std::string signMemberToken(std::string_view memberId, std::int64_t expiresAtUnixSeconds,
                            std::string_view secret) {
  std::string payload = std::string(kVersion) + "." + base64UrlEncode(memberId) + "." +
                        std::to_string(expiresAtUnixSeconds);
  return payload + "." + base64UrlEncode(hmacSha256(secret, payload));
}

TokenVerdict verifyMemberToken(std::string_view token, std::string_view secret,
                               std::int64_t nowUnixSeconds) {
  TokenVerdict verdict;
  const std::vector<std::string_view> parts = splitOnDots(token);
  if (parts.size() != 4 || parts[0] != kVersion) return verdict;
  const std::optional<std::string> memberId = base64UrlDecode(parts[1]);
  const std::optional<std::int64_t> expiry = parseExpiry(parts[2]);
  const std::optional<std::string> mac = base64UrlDecode(parts[3]);
  if (!memberId || memberId->empty() || !expiry || !mac || mac->size() != kMacSize) {
    return verdict;
  }

  const std::string_view payload = token.substr(0, token.size() - parts[3].size() - 1);
  const std::string expected = hmacSha256(secret, payload);
  if (expected.size() != kMacSize || CRYPTO_memcmp(expected.data(), mac->data(), kMacSize) != 0) {
    verdict.status = TokenStatus::BadSignature;
    return verdict;
  }

  verdict.memberId = *memberId;
  verdict.expiresAtUnixSeconds = *expiry;
  verdict.status = nowUnixSeconds >= *expiry ? TokenStatus::Expired : TokenStatus::Valid;
  return verdict;
}
