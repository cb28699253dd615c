#pragma once
// Where a tier stands among the program's tiers, for everything locked to
// "this tier and above" (rewards, experiences, previews). The member's tier
// is the one GET /v1/member reports (the core's tierForQualifyingPoints), so
// the widget and the backend agree on who is in.

#include <cstdint>
#include <string>
#include <string_view>

#include "kindred/program.hpp"

// Tiers rank by their place in the program (thresholds ascend); -1 for no tier.
int tierRank(const kindred::Program& program, const kindred::Tier* tier);

// Whether `qualifyingPoints` earns tier `tierId` or one above it. false for
// a tier the program does not have (one dropped since it was named): then
// nobody qualifies.
bool hasReachedTier(const kindred::Program& program, std::string_view tierId,
                    std::int64_t qualifyingPoints);

// "Summit members and above", or "Peak members" for the top tier.
std::string membersFrom(const kindred::Program& program, const kindred::Tier& tier);
