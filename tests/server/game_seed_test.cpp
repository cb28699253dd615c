// Schema version 3 and what seeding puts in it: the games from games.json
// (checked field by field, labels kept verbatim), each member's time zone,
// and check-in days counted from the member's own local day. A version-2
// database is brought forward keeping its ledger, ids and counter included.

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "check_ins.hpp"
#include "game_catalog.hpp"
#include "game_listing.hpp"
#include "ledger.hpp"
#include "member_record.hpp"
#include "scratch_database.hpp"
#include "seed_reader.hpp"

namespace {

using scratch::kSeedDay;
using scratch::queryInt;

class GameSeedTest : public scratch::ScratchDatabaseTest {};

TEST_F(GameSeedTest, SeedsTheFiveDemoGamesInFileOrder) {
  Database db = openSeeded();
  const std::vector<GameRecord> games = listGames(db);
  ASSERT_EQ(games.size(), 5u);
  using kindred::GameKind;
  const std::vector<std::pair<std::string, GameKind>> expected = {
      {"spin-wheel", GameKind::Wheel},
      {"scratch-card", GameKind::Scratch},
      {"memory-match", GameKind::Memory},
      {"daily-quiz", GameKind::Quiz},
      {"daily-check-in", GameKind::CheckIn}};
  for (std::size_t i = 0; i < games.size(); ++i) {
    EXPECT_EQ(games[i].id, expected[i].first);
    EXPECT_EQ(games[i].kind, expected[i].second);
    EXPECT_EQ(games[i].position, static_cast<std::int64_t>(i));
  }
  const GameRecord& wheel = games[0];
  EXPECT_EQ(wheel.cost, 0);
  EXPECT_EQ(wheel.playsPerDay, 3);
  ASSERT_EQ(wheel.prizes.size(), 8u);
  EXPECT_EQ(wheel.prizes[3].label, "Free shipping");
  EXPECT_EQ(wheel.prizes[3].points, 0);
  EXPECT_EQ(wheel.prizes[7].label, "Better luck next time");
  EXPECT_EQ(games[1].cost, 20);
  EXPECT_EQ(games[1].playsPerDay, 2);
  EXPECT_EQ(games[1].prizes.size(), 5u);
  EXPECT_EQ(games[2].pairs, 6);
  EXPECT_EQ(games[2].playsPerDay, 1);
  const GameRecord& quiz = games[3];
  EXPECT_EQ(quiz.pointsPerCorrect, 10);
  ASSERT_EQ(quiz.questions.size(), 4u);
  for (const GameQuestion& q : quiz.questions) {
    EXPECT_GE(q.question.options.size(), 3u);
    EXPECT_LE(q.question.options.size(), 4u);
    EXPECT_LT(q.correctOption, static_cast<int>(q.question.options.size()));
    EXPECT_EQ(q.question.timeLimitSeconds, 20);
  }
  const GameRecord& checkIn = games[4];
  EXPECT_EQ(checkIn.pointsPerCheckIn, 5);
  ASSERT_EQ(checkIn.streakRewards.size(), 2u);
  EXPECT_EQ(checkIn.streakRewards[0].day, 3);
  EXPECT_EQ(checkIn.streakRewards[0].points, 20);
  EXPECT_EQ(checkIn.streakRewards[1].day, 7);
  EXPECT_EQ(checkIn.streakRewards[1].points, 100);
}

TEST_F(GameSeedTest, SeedsTimeZonesAndCheckInsFromEachMembersLocalDay) {
  Database db = openSeeded();
  EXPECT_EQ(loadMember(db, "m_grace", kSeedDay)->timeZone, "America/New_York");
  EXPECT_EQ(loadMember(db, "m_ada", kSeedDay)->timeZone, "Europe/London");
  EXPECT_EQ(loadMember(db, "m_katherine", kSeedDay)->timeZone, "Asia/Tokyo");
  EXPECT_EQ(loadMember(db, "m_alan", kSeedDay)->timeZone, "America/Los_Angeles");
  const auto ada = loadCheckIns(db, "m_ada");
  ASSERT_EQ(ada.size(), 2u);
  EXPECT_EQ(ada[0].toString(), "2026-02-27");
  EXPECT_EQ(ada[1].toString(), "2026-02-28");
  EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM check_ins"), 2);

  // Seeded at 23:30 UTC, "yesterday" is 1 March in Tokyo but 28 February in UTC.
  const auto seed = seedDirWith("members.json", R"({"members":[
      {"id":"tokyo","name":"T","points":0,"pendingPoints":0,"lifetimePoints":0,
       "qualifyingPoints":0,"timeZone":"Asia/Tokyo","checkIns":[{"inDays":-1},{"inDays":0}]},
      {"id":"plain","name":"P","points":0,"pendingPoints":0,"lifetimePoints":0,
       "qualifyingPoints":0,"checkIns":[{"inDays":-1}]}]})");
  Database late = openMigrated("late.sqlite3");
  const std::int64_t lateEvening = (kSeedDay.daysSinceEpoch() + 1) * 86400 - 1800;
  ASSERT_TRUE(seedIfEmptyAt(late, seed, lateEvening));
  const auto tokyo = loadCheckIns(late, "tokyo");
  ASSERT_EQ(tokyo.size(), 2u);
  EXPECT_EQ(tokyo[0].toString(), "2026-03-01");
  EXPECT_EQ(tokyo[1].toString(), "2026-03-02");
  EXPECT_EQ(loadMember(late, "plain", kSeedDay)->timeZone, "UTC");  // the default
  EXPECT_EQ(loadCheckIns(late, "plain")[0].toString(), "2026-02-28");
}

