#pragma once
// Realistic payloads shaped like the reference backend's, for the core tests.

#include <string>

namespace kindred::testing {

inline const std::string kProgramJson = R"({
  "id": "aurora", "name": "Aurora Circle",
  "currency": {"singular": "point", "plural": "points"},
  "earnRate": {"pointsPerUnit": 10, "currency": "USD"},
  "tiers": [
    {"id": "explorer", "name": "Explorer", "threshold": 0, "perks": ["Birthday gift"]},
    {"id": "trailblazer", "name": "Trailblazer", "threshold": 500, "perks": ["Free shipping"]},
    {"id": "summit", "name": "Summit", "threshold": 1500, "perks": ["Early access", "Free returns"]},
    {"id": "peak", "name": "Peak", "threshold": 4000}
  ]
})";

inline const std::string kMemberJson = R"({
  "id": "m_ada", "name": "Ada", "points": 1240, "pendingPoints": 60,
  "lifetimePoints": 5230, "qualifyingPoints": 1380, "tierId": "trailblazer",
  "tierWindowEnd": "2026-12-31",
  "expiring": [{"points": 200, "date": "2026-12-15"}, {"points": 90, "date": "2026-11-30"}]
})";

}  // namespace kindred::testing
