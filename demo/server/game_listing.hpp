#pragma once
// GET /v1/games for one member: every game with what the member may still
// play today, and per kind what the widget needs to run it (a chance game's
// prize table, its hash and the commitment for the member's next play; a
// quiz's questions without their answers; a check-in's local day, history
// and rewards).

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>

#include "database.hpp"

// {"games":[...]}. Makes the member's server seeds for chance games that
// have none yet (so the first call writes), then reads everything else in
// one snapshot.
nlohmann::ordered_json gamesJson(Database& db, std::string_view memberId, std::int64_t nowUnix);
