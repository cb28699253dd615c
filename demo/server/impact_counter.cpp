#include "impact_counter.hpp"

std::int64_t memberImpactUnits(Database& db, const ImpactCounter& counter,
                               std::string_view memberId) {
  Statement query = db.prepare(
      "SELECT COALESCE(SUM(points), 0) FROM ledger"
      " WHERE member_id = ?1 AND kind = 'earn' AND points > 0");
  query.bind(1, memberId).step();
  return query.int64(0) / counter.pointsPerUnit;
}

std::int64_t communityImpactUnits(Database& db, const ImpactCounter& counter) {
  // Integer division of non-negative integers: each member's share rounded down.
  Statement query = db.prepare(
      "SELECT COALESCE(SUM(earned / ?1), 0) FROM ("
      "  SELECT SUM(points) AS earned FROM ledger WHERE kind = 'earn' AND points > 0"
      "  GROUP BY member_id)");
  query.bind(1, counter.pointsPerUnit).step();
  return counter.communityBase + query.int64(0);
}

nlohmann::ordered_json impactJson(Database& db, const ImpactCounter& counter,
                                  std::int64_t memberUnits) {
  return {
      {"label", counter.label},
      {"memberUnits", memberUnits},
      {"communityUnits", communityImpactUnits(db, counter)},
  };
}
