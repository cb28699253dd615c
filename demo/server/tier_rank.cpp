#include "tier_rank.hpp"

#include "kindred/progress.hpp"

int tierRank(const kindred::Program& program, const kindred::Tier* tier) {
  return tier ? static_cast<int>(tier - program.tiers.data()) : -1;
}

bool hasReachedTier(const kindred::Program& program, std::string_view tierId,
                    std::int64_t qualifyingPoints) {
  const kindred::Tier* required = program.findTier(tierId);
  return required &&
         tierRank(program, kindred::tierForQualifyingPoints(program, qualifyingPoints)) >=
             tierRank(program, required);
}

std::string membersFrom(const kindred::Program& program, const kindred::Tier& tier) {
  const bool top = tierRank(program, &tier) + 1 == static_cast<int>(program.tiers.size());
  return tier.name + (top ? " members" : " members and above");
}
