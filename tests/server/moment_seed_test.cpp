// Schema version 5 and what seeding puts in it for micro-moments: the
// program's configuration from moments.json (checked field by field, every
// refusal naming the field), each member's birth month and surprises from
// members.json, and a version-4 database brought forward with its data, its
// ledger ids and its counter.

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "kindred/moments.hpp"
#include "ledger.hpp"
#include "member_record.hpp"
#include "moment_config.hpp"
#include "moments_listing.hpp"
#include "scratch_database.hpp"
#include "seed_reader.hpp"
#include "stored_program.hpp"
#include "surprise_record.hpp"

namespace {

using scratch::dayAfter;
using scratch::kSeedDay;
using scratch::noonAfter;
using scratch::queryInt;

class MomentSeedTest : public scratch::ScratchDatabaseTest {};

// A members.json of one member with `fields` added.
std::string oneMember(const std::string& fields) {
  return R"({"members":[{"id":"a","name":"A","points":1,"pendingPoints":0,)"
         R"("lifetimePoints":1,"qualifyingPoints":1)" +
         (fields.empty() ? "" : "," + fields) + "}]}";
}

// GET /v1/moments for the member at noon (UTC) on the seed day.
nlohmann::ordered_json momentsOf(Database& db, const std::string& memberId) {
  return momentsJson(db, loadStoredProgram(db).program, memberId, noonAfter(0));
}

std::optional<std::int64_t> birthMonthOf(Database& db, const std::string& memberId) {
  Statement query = db.prepare("SELECT birth_month FROM members WHERE id = ?1");
  return query.bind(1, memberId).step() ? query.optionalInt64(0) : std::nullopt;
}

TEST_F(MomentSeedTest, SeedsTheDemoConfiguration) {
  Database db = openSeeded();
  const MomentConfig config = loadMomentConfig(db);
  ASSERT_EQ(config.incentives.size(), 3u);
  const std::vector<std::pair<std::string, std::int64_t>> incentives = {
      {"reward-10", 500}, {"reward-25", 1000}, {"reward-60", 2500}};
  for (std::size_t i = 0; i < incentives.size(); ++i) {
    EXPECT_EQ(config.incentives[i].id, incentives[i].first);
    EXPECT_EQ(config.incentives[i].points, incentives[i].second);
  }
  EXPECT_EQ(config.incentives[0].label, "$10 reward");
  std::vector<std::string> tiers;
  for (const BirthdayOffer& offer : config.birthdayOffers) {
    tiers.push_back(offer.tierId);
    EXPECT_FALSE(offer.title.empty());
    EXPECT_FALSE(offer.description.empty());
  }
  // One for every tier of the demo program, in the file's order.
  EXPECT_EQ(tiers, (std::vector<std::string>{"explorer", "trailblazer", "summit", "peak"}));
  EXPECT_EQ(config.expiryReminderDays, 30);
}

TEST_F(MomentSeedTest, SeedsEachDemoMomentForSomeMember) {
  Database db = openSeeded();
  // Ada's birthday is this month on her calendar (London, 12:00 UTC on 1 March).
  EXPECT_EQ(birthMonthOf(db, "m_ada"), 3);
  for (const char* id : {"m_grace", "m_katherine", "m_alan"}) {
    EXPECT_EQ(birthMonthOf(db, id), std::nullopt) << id;
  }

  // Grace's surprise: three days before seeding, dated on her New York calendar.
  const std::vector<SurpriseRecord> surprises =
      listUnacknowledgedSurprises(db, "m_grace", kSurprisesListed);
  ASSERT_EQ(surprises.size(), 1u);
  EXPECT_EQ(surprises[0].id, "sg_01");
  EXPECT_EQ(surprises[0].points, 50);
  EXPECT_EQ(surprises[0].message, "A thank-you for being with us");
  EXPECT_EQ(surprises[0].grantedOn, dayAfter(-3));  // 07:00 in New York
  EXPECT_EQ(surprises[0].grantedAt, dayAfter(-3) + "T12:00:00Z");
  for (const char* id : {"m_ada", "m_katherine", "m_alan"}) {
    EXPECT_TRUE(listUnacknowledgedSurprises(db, id, kSurprisesListed).empty()) << id;
  }

  // Its ledger entry sits among her activity by date; her balance is as
  // members.json says (the surprise is already in it).
  const std::vector<LedgerEntry> ledger = listLedger(db, "m_grace", std::nullopt, 10);
  ASSERT_EQ(ledger.size(), 4u);
  EXPECT_EQ(ledger[0].kind, "surprise");
  EXPECT_EQ(ledger[0].points, 50);
  EXPECT_EQ(ledger[0].description, "Surprise: A thank-you for being with us");
  EXPECT_EQ(ledger[0].reference, "sg_01");
  EXPECT_EQ(ledger[0].createdAt, dayAfter(-3) + "T12:00:00Z");
  EXPECT_EQ(ledger[1].createdAt, dayAfter(-12) + "T12:00:00Z");
  const auto grace = loadMember(db, "m_grace", kSeedDay);
  EXPECT_EQ(grace->points, 340);
  EXPECT_EQ(grace->lifetimePoints, 340);
  EXPECT_EQ(loadMember(db, "m_ada", kSeedDay)->points, 1240);

  // Grace is below the first incentive; her 40 points expiring in 5 days
  // are within the reminder lead.
  const MomentConfig config = loadMomentConfig(db);
  EXPECT_LT(grace->points, config.incentives[0].points);
  ASSERT_EQ(grace->expiring.size(), 1u);
  EXPECT_EQ(grace->expiring[0].date, dayAfter(5));
  EXPECT_LE(5, config.expiryReminderDays);
}

TEST_F(MomentSeedTest, WhatTheBackendSendsIsWhatTheWidgetsCoreAccepts) {
  Database db = openSeeded();
  for (const char* id : {"m_grace", "m_ada", "m_katherine", "m_alan"}) {
    const std::string document = momentsOf(db, id).dump();
    const kindred::Result<kindred::Moments> parsed = kindred::parseMoments(document);
    ASSERT_TRUE(parsed.ok()) << id << ": " << parsed.error().message() << "\n" << document;
  }
  const kindred::Moments ada = kindred::parseMoments(momentsOf(db, "m_ada").dump()).value();
  EXPECT_EQ(ada.birthMonth, 3);
  EXPECT_EQ(ada.incentives.size(), 3u);
  EXPECT_EQ(ada.birthdayOffers.size(), 4u);
  const kindred::Moments grace = kindred::parseMoments(momentsOf(db, "m_grace").dump()).value();
  ASSERT_EQ(grace.surprises.size(), 1u);
  EXPECT_EQ(grace.surprises[0].date.toString(), dayAfter(-3));
}

TEST_F(MomentSeedTest, ASeedDirectoryWithoutTheFileSeedsNoneAndTheDefaultsAreSent) {
  const auto seed = seedDirWith("moments.json", "");
  std::filesystem::remove(seed / "moments.json");
  Database db = openMigrated();
  EXPECT_TRUE(seedIfEmpty(db, seed, kSeedDay));  // the members, at least
  EXPECT_FALSE(hasMomentConfig(db));
  using nlohmann::ordered_json;
  // Without the file, the later moments are empty too; Ada's year so far is
  // her ledger's (two purchases, one of which took her to Trailblazer).
  EXPECT_EQ(momentsOf(db, "m_ada"),
            (ordered_json{
                {"incentives", ordered_json::array()},
                {"surprises", ordered_json::array()},
                {"birthMonth", 3},
                {"birthdayOffers", ordered_json::array()},
                {"expiryReminderDays", 30},
                {"dismissed", ordered_json::array()},
                {"impact", nullptr},
                {"experiences", ordered_json::array()},
                {"previews", ordered_json::array()},
                {"challenges", ordered_json::array()},
                {"badges", ordered_json::array()},
                {"yearInReview",
                 {{"year", 2026},
                  {"pointsEarned", 650 + 420},
                  {"rewardsRedeemed", 0},
                  {"gamesWon", 0},
                  {"badges", 0},
                  {"impactUnits", nullptr},
                  {"tierJourney", {{{"tierId", "trailblazer"}, {"reachedOn", dayAfter(-52)}}}}}}}));
  // The file is looked for again at the next start, and seeded once it is
  // there (with the event types its challenges count).
  for (const char* file : {"moments.json", "event_types.json"}) {
    std::filesystem::copy_file(std::filesystem::path(KINDRED_SEED_DIR) / file, seed / file);
  }
  EXPECT_TRUE(seedIfEmpty(db, seed, kSeedDay));
  EXPECT_EQ(loadMomentConfig(db).incentives.size(), 3u);
  EXPECT_FALSE(seedIfEmpty(db, seed, kSeedDay));
}

TEST_F(MomentSeedTest, MemberFacingTextIsAnyCharactersCountedAsPeopleCountThem) {
  std::string waves;
  for (int i = 0; i < 120; ++i) waves += "\xf0\x9f\x91\x8b";  // 👋, four bytes each
  const std::string hostile = "<img src=x onerror=alert(1)>\"'\\\n\xe2\x80\xae\xc3\xa9";
  const nlohmann::json file = {
      {"incentives", {{{"id", "A_b-9"}, {"points", 1}, {"label", waves}}}},
      {"birthdayOffers",
       {{{"tierId", "peak"}, {"title", hostile}, {"description", std::string(240, 'd')}}}},
      {"expiryReminderDays", 365},
  };
  const auto seed = seedDirWith("moments.json", file.dump());
  // The demo members' badges and sign-ups name what this file lacks.
  std::ofstream(seed / "members.json") << oneMember("");
  Database db = openMigrated();
  ASSERT_TRUE(seedIfEmpty(db, seed, kSeedDay));
  const MomentConfig config = loadMomentConfig(db);
  EXPECT_EQ(config.incentives[0].label, waves);
  EXPECT_EQ(config.birthdayOffers[0].title, hostile);
  EXPECT_EQ(config.expiryReminderDays, 365);
}

TEST_F(MomentSeedTest, RefusesABadMomentsFileNamingTheField) {
  const std::string offers = R"("birthdayOffers":[],"expiryReminderDays":30)";
  const std::string incentives = R"("incentives":[],)";
  std::string manyIncentives;
  for (int i = 1; i <= 51; ++i) {
    manyIncentives += std::string(i > 1 ? "," : "") + R"({"id":"i)" + std::to_string(i) +
                      R"(","points":)" + std::to_string(i) + R"(,"label":"L"})";
  }
  const auto incentive = [&](const std::string& fields) {
    return R"({"incentives":[{)" + fields + "}]," + offers + "}";
  };
  const auto offer = [&](const std::string& fields) {
    return "{" + incentives + R"("birthdayOffers":[{)" + fields + R"(}],"expiryReminderDays":30})";
  };
  const std::string longLabel(121, 'x');
  const std::string longDescription(241, 'x');
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"not json", "moments.json: is not valid JSON"},
      {"[]", "moments.json: expected an object"},
      {"{" + offers + "}", "moments.json: incentives is required"},
      {R"({"incentives":{},)" + offers + "}", "moments.json: incentives must be an array"},
      {R"({"incentives":[)" + manyIncentives + "]," + offers + "}",
       "moments.json: incentives must hold at most 50 incentives"},
      {R"({"incentives":[7],)" + offers + "}", "moments.json: incentives[0] must be an object"},
      {incentive(R"("points":500,"label":"L")"), "moments.json: incentives[0].id is required"},
      {incentive(R"("id":"","points":500,"label":"L")"),
       "moments.json: incentives[0].id must be a non-empty string"},
      {incentive(R"("id":"reward 10","points":500,"label":"L")"),
       "moments.json: incentives[0].id must be 1 to 64 letters, digits, '_' and '-'"},
      {incentive(R"("id":")" + std::string(65, 'a') + R"(","points":500,"label":"L")"),
       "moments.json: incentives[0].id must be 1 to 64 letters, digits, '_' and '-'"},
      {incentive(R"("id":"r:10","points":500,"label":"L")"),
       "moments.json: incentives[0].id must be 1 to 64 letters, digits, '_' and '-'"},
      {R"({"incentives":[{"id":"a","points":5,"label":"L"},{"id":"a","points":6,"label":"L"}],)" +
           offers + "}",
       R"(moments.json: incentives[1].id repeats "a")"},
      {incentive(R"("id":"a","label":"L")"), "moments.json: incentives[0].points is required"},
      {incentive(R"("id":"a","points":0,"label":"L")"),
       "moments.json: incentives[0].points must be between 1 and 9007199254740991"},
      {incentive(R"("id":"a","points":9007199254740992,"label":"L")"),
       "moments.json: incentives[0].points must be between 1 and 9007199254740991"},
      {incentive(R"("id":"a","points":2.5,"label":"L")"),
       "moments.json: incentives[0].points must be an integer"},
      {R"({"incentives":[{"id":"a","points":5,"label":"L"},{"id":"b","points":5,"label":"L"}],)" +
           offers + "}",
       "moments.json: incentives[1].points repeats 5"},
      {incentive(R"("id":"a","points":5)"), "moments.json: incentives[0].label is required"},
      {incentive(R"("id":"a","points":5,"label":"")"),
       "moments.json: incentives[0].label must be a string of 1 to 120 characters"},
      {incentive(R"("id":"a","points":5,"label":["L"])"),
       "moments.json: incentives[0].label must be a string of 1 to 120 characters"},
      {incentive(R"("id":"a","points":5,"label":")" + longLabel + R"(")"),
       "moments.json: incentives[0].label must be a string of 1 to 120 characters, not 121"},
      {"{" + incentives + R"("expiryReminderDays":30})",
       "moments.json: birthdayOffers is required"},
      {"{" + incentives + R"("birthdayOffers":"none","expiryReminderDays":30})",
       "moments.json: birthdayOffers must be an array"},
      {offer(R"("title":"T","description":"D")"),
       "moments.json: birthdayOffers[0].tierId is required"},
      {offer(R"("tierId":"gold","title":"T","description":"D")"),
       R"(moments.json: birthdayOffers[0].tierId names no tier of the program: "gold")"},
      {offer(R"("tierId":"Explorer","title":"T","description":"D")"),
       R"(moments.json: birthdayOffers[0].tierId names no tier of the program: "Explorer")"},
      {offer(R"("tierId":"explorer","title":"T","description":"D"},)"
             R"({"tierId":"explorer","title":"U","description":"E")"),
       R"(moments.json: birthdayOffers[1].tierId repeats "explorer")"},
      {offer(R"("tierId":"explorer","description":"D")"),
       "moments.json: birthdayOffers[0].title is required"},
      {offer(R"("tierId":"explorer","title":")" + longLabel + R"(","description":"D")"),
       "moments.json: birthdayOffers[0].title must be a string of 1 to 120 characters, not 121"},
      {offer(R"("tierId":"explorer","title":"T")"),
       "moments.json: birthdayOffers[0].description is required"},
      {offer(R"("tierId":"explorer","title":"T","description":"")"),
       "moments.json: birthdayOffers[0].description must be a string of 1 to 240 characters"},
      {offer(R"("tierId":"explorer","title":"T","description":")" + longDescription + R"(")"),
       "moments.json: birthdayOffers[0].description must be a string of 1 to 240 characters, "
       "not 241"},
      {"{" + incentives + R"("birthdayOffers":[]})",
       "moments.json: expiryReminderDays is required"},
      {"{" + incentives + R"("birthdayOffers":[],"expiryReminderDays":0})",
       "moments.json: expiryReminderDays must be between 1 and 365"},
      {"{" + incentives + R"("birthdayOffers":[],"expiryReminderDays":366})",
       "moments.json: expiryReminderDays must be between 1 and 365"},
      {"{" + incentives + R"("birthdayOffers":[],"expiryReminderDays":"30"})",
       "moments.json: expiryReminderDays must be an integer"},
      {"{" + incentives + R"("birthdayOffers":[],"expiryReminderDays":null})",
       "moments.json: expiryReminderDays must be an integer"},
  };
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const auto seed = seedDirWith("moments.json", cases[i].first);
    Database db = openMigrated("bad-moments-" + std::to_string(i) + ".db");
    try {
      seedIfEmpty(db, seed, kSeedDay);
      ADD_FAILURE() << "expected a SeedError for " << cases[i].first;
    } catch (const SeedError& e) {
      EXPECT_EQ(std::string(e.what()), cases[i].second);
    }
    // One transaction: nothing of the seed is left.
    EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM members"), 0);
    EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM moment_settings"), 0);
    EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM moment_incentives"), 0);
  }
}

