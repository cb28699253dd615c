// POST /v1/games/{gameId}/plays and GET /v1/games as services, against a
// seeded scratch database: what each kind of game writes (and what a refusal
// does not), exactly-once credit under Idempotency-Key, daily limits in the
// member's own day, cooldowns, commitments that rotate with every play,
// the quiz judged server-side, check-in streaks and their bonuses, and
// bodies read strictly. The widget's own parsers (kindred_core) accept what
// the backend sends. Members: Grace 340 points (New York), Ada 1240
// (London, checked in on the two days before the seed day), Katherine 2210
// (Tokyo), Alan 8015 (Los Angeles). kNow is noon UTC on the seed day.

#include <gtest/gtest.h>

#include <atomic>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "api_checks.hpp"
#include "game_catalog.hpp"
#include "game_listing.hpp"
#include "independent_fairness.hpp"
#include "json_response.hpp"
#include "kindred/game.hpp"
#include "kindred/game_play.hpp"
#include "member_record.hpp"
#include "play_request.hpp"
#include "scratch_database.hpp"
#include "stored_program.hpp"
#include "utc_time.hpp"

namespace {

using api_checks::detailOf;
using api_checks::header;
using api_checks::parsed;
using api_checks::problemSlug;
using nlohmann::ordered_json;
using scratch::dayAfter;
using scratch::noonAfter;
using scratch::queryInt;

const std::int64_t kNow = noonAfter(0);
const std::string kClientSeed = "00112233445566778899aabbccddeeff";

// Seconds since 1970 of a UTC time on the seed day (2026-03-01) or `days` after.
std::int64_t at(int days, int hour, int minute = 0) {
  return (scratch::kSeedDay.daysSinceEpoch() + days) * 86400 + hour * 3600 + minute * 60;
}

std::string chanceBody(const std::string& commitment, const std::string& clientSeed = kClientSeed) {
  return R"({"clientSeed":")" + clientSeed + R"(","commitment":")" + commitment + R"("})";
}

std::vector<std::string> keysOf(const ordered_json& object) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : object.items()) keys.push_back(key);
  return keys;
}

class PlayGameTest : public scratch::ScratchDatabaseTest {
 protected:
  void SetUp() override {
    ScratchDatabaseTest::SetUp();
    db_.emplace(openSeeded());
    program_ = loadStoredProgram(*db_);
  }

  // A wheel of one prize, so what a play wins is known.
  void addGame(const std::string& id, const std::vector<kindred::Prize>& prizes,
               std::int64_t playsPerDay = 5, std::int64_t cooldownSeconds = 0,
               std::int64_t cost = 0) {
    GameRecord game;
    game.id = id;
    game.position = nextGamePosition(*db_);
    game.kind = kindred::GameKind::Wheel;
    game.title = "Sure win";
    game.description = "Always the same.";
    game.cost = cost;
    game.playsPerDay = playsPerDay;
    game.cooldownSeconds = cooldownSeconds;
    game.prizes = prizes;
    insertGame(*db_, game);
  }

  ordered_json game(const std::string& member, const std::string& id, std::int64_t now = kNow) {
    const ordered_json all = gamesJson(*db_, member, now);
    for (const auto& g : all["games"]) {
      if (g["id"] == id) return g;
    }
    ADD_FAILURE() << "no game " << id;
    return {};
  }
  std::string commitment(const std::string& member, const std::string& id,
                         std::int64_t now = kNow) {
    return game(member, id, now)["commitment"].get<std::string>();
  }

  ApiResponse playWithKey(const std::string& member, const std::string& gameId,
                          const std::string& body, const std::optional<std::string>& key,
                          std::int64_t now = kNow) {
    return handlePlayRequest(*db_, program_.program, member, gameId, key, body, now);
  }
  // A fresh key per call, for tests about the rules rather than the keys.
  ApiResponse play(const std::string& member, const std::string& gameId, const std::string& body,
                   std::int64_t now = kNow) {
    return playWithKey(member, gameId, body, "key-" + std::to_string(++keys_), now);
  }
  // A chance game with its current commitment.
  ApiResponse spin(const std::string& member, const std::string& gameId, std::int64_t now = kNow) {
    return play(member, gameId, chanceBody(commitment(member, gameId, now)), now);
  }

  std::int64_t column(SqlText sql, const std::string& member) {
    Statement query = db_->prepare(sql);
    return query.bind(1, member).step() ? query.int64(0) : -1;
  }
  std::int64_t points(const std::string& m) {
    return column("SELECT points FROM members WHERE id = ?1", m);
  }
  std::int64_t lifetime(const std::string& m) {
    return column("SELECT lifetime_points FROM members WHERE id = ?1", m);
  }
  std::int64_t qualifying(const std::string& m) {
    return column("SELECT qualifying_points FROM members WHERE id = ?1", m);
  }
  std::int64_t count(SqlText sql) { return queryInt(*db_, sql); }
  std::int64_t plays() { return count("SELECT COUNT(*) FROM plays"); }
  std::int64_t ledgerEntries() { return count("SELECT COUNT(*) FROM ledger"); }
  std::int64_t keyRecords() { return count("SELECT COUNT(*) FROM idempotency_keys"); }
  std::int64_t ledgerSumAfter(const std::string& member, std::int64_t id) {
    Statement query = db_->prepare(
        "SELECT COALESCE(SUM(points), 0) FROM ledger WHERE member_id = ?1 AND id > ?2");
    return query.bind(1, member).bind(2, id).step() ? query.int64(0) : -1;
  }
  std::int64_t lastLedgerId() { return count("SELECT COALESCE(MAX(id), 0) FROM ledger"); }

