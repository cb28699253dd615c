#include "reward_access.hpp"

#include "kindred/progress.hpp"
#include "tier_rank.hpp"

namespace {

std::string dayAfter(const std::string& date) {
  const auto parsed = kindred::CalendarDate::parse(date);
  return parsed ? kindred::CalendarDate::fromDaysSinceEpoch(parsed->daysSinceEpoch() + 1).toString()
                : date;
}

}  // namespace

std::optional<std::string> tierLockReason(const kindred::Program& program,
                                          const RewardRecord& reward,
                                          std::int64_t memberQualifyingPoints,
                                          kindred::CalendarDate today) {
  const int memberRank =
      tierRank(program, kindred::tierForQualifyingPoints(program, memberQualifyingPoints));

  if (reward.tierRequired) {
    const kindred::Tier* required = program.findTier(*reward.tierRequired);
    // Seeding checks tier ids against the program; a program published since
    // may have dropped one, and then nobody qualifies.
    if (!required) {
      return "This reward needs the \"" + *reward.tierRequired +
             "\" tier, which the program no longer has.";
    }
    if (memberRank < tierRank(program, required)) {
      return "This reward is for " + membersFrom(program, *required) + ".";
    }
  }

  // Dates are YYYY-MM-DD with four-digit years, so text order is date order.
  if (reward.earlyAccess && today.toString() <= reward.earlyAccess->until) {
    const kindred::Tier* early = program.findTier(reward.earlyAccess->tierId);
    if (!early || memberRank < tierRank(program, early)) {
      const std::string who =
          early ? membersFrom(program, *early) : "\"" + reward.earlyAccess->tierId + "\" members";
      return "This reward is in early access for " + who + " until " + reward.earlyAccess->until +
             "; everyone can redeem it from " + dayAfter(reward.earlyAccess->until) + ".";
    }
  }
  return std::nullopt;
}
