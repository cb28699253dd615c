#pragma once
// A scratch directory per test, removed with everything in it, and databases
// in it migrated and seeded from demo/seed on a fixed day, so the rewards,
// redemption and games suites start from the same known catalog, games and
// balances.

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "database.hpp"
#include "kindred/calendar_date.hpp"
#include "schema.hpp"
#include "seed.hpp"

namespace scratch {

namespace fs = std::filesystem;

inline const kindred::CalendarDate kSeedDay{2026, 3, 1};
inline constexpr std::int64_t kSecondsPerDay = 86400;

// Noon (UTC) `days` after the seed day.
inline std::int64_t noonAfter(int days) {
  return (kSeedDay.daysSinceEpoch() + days) * kSecondsPerDay + kSecondsPerDay / 2;
}

inline std::string dayAfter(int days) {
  return kindred::CalendarDate::fromDaysSinceEpoch(kSeedDay.daysSinceEpoch() + days).toString();
}

inline std::int64_t queryInt(Database& db, SqlText sql) {
  Statement query = db.prepare(sql);
  return query.step() ? query.int64(0) : -1;
}

class ScratchDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    dir_ = fs::temp_directory_path() /
           ("kindred-rewards-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string pathOf(const std::string& name) const { return (dir_ / name).string(); }

  Database openMigrated(const std::string& name = "demo.sqlite3") {
    Database db = Database::open(pathOf(name), /*create=*/true);
    migrateSchema(db);
    return db;
  }

  // Migrated and seeded from demo/seed on kSeedDay.
  Database openSeeded(const std::string& name = "demo.sqlite3", std::int64_t synthetic = 0) {
    Database db = openMigrated(name);
    EXPECT_TRUE(seedIfEmpty(db, KINDRED_SEED_DIR, kSeedDay, synthetic));
    return db;
  }

  // A seed directory with the real program and members and this rewards.json.
  fs::path seedDirWithRewards(const std::string& rewardsJson) {
    return seedDirWith("rewards.json", rewardsJson);
  }

  // A seed directory with the real program and members, and `file` (which
  // may be one of those) holding `contents`.
  fs::path seedDirWith(const std::string& file, const std::string& contents) {
    const fs::path seed = dir_ / "seed";
    fs::create_directories(seed);
    fs::copy_file(fs::path(KINDRED_SEED_DIR) / "program.json", seed / "program.json",
                  fs::copy_options::overwrite_existing);
    fs::copy_file(fs::path(KINDRED_SEED_DIR) / "members.json", seed / "members.json",
                  fs::copy_options::overwrite_existing);
    std::ofstream(seed / file) << contents;
    return seed;
  }

  fs::path dir_;
};

}  // namespace scratch
