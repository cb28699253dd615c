// --synthetic-rewards N: the option, and the catalog it generates, which is
// the same on every run and seeds 100,000 rewards in one go.

#include "synthetic_rewards.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "reward_record.hpp"
#include "scratch_database.hpp"
#include "server_options.hpp"

namespace {

using scratch::queryInt;

constexpr std::int64_t kSynthetic = 100'000;

TEST(SyntheticRewardsOption, IsReadAndChecked) {
  EXPECT_EQ(std::get<ServerOptions>(parseServerOptions({})).syntheticRewards, 0);
  EXPECT_EQ(std::get<ServerOptions>(parseServerOptions({"--synthetic-rewards", "100000"}))
                .syntheticRewards,
            100000);
  EXPECT_EQ(std::get<ServerOptions>(parseServerOptions({"--synthetic-rewards=0"})).syntheticRewards,
            0);
  for (const char* bad : {"-1", "10000001", "lots", ""}) {
    const auto parsed = parseServerOptions({"--synthetic-rewards", bad});
    ASSERT_TRUE(std::holds_alternative<std::string>(parsed)) << bad;
    EXPECT_EQ(std::get<std::string>(parsed).rfind("--synthetic-rewards must be 0..10000000", 0), 0u)
        << std::get<std::string>(parsed);
  }
  EXPECT_NE(std::string(serverUsage()).find("--synthetic-rewards N"), std::string::npos);
}

class SyntheticRewardsTest : public scratch::ScratchDatabaseTest {
 protected:
  // Everything about the catalog that could differ between two runs.
  static std::string fingerprint(Database& db) {
    Statement query = db.prepare(
        "SELECT COUNT(*), SUM(cost), SUM(popularity), SUM(COALESCE(stock, -1)),"
        " SUM(length(name)), SUM(length(created_at) + unicode(substr(created_at, 9, 1))),"
        " COUNT(tier_required), MIN(created_at), MAX(created_at) FROM rewards");
    query.step();
    std::string text;
    for (int column = 0; column < 9; ++column) text += query.text(column) + "|";
    return text;
  }
};

TEST_F(SyntheticRewardsTest, SeedsOneHundredThousandQuicklyAndTheSameEveryTime) {
  std::string firstRun, secondRun;
  std::string firstIds[2], lastIds[2];
  for (int run = 0; run < 2; ++run) {
    const auto start = std::chrono::steady_clock::now();
    Database db = openSeeded("run-" + std::to_string(run) + ".db", kSynthetic);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("seeding the demo plus %lld synthetic rewards took %.2f s\n",
                static_cast<long long>(kSynthetic), seconds);
    // One transaction and one statement take well under a second; a commit
    // per row would take minutes.
    EXPECT_LT(seconds, 30.0);

    const std::int64_t fromFile = queryInt(db, "SELECT COUNT(*) FROM rewards WHERE id LIKE 'rw_%'");
    EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM rewards"), fromFile + kSynthetic);
    const std::vector<RewardRecord> first = listRewards(db, fromFile - 1, 1);
    const std::vector<RewardRecord> last = listRewards(db, fromFile + kSynthetic - 2, 5);
    ASSERT_EQ(first.size(), 1u);
    ASSERT_EQ(last.size(), 1u);
    firstIds[run] = rewardJson(first[0]).dump();
    lastIds[run] = rewardJson(last[0]).dump();
    EXPECT_EQ(first[0].id, "syn-000001");
    EXPECT_EQ(last[0].id, "syn-100000");
    EXPECT_EQ(last[0].position, fromFile + kSynthetic - 1);
    (run == 0 ? firstRun : secondRun) = fingerprint(db);

    // A varied catalog, like a real one.
    EXPECT_EQ(queryInt(db, "SELECT COUNT(DISTINCT category) FROM rewards WHERE id LIKE 'syn-%'"),
              6);
    EXPECT_GT(queryInt(db, "SELECT COUNT(DISTINCT name) FROM rewards WHERE id LIKE 'syn-%'"), 1000);
    EXPECT_EQ(queryInt(db, "SELECT MIN(cost) FROM rewards WHERE id LIKE 'syn-%'"), 100);
    EXPECT_EQ(queryInt(db, "SELECT MAX(cost) FROM rewards WHERE id LIKE 'syn-%'"), 6000);
    EXPECT_GT(queryInt(db, "SELECT COUNT(*) FROM rewards WHERE id LIKE 'syn-%' AND stock = 0"),
              kSynthetic / 100);
    EXPECT_GT(queryInt(db,
                       "SELECT COUNT(*) FROM rewards WHERE id LIKE 'syn-%'"
                       " AND tier_required IS NOT NULL"),
              kSynthetic / 50);
    EXPECT_GT(queryInt(db,
                       "SELECT COUNT(DISTINCT substr(created_at, 1, 10)) FROM rewards"
                       " WHERE id LIKE 'syn-%'"),
              700);
    EXPECT_LT(std::string(last[0].createdAt), scratch::kSeedDay.toString());
  }
  EXPECT_EQ(firstIds[0], firstIds[1]);
  EXPECT_EQ(lastIds[0], lastIds[1]);
  EXPECT_EQ(firstRun, secondRun);
}

TEST_F(SyntheticRewardsTest, AreOnlyAddedWhenTheCatalogIsSeeded) {
  Database db = openSeeded();
  const std::int64_t before = queryInt(db, "SELECT COUNT(*) FROM rewards");
  EXPECT_FALSE(seedIfEmpty(db, KINDRED_SEED_DIR, scratch::kSeedDay, 10));
  EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM rewards"), before);
}

}  // namespace
