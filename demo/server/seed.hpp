#pragma once
// First-run data for the demo: program.json, members.json (with each
// member's recent points activity, time zone, check-in days, birth month,
// surprises, badges, experience sign-ups and events), rewards.json,
// games.json, event_types.json and moments.json from the seed directory,
// plus optional synthetic rewards for benchmarks.
// Dates are offsets from the seeding day ("inDays"), fixed to calendar dates
// as they are written, so a fresh demo never starts stale; check-in days,
// surprises and the birth month count on the member's own local calendar.

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
//    from before the catalog existed gets one this way;
//  - the games (games.json, if the directory has one), when it has none;
//  - the event types (event_types.json, if the directory has one), when it
//    has none. A database from before events existed gets them this way;
//  - the micro-moment configuration (moments.json, if the directory has
//    one), when it has none, checked against the program's tiers;
//  - the later micro-moments of moments.json (impact, experiences,
//    previews, challenges), when the database has none, checked against the
//    program's tiers and the event types, with the demo members' sign-ups,
//    badges and events from members.json (engagement_seed.hpp). A database
//    from before they existed gets them this way.
// A database that has all of these is left alone; its seed directory is not
// even read. The program is checked with the core's parseProgram, reward
// tiers against it, and members' time zones against the system's tzdata.
// `nowUnix` is the seeding instant: its UTC day anchors the dates, and each
// member's local day at that instant anchors their check-ins.
bool seedIfEmptyAt(Database& db, const std::filesystem::path& seedDir, std::int64_t nowUnix,
                   std::int64_t syntheticRewards = 0);

// seedIfEmptyAt at noon (UTC) on `today`, for tests that fix the day.
bool seedIfEmpty(Database& db, const std::filesystem::path& seedDir, kindred::CalendarDate today,
                 std::int64_t syntheticRewards = 0);