TEST_F(MomentSeedTest, RefusesABadBirthMonthOrSurpriseNamingTheField) {
  const auto surprise = [](const std::string& fields) {
    return R"("surprises":[{)" + fields + "}]";
  };
  const std::string longMessage(121, 'm');
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"("birthMonthFromNow":12)",
       "members.json: members[0].birthMonthFromNow must be between -11 and 11"},
      {R"("birthMonthFromNow":-12)",
       "members.json: members[0].birthMonthFromNow must be between -11 and 11"},
      {R"("birthMonthFromNow":"0")",
       "members.json: members[0].birthMonthFromNow must be an integer"},
      {R"("surprises":{})", "members.json: members[0].surprises must be an array"},
      {surprise(R"("points":5,"message":"M","grantedInDays":0)"),
       "members.json: members[0].surprises[0].id is required"},
      {surprise(R"("id":"s 1","points":5,"message":"M","grantedInDays":0)"),
       "members.json: members[0].surprises[0].id must be 1 to 64 letters, digits, '_' and '-'"},
      {R"("surprises":[{"id":"s","points":5,"message":"M","grantedInDays":0},)"
       R"({"id":"s","points":6,"message":"N","grantedInDays":-1}])",
       R"(members.json: members[0].surprises[1].id repeats "s")"},
      {surprise(R"("id":"s","points":0,"message":"M","grantedInDays":0)"),
       "members.json: members[0].surprises[0].points must be between 1 and 1000000"},
      {surprise(R"("id":"s","points":1000001,"message":"M","grantedInDays":0)"),
       "members.json: members[0].surprises[0].points must be between 1 and 1000000"},
      {surprise(R"("id":"s","points":5,"grantedInDays":0)"),
       "members.json: members[0].surprises[0].message is required"},
      {surprise(R"("id":"s","points":5,"message":"","grantedInDays":0)"),
       "members.json: members[0].surprises[0].message must be a string of 1 to 120 characters"},
      {surprise(R"("id":"s","points":5,"message":")" + longMessage + R"(","grantedInDays":0)"),
       "members.json: members[0].surprises[0].message must be a string of 1 to 120 characters, "
       "not 121"},
      {surprise(R"("id":"s","points":5,"message":"M")"),
       "members.json: members[0].surprises[0].grantedInDays is required"},
      {surprise(R"("id":"s","points":5,"message":"M","grantedInDays":1)"),
       "members.json: members[0].surprises[0].grantedInDays must be between -36500 and 0"},
      // A surprise's entry comes with the surprise, never alone.
      {R"("activity":[{"kind":"surprise","points":5,"description":"D","inDays":-1}])",
       "members.json: members[0].activity[0].kind must be earn, redemption, game_play, "
       "game_prize, check_in, expiration or adjustment"},
  };
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const auto seed = seedDirWith("members.json", oneMember(cases[i].first));
    Database db = openMigrated("bad-member-" + std::to_string(i) + ".db");
    try {
      seedIfEmpty(db, seed, kSeedDay);
      ADD_FAILURE() << "expected a SeedError for " << cases[i].first;
    } catch (const SeedError& e) {
      EXPECT_EQ(std::string(e.what()), cases[i].second);
    }
    EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM members"), 0);
    EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM surprises"), 0);
  }
}

