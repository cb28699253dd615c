// Database preparation and the member view: schema, first-run seed from
// demo/seed, tiers decided by the core, lapsed expiring points left out.

#include "seed.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "kindred/member.hpp"
#include "member_record.hpp"
#include "schema.hpp"
#include "stored_program.hpp"

namespace {

namespace fs = std::filesystem;

const kindred::CalendarDate kSeedDay{2026, 3, 1};

std::string dayAfter(kindred::CalendarDate day, int days) {
  return kindred::CalendarDate::fromDaysSinceEpoch(day.daysSinceEpoch() + days).toString();
}

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// A scratch directory per test, removed with everything in it.
class SeedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    dir_ = fs::temp_directory_path() /
           ("kindred-server-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  Database openFresh(const std::string& name = "demo.sqlite3") {
    Database db = Database::open((dir_ / name).string(), /*create=*/true);
    migrateSchema(db);
    return db;
  }

  // A seed directory with the real program and the given members.json.
  fs::path seedDirWith(const std::string& programJson, const std::string& membersJson) {
    const fs::path seed = dir_ / "seed";
    fs::create_directories(seed);
    std::ofstream(seed / "program.json") << programJson;
    std::ofstream(seed / "members.json") << membersJson;
    return seed;
  }

  fs::path dir_;
};

int countRows(Database& db, SqlText countQuery) {
  Statement query = db.prepare(countQuery);
  return query.step() ? static_cast<int>(query.int64(0)) : -1;
}

TEST_F(SeedTest, SchemaIsVersionedAndMigrationIsIdempotent) {
  Database db = openFresh();
  EXPECT_EQ(schemaVersion(db), kSchemaVersion);
  migrateSchema(db);
  EXPECT_EQ(schemaVersion(db), kSchemaVersion);
  Statement mode = db.prepare("PRAGMA journal_mode");
  ASSERT_TRUE(mode.step());
  EXPECT_EQ(mode.text(0), "wal");
}

TEST_F(SeedTest, RefusesADatabaseFromANewerServer) {
  {
    Database db = openFresh();
    db.prepare("PRAGMA user_version = 99").run();
  }
  Database db = Database::open((dir_ / "demo.sqlite3").string());
  EXPECT_THROW(migrateSchema(db), DatabaseError);
}

TEST_F(SeedTest, SeedsFourMembersAndTheProgramVerbatim) {
  Database db = openFresh();
  EXPECT_TRUE(seedIfEmpty(db, KINDRED_SEED_DIR, kSeedDay));
  EXPECT_EQ(countRows(db, "SELECT COUNT(*) FROM members"), 4);
  EXPECT_EQ(countRows(db, "SELECT COUNT(*) FROM expiring_points"), 3);

  const StoredProgram program = loadStoredProgram(db);
  EXPECT_EQ(program.document, readFile(fs::path(KINDRED_SEED_DIR) / "program.json"));
  EXPECT_EQ(program.program.id, "aurora-circle");
  EXPECT_EQ(program.program.tiers.size(), 4u);

  std::vector<std::string> ids;
  for (const MemberRecord& member : listMembers(db)) ids.push_back(member.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"m_grace", "m_ada", "m_katherine", "m_alan"}));
}

TEST_F(SeedTest, LeavesADatabaseWithDataAlone) {
  Database db = openFresh();
  ASSERT_TRUE(seedIfEmpty(db, KINDRED_SEED_DIR, kSeedDay));
  EXPECT_FALSE(seedIfEmpty(db, KINDRED_SEED_DIR, kSeedDay));
  EXPECT_FALSE(seedIfEmpty(db, dir_ / "no-such-seed-dir", kSeedDay));  // not even read
  EXPECT_EQ(countRows(db, "SELECT COUNT(*) FROM members"), 4);
  EXPECT_EQ(countRows(db, "SELECT COUNT(*) FROM expiring_points"), 3);
}

TEST_F(SeedTest, ResolvesDayOffsetsAgainstTheSeedDay) {
  Database db = openFresh();
  ASSERT_TRUE(seedIfEmpty(db, KINDRED_SEED_DIR, kSeedDay));
  const auto ada = loadMember(db, "m_ada", kSeedDay);
  ASSERT_TRUE(ada);
  EXPECT_EQ(ada->tierWindowEnd, dayAfter(kSeedDay, 38));
  ASSERT_EQ(ada->expiring.size(), 2u);
  EXPECT_EQ(ada->expiring[0].date, dayAfter(kSeedDay, 21));
  EXPECT_EQ(ada->expiring[0].points, 200);
  EXPECT_EQ(ada->expiring[1].date, dayAfter(kSeedDay, 60));
  EXPECT_EQ(ada->expiring[1].points, 90);
}