  std::optional<Database> db_;
  StoredProgram program_;
  int keys_ = 0;
};

TEST_F(PlayGameTest, ListsEveryGameWithTheMembersAllowanceAndNoAnswers) {
  const ordered_json json = gamesJson(*db_, "m_ada", kNow);
  std::vector<std::string> ids;
  for (const auto& g : json["games"]) ids.push_back(g["id"].get<std::string>());
  EXPECT_EQ(ids, (std::vector<std::string>{"spin-wheel", "scratch-card", "memory-match",
                                           "daily-quiz", "daily-check-in"}));

  const ordered_json& wheel = json["games"][0];
  EXPECT_EQ(keysOf(wheel),
            (std::vector<std::string>{"id", "kind", "title", "description", "cost", "playsPerDay",
                                      "playsLeft", "cooldownSeconds", "nextPlayAt", "prizes",
                                      "prizeTableHash", "commitment", "nonce"}));
  EXPECT_EQ(wheel["kind"], "wheel");
  EXPECT_EQ(wheel["cost"], 0);
  EXPECT_EQ(wheel["playsPerDay"], 3);
  EXPECT_EQ(wheel["playsLeft"], 3);
  EXPECT_EQ(wheel["nextPlayAt"], nullptr);
  ASSERT_EQ(wheel["prizes"].size(), 8u);
  EXPECT_EQ(keysOf(wheel["prizes"][0]),
            (std::vector<std::string>{"id", "label", "points", "weight"}));
  const GameRecord stored = *loadGame(*db_, "spin-wheel");
  EXPECT_EQ(wheel["prizeTableHash"], kindred::prizeTableHash(stored.prizes));
  EXPECT_EQ(wheel["prizeTableHash"], independent::tableHash(stored.prizes));
  EXPECT_TRUE(std::regex_match(wheel["commitment"].get<std::string>(), std::regex("[0-9a-f]{64}")));
  EXPECT_EQ(wheel["nonce"], 0);
  // The commitment stays put until a play uses it, and is the member's own.
  EXPECT_EQ(commitment("m_ada", "spin-wheel"), wheel["commitment"]);
  EXPECT_NE(commitment("m_grace", "spin-wheel"), wheel["commitment"]);
  EXPECT_NE(commitment("m_ada", "scratch-card"), wheel["commitment"]);

  EXPECT_EQ(json["games"][1]["cost"], 20);
  EXPECT_EQ(json["games"][1]["prizes"].size(), 5u);
  EXPECT_EQ(json["games"][2]["pairs"], 6);

  const ordered_json& quiz = json["games"][3];
  EXPECT_EQ(quiz["pointsPerCorrect"], 10);
  ASSERT_EQ(quiz["questions"].size(), 4u);
  for (const auto& question : quiz["questions"]) {
    EXPECT_EQ(keysOf(question),
              (std::vector<std::string>{"id", "text", "options", "timeLimitSeconds"}));
    EXPECT_EQ(question["timeLimitSeconds"], 20);
  }
  EXPECT_EQ(quiz.dump().find("correct"), std::string::npos);

  const ordered_json& checkIn = json["games"][4];
  EXPECT_EQ(checkIn["today"], "2026-03-01");
  EXPECT_EQ(checkIn["timeZone"], "Europe/London");
  EXPECT_EQ(checkIn["checkIns"], ordered_json({"2026-02-27", "2026-02-28"}));
  EXPECT_EQ(checkIn["pointsPerCheckIn"], 5);
  EXPECT_EQ(
      checkIn["streakRewards"].dump(),
      R"([{"day":3,"points":20,"label":"3-day streak bonus"},{"day":7,"points":100,"label":"7-day streak bonus"}])");
  EXPECT_EQ(game("m_katherine", "daily-check-in")["checkIns"], ordered_json::array());

  // The widget's parser takes it as it is.
  const auto forWidget = kindred::parseGames(dumpJson(json));
  ASSERT_TRUE(forWidget.ok()) << forWidget.error().message();
  EXPECT_EQ(forWidget.value().size(), 5u);
}

