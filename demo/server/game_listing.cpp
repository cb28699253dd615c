#include "game_listing.hpp"

#include <optional>
#include <string>
#include <vector>

#include "check_ins.hpp"
#include "game_allowance.hpp"
#include "game_catalog.hpp"
#include "game_commitment.hpp"
#include "local_date.hpp"
#include "member_record.hpp"
#include "utc_time.hpp"

namespace {

using nlohmann::ordered_json;

// The check-in days GET /v1/games sends: enough for the widget's streak row
// and any streak reward cycle up to two months.
constexpr std::size_t kCheckInsListed = 60;

void addChanceGame(ordered_json& json, const GameRecord& game, const ServerSeed& seed) {
  ordered_json prizes = ordered_json::array();
  for (const kindred::Prize& prize : game.prizes) prizes.push_back(prizeJson(prize));
  json["prizes"] = std::move(prizes);
  json["prizeTableHash"] = kindred::prizeTableHash(game.prizes);
  json["commitment"] = commitmentOf(seed);
  json["nonce"] = seed.nonce;
  if (game.kind == kindred::GameKind::Memory) json["pairs"] = game.pairs;
}

void addQuiz(ordered_json& json, const GameRecord& game) {
  json["pointsPerCorrect"] = game.pointsPerCorrect;
  ordered_json questions = ordered_json::array();
  for (const GameQuestion& q : game.questions) {
    // Never the correct option: it arrives with the play's verdict.
    questions.push_back({
        {"id", q.question.id},
        {"text", q.question.text},
        {"options", q.question.options},
        {"timeLimitSeconds", q.question.timeLimitSeconds},
    });
  }
  json["questions"] = std::move(questions);
}

void addCheckIn(ordered_json& json, const GameRecord& game, Database& db, std::string_view memberId,
                kindred::CalendarDate localToday, const std::string& timeZone) {
  const std::vector<kindred::CalendarDate> all = loadCheckIns(db, memberId);
  ordered_json days = ordered_json::array();
  const std::size_t skip = all.size() > kCheckInsListed ? all.size() - kCheckInsListed : 0;
  for (std::size_t i = skip; i < all.size(); ++i) days.push_back(all[i].toString());
  ordered_json rewards = ordered_json::array();
  for (const kindred::StreakReward& reward : game.streakRewards) {
    rewards.push_back({{"day", reward.day}, {"points", reward.points}, {"label", reward.label}});
  }
  json["today"] = localToday.toString();
  json["timeZone"] = timeZone;
  json["checkIns"] = std::move(days);
  json["pointsPerCheckIn"] = game.pointsPerCheckIn;
  json["streakRewards"] = std::move(rewards);
}

}  // namespace

ordered_json gamesJson(Database& db, std::string_view memberId, std::int64_t nowUnix) {
  // Games are only written by seeding, so reading them before the snapshot
  // is safe; seeds must exist before it, as making one is a write.
  const std::vector<GameRecord> games = listGames(db);
  for (const GameRecord& game : games) {
    if (kindred::isChanceGame(game.kind)) currentServerSeed(db, memberId, game.id);
  }

  const ReadTransaction snapshot(db);
  const std::optional<MemberRecord> member = loadMember(db, memberId, utcDateOf(nowUnix));
  // The zone the days are actually counted in, reported as such.
  const std::string timeZone = zoneOrUtc(member ? member->timeZone : "UTC");
  const kindred::CalendarDate localToday = localDateOrUtc(timeZone, nowUnix);

  ordered_json list = ordered_json::array();
  for (const GameRecord& game : games) {
    const PlayAllowance allowance = playAllowance(db, game, memberId, localToday, nowUnix);
    ordered_json json = {
        {"id", game.id},
        {"kind", kindred::gameKindName(game.kind)},
        {"title", game.title},
        {"description", game.description},
        {"cost", game.cost},
        {"playsPerDay", game.playsPerDay},
        {"playsLeft", allowance.playsLeft},
        {"cooldownSeconds", game.cooldownSeconds},
        {"nextPlayAt", allowance.cooldownEndsUnix
                           ? ordered_json(formatRfc3339Utc(*allowance.cooldownEndsUnix))
                           : ordered_json(nullptr)},
    };
    if (kindred::isChanceGame(game.kind)) {
      addChanceGame(json, game, currentServerSeed(db, memberId, game.id));
    } else if (game.kind == kindred::GameKind::Quiz) {
      addQuiz(json, game);
    } else {
      addCheckIn(json, game, db, memberId, localToday, timeZone);
    }
    list.push_back(std::move(json));
  }
  return {{"games", std::move(list)}};
}
