#pragma once
// The fairness scheme recomputed for tests without the core: SHA-256 and
// HMAC-SHA256 from OpenSSL, and the draw and the prize table hash written
// again from the contract's words (openapi.yaml, GET /v1/games). A play the
// backend made with kindred_core must check out with these too.

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "kindred/fairness.hpp"

namespace independent {

using Digest = std::array<unsigned char, 32>;

inline std::string hex(const unsigned char* bytes, std::size_t size) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < size; ++i) {
    out += kHex[bytes[i] >> 4];
    out += kHex[bytes[i] & 15];
  }
  return out;
}

inline std::string sha256Hex(const std::string& text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr);
  return hex(digest, length);
}

// HMAC-SHA256(key = serverSeed, message = clientSeed ":" nonce).
inline Digest outcome(const std::string& serverSeed, const std::string& clientSeed,
                      std::uint64_t nonce) {
  const std::string message = clientSeed + ":" + std::to_string(nonce);
  Digest digest{};
  unsigned int length = 0;
  HMAC(EVP_sha256(), serverSeed.data(), static_cast<int>(serverSeed.size()),
       reinterpret_cast<const unsigned char*>(message.data()), message.size(), digest.data(),
       &length);
  return digest;
}

// "read the 32-byte digest as eight big-endian 32-bit words; with total the
// sum of the weights, take the first word below floor(2^32 / total) * total
// (or the eighth, if none is), r = word mod total; the prize is the first
// whose cumulative weight exceeds r."
inline int draw(const Digest& digest, const std::vector<std::uint64_t>& weights) {
  std::uint64_t total = 0;
  for (const std::uint64_t w : weights) total += w;
  const std::uint64_t bound = (std::uint64_t{1} << 32) / total * total;
  std::uint64_t word = 0;
  for (int i = 0; i < 8; ++i) {
    word = 0;
    for (int b = 0; b < 4; ++b) word = word * 256 + digest[static_cast<std::size_t>(4 * i + b)];
    if (word < bound) break;
  }
  const std::uint64_t r = word % total;
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    cumulative += weights[i];
    if (cumulative > r) return static_cast<int>(i);
  }
  return -1;
}

inline std::vector<std::uint64_t> weightsOf(const std::vector<kindred::Prize>& prizes) {
  std::vector<std::uint64_t> weights;
  for (const kindred::Prize& prize : prizes) weights.push_back(prize.weight);
  return weights;
}

// "SHA-256 of, for each prize in order, <bytes of id>:<id><bytes of
// label>:<label><points>,<weight>;"
inline std::string tableHash(const std::vector<kindred::Prize>& prizes) {
  std::string text;
  for (const kindred::Prize& p : prizes) {
    text += std::to_string(p.id.size()) + ":" + p.id + std::to_string(p.label.size()) + ":" +
            p.label + std::to_string(p.points) + "," + std::to_string(p.weight) + ";";
  }
  return sha256Hex(text);
}

}  // namespace independent