TEST_F(PlayGameTest, AWheelPlayCreditsItsPrizeExactlyOnceAndRotatesTheCommitment) {
  addGame("sure-win", {{"fifty", "50 points", 50, 1}});
  const std::string before = commitment("m_ada", "sure-win");
  const std::int64_t ledgerBefore = ledgerEntries();
  const std::int64_t qualifyingBefore = qualifying("m_ada");

  const ApiResponse response = playWithKey("m_ada", "sure-win", chanceBody(before), "spin-1");
  ASSERT_EQ(response.status, 201) << response.body;
  EXPECT_FALSE(header(response, "Idempotent-Replayed"));
  const ordered_json body = parsed(response);
  const ordered_json& played = body["play"];
  EXPECT_EQ(keysOf(played), (std::vector<std::string>{
                                "id", "gameId", "kind", "pointsSpent", "pointsWon", "playsLeft",
                                "createdAt", "prizeIndex", "prize", "proof", "nextCommitment"}));
  EXPECT_TRUE(
      std::regex_match(played["id"].get<std::string>(), std::regex("ply_[2-9a-hj-np-z]{20}")));
  EXPECT_EQ(played["gameId"], "sure-win");
  EXPECT_EQ(played["kind"], "wheel");
  EXPECT_EQ(played["pointsSpent"], 0);
  EXPECT_EQ(played["pointsWon"], 50);
  EXPECT_EQ(played["playsLeft"], 4);
  EXPECT_EQ(played["createdAt"], formatRfc3339Utc(kNow));
  EXPECT_EQ(played["prizeIndex"], 0);
  EXPECT_EQ(played["prize"].dump(), R"({"id":"fifty","label":"50 points","points":50,"weight":1})");
  EXPECT_EQ(keysOf(played["proof"]), (std::vector<std::string>{"serverSeed", "clientSeed", "nonce",
                                                               "commitment", "prizeTableHash"}));
  EXPECT_EQ(independent::sha256Hex(played["proof"]["serverSeed"].get<std::string>()), before);
  EXPECT_EQ(played["proof"]["commitment"], before);
  EXPECT_EQ(played["proof"]["clientSeed"], kClientSeed);
  EXPECT_EQ(played["proof"]["nonce"], 0);

  // The next play is committed to a new seed, with the next nonce.
  const ordered_json after = game("m_ada", "sure-win");
  EXPECT_EQ(after["commitment"], played["nextCommitment"]);
  EXPECT_NE(after["commitment"], before);
  EXPECT_EQ(after["nonce"], 1);
  EXPECT_EQ(after["playsLeft"], 4);

  // Balance and lifetime up, qualifying points (tiers) untouched.
  EXPECT_EQ(points("m_ada"), 1240 + 50);
  EXPECT_EQ(lifetime("m_ada"), 5230 + 50);
  EXPECT_EQ(qualifying("m_ada"), qualifyingBefore);
  const auto ada = loadMember(*db_, "m_ada", utcDateOf(kNow));
  EXPECT_EQ(body["member"].dump(), memberJson(*ada, program_.program).dump());

  ASSERT_EQ(ledgerEntries(), ledgerBefore + 1);
  Statement entry = db_->prepare(
      "SELECT kind, points, description, reference, created_at FROM ledger ORDER BY id DESC LIMIT "
      "1");
  ASSERT_TRUE(entry.step());
  EXPECT_EQ(entry.text(0), "game_prize");
  EXPECT_EQ(entry.int64(1), 50);
  EXPECT_EQ(entry.text(2), "Sure win: 50 points");
  EXPECT_EQ(entry.text(3), played["id"]);
  EXPECT_EQ(entry.text(4), formatRfc3339Utc(kNow));

  Statement row = db_->prepare(
      "SELECT member_id, game_id, nonce, client_seed, server_seed, prize_index, points_spent,"
      " points_won, local_date, created_at FROM plays");
  ASSERT_TRUE(row.step());
  EXPECT_EQ(row.text(0), "m_ada");
  EXPECT_EQ(row.text(1), "sure-win");
  EXPECT_EQ(row.int64(2), 0);
  EXPECT_EQ(row.text(3), kClientSeed);
  EXPECT_EQ(row.text(4), played["proof"]["serverSeed"]);
  EXPECT_EQ(row.int64(5), 0);
  EXPECT_EQ(row.int64(6), 0);
  EXPECT_EQ(row.int64(7), 50);
  EXPECT_EQ(row.text(8), "2026-03-01");
  EXPECT_FALSE(row.step());

  // A retry gets the same answer, and nothing is credited again.
  const ApiResponse replay = playWithKey("m_ada", "sure-win", chanceBody(before), "spin-1");
  EXPECT_EQ(replay.status, 201);
  EXPECT_EQ(replay.body, response.body);
  EXPECT_EQ(header(replay, "Idempotent-Replayed"), "true");
  EXPECT_EQ(points("m_ada"), 1290);
  EXPECT_EQ(ledgerEntries(), ledgerBefore + 1);
  EXPECT_EQ(plays(), 1);
  // The key with another body, or on another game, is refused.
  const ApiResponse reused =
      playWithKey("m_ada", "sure-win", chanceBody(before, std::string(32, 'a')), "spin-1");
  EXPECT_EQ(problemSlug(reused), "idempotency-key-reused");
  EXPECT_EQ(problemSlug(playWithKey("m_ada", "spin-wheel", chanceBody(before), "spin-1")),
            "idempotency-key-reused");
  EXPECT_EQ(points("m_ada"), 1290);
}

