#pragma once
// First-run data for the demo: program.json, members.json (with each
// member's recent points activity) and rewards.json from the seed directory,
// plus optional synthetic rewards for benchmarks. Dates are offsets from the
// seeding day ("inDays"), fixed to calendar dates as they are written, so a
// fresh demo never starts stale.

#include <cstdint>
#include <filesystem>

#include "database.hpp"
#include "kindred/calendar_date.hpp"
#include "seed_reader.hpp"

// Seeds what the database lacks, in one transaction, and returns whether it
// wrote anything:
//  - the program and the members, when it holds neither;
//  - the reward catalog (rewards.json, if the directory has one, then
//    `syntheticRewards` generated ones), when it has no rewards. A database
//    from before the catalog existed gets one this way.
// A database that has all of these is left alone; its seed directory is not
// even read. The program is checked with the core's parseProgram, and reward
// tiers against it.
bool seedIfEmpty(Database& db, const std::filesystem::path& seedDir, kindred::CalendarDate today,
                 std::int64_t syntheticRewards = 0);