TEST_F(MomentSeedTest, TheBirthMonthCountsFromTheMembersOwnCalendar) {
  const auto seededMonth = [&](const std::string& zone, int fromNow, std::int64_t nowUnix,
                               const std::string& name) {
    const auto seed = seedDirWith("members.json",
                                  oneMember(R"("timeZone":")" + zone + R"(","birthMonthFromNow":)" +
                                            std::to_string(fromNow)));
    Database db = openMigrated(name);
    EXPECT_TRUE(seedIfEmptyAt(db, seed, nowUnix));
    return birthMonthOf(db, "a");
  };
  // 20:00 UTC on 28 February is already 1 March in Tokyo, not in New York.
  const std::int64_t lateFebruary = noonAfter(-1) + 8 * 3600;
  EXPECT_EQ(seededMonth("Asia/Tokyo", 0, lateFebruary, "tokyo.db"), 3);
  EXPECT_EQ(seededMonth("America/New_York", 0, lateFebruary, "new-york.db"), 2);
  EXPECT_EQ(seededMonth("Asia/Tokyo", -1, lateFebruary, "before.db"), 2);
  EXPECT_EQ(seededMonth("Asia/Tokyo", 10, lateFebruary, "wraps-forward.db"), 1);
  EXPECT_EQ(seededMonth("Asia/Tokyo", -11, lateFebruary, "wraps-back.db"), 4);
  EXPECT_EQ(seededMonth("UTC", 9, noonAfter(0), "december.db"), 12);
}

