#pragma once
// Each demo member's side of the later micro-moments, from members.json:
//   "badges": [{"id": "five-day-walker", "earnedInDays": -9}],
//   "experienceSignUps": [{"id": "sunrise-summit"}],
//   "events": [{"type": "walk-day", "subject"?: "...", "value"?: 9000, "inDays": -1}]
// Seeded with the moments configuration they refer to, for the members of
// the file the database holds (a database seeded before these existed gets
// them for its demo members at the next start). Badges must be a
// challenge's; a sign-up takes a seat as POST /v1/events would, so it is
// refused for a member below the experience's tier, a full or started
// experience; events follow their type's rules, a preview-rated one must
// name a preview the member is shown, and sign-ups are not events here (they
// go in experienceSignUps). Events and badges are dated whole days before
// the seeding instant (inDays, earnedInDays: 0 or less), and seeded events
// that complete a challenge earn its badge, as recorded ones do.

#include <cstdint>
#include <filesystem>

#include "database.hpp"
#include "kindred/program.hpp"

void insertSeedMemberEngagement(Database& db, const std::filesystem::path& seedDir,
                                const kindred::Program& program, std::int64_t nowUnix);
