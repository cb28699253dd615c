#pragma once
// The demo's reward catalog from rewards.json: catalog order is file order,
// dates are day offsets from the seeding day, and tier ids are checked
// against the program so every tier lock can actually be met.

#include <cstdint>
#include <filesystem>

#include "database.hpp"
#include "kindred/calendar_date.hpp"
#include "kindred/program.hpp"

// Appends the file's rewards after any already in the catalog and returns how
// many. A seed directory without rewards.json (one written before the
// catalog existed) seeds none; an invalid one throws SeedError.
std::int64_t insertSeedRewards(Database& db, const std::filesystem::path& seedDir,
                               const kindred::Program& program, kindred::CalendarDate today);

// The position after the catalog's last reward (0 for an empty catalog).
std::int64_t nextRewardPosition(Database& db);
