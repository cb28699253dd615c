#include "play_game.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "check_ins.hpp"
#include "game_allowance.hpp"
#include "game_commitment.hpp"
#include "kindred/checkin_streak.hpp"
#include "kindred/fairness.hpp"
#include "ledger.hpp"
#include "local_date.hpp"
#include "member_points.hpp"
#include "member_record.hpp"
#include "random_codes.hpp"
#include "utc_time.hpp"

namespace {

using nlohmann::ordered_json;

// What the kind-specific part of a play decided.
struct Verdict {
  std::int64_t pointsWon = 0;
  ordered_json fields = ordered_json::object();  // the play's kind-specific fields
  std::vector<LedgerEntry> credits;              // kind, points and description set
  // Stored with the play:
  std::optional<std::int64_t> nonce;
  std::optional<std::string> clientSeed;
  std::optional<std::string> serverSeed;
  std::optional<std::int64_t> prizeIndex;
  std::optional<std::int64_t> score;
};

// The reference and time are the play's, set when it is stored.
LedgerEntry entry(const char* kind, std::int64_t points, std::string description) {
  LedgerEntry e;
  e.kind = kind;
  e.points = points;
  e.description = std::move(description);
  return e;
}

std::string plural(std::int64_t count, const char* one, const char* many) {
  return std::to_string(count) + " " + (count == 1 ? one : many);
}

Verdict drawPrize(Database& db, std::string_view memberId, const GameRecord& game,
                  const PlayBody& body, const ServerSeed& seed) {
  const kindred::Sha256Digest digest =
      kindred::outcomeDigest(seed.seed, body.clientSeed, static_cast<std::uint64_t>(seed.nonce));
  const int index = kindred::drawPrizeIndex(digest, game.prizes);
  // Seeding refuses such tables; one here is a corrupt database.
  if (index < 0) throw DatabaseError("game " + game.id + " has a prize table that cannot be drawn");
  const kindred::Prize& prize = game.prizes[static_cast<std::size_t>(index)];
  const ServerSeed next = rotateServerSeed(db, memberId, game.id, seed);

  Verdict result;
  result.pointsWon = prize.points;
  result.nonce = seed.nonce;
  result.clientSeed = body.clientSeed;
  result.serverSeed = seed.seed;
  result.prizeIndex = index;
  if (prize.points > 0) {
    result.credits.push_back(entry("game_prize", prize.points, game.title + ": " + prize.label));
  }
  result.fields["prizeIndex"] = index;
  result.fields["prize"] = prizeJson(prize);
  result.fields["proof"] = {
      {"serverSeed", seed.seed},
      {"clientSeed", body.clientSeed},
      {"nonce", seed.nonce},
      {"commitment", commitmentOf(seed)},
      {"prizeTableHash", kindred::prizeTableHash(game.prizes)},
  };
  result.fields["nextCommitment"] = commitmentOf(next);
  return result;
}

Verdict judgeQuiz(const GameRecord& game, const PlayBody& body) {
  std::int64_t score = 0;
  ordered_json correct = ordered_json::array();
  for (std::size_t i = 0; i < game.questions.size(); ++i) {
    const int answer = game.questions[i].correctOption;
    if (body.answers[i] == answer) ++score;
    correct.push_back(answer);
  }
  Verdict result;
  result.score = score;
  result.pointsWon = score * game.pointsPerCorrect;
  if (result.pointsWon > 0) {
    result.credits.push_back(entry("game_prize", result.pointsWon,
                                   game.title + ": " + std::to_string(score) + " of " +
                                       std::to_string(game.questions.size()) + " correct"));
  }
  result.fields["score"] = score;
  result.fields["correctOptions"] = std::move(correct);
  return result;
}

Verdict checkIn(Database& db, std::string_view memberId, const GameRecord& game,
                kindred::CalendarDate localToday) {
  // The core's streak rules, as the widget shows them: before today's
  // check-in, the streak runs to yesterday, and the next reward says
  // whether today's check-in is the one that earns it.
  const kindred::CheckInSummary before =
      kindred::summarizeCheckIns(loadCheckIns(db, memberId), localToday, game.streakRewards);
  const std::int64_t streak = before.currentStreak + 1;
  insertCheckIn(db, memberId, localToday);

  Verdict result;
  if (game.pointsPerCheckIn > 0) {
    result.credits.push_back(
        entry("check_in", game.pointsPerCheckIn,
              game.title + ": day " + std::to_string(streak) + " of your streak"));
  }
  result.pointsWon = game.pointsPerCheckIn;
  if (before.nextReward && before.nextReward->checkInsToGo == 1 &&
      before.nextReward->reward.points > 0) {
    const kindred::StreakReward& reward = before.nextReward->reward;
    result.credits.push_back(entry("check_in", reward.points, game.title + ": " + reward.label));
    result.pointsWon += reward.points;
  }
  result.fields["date"] = localToday.toString();
  result.fields["streak"] = streak;
  return result;
}

}  // namespace

