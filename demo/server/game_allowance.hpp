#pragma once
// How much a member may play a game right now: the plays left on their
// local day and the end of a running cooldown. GET /v1/games reports it and
// a play is refused on it, so the two can never disagree.

#include <cstdint>
#include <optional>
#include <string_view>

#include "database.hpp"
#include "game_catalog.hpp"
#include "kindred/calendar_date.hpp"

struct PlayAllowance {
  std::int64_t playsLeft = 0;
  std::optional<std::int64_t> cooldownEndsUnix;  // set while a cooldown runs
};

// `localToday` is the member's day (localDateOrUtc). Plays, and check-ins,
// dated after it count as today's: they were made before the member's zone
// moved west, and must not buy a second go at a day already played.
PlayAllowance playAllowance(Database& db, const GameRecord& game, std::string_view memberId,
                            kindred::CalendarDate localToday, std::int64_t nowUnix);
