// Member tokens: what verifies, and every way a token can be wrong.

#include "member_token.hpp"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <string>

#include "base64url.hpp"

namespace {

constexpr const char* kSecret = "test-secret";
constexpr std::int64_t kNow = 1'767'225'600;  // 2026-01-01T00:00:00Z
constexpr std::int64_t kExpiry = kNow + 3600;

// Signs an arbitrary payload the way the server does, so a test can build a
// token with a correct signature over deliberately bad segments.
std::string signedWith(const std::string& payload, const std::string& secret = kSecret) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(payload.data()), payload.size(), mac, &length);
  return payload + "." + base64UrlEncode(std::string(reinterpret_cast<char*>(mac), length));
}

TokenStatus statusOf(const std::string& token, std::int64_t now = kNow) {
  return verifyMemberToken(token, kSecret, now).status;
}

// Changes one character of `text` at `index` to another of the base64url alphabet.
std::string flipped(std::string text, std::size_t index) {
  text[index] = text[index] == 'A' ? 'B' : 'A';
  return text;
}

TEST(MemberToken, SignThenVerifyRoundTrips) {
  const std::string token = signMemberToken("m_ada", kExpiry, kSecret);
  const TokenVerdict verdict = verifyMemberToken(token, kSecret, kNow);
  EXPECT_EQ(verdict.status, TokenStatus::Valid);
  EXPECT_EQ(verdict.memberId, "m_ada");
  EXPECT_EQ(verdict.expiresAtUnixSeconds, kExpiry);
}

TEST(MemberToken, AnyMemberIdRoundTripsWithoutBreakingTheFormat) {
  // Dots separate the segments; ids with dots, spaces or any bytes stay inside theirs.
  for (const std::string id : {"m.ada", "m ada", "\xc3\xa9l\xc3\xa9onore", "a.b.c.d", "=/+"}) {
    const std::string token = signMemberToken(id, kExpiry, kSecret);
    EXPECT_EQ(std::count(token.begin(), token.end(), '.'), 3) << token;
    const TokenVerdict verdict = verifyMemberToken(token, kSecret, kNow);
    EXPECT_EQ(verdict.status, TokenStatus::Valid) << id;
    EXPECT_EQ(verdict.memberId, id);
  }
}

TEST(MemberToken, HasTheDocumentedFormat) {
  const std::string token = signMemberToken("m_ada", kExpiry, kSecret);
  EXPECT_EQ(token, signedWith("v1." + base64UrlEncode("m_ada") + "." + std::to_string(kExpiry)));
  EXPECT_EQ(token.rfind("v1.bV9hZGE." + std::to_string(kExpiry) + ".", 0), 0u) << token;
  EXPECT_EQ(token.find('='), std::string::npos);
}

TEST(MemberToken, ExpiresAtItsExpirySecond) {
  const std::string token = signMemberToken("m_ada", kExpiry, kSecret);
  EXPECT_EQ(statusOf(token, kExpiry - 1), TokenStatus::Valid);
  EXPECT_EQ(statusOf(token, kExpiry), TokenStatus::Expired);
  EXPECT_EQ(statusOf(token, kExpiry + 86400), TokenStatus::Expired);
}

TEST(MemberToken, ExpiredButForgedIsABadSignature) {
  const std::string token = signMemberToken("m_ada", kNow - 10, "another-secret");
  EXPECT_EQ(statusOf(token), TokenStatus::BadSignature);
}

TEST(MemberToken, RejectsATamperedSignature) {
  const std::string token = signMemberToken("m_ada", kExpiry, kSecret);
  EXPECT_EQ(statusOf(flipped(token, token.size() - 5)), TokenStatus::BadSignature);
}

TEST(MemberToken, RejectsATamperedMemberId) {
  const std::string token = signMemberToken("m_ada", kExpiry, kSecret);
  const std::string grace = base64UrlEncode("m_grace");
  std::string tampered = token;
  tampered.replace(3, base64UrlEncode("m_ada").size(), grace);
  EXPECT_EQ(statusOf(tampered), TokenStatus::BadSignature);
}

