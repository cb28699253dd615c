#pragma once
// POST /v1/games/{gameId}/plays after authentication, without HTTP: the
// Idempotency-Key (with the semantics of POST /v1/redemptions, through
// runIdempotentPost), the game, the body read strictly for its kind, and the
// play. The time is a parameter so tests can place plays on any day and
// across cooldowns.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "api_response.hpp"
#include "database.hpp"
#include "kindred/program.hpp"
#include "write_admission.hpp"

// "/v1/games/<gameId>/plays": the path the request hash covers, so one key
// cannot be replayed against another game.
std::string playsPath(std::string_view gameId);

// `idempotencyKey` is the header's value, nullopt if the request had none.
// `admit` is the write limit (empty for none).
ApiResponse handlePlayRequest(Database& db, const kindred::Program& program,
                              std::string_view memberId, std::string_view gameId,
                              const std::optional<std::string>& idempotencyKey,
                              std::string_view body, std::int64_t nowUnix,
                              const WriteAdmission& admit = {});