TEST_F(MomentSeedTest, ASeededSurpriseIsDatedOnTheMembersCalendar) {
  const auto seed = seedDirWith(
      "members.json",
      oneMember(R"("timeZone":"Asia/Tokyo","surprises":[)"
                R"({"id":"later","points":5,"message":"M","grantedInDays":0},)"
                R"({"id":"earlier","points":7,"message":"N","grantedInDays":-2}],)"
                R"("activity":[{"kind":"earn","points":9,"description":"Order","inDays":-1}])"));
  Database db = openMigrated();
  // 20:00 UTC on 28 February: 05:00 on 1 March in Tokyo.
  ASSERT_TRUE(seedIfEmptyAt(db, seed, noonAfter(-1) + 8 * 3600));
  const std::vector<SurpriseRecord> surprises = listUnacknowledgedSurprises(db, "a", 20);
  ASSERT_EQ(surprises.size(), 2u);
  EXPECT_EQ(surprises[0].id, "earlier");  // oldest first
  EXPECT_EQ(surprises[0].grantedOn, dayAfter(-2));
  EXPECT_EQ(surprises[0].grantedAt, dayAfter(-3) + "T20:00:00Z");
  EXPECT_EQ(surprises[1].id, "later");
  EXPECT_EQ(surprises[1].grantedOn, dayAfter(0));
  EXPECT_EQ(surprises[1].grantedAt, dayAfter(-1) + "T20:00:00Z");
  // Ledger ids follow the entries' times, surprises and activity together.
  std::vector<std::string> order;
  for (const LedgerEntry& entry : listLedger(db, "a", std::nullopt, 10)) {
    order.push_back(entry.kind + ":" + entry.createdAt);
  }
  EXPECT_EQ(order, (std::vector<std::string>{"surprise:" + dayAfter(-1) + "T20:00:00Z",
                                             "earn:" + dayAfter(-2) + "T12:00:00Z",
                                             "surprise:" + dayAfter(-3) + "T20:00:00Z"}));
  EXPECT_EQ(loadMember(db, "a", kSeedDay)->points, 1);  // already in the seeded balance
}