TEST_F(SeedTest, MemberJsonHasTheTierTheCoreComputes) {
  Database db = openFresh();
  ASSERT_TRUE(seedIfEmpty(db, KINDRED_SEED_DIR, kSeedDay));
  const StoredProgram program = loadStoredProgram(db);

  const nlohmann::ordered_json ada =
      memberJson(*loadMember(db, "m_ada", kSeedDay), program.program);
  EXPECT_EQ(ada["id"], "m_ada");
  EXPECT_EQ(ada["name"], "Ada");
  EXPECT_EQ(ada["points"], 1240);
  EXPECT_EQ(ada["pendingPoints"], 60);
  EXPECT_EQ(ada["lifetimePoints"], 5230);
  EXPECT_EQ(ada["qualifyingPoints"], 1380);
  EXPECT_EQ(ada["tierId"], "trailblazer");
  EXPECT_EQ(ada["tierWindowEnd"], dayAfter(kSeedDay, 38));
  EXPECT_EQ(ada["expiring"][0],
            (nlohmann::ordered_json{{"points", 200}, {"date", dayAfter(kSeedDay, 21)}}));

  const std::map<std::string, std::string> tiers = {
      {"m_grace", "explorer"}, {"m_katherine", "summit"}, {"m_alan", "peak"}};
  for (const auto& [id, tier] : tiers) {
    EXPECT_EQ(memberJson(*loadMember(db, id, kSeedDay), program.program)["tierId"], tier) << id;
  }

  // What the backend sends is what the widget's core accepts.
  const kindred::Result<kindred::Member> parsed = kindred::parseMember(ada.dump());
  ASSERT_TRUE(parsed.ok()) << parsed.error().message();
  EXPECT_EQ(parsed.value().tierId, "trailblazer");
}

TEST_F(SeedTest, DropsExpiringBucketsWhoseDayHasPassed) {
  Database db = openFresh();
  ASSERT_TRUE(seedIfEmpty(db, KINDRED_SEED_DIR, kSeedDay));
  const auto onLastDay = [&](int day) {
    return kindred::CalendarDate::fromDaysSinceEpoch(kSeedDay.daysSinceEpoch() + day);
  };
  EXPECT_EQ(loadMember(db, "m_ada", onLastDay(21))->expiring.size(), 2u);  // still spendable today
  const auto later = loadMember(db, "m_ada", onLastDay(22));
  ASSERT_EQ(later->expiring.size(), 1u);
  EXPECT_EQ(later->expiring[0].date, dayAfter(kSeedDay, 60));
  EXPECT_TRUE(loadMember(db, "m_ada", onLastDay(61))->expiring.empty());
  EXPECT_TRUE(
      memberJson(*loadMember(db, "m_ada", onLastDay(61)), loadStoredProgram(db).program)["expiring"]
          .is_array());
}

TEST_F(SeedTest, UnknownMemberIsNotFound) {
  Database db = openFresh();
  ASSERT_TRUE(seedIfEmpty(db, KINDRED_SEED_DIR, kSeedDay));
  EXPECT_FALSE(loadMember(db, "m_nobody", kSeedDay));
  EXPECT_FALSE(memberExists(db, "m_nobody"));
  EXPECT_TRUE(memberExists(db, "m_alan"));
}

TEST_F(SeedTest, RefusesAProgramTheCoreRejectsAndWritesNothing) {
  Database db = openFresh();
  const fs::path seed = seedDirWith(R"({"id":"p","name":"P","tiers":[]})", R"({"members":[]})");
  try {
    seedIfEmpty(db, seed, kSeedDay);
    FAIL() << "expected a SeedError";
  } catch (const SeedError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("program.json: program", 0), 0u) << e.what();
  }
  EXPECT_EQ(countRows(db, "SELECT COUNT(*) FROM program"), 0);
}

TEST_F(SeedTest, NamesTheMemberFieldThatIsWrong) {
  Database db = openFresh();
  const fs::path seed = seedDirWith(
      readFile(fs::path(KINDRED_SEED_DIR) / "program.json"),
      R"({"members":[{"id":"a","name":"A","points":1,"pendingPoints":0,"lifetimePoints":1,
          "qualifyingPoints":1,"expiring":[{"points":0,"inDays":3}]}]})");
  try {
    seedIfEmpty(db, seed, kSeedDay);
    FAIL() << "expected a SeedError";
  } catch (const SeedError& e) {
    EXPECT_STREQ(e.what(),
                 "members.json: members[0].expiring[0].points must be between 1 and "
                 "9007199254740991");
  }
  EXPECT_EQ(countRows(db, "SELECT COUNT(*) FROM members"), 0);  // rolled back
  EXPECT_EQ(countRows(db, "SELECT COUNT(*) FROM program"), 0);
}

}  // namespace