IdempotentOutcome playGame(Database& db, const kindred::Program& program, std::string_view memberId,
                           const GameRecord& game, const PlayBody& body, std::int64_t nowUnix) {
  const kindred::CalendarDate utcToday = utcDateOf(nowUnix);
  const std::optional<MemberRecord> member = loadMember(db, memberId, utcToday);
  if (!member) {  // removed since its token was checked a moment ago
    return {false, problemResponse(404, "unknown-member", "Unknown member",
                                   "The member this token names no longer exists.")};
  }
  const std::string timeZone = zoneOrUtc(member->timeZone);
  const kindred::CalendarDate localToday = localDateOrUtc(timeZone, nowUnix);
  const PlayAllowance allowance = playAllowance(db, game, memberId, localToday, nowUnix);

  if (allowance.playsLeft == 0) {
    if (game.kind == kindred::GameKind::CheckIn) {
      return {true, problemResponse(409, "already-checked-in", "Already checked in",
                                    "You have already checked in today (" + localToday.toString() +
                                        ", " + timeZone + "); come back tomorrow.")};
    }
    return {true, problemResponse(409, "no-plays-left", "No plays left",
                                  "You have had all " + plural(game.playsPerDay, "play", "plays") +
                                      " of " + game.title + " for today (" + localToday.toString() +
                                      "); plays renew at midnight, " + timeZone + " time.")};
  }
  if (allowance.cooldownEndsUnix) {
    const std::int64_t wait = *allowance.cooldownEndsUnix - nowUnix;
    IdempotentOutcome outcome{
        false, problemResponse(409, "cooldown", "Cooling down",
                               game.title + " can be played again in " +
                                   plural(wait, "second", "seconds") + ", at " +
                                   formatRfc3339Utc(*allowance.cooldownEndsUnix) + ".")};
    outcome.response.headers.emplace_back("Retry-After", std::to_string(wait));
    return outcome;
  }

  std::optional<ServerSeed> seed;
  if (kindred::isChanceGame(game.kind)) {
    seed = currentServerSeed(db, memberId, game.id);
    if (commitmentOf(*seed) != body.commitment) {
      return {false,
              problemResponse(409, "commitment-stale", "Commitment stale",
                              "That commitment is not the current one for " + game.title +
                                  ": another play (perhaps in another tab) used it. GET /v1/games "
                                  "for the current commitment and play with that.")};
    }
  }
  if (game.cost > 0 && !debitPoints(db, memberId, game.cost, utcToday)) {
    return {true,
            problemResponse(422, "insufficient-points", "Not enough points",
                            shortfallDetail(program, game.cost - member->points, "this play"))};
  }

  Verdict result = seed ? drawPrize(db, memberId, game, body, *seed)
                   : game.kind == kindred::GameKind::Quiz ? judgeQuiz(game, body)
                                                          : checkIn(db, memberId, game, localToday);
  if (result.pointsWon > 0) creditPoints(db, memberId, result.pointsWon);

  const std::string playId = newPlayId();
  const std::string createdAt = formatRfc3339Utc(nowUnix);
  db.prepare(
        "INSERT INTO plays (id, member_id, game_id, nonce, client_seed, server_seed, prize_index,"
        " score, points_spent, points_won, local_date, created_at, created_at_unix)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)")
      .bind(1, playId)
      .bind(2, memberId)
      .bind(3, game.id)
      .bindNullable(4, result.nonce)
      .bindNullable(5, result.clientSeed)
      .bindNullable(6, result.serverSeed)
      .bindNullable(7, result.prizeIndex)
      .bindNullable(8, result.score)
      .bind(9, game.cost)
      .bind(10, result.pointsWon)
      .bind(11, localToday.toString())
      .bind(12, createdAt)
      .bind(13, nowUnix)
      .run();
  std::vector<LedgerEntry> entries;
  if (game.cost > 0) entries.push_back(entry("game_play", -game.cost, "Played " + game.title));
  entries.insert(entries.end(), result.credits.begin(), result.credits.end());
  for (LedgerEntry& e : entries) {
    e.reference = playId;
    e.createdAt = createdAt;
    appendLedgerEntry(db, memberId, e);
  }

  ordered_json play = {
      {"id", playId},
      {"gameId", game.id},
      {"kind", kindred::gameKindName(game.kind)},
      {"pointsSpent", game.cost},
      {"pointsWon", result.pointsWon},
      {"playsLeft", allowance.playsLeft - 1},
      {"createdAt", createdAt},
  };
  for (auto& [key, value] : result.fields.items()) play[key] = value;
  const std::optional<MemberRecord> updated = loadMember(db, memberId, utcToday);
  return {true, jsonResponse({{"play", std::move(play)}, {"member", memberJson(*updated, program)}},
                             201)};
}
