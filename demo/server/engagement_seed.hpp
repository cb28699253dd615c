#pragma once
// The later micro-moments of moments.json, each section optional (absent:
// none), and each member's side of them from members.json:
//   "impact": {"label": "trees planted", "pointsPerUnit": 500, "communityBase": 14000},
//   "experiences": [{"id", "tierId", "title", "description", "seats",
//                    "startsAt": "2026-12-05T17:00:00Z" | "startsInDays": 9, "timeUtc": "17:00"}],
//   "previews": [{"id", "tierId", "title", "description",
//                 "releaseDate": "2026-12-05" | "releaseInDays": 21}],
//   "challenges": [{"id", "title", "description", "eventType", "steps",
//                   "window": "week" | "month" | "ever", "distinct": "day" | "subject" | "none",
//                   "badge": {"id", "title"}}]
// Checked as read, every refusal a SeedError naming the field: ids are
// identifiers (isIdentifier), each once in its list, badge ids once among
// all challenges; tiers are tiers of the program; event types are seeded
// ones (event_types.json); the impact label is 1 to 60 characters, other
// titles 1 to 120 and descriptions 1 to 240, any characters; pointsPerUnit
// 1 and up, communityBase 0 to 10^12; seats 1 to 10,000; steps 2 to 30.
// Dates may be absolute or, so that a demo never goes stale, days from the
// seeding day (UTC), as members.json's are.

#include <cstddef>
#include <cstdint>
#include <filesystem>

#include "database.hpp"
#include "kindred/program.hpp"

inline constexpr std::size_t kMaxImpactLabelCharacters = 60;
// Far beyond any community, and the total stays an exact JavaScript number
// whatever the members add to it.
inline constexpr std::int64_t kMaxCommunityBase = 1000000000000;
inline constexpr std::size_t kMaxExperiences = 100;
inline constexpr std::int64_t kMaxExperienceSeats = 10000;
inline constexpr std::size_t kMaxPreviews = 100;
inline constexpr std::size_t kMaxChallenges = 20;
inline constexpr std::int64_t kMinChallengeSteps = 2;
inline constexpr std::int64_t kMaxChallengeSteps = 30;

// Writes the sections of seedDir/moments.json (an empty configuration when
// it has none of them) and then, for each member of members.json the
// database holds, their side (engagement_member_seed.hpp). Returns whether
// there was a moments.json. `nowUnix` is the seeding instant.
bool insertSeedEngagement(Database& db, const std::filesystem::path& seedDir,
                          const kindred::Program& program, std::int64_t nowUnix);
