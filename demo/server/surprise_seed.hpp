#pragma once
// A member's surprises from members.json:
//   "surprises": [{"id": "sg_01", "points": 50, "message": "A thank-you for
//                  being with us", "grantedInDays": -3}]
// grantedInDays counts back from the seeding instant in whole days (0: at
// it), and the surprise is dated on the member's own calendar then, as a
// live grant is. Ids are isIdentifier and unique per member; points are 1 to
// kMaxSurprisePoints; the message is 1 to 120 characters of any kind.
//
// A seeded surprise is already in the member's "points", as their seeded
// activity is: it is written with its ledger entry but credits nothing, so
// the demo's balances are exactly what members.json says.

#include <cstdint>
#include <string>
#include <vector>

#include "database.hpp"
#include "ledger.hpp"
#include "seed_reader.hpp"

// Writes the surprises of `member` (if it has any) and returns their ledger
// entries, for the caller to write in date order with the rest of the
// member's activity.
std::vector<LedgerEntry> insertSeedSurprises(Database& db, const SeedReader& member,
                                             const std::string& memberId,
                                             const std::string& timeZone, std::int64_t nowUnix);
