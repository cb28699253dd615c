// The schema's version 2 and what seeding puts in it: the reward catalog from
// rewards.json, each member's activity in the ledger, and a version-1
// database brought forward (and given a catalog) without touching its data.

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "ledger.hpp"
#include "reward_record.hpp"
#include "scratch_database.hpp"
#include "seed_reader.hpp"

namespace {

using scratch::dayAfter;
using scratch::kSeedDay;
using scratch::queryInt;

nlohmann::json seedRewards() {
  return readSeedList(readSeedFile(std::string(KINDRED_SEED_DIR) + "/rewards.json"), "rewards.json",
                      "rewards");
}

class CatalogSeedTest : public scratch::ScratchDatabaseTest {};

TEST_F(CatalogSeedTest, SeedsTheRewardCatalogInFileOrder) {
  Database db = openSeeded();
  const nlohmann::json file = seedRewards();
  ASSERT_GE(file.size(), 55u);
  const std::vector<RewardRecord> rewards = listRewards(db, std::nullopt, 1000);
  ASSERT_EQ(rewards.size(), file.size());
  std::set<std::string> categories;
  for (std::size_t i = 0; i < rewards.size(); ++i) {
    EXPECT_EQ(rewards[i].id, file[i]["id"]) << i;
    EXPECT_EQ(rewards[i].position, static_cast<std::int64_t>(i));
    EXPECT_GE(rewards[i].cost, 100) << rewards[i].id;
    EXPECT_LE(rewards[i].cost, 6000) << rewards[i].id;
    categories.insert(rewards[i].category);
  }
  EXPECT_EQ(categories, (std::set<std::string>{"apparel", "donations", "experiences", "gear",
                                               "gift-cards", "shipping"}));
  EXPECT_GE(queryInt(db, "SELECT COUNT(*) FROM rewards WHERE tier_required IS NOT NULL"), 3);
  EXPECT_GE(queryInt(db, "SELECT COUNT(*) FROM rewards WHERE early_access_tier IS NOT NULL"), 2);
  EXPECT_GE(queryInt(db, "SELECT COUNT(*) FROM rewards WHERE stock = 0"), 2);
  EXPECT_GE(queryInt(db, "SELECT COUNT(*) FROM rewards WHERE stock > 0"), 3);
  EXPECT_GT(queryInt(db, "SELECT COUNT(*) FROM rewards WHERE stock IS NULL"),
            static_cast<std::int64_t>(file.size() / 2));
}

TEST_F(CatalogSeedTest, RewardJsonHasTheDocumentedShapeWithDatesFromTheSeedDay) {
  Database db = openSeeded();
  EXPECT_EQ(rewardJson(*loadReward(db, "rw_cafe_creme_thermos")).dump(),
            nlohmann::ordered_json({
                                       {"id", "rw_cafe_creme_thermos"},
                                       {"name", "Café Crème thermos"},
                                       {"description",
                                        "Double-walled steel, 500 ml. Keeps coffee hot for twelve "
                                        "hours on the trail."},
                                       {"cost", 450},
                                       {"category", "gear"},
                                       {"imageUrl", "/images/rewards/gear.svg"},
                                       {"stock", nullptr},
                                       {"popularity", 910},
                                       {"createdAt", dayAfter(-180) + "T09:00:00Z"},
                                       {"tierRequired", nullptr},
                                       {"earlyAccess", nullptr},
                                   })
                .dump());
  const nlohmann::ordered_json vest = rewardJson(*loadReward(db, "rw_down_vest"));
  EXPECT_EQ(vest["earlyAccess"].dump(),
            nlohmann::ordered_json({{"tierId", "summit"}, {"until", dayAfter(10)}}).dump());
  const nlohmann::ordered_json tent = rewardJson(*loadReward(db, "rw_ultralight_tent"));
  EXPECT_EQ(tent["tierRequired"], "peak");
  EXPECT_EQ(tent["stock"], 3);
}

TEST_F(CatalogSeedTest, SeedsEachMembersActivityOldestFirst) {
  Database db = openSeeded();
  const std::vector<LedgerEntry> ada = listLedger(db, "m_ada", std::nullopt, 50);
  ASSERT_EQ(ada.size(), 4u);
  EXPECT_EQ(ada[0].description, "Order #10388");  // newest first
  EXPECT_EQ(ada[0].kind, "earn");
  EXPECT_EQ(ada[0].points, 420);
  EXPECT_EQ(ada[0].createdAt, dayAfter(-19) + "T12:00:00Z");
  EXPECT_EQ(ada[3].description, "Order #10112");
  for (std::size_t i = 1; i < ada.size(); ++i) {
    EXPECT_LT(ada[i].id, ada[i - 1].id);
    EXPECT_LT(ada[i].createdAt, ada[i - 1].createdAt);
  }
  const std::vector<LedgerEntry> katherine = listLedger(db, "m_katherine", std::nullopt, 50);
  ASSERT_EQ(katherine.size(), 4u);
  EXPECT_EQ(katherine[1].kind, "expiration");
  EXPECT_EQ(katherine[1].points, -150);
  // Pages continue after the cursor's entry.
  const std::vector<LedgerEntry> rest = listLedger(db, "m_ada", ada[1].id, 50);
  ASSERT_EQ(rest.size(), 2u);
  EXPECT_EQ(rest[0].id, ada[2].id);
  EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM ledger WHERE kind = 'expiration'"), 1);
}

TEST_F(CatalogSeedTest, MigratesAVersionOneDatabaseForwardKeepingItsData) {
  {
    Database db = Database::open(pathOf("old.sqlite3"), /*create=*/true);
    migrateSchema(db, 1);
    ASSERT_EQ(schemaVersion(db), 1);
    db.prepare("INSERT INTO program (singleton, document) VALUES (1, ?1)")
        .bind(1, readSeedFile(std::string(KINDRED_SEED_DIR) + "/program.json"))
        .run();
    db.prepare(
          "INSERT INTO members (position, id, name, points, pending_points, lifetime_points,"
          " qualifying_points) VALUES (0, 'm_old', 'Old', 777, 0, 777, 777)")
        .run();
  }
  Database db = Database::open(pathOf("old.sqlite3"));
  migrateSchema(db);
  EXPECT_EQ(schemaVersion(db), kSchemaVersion);
  EXPECT_EQ(queryInt(db, "SELECT points FROM members WHERE id = 'm_old'"), 777);
  EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM rewards"), 0);
  EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM idempotency_keys"), 0);

  // The members are kept as they are; only the missing catalog is seeded.
  EXPECT_TRUE(seedIfEmpty(db, KINDRED_SEED_DIR, kSeedDay));
  EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM members"), 1);
  EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM ledger"), 0);
  EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM rewards"),
            static_cast<std::int64_t>(seedRewards().size()));
  EXPECT_FALSE(seedIfEmpty(db, KINDRED_SEED_DIR, kSeedDay));
}