TEST_F(GameSeedTest, LabelsAndTextsAreStoredVerbatim) {
  const std::string hostile = R"(<script>alert("x")</script> \u0000 ' OR 1=1; -- 𝕏 ")";
  nlohmann::json games = {
      {"games",
       {{{"id", "hostile"},
         {"kind", "scratch"},
         {"title", hostile},
         {"description", hostile},
         {"cost", 0},
         {"playsPerDay", 1},
         {"prizes", {{{"id", hostile}, {"label", hostile}, {"points", 1}, {"weight", 1}}}}}}}};
  const auto seed = seedDirWith("games.json", games.dump());
  Database db = openMigrated();
  ASSERT_TRUE(seedIfEmpty(db, seed, kSeedDay));
  const GameRecord game = *loadGame(db, "hostile");
  EXPECT_EQ(game.title, hostile);
  EXPECT_EQ(game.prizes[0].id, hostile);
  EXPECT_EQ(game.prizes[0].label, hostile);
  const auto listed = gamesJson(db, "m_ada", scratch::noonAfter(0));
  EXPECT_EQ(listed["games"][0]["prizes"][0]["label"], hostile);
  EXPECT_EQ(listed["games"][0]["title"], hostile);
}

TEST_F(GameSeedTest, NamesTheGamesFieldThatIsWrong) {
  const std::string wheel =
      R"("id":"w","kind":"wheel","title":"W","description":"d","cost":0,"playsPerDay":1)";
  const std::string prize = R"({"id":"p","label":"P","points":1,"weight":1})";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"games":[{)" + wheel + R"(}]})", "games.json: games[0].prizes is required"},
      {R"({"games":[{)" + wheel + R"(,"prizes":[]}]})",
       "games.json: games[0].prizes must hold 1 to 64 prizes"},
      {R"({"games":[{)" + wheel + R"(,"prizes":[{"id":"p","label":"P","points":1,"weight":0}]}]})",
       "games.json: games[0].prizes weights must add up to 1..2^31"},
      {R"({"games":[{)" + wheel +
           R"(,"prizes":[{"id":"p","label":"P","points":1,"weight":2147483648},)"
           R"({"id":"q","label":"Q","points":1,"weight":1}]}]})",
       "games.json: games[0].prizes weights must add up to 1..2^31"},
      {R"({"games":[{)" + wheel + R"(,"prizes":[)" + prize + "," + prize + R"(]}]})",
       R"(games.json: games[0].prizes[1].id repeats "p")"},
      {R"({"games":[{)" + wheel + R"(,"prizes":[{"id":"p","label":"P","points":-1,"weight":1}]}]})",
       "games.json: games[0].prizes[0].points must be between 0 and 9007199254740991"},
      {R"({"games":[{)" + wheel +
           R"(,"prizes":[{"id":"p","label":"P","points":1,"weight":1,"nonPoints":true}]}]})",
       "games.json: games[0].prizes[0].nonPoints is only for prizes of 0 points"},
      {R"({"games":[{)" + wheel +
           R"(,"prizes":[{"id":"p","label":"P","points":0,"weight":1,"nonPoints":"yes"}]}]})",
       "games.json: games[0].prizes[0].nonPoints must be true or false"},
      {R"({"games":[{)" + wheel + R"(,"prizes":[)" + prize + R"(],"pairs":6}]})",
       "games.json: games[0].pairs is only for memory games"},
      {R"({"games":[{"id":"Spin Wheel","kind":"wheel","title":"W","description":"d","cost":0,)"
       R"("playsPerDay":1,"prizes":[)" +
           prize + R"(]}]})",
       "games.json: games[0].id must be lower-case words joined by hyphens"},
      {R"({"games":[{"id":"w","kind":"slots","title":"W","description":"d","cost":0,)"
       R"("playsPerDay":1}]})",
       "games.json: games[0].kind must be wheel, scratch, memory, quiz or checkin"},
      {R"({"games":[{"id":"m","kind":"memory","title":"M","description":"d","cost":0,)"
       R"("playsPerDay":1,"pairs":13,"prizes":[)" +
           prize + R"(]}]})",
       "games.json: games[0].pairs must be between 2 and 12"},
      {R"({"games":[{"id":"q","kind":"quiz","title":"Q","description":"d","cost":0,)"
       R"("playsPerDay":1,"pointsPerCorrect":10,"questions":[{"id":"a","text":"?",)"
       R"("options":["x","y"],"correctOption":2,"timeLimitSeconds":20}]}]})",
       "games.json: games[0].questions[0].correctOption must be between 0 and 1"},
      {R"({"games":[{"id":"q","kind":"quiz","title":"Q","description":"d","cost":0,)"
       R"("playsPerDay":1,"pointsPerCorrect":10,"questions":[{"id":"a","text":"?",)"
       R"("options":["x"],"correctOption":0,"timeLimitSeconds":20}]}]})",
       "games.json: games[0].questions[0].options must hold 2 to 10 options"},
      {R"({"games":[{"id":"q","kind":"quiz","title":"Q","description":"d","cost":0,)"
       R"("playsPerDay":1,"pointsPerCorrect":10,"questions":[{"id":"a","text":"?",)"
       R"("options":["x","y"],"correctOption":0,"timeLimitSeconds":2}]}]})",
       "games.json: games[0].questions[0].timeLimitSeconds must be between 5 and 3600"},
      {R"({"games":[{"id":"c","kind":"checkin","title":"C","description":"d","cost":0,)"
       R"("playsPerDay":2,"pointsPerCheckIn":5}]})",
       "games.json: games[0].playsPerDay must be 1 for a checkin game"},
      {R"({"games":[{"id":"c","kind":"checkin","title":"C","description":"d","cost":0,)"
       R"("playsPerDay":1,"pointsPerCheckIn":5,"streakRewards":[{"day":3,"points":1,"label":"a"},)"
       R"({"day":3,"points":2,"label":"b"}]}]})",
       "games.json: games[0].streakRewards[1].day repeats 3"},
      {R"({"games":[{"id":"c","kind":"checkin","title":"C","description":"d","cost":0,)"
       R"("playsPerDay":1,"pointsPerCheckIn":5,"prizes":[]}]})",
       "games.json: games[0].prizes is only for wheel, scratch and memory games"},
      {R"({"games":[{)" + wheel + R"(,"prizes":[)" + prize + R"(]},{)" + wheel + R"(,"prizes":[)" +
           prize + R"(]}]})",
       R"(games.json: games[1].id repeats "w")"},
  };
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const auto seed = seedDirWith("games.json", cases[i].first);
    Database db = openMigrated("bad-" + std::to_string(i) + ".db");
    try {
      seedIfEmpty(db, seed, kSeedDay);
      ADD_FAILURE() << "expected a SeedError for " << cases[i].first;
    } catch (const SeedError& e) {
      EXPECT_EQ(std::string(e.what()), cases[i].second);
    }
    EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM games"), 0);  // one transaction, rolled back
    EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM members"), 0);
  }
}

