// Event types from event_types.json, and schema version 4 (event_types and
// events): what the demo seeds, what a bad file is refused for, and a
// version-3 database brought forward with its data.

#include "event_type_seed.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "event_type_record.hpp"
#include "ledger.hpp"
#include "member_record.hpp"
#include "scratch_database.hpp"
#include "seed_reader.hpp"

namespace {

using scratch::kSeedDay;
using scratch::queryInt;

class EventTypeSeedTest : public scratch::ScratchDatabaseTest {};

TEST_F(EventTypeSeedTest, SeedsTheDemoTypesWithTheirRules) {
  Database db = openSeeded();
  EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM event_types"), 6);
  for (const char* id : {"review-written", "walk-day"}) {
    const auto type = loadEventType(db, id);
    ASSERT_TRUE(type) << id;
    EXPECT_FALSE(type->subjectRequired) << id;
    EXPECT_FALSE(type->valueMin) << id;
    EXPECT_FALSE(type->description.empty()) << id;
  }
  for (const char* id : {"moment-acknowledged", "moment-dismissed", "experience-signup"}) {
    const auto type = loadEventType(db, id);
    ASSERT_TRUE(type) << id;
    EXPECT_TRUE(type->subjectRequired) << id;
    EXPECT_FALSE(type->valueMin) << id;
  }
  const auto rated = loadEventType(db, "preview-rated");
  ASSERT_TRUE(rated);
  EXPECT_TRUE(rated->subjectRequired);
  EXPECT_EQ(rated->valueMin, 1);
  EXPECT_EQ(rated->valueMax, 5);
  EXPECT_FALSE(loadEventType(db, "purchase-made"));
}

TEST_F(EventTypeSeedTest, ASeedDirectoryWithoutTheFileSeedsNone) {
  const auto seed = seedDirWith("event_types.json", "");
  std::filesystem::remove(seed / "event_types.json");
  Database db = openMigrated();
  EXPECT_TRUE(seedIfEmpty(db, seed, kSeedDay));  // the members, at least
  EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM event_types"), 0);
}

TEST_F(EventTypeSeedTest, RefusesABadFileNamingTheField) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"eventTypes":[{"id":"Walk Day","description":"d"}]})",
       "event_types.json: eventTypes[0].id must be lower-case words joined by hyphens"},
      {R"({"eventTypes":[{"id":"a","description":"d"},{"id":"a","description":"e"}]})",
       R"(event_types.json: eventTypes[1].id repeats "a")"},
      {R"({"eventTypes":[{"id":"a"}]})", "event_types.json: eventTypes[0].description is required"},
      {R"({"eventTypes":[{"id":"a","description":"d","subject":"maybe"}]})",
       "event_types.json: eventTypes[0].subject must be required or optional"},
      {R"({"eventTypes":[{"id":"a","description":"d","value":{"min":5,"max":1}}]})",
       "event_types.json: eventTypes[0].value.max must be between 5 and 9007199254740991"},
      {R"({"eventTypes":[{"id":"a","description":"d","value":{"min":1}}]})",
       "event_types.json: eventTypes[0].value.max is required"},
      {R"({"eventTypes":[{"id":"a","description":"d","value":[1,5]}]})",
       "event_types.json: eventTypes[0].value must be an object"},
      {R"({"types":[]})", R"(event_types.json: expected an object with a "eventTypes" array)"},
  };
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const auto seed = seedDirWith("event_types.json", cases[i].first);
    Database db = openMigrated("bad-types-" + std::to_string(i) + ".db");
    try {
      seedIfEmpty(db, seed, kSeedDay);
      ADD_FAILURE() << "expected a SeedError for " << cases[i].first;
    } catch (const SeedError& e) {
      EXPECT_EQ(std::string(e.what()), cases[i].second);
    }
    // One transaction: nothing of the seed is left.
    EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM members"), 0);
    EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM event_types"), 0);
  }
}

TEST_F(EventTypeSeedTest, TheTableRefusesHalfAValueRange) {
  Database db = openMigrated();
  EXPECT_THROW(insertEventType(db, {"a", "d", false, 1, std::nullopt}), DatabaseError);
  EXPECT_THROW(insertEventType(db, {"b", "d", false, 5, 1}), DatabaseError);
  insertEventType(db, {"c", "d", true, -3, 3});
  EXPECT_EQ(loadEventType(db, "c")->valueMin, -3);
}

TEST_F(EventTypeSeedTest, MigratesAVersionThreeDatabaseKeepingItsData) {
  {
    Database db = Database::open(pathOf("old.sqlite3"), /*create=*/true);
    migrateSchema(db, 3);
    ASSERT_EQ(schemaVersion(db), 3);
    db.prepare("INSERT INTO program (singleton, document) VALUES (1, ?1)")
        .bind(1, readSeedFile(std::string(KINDRED_SEED_DIR) + "/program.json"))
        .run();
    db.prepare(
          "INSERT INTO members (position, id, name, points, pending_points, lifetime_points,"
          " qualifying_points) VALUES (0, 'm_old', 'Old', 777, 0, 900, 800)")
        .run();
    appendLedgerEntry(db, "m_old", {0, "earn", 100, "Order #1", {}, "2026-01-01T12:00:00Z", {}});
    EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'events'"), 0);
  }
  Database db = Database::open(pathOf("old.sqlite3"));
  migrateSchema(db);
  EXPECT_EQ(schemaVersion(db), kSchemaVersion);
  EXPECT_EQ(loadMember(db, "m_old", kSeedDay)->points, 777);
  EXPECT_EQ(listLedger(db, "m_old", std::nullopt, 10).size(), 1u);
  EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM events"), 0);
  EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM event_types"), 0);
  EXPECT_EQ(queryInt(db,
                     "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND"
                     " name = 'events_by_member' AND tbl_name = 'events'"),
            1);

  // The next start seeds what is missing (the catalog, the games, the event
  // types), not the members.
  EXPECT_TRUE(seedIfEmpty(db, KINDRED_SEED_DIR, kSeedDay));
  EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM event_types"), 6);
  EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM members"), 1);
  EXPECT_EQ(loadMember(db, "m_old", kSeedDay)->points, 777);
  EXPECT_FALSE(seedIfEmpty(db, KINDRED_SEED_DIR, kSeedDay));
  EXPECT_EQ(queryInt(db, "PRAGMA foreign_key_check"), -1);  // no rows: no violations
}

}  // namespace
