#pragma once
// The demo's micro-moment configuration from moments.json:
//   {"incentives": [{"id": "reward-10", "points": 500, "label": "$10 reward"}],
//    "birthdayOffers": [{"tierId": "explorer", "title": "...", "description": "..."}],
//    "expiryReminderDays": 30}
// Checked as it is read, with the widget's own limits, so a configuration
// the widget would refuse never reaches it: 0 to 50 incentives with ids
// (isIdentifier) and point values (1 and up) that each name one incentive;
// at most one birthday offer per tier, each for a tier of the program;
// expiryReminderDays 1 to 365. Member-facing text is data: any characters,
// 1 to 120 of them (labels, titles) or 1 to 240 (descriptions), stored as
// written.

#include <cstddef>
#include <cstdint>
#include <filesystem>

#include "database.hpp"
#include "kindred/program.hpp"

inline constexpr std::size_t kMaxIncentives = 50;  // as kindred::Moments::kMaxIncentives
inline constexpr std::size_t kMaxMomentTitleCharacters = 120;
inline constexpr std::size_t kMaxMomentDescriptionCharacters = 240;

// Writes the file's configuration and returns whether there was one. A seed
// directory without moments.json (one written before moments existed)
// seeds none; an invalid one throws SeedError.
bool insertSeedMoments(Database& db, const std::filesystem::path& seedDir,
                       const kindred::Program& program);
