#include "random_codes.hpp"

#include <openssl/rand.h>

#include <cctype>
#include <stdexcept>

namespace {

constexpr char kSymbols[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
static_assert(sizeof kSymbols - 1 == 32, "one symbol per 5 bits");

std::string randomBytes(std::size_t count) {
  std::string bytes(count, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), static_cast<int>(count)) != 1) {
    throw std::runtime_error("the random number generator failed");
  }
  return bytes;
}

std::string randomSymbols(std::size_t count, bool lowercase) {
  const std::string bytes = randomBytes(count);
  std::string symbols;
  for (const char byte : bytes) {
    const char symbol = kSymbols[static_cast<unsigned char>(byte) & 31];
    symbols +=
        lowercase ? static_cast<char>(std::tolower(static_cast<unsigned char>(symbol))) : symbol;
  }
  return symbols;
}

}  // namespace

std::string redemptionCodePrefix(const kindred::Program& program) {
  std::string prefix;
  for (const char c : program.name) {
    if (prefix.size() == 3) break;
    if (std::isalpha(static_cast<unsigned char>(c)) && static_cast<unsigned char>(c) < 0x80) {
      prefix += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
  }
  return prefix.size() == 3 ? prefix : "RWD";
}

std::string newRedemptionCode(std::string_view prefix) {
  const std::string symbols = randomSymbols(8, /*lowercase=*/false);
  return std::string(prefix) + "-" + symbols.substr(0, 4) + "-" + symbols.substr(4);
}

std::string newRedemptionId() { return "rdm_" + randomSymbols(20, /*lowercase=*/true); }

std::string newPlayId() { return "ply_" + randomSymbols(20, /*lowercase=*/true); }

std::string newEventId() { return "evt_" + randomSymbols(20, /*lowercase=*/true); }

std::string newSurpriseId() { return "srp_" + randomSymbols(20, /*lowercase=*/true); }

std::string newServerSeed() {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (const char byte : randomBytes(32)) {
    hex += kHex[static_cast<unsigned char>(byte) >> 4];
    hex += kHex[static_cast<unsigned char>(byte) & 15];
  }
  return hex;
}
