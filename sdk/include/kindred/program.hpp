#pragma once
// The loyalty program a brand runs: its currency, how points are earned and
// its tiers. Ingested from GET /v1/program.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kindred/brand.hpp"
#include "kindred/result.hpp"

namespace kindred {

struct Tier {
  std::string id;
  std::string name;
  std::int64_t threshold = 0;       // qualifying points needed to hold the tier
  std::vector<std::string> perks;   // the first is the headline benefit used in nudges
};

struct Program {
  std::string id;
  std::string name;
  std::string currencySingular;     // "point"
  std::string currencyPlural;       // "points"
  std::int64_t pointsPerUnit = 1;   // points earned per whole unit of money spent
  std::string moneyCurrency;        // ISO 4217 code of that money, "USD"
  std::vector<Tier> tiers;          // ascending thresholds, the first at 0
  Brand brand;                      // how the widget looks for this brand; may be empty

  const Tier* findTier(std::string_view id) const;
};

Result<Program> parseProgram(std::string_view json);

}  // namespace kindred
