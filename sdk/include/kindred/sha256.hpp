#pragma once
// SHA-256 (FIPS 180-4) and HMAC-SHA256 (RFC 2104), in the core so that the
// reference backend and the widget derive and verify game outcomes with the
// same code: commitment = SHA-256(serverSeed), outcome from
// HMAC-SHA256(serverSeed, clientSeed ":" nonce).

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kindred {

using Sha256Digest = std::array<std::uint8_t, 32>;

// Incremental hashing: update() any number of times, then finish() once.
class Sha256 {
 public:
  Sha256();
  void update(const std::uint8_t* data, std::size_t size);
  void update(std::string_view bytes);
  Sha256Digest finish();

 private:
  void compressBlock(const std::uint8_t* block);

  std::array<std::uint32_t, 8> state_;
  std::array<std::uint8_t, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t totalBytes_ = 0;
};

Sha256Digest sha256(std::string_view bytes);
Sha256Digest hmacSha256(std::string_view key, std::string_view message);

// Lower-case hex, as the backend contract writes digests and seeds.
std::string toHex(const Sha256Digest& digest);

}  // namespace kindred