TEST_F(MomentSeedTest, MigratesAVersionFourDatabaseKeepingTheLedgerItsIdsAndItsCounter) {
  {
    Database db = Database::open(pathOf("old.sqlite3"), /*create=*/true);
    migrateSchema(db, 4);
    ASSERT_EQ(schemaVersion(db), 4);
    db.prepare("INSERT INTO program (singleton, document) VALUES (1, ?1)")
        .bind(1, readSeedFile(std::string(KINDRED_SEED_DIR) + "/program.json"))
        .run();
    db.prepare(
          "INSERT INTO members (position, id, name, points, pending_points, lifetime_points,"
          " qualifying_points, time_zone) VALUES (0, 'm_old', 'Old', 777, 0, 900, 800,"
          " 'Europe/Paris')")
        .run();
    // A version-4 ledger refuses the new kind.
    EXPECT_THROW(appendLedgerEntry(db, "m_old",
                                   {0, "surprise", 5, "Surprise", {}, "2026-01-01T00:00:00Z", {}}),
                 DatabaseError);
    for (int i = 1; i <= 3; ++i) {
      appendLedgerEntry(db, "m_old",
                        {0,
                         i == 2 ? "check_in" : "earn",
                         10 * i,
                         "Entry " + std::to_string(i),
                         "ref-" + std::to_string(i),
                         "2026-01-0" + std::to_string(i) + "T12:00:00Z",
                         {}});
    }
    // The newest entry goes (as with a deleted member): its id must never come back.
    db.prepare("DELETE FROM ledger WHERE id = 3").run();
    // With the types the demo's challenges count, which seeding them checks.
    db.prepare(
          "INSERT INTO event_types (id, description, subject_required) VALUES"
          " ('moment-dismissed', 'd', 1), ('walk-day', 'd', 0), ('review-written', 'd', 0)")
        .run();
    db.prepare(
          "INSERT INTO events (id, member_id, type, subject, occurred_at, received_at,"
          " occurred_at_unix) VALUES ('evt_1', 'm_old', 'moment-dismissed', 'incentive:x',"
          " '2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z', 1767312000)")
        .run();
    EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'surprises'"), 0);
  }
  Database db = Database::open(pathOf("old.sqlite3"));
  migrateSchema(db);
  EXPECT_EQ(schemaVersion(db), kSchemaVersion);
  EXPECT_GE(kSchemaVersion, 5);

  const std::vector<LedgerEntry> kept = listLedger(db, "m_old", std::nullopt, 10);
  ASSERT_EQ(kept.size(), 2u);
  for (std::size_t i = 0; i < kept.size(); ++i) {
    const int n = 2 - static_cast<int>(i);
    EXPECT_EQ(kept[i].id, n);
    EXPECT_EQ(kept[i].kind, n == 2 ? "check_in" : "earn");
    EXPECT_EQ(kept[i].points, 10 * n);
    EXPECT_EQ(kept[i].description, "Entry " + std::to_string(n));
    EXPECT_EQ(kept[i].reference, "ref-" + std::to_string(n));
    EXPECT_EQ(kept[i].createdAt, "2026-01-0" + std::to_string(n) + "T12:00:00Z");
  }
  // The new kind is accepted, ids carry on after the deleted one, nonsense is still refused.
  EXPECT_EQ(appendLedgerEntry(db, "m_old",
                              {0, "surprise", 5, "Surprise: hi", "s1", "2026-02-01T00:00:00Z", {}}),
            4);
  EXPECT_THROW(appendLedgerEntry(db, "m_old", {0, "bonus", 5, "?", {}, "2026-02-01T00:00:00Z", {}}),
               DatabaseError);
  EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM sqlite_sequence WHERE name = 'ledger'"), 1);
  EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'ledger_v5%'"), 0);
  EXPECT_EQ(queryInt(db,
                     "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND"
                     " name = 'ledger_by_member' AND tbl_name = 'ledger'"),
            1);
  // The member is as they were, with no birth month; their events are kept.
  const auto old = loadMember(db, "m_old", kSeedDay);
  EXPECT_EQ(old->points, 777);
  EXPECT_EQ(old->timeZone, "Europe/Paris");
  EXPECT_EQ(birthMonthOf(db, "m_old"), std::nullopt);
  EXPECT_THROW(db.prepare("UPDATE members SET birth_month = 13").run(), DatabaseError);
  EXPECT_EQ(momentsOf(db, "m_old")["dismissed"], nlohmann::ordered_json::array({"incentive:x"}));
  EXPECT_EQ(queryInt(db, "PRAGMA foreign_key_check"), -1);  // no rows: no violations

  // The next start seeds what is missing (here everything but the program
  // and the members, the moments included), not the members.
  EXPECT_TRUE(seedIfEmpty(db, KINDRED_SEED_DIR, kSeedDay));
  EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM members"), 1);
  EXPECT_EQ(loadMomentConfig(db).incentives.size(), 3u);
  EXPECT_TRUE(listUnacknowledgedSurprises(db, "m_old", 20).empty());
  EXPECT_FALSE(seedIfEmpty(db, KINDRED_SEED_DIR, kSeedDay));
}

TEST_F(MomentSeedTest, TheTablesRefuseWhatSeedingWouldRefuse) {
  Database db = openMigrated();
  const auto fails = [&](SqlText sql) {
    try {
      db.prepare(sql).run();
      return false;
    } catch (const DatabaseError&) {
      return true;
    }
  };
  EXPECT_TRUE(fails("INSERT INTO moment_settings VALUES (1, 0)"));
  EXPECT_TRUE(fails("INSERT INTO moment_settings VALUES (1, 366)"));
  EXPECT_TRUE(fails("INSERT INTO moment_settings VALUES (2, 30)"));
  EXPECT_FALSE(fails("INSERT INTO moment_incentives VALUES ('a', 5, 'L')"));
  EXPECT_TRUE(fails("INSERT INTO moment_incentives VALUES ('b', 5, 'L')"));  // points repeat
  EXPECT_TRUE(fails("INSERT INTO moment_incentives VALUES ('c', 0, 'L')"));
  EXPECT_FALSE(fails("INSERT INTO birthday_offers VALUES ('peak', 0, 'T', 'D')"));
  EXPECT_TRUE(fails("INSERT INTO birthday_offers VALUES ('peak', 1, 'T', 'D')"));
}

}  // namespace
