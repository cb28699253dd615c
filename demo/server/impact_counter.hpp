#pragma once
// The purpose counter ("trees planted") of GET /v1/moments: every
// `pointsPerUnit` points a member earned with purchases is one unit. Earned
// points are the member's positive ledger entries of kind `earn`; gifts
// (surprises), game prizes, check-ins and staff adjustments plant nothing,
// and spending or expiring points takes no tree back. The community total is
// the program's base plus every member's units, each rounded down on its own
// (so it is the sum of the shares members see).

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>

#include "database.hpp"
#include "engagement_config.hpp"

std::int64_t memberImpactUnits(Database& db, const ImpactCounter& counter,
                               std::string_view memberId);

std::int64_t communityImpactUnits(Database& db, const ImpactCounter& counter);

// {"label", "memberUnits", "communityUnits"}, given the member's units.
nlohmann::ordered_json impactJson(Database& db, const ImpactCounter& counter,
                                  std::int64_t memberUnits);
