#include "kindred/fairness.hpp"

namespace kindred {
namespace {

// Decimal without printf (which pulls float formatting into the wasm).
void appendDecimal(std::string& out, std::uint64_t value) {
  char digits[20];
  int count = 0;
  do {
    digits[count++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  while (count > 0) out += digits[--count];
}

void appendSigned(std::string& out, std::int64_t value) {
  if (value < 0) {
    out += '-';
    appendDecimal(out, static_cast<std::uint64_t>(-(value + 1)) + 1);
  } else {
    appendDecimal(out, static_cast<std::uint64_t>(value));
  }
}

void appendLengthPrefixed(std::string& out, std::string_view text) {
  appendDecimal(out, text.size());
  out += ':';
  out += text;
}

constexpr std::uint64_t kMaxTotalWeight = std::uint64_t{1} << 31;

}  // namespace

std::string prizeTableHash(const std::vector<Prize>& prizes) {
  std::string canonical;
  for (const Prize& prize : prizes) {
    appendLengthPrefixed(canonical, prize.id);
    appendLengthPrefixed(canonical, prize.label);
    appendSigned(canonical, prize.points);
    canonical += ',';
    appendDecimal(canonical, prize.weight);
    canonical += ';';
  }
  return toHex(sha256(canonical));
}

std::string commitmentFor(std::string_view serverSeed) { return toHex(sha256(serverSeed)); }

Sha256Digest outcomeDigest(std::string_view serverSeed, std::string_view clientSeed, std::uint64_t nonce) {
  std::string message(clientSeed);
  message += ':';
  appendDecimal(message, nonce);
  return hmacSha256(serverSeed, message);
}

int drawPrizeIndex(const Sha256Digest& digest, const std::vector<Prize>& prizes) {
  std::uint64_t total = 0;
  for (const Prize& prize : prizes) total += prize.weight;
  if (total == 0 || total > kMaxTotalWeight) return -1;

  const std::uint64_t limit = ((std::uint64_t{1} << 32) / total) * total;
  std::uint64_t word = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    word = std::uint64_t{digest[4 * i]} << 24 | std::uint64_t{digest[4 * i + 1]} << 16 |
           std::uint64_t{digest[4 * i + 2]} << 8 | std::uint64_t{digest[4 * i + 3]};
    if (word < limit) break;
  }
  const std::uint64_t r = word % total;

  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i < prizes.size(); ++i) {
    cumulative += prizes[i].weight;
    if (r < cumulative) return static_cast<int>(i);
  }
  return -1;  // unreachable: r < total
}

FairnessCheck verifyPlay(const GameCommitment& commitment, std::string_view clientSeedSent, const PlayProof& proof) {
  if (commitmentFor(proof.serverSeed) != commitment.commitment) return FairnessCheck::SeedDoesNotMatchCommitment;
  if (prizeTableHash(commitment.prizes) != commitment.prizeTableHash) return FairnessCheck::PrizeTableChanged;
  if (proof.clientSeed != clientSeedSent) return FairnessCheck::ClientSeedChanged;
  if (proof.nonce != commitment.nonce) return FairnessCheck::NonceChanged;
  const int drawn = drawPrizeIndex(outcomeDigest(proof.serverSeed, proof.clientSeed, proof.nonce), commitment.prizes);
  if (drawn < 0 || drawn != proof.prizeIndex) return FairnessCheck::PrizeDoesNotMatchDraw;
  if (commitment.prizes[static_cast<std::size_t>(drawn)].id != proof.prizeId) return FairnessCheck::PrizeDoesNotMatchDraw;
  return FairnessCheck::Verified;
}

const char* fairnessCheckName(FairnessCheck check) {
  switch (check) {
    case FairnessCheck::Verified: return "verified";
    case FairnessCheck::SeedDoesNotMatchCommitment: return "seed-does-not-match-commitment";
    case FairnessCheck::PrizeTableChanged: return "prize-table-changed";
    case FairnessCheck::ClientSeedChanged: return "client-seed-changed";
    case FairnessCheck::NonceChanged: return "nonce-changed";
    case FairnessCheck::PrizeDoesNotMatchDraw: return "prize-does-not-match-draw";
  }
  return "unknown";
}

}  // namespace kindred