TEST_F(PlayGameTest, APrizeOfNoPointsWritesNoLedgerEntry) {
  addGame("shipping", {{"ship", "Free shipping", 0, 1}});
  const std::int64_t ledgerBefore = ledgerEntries();
  const ApiResponse response = spin("m_grace", "shipping");
  ASSERT_EQ(response.status, 201) << response.body;
  EXPECT_EQ(parsed(response)["play"]["pointsWon"], 0);
  EXPECT_EQ(parsed(response)["play"]["prize"]["label"], "Free shipping");
  EXPECT_EQ(ledgerEntries(), ledgerBefore);
  EXPECT_EQ(points("m_grace"), 340);
  EXPECT_EQ(plays(), 1);
}

TEST_F(PlayGameTest, DailyPlaysCountInTheMembersOwnDay) {
  // 14:00 UTC is 23:00 in Tokyo: Katherine's three spins are on 1 March...
  for (int left = 2; left >= 0; --left) {
    const ApiResponse response = spin("m_katherine", "spin-wheel", at(0, 14));
    ASSERT_EQ(response.status, 201) << response.body;
    EXPECT_EQ(parsed(response)["play"]["playsLeft"], left);
  }
  EXPECT_EQ(game("m_katherine", "spin-wheel", at(0, 14, 30))["playsLeft"], 0);
  const std::string current = commitment("m_katherine", "spin-wheel", at(0, 14, 30));
  const ApiResponse fourth =
      playWithKey("m_katherine", "spin-wheel", chanceBody(current), "fourth", at(0, 14, 30));
  EXPECT_EQ(fourth.status, 409);
  EXPECT_EQ(problemSlug(fourth), "no-plays-left");
  EXPECT_NE(detailOf(fourth).find("midnight, Asia/Tokyo time"), std::string::npos)
      << detailOf(fourth);
  EXPECT_EQ(plays(), 3);
  // ... final for its key, as a redemption's refusals are.
  const ApiResponse again =
      playWithKey("m_katherine", "spin-wheel", chanceBody(current), "fourth", at(0, 14, 40));
  EXPECT_EQ(again.body, fourth.body);
  EXPECT_EQ(header(again, "Idempotent-Replayed"), "true");

  // ... and at 15:00 UTC it is 2 March in Tokyo, though still 1 March in UTC.
  EXPECT_EQ(game("m_katherine", "spin-wheel", at(0, 15))["playsLeft"], 3);
  EXPECT_EQ(spin("m_katherine", "spin-wheel", at(0, 15)).status, 201);

  // Grace in New York: 23:00 UTC and 01:00 UTC the next day are both 1 March.
  for (int i = 0; i < 3; ++i) ASSERT_EQ(spin("m_grace", "spin-wheel", at(0, 23)).status, 201);
  EXPECT_EQ(problemSlug(spin("m_grace", "spin-wheel", at(1, 1))), "no-plays-left");
  EXPECT_EQ(spin("m_grace", "spin-wheel", at(1, 5)).status, 201);  // midnight in New York
}

TEST_F(PlayGameTest, PlaysMadeOnALaterDayCountAsTodaysAfterMovingWest) {
  // 16:00 UTC: 2 March in Tokyo, where Katherine spins three times and checks in...
  for (int i = 0; i < 3; ++i) ASSERT_EQ(spin("m_katherine", "spin-wheel", at(0, 16)).status, 201);
  ASSERT_EQ(play("m_katherine", "daily-check-in", "{}", at(0, 16)).status, 201);
  // ... then moves to Los Angeles, where it is still 1 March: no second go at 2 March.
  db_->prepare("UPDATE members SET time_zone = 'America/Los_Angeles' WHERE id = 'm_katherine'")
      .run();
  EXPECT_EQ(game("m_katherine", "spin-wheel", at(0, 17))["playsLeft"], 0);
  EXPECT_EQ(problemSlug(spin("m_katherine", "spin-wheel", at(0, 17))), "no-plays-left");
  EXPECT_EQ(problemSlug(play("m_katherine", "daily-check-in", "{}", at(0, 17))),
            "already-checked-in");
  // On 3 March in Los Angeles (08:00 UTC on the 3rd) the days are new again.
  EXPECT_EQ(spin("m_katherine", "spin-wheel", at(2, 8, 30)).status, 201);
}

