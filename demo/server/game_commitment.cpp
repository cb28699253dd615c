#include "game_commitment.hpp"

#include <optional>

#include "kindred/fairness.hpp"
#include "random_codes.hpp"

namespace {

std::optional<ServerSeed> storedSeed(Database& db, std::string_view memberId,
                                     std::string_view gameId) {
  Statement query =
      db.prepare("SELECT server_seed, nonce FROM game_seeds WHERE member_id = ?1 AND game_id = ?2");
  if (!query.bind(1, memberId).bind(2, gameId).step()) return std::nullopt;
  return ServerSeed{query.text(0), query.int64(1)};
}

}  // namespace

ServerSeed currentServerSeed(Database& db, std::string_view memberId, std::string_view gameId) {
  if (auto seed = storedSeed(db, memberId, gameId)) return *seed;
  // OR IGNORE: another request may have made one since the read above; the
  // first written is the one committed to.
  db.prepare(
        "INSERT OR IGNORE INTO game_seeds (member_id, game_id, server_seed, nonce)"
        " VALUES (?1, ?2, ?3,"
        " (SELECT COUNT(*) FROM plays WHERE member_id = ?1 AND game_id = ?2))")
      .bind(1, memberId)
      .bind(2, gameId)
      .bind(3, newServerSeed())
      .run();
  if (auto seed = storedSeed(db, memberId, gameId)) return *seed;
  throw DatabaseError("the server seed just written cannot be read");
}

ServerSeed rotateServerSeed(Database& db, std::string_view memberId, std::string_view gameId,
                            const ServerSeed& played) {
  const ServerSeed next{newServerSeed(), played.nonce + 1};
  // Conditional on the seed that was played, so a seed is never revealed twice.
  db.prepare(
        "UPDATE game_seeds SET server_seed = ?1, nonce = ?2"
        " WHERE member_id = ?3 AND game_id = ?4 AND server_seed = ?5 AND nonce = ?6")
      .bind(1, next.seed)
      .bind(2, next.nonce)
      .bind(3, memberId)
      .bind(4, gameId)
      .bind(5, played.seed)
      .bind(6, played.nonce)
      .run();
  if (db.changes() != 1) throw DatabaseError("the played server seed was replaced meanwhile");
  return next;
}

std::string commitmentOf(const ServerSeed& seed) { return kindred::commitmentFor(seed.seed); }