TEST_F(GameSeedTest, RefusesAnUnknownTimeZoneOrARepeatedCheckIn) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"("timeZone":"Mars/Olympus_Mons")",
       R"(members.json: members[0].timeZone names no time zone in /usr/share/zoneinfo: "Mars/Olympus_Mons")"},
      {R"("timeZone":"../../etc/passwd")",
       R"(members.json: members[0].timeZone names no time zone in /usr/share/zoneinfo: "../../etc/passwd")"},
      {R"("checkIns":[{"inDays":-1},{"inDays":-1}])",
       "members.json: members[0].checkIns[1].inDays repeats -1"},
      {R"("checkIns":[{"inDays":1}])",
       "members.json: members[0].checkIns[0].inDays must be between -36500 and 0"},
  };
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const auto seed = seedDirWith(
        "members.json", R"({"members":[{"id":"a","name":"A","points":1,"pendingPoints":0,)"
                        R"("lifetimePoints":1,"qualifyingPoints":1,)" +
                            cases[i].first + "}]}");
    Database db = openMigrated("bad-member-" + std::to_string(i) + ".db");
    try {
      seedIfEmpty(db, seed, kSeedDay);
      ADD_FAILURE() << "expected a SeedError for " << cases[i].first;
    } catch (const SeedError& e) {
      EXPECT_EQ(std::string(e.what()), cases[i].second);
    }
    EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM members"), 0);
  }
}