TEST_F(PlayGameTest, ACooldownAnswersRetryAfterAndTheSameKeyPlaysOnceItIsOver) {
  addGame("slow-wheel", {{"ten", "10 points", 10, 1}}, /*playsPerDay=*/5, /*cooldown=*/60);
  ASSERT_EQ(spin("m_alan", "slow-wheel", kNow).status, 201);
  const ordered_json during = game("m_alan", "slow-wheel", kNow + 10);
  EXPECT_EQ(during["nextPlayAt"], formatRfc3339Utc(kNow + 60));
  EXPECT_EQ(during["cooldownSeconds"], 60);

  const std::string body = chanceBody(during["commitment"].get<std::string>());
  const ApiResponse early = playWithKey("m_alan", "slow-wheel", body, "after-cooldown", kNow + 10);
  EXPECT_EQ(early.status, 409);
  EXPECT_EQ(problemSlug(early), "cooldown");
  EXPECT_EQ(header(early, "Retry-After"), "50");
  EXPECT_EQ(plays(), 1);
  EXPECT_EQ(keyRecords(), 1);  // only the first play's: the refusal stored nothing

  const ApiResponse later = playWithKey("m_alan", "slow-wheel", body, "after-cooldown", kNow + 60);
  EXPECT_EQ(later.status, 201) << later.body;
  EXPECT_FALSE(header(later, "Idempotent-Replayed"));
  EXPECT_EQ(game("m_alan", "slow-wheel", kNow + 60)["nextPlayAt"], formatRfc3339Utc(kNow + 120));
  EXPECT_EQ(game("m_alan", "slow-wheel", kNow + 120)["nextPlayAt"], nullptr);
}

TEST_F(PlayGameTest, AStaleCommitmentIsRefusedAndChangesNothing) {
  const std::string first = commitment("m_alan", "spin-wheel");
  ASSERT_EQ(play("m_alan", "spin-wheel", chanceBody(first)).status, 201);
  const std::int64_t pointsBefore = points("m_alan");
  const std::int64_t ledgerBefore = ledgerEntries();

  // Another tab still holds the first commitment.
  const ApiResponse stale = playWithKey("m_alan", "spin-wheel", chanceBody(first), "second-tab");
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(problemSlug(stale), "commitment-stale");
  EXPECT_EQ(plays(), 1);
  EXPECT_EQ(points("m_alan"), pointsBefore);
  EXPECT_EQ(ledgerEntries(), ledgerBefore);
  EXPECT_EQ(game("m_alan", "spin-wheel")["nonce"], 1);
  // Nothing was stored with the key: the tab can play with it once it has caught up.
  const ApiResponse caughtUp = playWithKey(
      "m_alan", "spin-wheel", chanceBody(commitment("m_alan", "spin-wheel")), "second-tab");
  EXPECT_EQ(caughtUp.status, 201) << caughtUp.body;
  EXPECT_EQ(parsed(caughtUp)["play"]["proof"]["nonce"], 1);
}

TEST_F(PlayGameTest, ConcurrentPlaysWithOneCommitmentPlayOnce) {
  const std::string shared = commitment("m_katherine", "spin-wheel");
  const std::int64_t pointsBefore = points("m_katherine");
  const std::int64_t lastId = lastLedgerId();
  std::atomic<int> played{0}, stale{0}, other{0};
  // Separate connections on separate threads, as the server's workers have.
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&, i] {
      Database db = Database::open(pathOf("demo.sqlite3"));
      const ApiResponse response =
          handlePlayRequest(db, program_.program, "m_katherine", "spin-wheel",
                            "thread-" + std::to_string(i), chanceBody(shared), kNow);
      if (response.status == 201)
        ++played;
      else if (problemSlug(response) == "commitment-stale")
        ++stale;
      else
        ++other;
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(played, 1);
  EXPECT_EQ(stale, 7);
  EXPECT_EQ(other, 0);
  EXPECT_EQ(plays(), 1);
  EXPECT_EQ(points("m_katherine") - pointsBefore, ledgerSumAfter("m_katherine", lastId));
}

TEST_F(PlayGameTest, TheScratchCardDebitsItsCostSpendingTheSoonestExpiringPointsFirst) {
  // Grace holds 340 points, 40 of them expiring on day 5.
  const std::int64_t lastId = lastLedgerId();
  const ApiResponse response = spin("m_grace", "scratch-card");
  ASSERT_EQ(response.status, 201) << response.body;
  const ordered_json played = parsed(response)["play"];
  const std::int64_t won = played["pointsWon"].get<std::int64_t>();
  EXPECT_EQ(played["pointsSpent"], 20);
  EXPECT_EQ(points("m_grace"), 340 - 20 + won);
  EXPECT_EQ(lifetime("m_grace"), 340 + won);
  EXPECT_EQ(qualifying("m_grace"), 340);
  const auto grace = loadMember(*db_, "m_grace", utcDateOf(kNow));
  ASSERT_EQ(grace->expiring.size(), 1u);
  EXPECT_EQ(grace->expiring[0].points, 20);

  Statement entries = db_->prepare(
      "SELECT kind, points, description, reference FROM ledger WHERE id > ?1 ORDER BY id");
  entries.bind(1, lastId);
  ASSERT_TRUE(entries.step());
  EXPECT_EQ(entries.text(0), "game_play");
  EXPECT_EQ(entries.int64(1), -20);
  EXPECT_EQ(entries.text(2), "Played Scratch & win");
  EXPECT_EQ(entries.text(3), played["id"]);
  if (won > 0) {
    ASSERT_TRUE(entries.step());
    EXPECT_EQ(entries.text(0), "game_prize");
    EXPECT_EQ(entries.int64(1), won);
    EXPECT_EQ(entries.text(2), "Scratch & win: " + played["prize"]["label"].get<std::string>());
  }
  EXPECT_FALSE(entries.step());
  EXPECT_EQ(ledgerSumAfter("m_grace", lastId), won - 20);
}

