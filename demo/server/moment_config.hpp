#pragma once
// The program's side of micro-moments, as the database holds it (seeded
// from moments.json): balances worth a nudge ("500 points: a $10 reward"),
// a birthday offer per tier, and how many days ahead an expiry is worth a
// reminder. The same for every member; GET /v1/moments sends it whole and
// the widget's core decides which cards to show.

#include <cstdint>
#include <string>
#include <vector>

#include "database.hpp"

// The lead GET /v1/moments sends for a database seeded without moments.json
// (the widget's core defaults to the same).
inline constexpr std::int64_t kDefaultExpiryReminderDays = 30;

struct MomentIncentive {
  std::string id;
  std::int64_t points = 0;  // > 0, unique: the balance the label is worth
  std::string label;
};

struct BirthdayOffer {
  std::string tierId;  // a tier of the program
  std::string title;
  std::string description;
};

struct MomentConfig {
  std::vector<MomentIncentive> incentives;    // by points
  std::vector<BirthdayOffer> birthdayOffers;  // one per tier at most, in seed order
  std::int64_t expiryReminderDays = kDefaultExpiryReminderDays;  // 1..365
};

// Writes the whole configuration; the database must hold none yet.
void insertMomentConfig(Database& db, const MomentConfig& config);

// The configuration, or the empty one with the default lead if none was seeded.
MomentConfig loadMomentConfig(Database& db);

// Whether moments.json has been seeded (its settings row exists).
bool hasMomentConfig(Database& db);
