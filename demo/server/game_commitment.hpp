#pragma once
// Each member's server seed for each chance game (table game_seeds): made
// when first needed, published only as its commitment (SHA-256, by the
// core's commitmentFor) together with the nonce of the play it is for,
// revealed by that play and at once replaced by a fresh one for the next.

#include <cstdint>
#include <string>
#include <string_view>

#include "database.hpp"

struct ServerSeed {
  std::string seed;        // 64 lower-case hex characters
  std::int64_t nonce = 0;  // the member's plays of the game before this one
};

// The member's current seed for the game, made now (and written at once) if
// they have none yet; the nonce then counts their plays so far. Two requests
// making one at the same moment agree on whichever was written first.
ServerSeed currentServerSeed(Database& db, std::string_view memberId, std::string_view gameId);

// After the play that revealed `played`: a fresh seed for nonce + 1, written
// in the caller's transaction and returned.
ServerSeed rotateServerSeed(Database& db, std::string_view memberId, std::string_view gameId,
                            const ServerSeed& played);

// kindred::commitmentFor(seed.seed): what GET /v1/games publishes.
std::string commitmentOf(const ServerSeed& seed);
