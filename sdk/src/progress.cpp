#include "kindred/progress.hpp"

#include <algorithm>

namespace kindred {
namespace {

std::optional<ExpiringPoints> soonestExpiry(const Member& member, CalendarDate today) {
  std::optional<ExpiringPoints> soonest;
  const auto todayDays = today.daysSinceEpoch();
  for (const auto& bucket : member.expiring) {
    const auto days = bucket.date.daysSinceEpoch();
    if (days < todayDays) continue;  // already gone; the backend will drop it
    if (!soonest || days < soonest->date.daysSinceEpoch()) {
      soonest = bucket;
    } else if (days == soonest->date.daysSinceEpoch()) {
      soonest->points = std::min(soonest->points + bucket.points, std::int64_t{9007199254740991});
    }
  }
  return soonest;
}

}  // namespace

const Tier* tierForQualifyingPoints(const Program& program, std::int64_t qualifyingPoints) {
  const Tier* earned = nullptr;
  for (const auto& tier : program.tiers)
    if (tier.threshold <= qualifyingPoints) earned = &tier;
  return earned;
}

// Whole units, rounded up, because "spend $11.50 more" is a promise the earn
// rate may not keep after rounding.
std::int64_t spendToEarn(const Program& program, std::int64_t points) {
  return (points + program.pointsPerUnit - 1) / program.pointsPerUnit;
}

TierProgress computeProgress(const Program& program, const Member& member, CalendarDate today) {
  TierProgress progress;
  progress.qualifyingPoints = member.qualifyingPoints;
  progress.soonestExpiry = soonestExpiry(member, today);

  if (program.tiers.empty()) {
    progress.nudge = {"nudge.no_tiers", {{"points", member.points}}};
    return progress;
  }

  // The backend's word on the tier wins: it may be a tier retained from the
  // last window even though this window's points have not reached it yet.
  const Tier* current = member.tierId ? program.findTier(*member.tierId) : nullptr;
  if (!current) current = tierForQualifyingPoints(program, member.qualifyingPoints);
  if (!current) current = &program.tiers.front();  // unreachable: the first tier starts at 0
  progress.current = current;

  const auto index = static_cast<std::size_t>(current - program.tiers.data());
  if (index + 1 >= program.tiers.size()) {
    progress.barMin = progress.barMax = current->threshold;
    progress.fraction = 1.0;
    progress.nudge = {"nudge.top_tier", {{"tier", current->name}}};
    return progress;
  }

  const Tier& next = program.tiers[index + 1];
  progress.next = &next;
  progress.barMin = current->threshold;
  progress.barMax = next.threshold;
  progress.pointsToNext = std::max<std::int64_t>(0, next.threshold - member.qualifyingPoints);
  // Thresholds are at most 2^53 - 1 and strictly ascending, so the span is
  // positive and both sides convert to double exactly enough for a bar.
  const double span = static_cast<double>(progress.barMax - progress.barMin);
  const double done = static_cast<double>(member.qualifyingPoints - progress.barMin);
  progress.fraction = std::clamp(done / span, 0.0, 1.0);

  if (progress.pointsToNext == 0) {
    progress.nudge = {"nudge.next_tier_earned", {{"tier", next.name}}};
    return progress;
  }
  progress.nudge.params = {{"points", progress.pointsToNext},
                           {"tier", next.name},
                           {"spend", spendToEarn(program, progress.pointsToNext)},
                           {"moneyCurrency", program.moneyCurrency}};
  if (next.perks.empty()) {
    progress.nudge.key = "nudge.points_to_tier";
  } else {
    progress.nudge.key = "nudge.points_to_tier_perk";
    progress.nudge.params["perk"] = next.perks.front();
  }
  return progress;
}

}  // namespace kindred
