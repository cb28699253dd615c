#pragma once
// GET /v1/moments' "yearInReview": the member's current year (on their own
// calendar) so far, from what the backend already records:
//   {"year": 2026, "pointsEarned": 2760, "rewardsRedeemed": 1, "gamesWon": 4,
//    "badges": 1, "impactUnits": 5 | null,
//    "tierJourney": [{"tierId": "summit", "reachedOn": "2026-10-10"}]}
// pointsEarned: the year's positive ledger entries of every kind (purchases,
// prizes, check-ins, surprises, adjustments). rewardsRedeemed: redemptions.
// gamesWon: plays of a chance game or a quiz that won points or a prize of
// no points (free shipping), not "try again"; a daily check-in is not a game
// won. badges: those earned this year. impactUnits: the member's share of
// the purpose counter, as "impact" reports it (all time), or null without
// one. tierJourney: the tiers the member reached this year, in order, each
// with the local day of the purchase that reached it.
//
// Qualifying points are stored as a total, not as history, so the journey
// is read back from it: the year's `earn` entries (purchases, the only
// entries that qualify) are taken off the current total, newest first
// (never below 0), which gives the total before and after each of them; a
// tier was reached by the entry that took the total from below its
// threshold to it or above, when the year started below it.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>

#include "database.hpp"
#include "kindred/program.hpp"
#include "member_record.hpp"

nlohmann::ordered_json yearInReviewJson(Database& db, const kindred::Program& program,
                                        const MemberRecord& member,
                                        std::optional<std::int64_t> impactUnits,
                                        std::int64_t nowUnix);