TEST(MemberToken, RejectsATamperedExpiry) {
  const std::string token = signMemberToken("m_ada", kExpiry, kSecret);
  const std::string expiry = std::to_string(kExpiry);
  std::string tampered = token;
  tampered.replace(token.find(expiry), expiry.size(), std::to_string(kExpiry + 86400));
  EXPECT_EQ(statusOf(tampered), TokenStatus::BadSignature);
}

TEST(MemberToken, RejectsTheWrongSecret) {
  const std::string token = signMemberToken("m_ada", kExpiry, "another-secret");
  EXPECT_EQ(statusOf(token), TokenStatus::BadSignature);
}

TEST(MemberToken, RejectsExtraOrMissingSegments) {
  const std::string token = signMemberToken("m_ada", kExpiry, kSecret);
  EXPECT_EQ(statusOf(token + ".extra"), TokenStatus::Malformed);
  EXPECT_EQ(statusOf(token + "."), TokenStatus::Malformed);
  EXPECT_EQ(statusOf(token.substr(0, token.rfind('.'))), TokenStatus::Malformed);
  EXPECT_EQ(statusOf("v1"), TokenStatus::Malformed);
  EXPECT_EQ(statusOf(""), TokenStatus::Malformed);
  EXPECT_EQ(statusOf("v2" + token.substr(2)), TokenStatus::Malformed);
}

// Each is signed correctly, so only the parsing can reject it.
TEST(MemberToken, RejectsNonCanonicalSegmentsEvenWhenSigned) {
  const std::string expiry = std::to_string(kExpiry);
  EXPECT_EQ(statusOf(signedWith("v1." + base64UrlEncode("m_ada") + "." + expiry)),
            TokenStatus::Valid);
  EXPECT_EQ(statusOf(signedWith("v1.bV9hZGE=." + expiry)), TokenStatus::Malformed);  // padding
  EXPECT_EQ(statusOf(signedWith("v1.bV9+ZGE." + expiry)), TokenStatus::Malformed);   // '+'
  EXPECT_EQ(statusOf(signedWith("v1.bV9/ZGE." + expiry)), TokenStatus::Malformed);   // '/'
  EXPECT_EQ(statusOf(signedWith("v1.bV9h ZGE." + expiry)), TokenStatus::Malformed);  // space
  EXPECT_EQ(statusOf(signedWith("v1.bV9hZGF." + expiry)),
            TokenStatus::Malformed);                                         // stray low bits
  EXPECT_EQ(statusOf(signedWith("v1.." + expiry)), TokenStatus::Malformed);  // empty id
  EXPECT_EQ(statusOf(signedWith("v1.bV9hZGE.0" + expiry)), TokenStatus::Malformed);  // leading zero
  EXPECT_EQ(statusOf(signedWith("v1.bV9hZGE.+" + expiry)), TokenStatus::Malformed);  // sign
  EXPECT_EQ(statusOf(signedWith("v1.bV9hZGE." + expiry + "s")), TokenStatus::Malformed);
  EXPECT_EQ(statusOf(signedWith("v1.bV9hZGE.99999999999999999999")), TokenStatus::Malformed);
}

TEST(MemberToken, RejectsANonBase64Signature) {
  const std::string token = signMemberToken("m_ada", kExpiry, kSecret);
  const std::string payload = token.substr(0, token.rfind('.') + 1);
  const std::string mac = token.substr(token.rfind('.') + 1);
  EXPECT_EQ(statusOf(payload + mac + "="), TokenStatus::Malformed);
  EXPECT_EQ(statusOf(payload + "*" + mac.substr(1)), TokenStatus::Malformed);
  EXPECT_EQ(statusOf(payload + mac.substr(0, mac.size() - 4)),
            TokenStatus::Malformed);  // short MAC
  EXPECT_EQ(statusOf(payload), TokenStatus::Malformed);
}

TEST(Base64Url, RoundTripsEveryLength) {
  std::string bytes;
  for (int length = 0; length < 40; ++length) {
    EXPECT_EQ(base64UrlDecode(base64UrlEncode(bytes)), bytes) << length;
    bytes += static_cast<char>(length * 37 + 200);
  }
  EXPECT_EQ(base64UrlEncode("\xfb\xff"), "-_8");
  EXPECT_FALSE(base64UrlDecode("A"));  // no byte count encodes to one character
}

}  // namespace
