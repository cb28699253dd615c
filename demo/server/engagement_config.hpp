#pragma once
// The program's side of the later micro-moments, as the database holds it
// (seeded from moments.json): a purpose counter ("trees planted"), the tier
// hub's experiences, insider previews and challenges with their badges.
// The member's side (their share, sign-ups, ratings, progress, badges) is
// read from their ledger, sign-ups and events when GET /v1/moments asks.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "database.hpp"

struct ImpactCounter {
  std::string label;               // "trees planted"
  std::int64_t pointsPerUnit = 1;  // earned points per unit: 500 points plant a tree
  std::int64_t communityBase = 0;  // what the community did before the program counted
};

struct Experience {
  std::string id;
  std::string tierId;  // a tier of the program; members below see it locked
  std::string title;
  std::string description;
  std::string startsAt;  // RFC 3339 UTC
  std::int64_t startsAtUnix = 0;
  std::int64_t seats = 1;  // 1..10000
};

struct Preview {
  std::string id;
  std::string tierId;  // a tier of the program; members below never see it
  std::string title;
  std::string description;
  std::string releaseDate;  // YYYY-MM-DD: shown until the member's local day before it
};

struct Challenge {
  std::string id;
  std::string title;
  std::string description;
  std::string eventType;   // an event type id: "walk-day"
  std::int64_t steps = 2;  // 2..30
  std::string window;      // "week" (Monday to Sunday), "month" or "ever"
  std::string distinctBy;  // "day", "subject" or "none"
  std::string badgeId;     // unique among challenges
  std::string badgeTitle;
};

struct EngagementConfig {
  std::optional<ImpactCounter> impact;  // none: GET /v1/moments sends null
  std::vector<Experience> experiences;  // in seed order
  std::vector<Preview> previews;        // in seed order
  std::vector<Challenge> challenges;    // in seed order
};

// Writes the whole configuration; the database must hold none yet.
void insertEngagementConfig(Database& db, const EngagementConfig& config);

// The configuration, or the empty one if none was seeded.
EngagementConfig loadEngagementConfig(Database& db);

// Whether it has been seeded (its settings row exists), even as empty.
bool hasEngagementConfig(Database& db);

std::optional<Experience> findExperience(Database& db, std::string_view id);
std::optional<Preview> findPreview(Database& db, std::string_view id);
