#include "play_request.hpp"

#include <variant>

#include "game_catalog.hpp"
#include "idempotent_post.hpp"
#include "play_body.hpp"
#include "play_game.hpp"

std::string playsPath(std::string_view gameId) {
  return "/v1/games/" + std::string(gameId) + "/plays";
}

ApiResponse handlePlayRequest(Database& db, const kindred::Program& program,
                              std::string_view memberId, std::string_view gameId,
                              const std::optional<std::string>& idempotencyKey,
                              std::string_view body, std::int64_t nowUnix,
                              const WriteAdmission& admit) {
  return runIdempotentPost(
      db, memberId, idempotencyKey, playsPath(gameId), body, nowUnix, {"A play", "play", "play"},
      admit, [&]() -> IdempotentOutcome {
        const std::optional<GameRecord> game = loadGame(db, gameId);
        if (!game) {
          return {false, problemResponse(404, "unknown-game", "Unknown game",
                                         "There is no game \"" + std::string(gameId) +
                                             "\"; GET /v1/games lists them.")};
        }
        const auto parsed = parsePlayBody(*game, body);
        if (const auto* problem = std::get_if<std::string>(&parsed)) {
          return {false, problemResponse(400, "invalid-request", "Invalid request", *problem)};
        }
        return playGame(db, program, memberId, *game, std::get<PlayBody>(parsed), nowUnix);
      });
}
