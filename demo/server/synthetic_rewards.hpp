#pragma once
// Made-up rewards for benchmarks (--synthetic-rewards N): a catalog of any
// size, the same on every run. Names come from word lists, and every field
// from a fixed-seed SplitMix64 (std::uniform_int_distribution is not the same
// across standard libraries, so it is not used). Some rewards are tier-locked
// or out of stock, as in a real catalog.

#include <cstdint>

#include "database.hpp"
#include "kindred/calendar_date.hpp"
#include "kindred/program.hpp"

// Appends `count` rewards (ids "syn-000001", ...) after the catalog's last,
// through one prepared statement; the caller's transaction makes it one
// write. Given the same program and `today`, the rows are identical.
void insertSyntheticRewards(Database& db, std::int64_t count, const kindred::Program& program,
                            kindred::CalendarDate today);