TEST_F(PlayGameTest, APlayCostingMoreThanTheBalanceIsRefusedAndChangesNothing) {
  db_->prepare("UPDATE members SET points = 15 WHERE id = 'm_grace'").run();
  const ordered_json before = game("m_grace", "scratch-card");
  const std::int64_t ledgerBefore = ledgerEntries();
  const std::string body = chanceBody(before["commitment"].get<std::string>());
  const ApiResponse response = playWithKey("m_grace", "scratch-card", body, "short");
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(problemSlug(response), "insufficient-points");
  EXPECT_EQ(detailOf(response), "You need 5 more points for this play.");
  EXPECT_EQ(points("m_grace"), 15);
  EXPECT_EQ(ledgerEntries(), ledgerBefore);
  EXPECT_EQ(plays(), 0);
  const ordered_json after = game("m_grace", "scratch-card");
  EXPECT_EQ(after["commitment"], before["commitment"]);
  EXPECT_EQ(after["nonce"], 0);
  EXPECT_EQ(after["playsLeft"], 2);
  const auto grace = loadMember(*db_, "m_grace", utcDateOf(kNow));
  EXPECT_EQ(grace->expiring[0].points, 40);
  // Final for the key, like a redemption's.
  EXPECT_EQ(header(playWithKey("m_grace", "scratch-card", body, "short"), "Idempotent-Replayed"),
            "true");
}

TEST_F(PlayGameTest, TheQuizIsJudgedByTheBackend) {
  for (const char* body :
       {R"({"answers":[1,0,1]})", R"({"answers":[1,0,1,3]})", R"({"answers":[1,0,1,-2]})",
        R"({"answers":[1,0,1,"2"]})", R"({"answers":[1,0,1,2.0]})",
        R"({"answers":[1,0,1,2],"score":4})", R"({"answers":{"0":1}})", R"({})"}) {
    const ApiResponse response = play("m_ada", "daily-quiz", body);
    EXPECT_EQ(response.status, 400) << body;
    EXPECT_EQ(problemSlug(response), "invalid-request") << body;
  }
  EXPECT_EQ(plays(), 0);
  EXPECT_EQ(keyRecords(), 0);

  const std::int64_t lastId = lastLedgerId();
  const ApiResponse response = play("m_ada", "daily-quiz", R"({"answers":[1,0,0,-1]})");
  ASSERT_EQ(response.status, 201) << response.body;
  const ordered_json played = parsed(response)["play"];
  EXPECT_EQ(keysOf(played),
            (std::vector<std::string>{"id", "gameId", "kind", "pointsSpent", "pointsWon",
                                      "playsLeft", "createdAt", "score", "correctOptions"}));
  EXPECT_EQ(played["score"], 2);
  EXPECT_EQ(played["pointsWon"], 20);
  EXPECT_EQ(played["correctOptions"], ordered_json({1, 0, 1, 2}));
  EXPECT_EQ(played["playsLeft"], 0);
  EXPECT_EQ(points("m_ada"), 1260);
  EXPECT_EQ(ledgerSumAfter("m_ada", lastId), 20);
  EXPECT_EQ(count("SELECT score FROM plays"), 2);
  EXPECT_EQ(count("SELECT description = 'Daily quiz: 2 of 4 correct' FROM ledger ORDER BY id DESC"),
            1);
  const auto receipt = kindred::parsePlayReceipt(response.body, kindred::GameKind::Quiz);
  ASSERT_TRUE(receipt.ok()) << receipt.error().message();
  EXPECT_EQ(receipt.value().correctOptions, (std::vector<int>{1, 0, 1, 2}));

  EXPECT_EQ(problemSlug(play("m_ada", "daily-quiz", R"({"answers":[1,0,1,2]})")), "no-plays-left");
  // No answers right: a play, and no points.
  const ApiResponse none = play("m_grace", "daily-quiz", R"({"answers":[-1,-1,-1,-1]})");
  ASSERT_EQ(none.status, 201);
  EXPECT_EQ(parsed(none)["play"]["pointsWon"], 0);
  EXPECT_EQ(points("m_grace"), 340);
}

