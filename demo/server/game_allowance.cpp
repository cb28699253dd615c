#include "game_allowance.hpp"

#include <algorithm>

#include "check_ins.hpp"
#include "kindred/checkin_streak.hpp"

namespace {

std::int64_t playsSince(Database& db, std::string_view memberId, std::string_view gameId,
                        kindred::CalendarDate day) {
  Statement query = db.prepare(
      "SELECT COUNT(*) FROM plays WHERE member_id = ?1 AND game_id = ?2 AND local_date >= ?3");
  query.bind(1, memberId).bind(2, gameId).bind(3, day.toString());
  return query.step() ? query.int64(0) : 0;
}

std::optional<std::int64_t> lastPlayUnix(Database& db, std::string_view memberId,
                                         std::string_view gameId) {
  Statement query =
      db.prepare("SELECT MAX(created_at_unix) FROM plays WHERE member_id = ?1 AND game_id = ?2");
  query.bind(1, memberId).bind(2, gameId);
  return query.step() ? query.optionalInt64(0) : std::nullopt;
}

}  // namespace

PlayAllowance playAllowance(Database& db, const GameRecord& game, std::string_view memberId,
                            kindred::CalendarDate localToday, std::int64_t nowUnix) {
  PlayAllowance allowance;
  if (game.kind == kindred::GameKind::CheckIn) {
    // The check-in days, seeded history included, decide; the core's rule,
    // as the widget applies it to the same days.
    allowance.playsLeft = kindred::canCheckIn(loadCheckIns(db, memberId), localToday) ? 1 : 0;
  } else {
    allowance.playsLeft =
        std::max<std::int64_t>(0, game.playsPerDay - playsSince(db, memberId, game.id, localToday));
  }
  if (game.cooldownSeconds > 0) {
    if (const auto last = lastPlayUnix(db, memberId, game.id)) {
      if (*last + game.cooldownSeconds > nowUnix)
        allowance.cooldownEndsUnix = *last + game.cooldownSeconds;
    }
  }
  return allowance;
}
