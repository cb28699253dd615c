#pragma once
// Provably fair outcomes by commit and reveal, shared by the reference
// backend (which draws them) and the widget (which checks every one).
//
// Before a play the backend publishes commitment = SHA-256(serverSeed) and the
// prize table's hash. The widget then picks a clientSeed; the outcome digest is
// HMAC-SHA256(key = serverSeed, message = clientSeed ":" nonce), and the prize
// is drawn from it over the published weights. After the play the backend
// reveals serverSeed, and anyone can recompute all of it. Neither side can
// steer the result: the server fixed its seed before it saw the client's, and
// the client's seed is useless without the server's.
//
// Seeds are ASCII strings (the backend writes 64 lower-case hex characters);
// they are hashed as the bytes they are written with, so
// `printf %s SEED | sha256sum` checks a commitment by hand.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kindred/sha256.hpp"

namespace kindred {

struct Prize {
  std::string id;
  std::string label;
  std::int64_t points = 0;    // credited when the prize is won (0 for "try again")
  std::uint32_t weight = 0;   // relative chance; the table's total must be 1..2^31
};

// SHA-256 (hex) of the table's canonical text: for each prize in order,
// `<bytes of id>:<id><bytes of label>:<label><points>,<weight>;`, lengths in
// decimal. Length prefixes keep it unambiguous whatever the labels contain.
std::string prizeTableHash(const std::vector<Prize>& prizes);

// SHA-256 (hex) of the seed: what the backend publishes before a play.
std::string commitmentFor(std::string_view serverSeed);

Sha256Digest outcomeDigest(std::string_view serverSeed, std::string_view clientSeed, std::uint64_t nonce);

// Draws a prize index from the digest over `prizes`' weights, without modulo
// bias: the digest is read as eight big-endian 32-bit words; the first word
// below the largest multiple of the total weight that fits in 2^32 gives
// r = word % total (should all eight fall above it, which happens with odds
// below (total / 2^32)^8, the last word is used as is); the prize is the first
// whose cumulative weight exceeds r. Returns -1 when the table is empty or its
// total is 0 or above 2^31.
int drawPrizeIndex(const Sha256Digest& digest, const std::vector<Prize>& prizes);

// Where the drawn prize came from, as the backend reveals it after a play.
struct PlayProof {
  std::string serverSeed;
  std::string clientSeed;
  std::uint64_t nonce = 0;
  int prizeIndex = -1;
  std::string prizeId;
};

// What the widget saw before it played.
struct GameCommitment {
  std::string commitment;
  std::string prizeTableHash;
  std::uint64_t nonce = 0;
  std::vector<Prize> prizes;
};

enum class FairnessCheck {
  Verified,
  SeedDoesNotMatchCommitment,  // the revealed seed is not the one committed to
  PrizeTableChanged,           // the weights or prizes differ from the published table
  ClientSeedChanged,           // the backend used another client seed than ours
  NonceChanged,                // the backend used another nonce than it published
  PrizeDoesNotMatchDraw,       // the seeds draw another prize than the one given
};

// Checks a play against what was committed before it and the client seed we
// sent. `commitment.prizes` is the table as published then, so a table swapped
// between commitment and play fails as PrizeTableChanged or PrizeDoesNotMatchDraw.
FairnessCheck verifyPlay(const GameCommitment& commitment, std::string_view clientSeedSent, const PlayProof& proof);

const char* fairnessCheckName(FairnessCheck check);

}  // namespace kindred