TEST_F(PlayGameTest, CheckInsBuildAStreakWithBonusesOnItsRewardDays) {
  // Ada checked in on the two days before: today makes three, and the bonus.
  const std::int64_t lastId = lastLedgerId();
  const ApiResponse response = playWithKey("m_ada", "daily-check-in", "{}", "check-in");
  ASSERT_EQ(response.status, 201) << response.body;
  const ordered_json played = parsed(response)["play"];
  EXPECT_EQ(keysOf(played),
            (std::vector<std::string>{"id", "gameId", "kind", "pointsSpent", "pointsWon",
                                      "playsLeft", "createdAt", "date", "streak"}));
  EXPECT_EQ(played["date"], "2026-03-01");
  EXPECT_EQ(played["streak"], 3);
  EXPECT_EQ(played["pointsWon"], 25);
  EXPECT_EQ(played["playsLeft"], 0);
  EXPECT_EQ(points("m_ada"), 1265);
  Statement entries = db_->prepare(
      "SELECT kind, points, description, reference FROM ledger WHERE id > ?1 ORDER BY id");
  entries.bind(1, lastId);
  ASSERT_TRUE(entries.step());
  EXPECT_EQ(entries.text(0), "check_in");
  EXPECT_EQ(entries.int64(1), 5);
  EXPECT_EQ(entries.text(2), "Daily check-in: day 3 of your streak");
  EXPECT_EQ(entries.text(3), played["id"]);
  ASSERT_TRUE(entries.step());
  EXPECT_EQ(entries.text(0), "check_in");
  EXPECT_EQ(entries.int64(1), 20);
  EXPECT_EQ(entries.text(2), "Daily check-in: 3-day streak bonus");
  EXPECT_FALSE(entries.step());
  const auto receipt = kindred::parsePlayReceipt(response.body, kindred::GameKind::CheckIn);
  ASSERT_TRUE(receipt.ok()) << receipt.error().message();
  EXPECT_EQ(receipt.value().streak, 3);

  // Once a day, whatever the key.
  const ApiResponse again = play("m_ada", "daily-check-in", "{}", kNow + 3600);
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(problemSlug(again), "already-checked-in");
  EXPECT_EQ(points("m_ada"), 1265);
  EXPECT_EQ(game("m_ada", "daily-check-in")["checkIns"],
            ordered_json({"2026-02-27", "2026-02-28", "2026-03-01"}));

  // The next day: four days, no bonus.
  const ApiResponse fourth = play("m_ada", "daily-check-in", "{}", noonAfter(1));
  ASSERT_EQ(fourth.status, 201);
  EXPECT_EQ(parsed(fourth)["play"]["streak"], 4);
  EXPECT_EQ(parsed(fourth)["play"]["pointsWon"], 5);

  // Alan, ten days running: bonuses on days 3 and 7, then 10 as the cycle restarts.
  std::int64_t total = 0;
  for (int day = 0; day < 10; ++day) {
    const ApiResponse r = play("m_alan", "daily-check-in", "{}", noonAfter(day));
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(parsed(r)["play"]["streak"], day + 1);
    const std::int64_t won = parsed(r)["play"]["pointsWon"].get<std::int64_t>();
    EXPECT_EQ(won, day + 1 == 3 || day + 1 == 10 ? 25 : day + 1 == 7 ? 105 : 5) << day;
    total += won;
  }
  EXPECT_EQ(total, 10 * 5 + 20 + 100 + 20);
  EXPECT_EQ(points("m_alan"), 8015 + total);

  // A missed day starts over.
  ASSERT_EQ(play("m_grace", "daily-check-in", "{}", noonAfter(0)).status, 201);
  const ApiResponse gap = play("m_grace", "daily-check-in", "{}", noonAfter(2));
  EXPECT_EQ(parsed(gap)["play"]["streak"], 1);
}

TEST_F(PlayGameTest, CheckInDaysAreTheMembersLocalDays) {
  // 14:30 and 15:30 UTC are 23:30 on 1 March and 00:30 on 2 March in Tokyo.
  const ApiResponse late = play("m_katherine", "daily-check-in", "{}", at(0, 14, 30));
  ASSERT_EQ(late.status, 201);
  EXPECT_EQ(parsed(late)["play"]["date"], "2026-03-01");
  EXPECT_EQ(game("m_katherine", "daily-check-in", at(0, 15, 30))["today"], "2026-03-02");
  const ApiResponse early = play("m_katherine", "daily-check-in", "{}", at(0, 15, 30));
  ASSERT_EQ(early.status, 201) << early.body;
  EXPECT_EQ(parsed(early)["play"]["date"], "2026-03-02");
  EXPECT_EQ(parsed(early)["play"]["streak"], 2);
  // Los Angeles is still on 28 February at 04:00 UTC on 1 March.
  EXPECT_EQ(parsed(play("m_alan", "daily-check-in", "{}", at(0, 4)))["play"]["date"], "2026-02-28");

  // A member whose stored zone is unknown counts in UTC rather than failing.
  db_->prepare("UPDATE members SET time_zone = 'Mars/Olympus_Mons' WHERE id = 'm_grace'").run();
  const ordered_json grace = game("m_grace", "daily-check-in", at(0, 23, 30));
  EXPECT_EQ(grace["timeZone"], "UTC");
  EXPECT_EQ(grace["today"], "2026-03-01");
  EXPECT_EQ(play("m_grace", "daily-check-in", "{}", at(0, 23, 30)).status, 201);
}

