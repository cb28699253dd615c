#pragma once
// The progress engine: where a member stands among the tiers, how far the
// next one is, and the next-step nudge that says what one more step is worth.

#include <cstdint>
#include <optional>

#include "kindred/calendar_date.hpp"
#include "kindred/member.hpp"
#include "kindred/message.hpp"
#include "kindred/program.hpp"

namespace kindred {

struct TierProgress {
  const Tier* current = nullptr;  // null only when the program has no tiers
  const Tier* next = nullptr;     // null at the top tier (or with no tiers)
  std::int64_t qualifyingPoints = 0;
  std::int64_t barMin = 0;        // the current tier's threshold
  std::int64_t barMax = 0;        // the next tier's threshold (barMin at the top)
  std::int64_t pointsToNext = 0;  // 0 at the top, or when the next tier is already earned
  double fraction = 0.0;          // 0..1 of the way from barMin to barMax; 1 at the top
  Message nudge;
  std::optional<ExpiringPoints> soonestExpiry;  // the first bucket expiring today or later
};

// The tier that `qualifyingPoints` earns: the highest whose threshold it meets.
const Tier* tierForQualifyingPoints(const Program& program, std::int64_t qualifyingPoints);

// What earning `points` takes in money at the program's earn rate: whole
// units, rounded up ("spend $12 more"), shared by every nudge that says it.
std::int64_t spendToEarn(const Program& program, std::int64_t points);

// Pointers in the result point into `program`, which must outlive it.
TierProgress computeProgress(const Program& program, const Member& member, CalendarDate today);

}  // namespace kindred