TEST_F(CatalogSeedTest, ASeedDirectoryWithoutRewardsJsonSeedsAnEmptyCatalog) {
  const auto seed = seedDirWithRewards("");
  std::filesystem::remove(seed / "rewards.json");
  Database db = openMigrated();
  EXPECT_TRUE(seedIfEmpty(db, seed, kSeedDay));
  EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM members"), 4);
  EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM rewards"), 0);
}

TEST_F(CatalogSeedTest, NamesTheRewardFieldThatIsWrongAndWritesNothing) {
  const std::string valid =
      R"("id":"a","name":"A","description":"d","cost":100,"category":"gear","popularity":1,)"
      R"("createdInDays":-1)";
  const std::pair<std::string, std::string> cases[] = {
      {R"({"rewards":[{)" + valid + R"(,"tierRequired":"gold"}]})",
       R"(rewards.json: rewards[0].tierRequired names no tier of the program: "gold")"},
      {R"({"rewards":[{)" + valid + R"(,"earlyAccess":{"tierId":"summit"}}]})",
       "rewards.json: rewards[0].earlyAccess.untilInDays is required"},
      {R"({"rewards":[{)" + valid + R"(,"stock":-1}]})",
       "rewards.json: rewards[0].stock must be between 0 and 9007199254740991"},
      {R"({"rewards":[{)" + valid + R"(},{)" + valid + R"(}]})",
       R"(rewards.json: rewards[1].id repeats "a")"},
      {R"({"rewards":[{"id":"a","name":"A","description":"d","cost":100,"category":"Gift Cards",)"
       R"("popularity":1,"createdInDays":-1}]})",
       "rewards.json: rewards[0].category must be lower-case words joined by hyphens"},
      {R"({"items":[]})", R"(rewards.json: expected an object with a "rewards" array)"},
  };
  for (const auto& [rewardsJson, message] : cases) {
    const auto seed = seedDirWithRewards(rewardsJson);
    Database db = openMigrated("bad-" + std::to_string(&rewardsJson - &cases[0].first) + ".db");
    try {
      seedIfEmpty(db, seed, kSeedDay);
      ADD_FAILURE() << "expected a SeedError for " << rewardsJson;
    } catch (const SeedError& e) {
      EXPECT_EQ(std::string(e.what()), message);
    }
    EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM members"), 0);  // one transaction, rolled back
    EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM rewards"), 0);
  }
}

TEST_F(CatalogSeedTest, NamesTheActivityFieldThatIsWrong) {
  const std::filesystem::path seed = dir_ / "activity-seed";
  std::filesystem::create_directories(seed);
  std::filesystem::copy_file(std::filesystem::path(KINDRED_SEED_DIR) / "program.json",
                             seed / "program.json");
  std::ofstream(seed / "members.json") << R"({"members":[{"id":"a","name":"A","points":1,
      "pendingPoints":0,"lifetimePoints":1,"qualifyingPoints":1,
      "activity":[{"kind":"earn","points":5,"description":"Order #1","inDays":-2},
                  {"kind":"earn","points":-5,"description":"Order #2","inDays":-1}]}]})";
  Database db = openMigrated();
  try {
    seedIfEmpty(db, seed, kSeedDay);
    ADD_FAILURE() << "expected a SeedError";
  } catch (const SeedError& e) {
    EXPECT_EQ(std::string(e.what()),
              "members.json: members[0].activity[1].points must be non-zero: positive for earn, "
              "game_prize and check_in, negative for redemption, game_play and expiration");
  }
  EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM ledger"), 0);
}

}  // namespace