TEST_F(PlayGameTest, TheBodyMustBeExactlyTheKindsAndARefusedOneChangesNothing) {
  const std::string current = commitment("m_alan", "spin-wheel");
  const std::string seed = kClientSeed;
  const std::vector<std::string> bodies = {
      R"({"clientSeed":")" + seed + R"(","commitment":")" + current + R"(","prizeIndex":6})",
      R"({"clientSeed":")" + seed + R"(","commitment":")" + current + R"(","nonce":0})",
      R"({"clientSeed":")" + seed + R"("})",
      R"({"commitment":")" + current + R"("})",
      R"({"clientSeed":")" + std::string(31, 'a') + R"(","commitment":")" + current + R"("})",
      R"({"clientSeed":")" + std::string(129, 'a') + R"(","commitment":")" + current + R"("})",
      R"({"clientSeed":")" + std::string(32, 'A') + R"(","commitment":")" + current + R"("})",
      R"({"clientSeed":")" + std::string(32, 'g') + R"(","commitment":")" + current + R"("})",
      R"({"clientSeed":12345678901234567890123456789012,"commitment":")" + current + R"("})",
      R"({"clientSeed":")" + seed + R"(","commitment":null})",
      R"([")" + seed + R"("])",
      "not json",
      "",
  };
  for (const std::string& body : bodies) {
    const ApiResponse response = play("m_alan", "spin-wheel", body);
    EXPECT_EQ(response.status, 400) << body;
    EXPECT_EQ(problemSlug(response), "invalid-request") << body;
  }
  EXPECT_NE(
      detailOf(play("m_alan", "spin-wheel", bodies[0])).find(R"("prizeIndex" is not a field)"),
      std::string::npos);
  for (const char* body : {R"({"x":1})", "[]", "", R"({"answers":[]})"}) {
    EXPECT_EQ(problemSlug(play("m_alan", "daily-check-in", body)), "invalid-request") << body;
  }
  EXPECT_EQ(plays(), 0);
  EXPECT_EQ(keyRecords(), 0);  // invalid requests leave their keys free
  EXPECT_EQ(points("m_alan"), 8015);
  EXPECT_EQ(commitment("m_alan", "spin-wheel"), current);
  // 128 hex digits is the longest seed taken.
  EXPECT_EQ(play("m_alan", "spin-wheel", chanceBody(current, std::string(128, 'f'))).status, 201);
}

TEST_F(PlayGameTest, UnknownGamesAndMissingKeysAreRefused) {
  const ApiResponse unknown = play("m_alan", "no-such-game", "{}");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(problemSlug(unknown), "unknown-game");
  EXPECT_EQ(keyRecords(), 0);
  const ApiResponse keyless = playWithKey("m_alan", "daily-check-in", "{}", std::nullopt);
  EXPECT_EQ(problemSlug(keyless), "invalid-idempotency-key");
  EXPECT_NE(detailOf(keyless).find("A play needs an Idempotency-Key header"), std::string::npos);
  EXPECT_EQ(problemSlug(playWithKey("m_alan", "daily-check-in", "{}", std::string("bad key"))),
            "invalid-idempotency-key");
  EXPECT_EQ(plays(), 0);
}

TEST_F(PlayGameTest, TheWidgetVerifiesEveryChanceGamesPlay) {
  for (const char* id : {"spin-wheel", "scratch-card", "memory-match"}) {
    const auto games = kindred::parseGames(dumpJson(gamesJson(*db_, "m_alan", kNow)));
    ASSERT_TRUE(games.ok()) << games.error().message();
    const kindred::Game* listed = nullptr;
    for (const kindred::Game& g : games.value()) {
      if (g.id == id) listed = &g;
    }
    ASSERT_NE(listed, nullptr);
    kindred::PlayIntent intent;
    intent.gameId = id;
    intent.kind = listed->kind;
    intent.clientSeed = kClientSeed;
    intent.committed = listed->commitment;
    const ApiResponse response = play("m_alan", id, chanceBody(listed->commitment.commitment));
    ASSERT_EQ(response.status, 201) << response.body;
    const auto receipt = kindred::parsePlayReceipt(response.body, listed->kind);
    ASSERT_TRUE(receipt.ok()) << receipt.error().message();
    EXPECT_EQ(kindred::verifyReceipt(intent, receipt.value()), kindred::FairnessCheck::Verified)
        << id;
  }
}

TEST_F(PlayGameTest, HostileLabelsAreStoredAndReturnedVerbatim) {
  const std::string hostile = "<img src=x onerror=alert(1)> \"quoted\" \\ 💥 \u202e";
  addGame("hostile", {{"h", hostile, 7, 1}});
  const ordered_json listed = game("m_alan", "hostile");
  EXPECT_EQ(listed["prizes"][0]["label"], hostile);
  const ApiResponse response = spin("m_alan", "hostile");
  ASSERT_EQ(response.status, 201);
  EXPECT_EQ(parsed(response)["play"]["prize"]["label"], hostile);
  EXPECT_EQ(count("SELECT COUNT(*) FROM ledger WHERE description = 'Sure win: ' ||"
                  " (SELECT label FROM game_prizes WHERE game_id = 'hostile')"),
            1);
}

}  // namespace
