// The core's SHA-256 and HMAC-SHA256 (which the widget runs in wasm) agree
// with OpenSSL's on random keys and messages of every length around the
// block size, so server and widget derive the same game outcomes.
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <gtest/gtest.h>

#include <random>

#include "kindred/sha256.hpp"

namespace {

std::string randomBytes(std::mt19937& rng, std::size_t size) {
  std::string out(size, '\0');
  for (auto& c : out) c = static_cast<char>(rng());
  return out;
}

TEST(Sha256AgainstOpenssl, AgreesOnRandomInputs) {
  std::mt19937 rng(180);
  for (int round = 0; round < 2000; ++round) {
    const std::string key = randomBytes(rng, rng() % 150);
    const std::string message = randomBytes(rng, rng() % 200);
    unsigned char expected[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
         reinterpret_cast<const unsigned char*>(message.data()), message.size(), expected, &length);
    ASSERT_EQ(length, 32u);
    const auto ours = kindred::hmacSha256(key, message);
    ASSERT_TRUE(std::equal(ours.begin(), ours.end(), expected)) << "key " << key.size() << ", message " << message.size();

    unsigned char digest[EVP_MAX_MD_SIZE];
    EVP_Digest(message.data(), message.size(), digest, &length, EVP_sha256(), nullptr);
    const auto hashed = kindred::sha256(message);
    ASSERT_TRUE(std::equal(hashed.begin(), hashed.end(), digest)) << "message " << message.size();
  }
}

}  // namespace
