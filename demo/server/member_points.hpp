#pragma once
// Changing a member's balance, for redemptions and games alike. A debit is a
// conditional write that can never take a balance below zero, and it spends
// the soonest-expiring points first. A credit raises the balance and the
// lifetime total (every point ever received) but not the qualifying points:
// those measure purchases toward a tier, and a spin of a wheel is not one.

#include <cstdint>
#include <string>
#include <string_view>

#include "database.hpp"
#include "kindred/calendar_date.hpp"
#include "kindred/program.hpp"

// Takes `points` (>= 0) from the balance. false, writing nothing, when the
// balance holds fewer. `today` (UTC, as expiring buckets are dated) decides
// which buckets have lapsed already. Run inside the caller's transaction.
bool debitPoints(Database& db, std::string_view memberId, std::int64_t points,
                 kindred::CalendarDate today);

// Adds `points` (>= 0) to the balance and the lifetime total. Credited
// points never expire here: they join no expiring bucket.
void creditPoints(Database& db, std::string_view memberId, std::int64_t points);

// An insufficient-points problem's detail, in the program's currency:
// "You need 120 more points for this reward." (`purpose`: "this reward").
std::string shortfallDetail(const kindred::Program& program, std::int64_t shortfall,
                            std::string_view purpose);