TEST_F(GameSeedTest, MigratesAVersionTwoDatabaseKeepingTheLedgerItsIdsAndItsCounter) {
  {
    Database db = Database::open(pathOf("old.sqlite3"), /*create=*/true);
    migrateSchema(db, 2);
    ASSERT_EQ(schemaVersion(db), 2);
    db.prepare("INSERT INTO program (singleton, document) VALUES (1, ?1)")
        .bind(1, readSeedFile(std::string(KINDRED_SEED_DIR) + "/program.json"))
        .run();
    db.prepare(
          "INSERT INTO members (position, id, name, points, pending_points, lifetime_points,"
          " qualifying_points) VALUES (0, 'm_old', 'Old', 777, 0, 900, 800)")
        .run();
    // A version-2 ledger refuses the new kinds.
    EXPECT_THROW(appendLedgerEntry(db, "m_old",
                                   {0, "check_in", 5, "Check-in", {}, "2026-01-01T00:00:00Z", {}}),
                 DatabaseError);
    for (int i = 1; i <= 4; ++i) {
      appendLedgerEntry(db, "m_old",
                        {0,
                         "earn",
                         100 * i,
                         "Order #" + std::to_string(i),
                         "ref-" + std::to_string(i),
                         "2026-01-0" + std::to_string(i) + "T12:00:00Z",
                         {}});
    }
    // The newest entry goes (as with a deleted member): its id must never come back.
    db.prepare("DELETE FROM ledger WHERE id = 4").run();
  }
  Database db = Database::open(pathOf("old.sqlite3"));
  migrateSchema(db);
  EXPECT_EQ(schemaVersion(db), kSchemaVersion);

  const std::vector<LedgerEntry> kept = listLedger(db, "m_old", std::nullopt, 10);
  ASSERT_EQ(kept.size(), 3u);
  for (std::size_t i = 0; i < kept.size(); ++i) {
    const int n = 3 - static_cast<int>(i);
    EXPECT_EQ(kept[i].id, n);
    EXPECT_EQ(kept[i].kind, "earn");
    EXPECT_EQ(kept[i].points, 100 * n);
    EXPECT_EQ(kept[i].description, "Order #" + std::to_string(n));
    EXPECT_EQ(kept[i].reference, "ref-" + std::to_string(n));
    EXPECT_EQ(kept[i].createdAt, "2026-01-0" + std::to_string(n) + "T12:00:00Z");
  }
  // The new kinds are accepted, ids carry on after the deleted one, nonsense is still refused.
  EXPECT_EQ(appendLedgerEntry(db, "m_old",
                              {0, "check_in", 5, "Check-in", {}, "2026-02-01T00:00:00Z", {}}),
            5);
  EXPECT_EQ(appendLedgerEntry(db, "m_old",
                              {0, "game_play", -20, "Played", {}, "2026-02-01T00:00:00Z", {}}),
            6);
  EXPECT_THROW(appendLedgerEntry(db, "m_old", {0, "bonus", 5, "?", {}, "2026-02-01T00:00:00Z", {}}),
               DatabaseError);
  EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM sqlite_sequence WHERE name = 'ledger'"), 1);
  EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'ledger_v3%'"), 0);
  EXPECT_EQ(queryInt(db,
                     "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND"
                     " name = 'ledger_by_member' AND tbl_name = 'ledger'"),
            1);
  // Existing members count their days in UTC until told otherwise.
  EXPECT_EQ(loadMember(db, "m_old", kSeedDay)->timeZone, "UTC");
  EXPECT_EQ(loadMember(db, "m_old", kSeedDay)->points, 777);
  EXPECT_EQ(queryInt(db, "PRAGMA foreign_key_check"), -1);  // no rows: no violations

  // The next start seeds what is missing: the catalog and the games, not the members.
  EXPECT_TRUE(seedIfEmpty(db, KINDRED_SEED_DIR, kSeedDay));
  EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM members"), 1);
  EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM games"), 5);
  EXPECT_FALSE(seedIfEmpty(db, KINDRED_SEED_DIR, kSeedDay));
}

TEST_F(GameSeedTest, AFreshDatabaseGoesThroughEveryVersion) {
  Database db = openMigrated();
  EXPECT_EQ(schemaVersion(db), 6);
  for (const char* table : {"games",
                            "game_prizes",
                            "game_questions",
                            "game_streak_rewards",
                            "game_seeds",
                            "plays",
                            "check_ins",
                            "ledger",
                            "event_types",
                            "events",
                            "moment_settings",
                            "moment_incentives",
                            "birthday_offers",
                            "surprises",
                            "engagement_settings",
                            "experiences",
                            "experience_signups",
                            "previews",
                            "challenges",
                            "badges"}) {
    Statement query =
        db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?1");
    ASSERT_TRUE(query.bind(1, std::string_view(table)).step());
    EXPECT_EQ(query.int64(0), 1) << table;
  }
}

}  // namespace
