#include "member_points.hpp"

#include <algorithm>
#include <vector>

namespace {

// Spent points come out of the soonest-expiring buckets first, as members
// expect; otherwise GET /v1/member could warn of more points expiring than
// the balance holds.
void spendExpiringPoints(Database& db, std::string_view memberId, std::int64_t spent,
                         kindred::CalendarDate today) {
  struct Bucket {
    std::int64_t rowid;
    std::int64_t points;
  };
  std::vector<Bucket> buckets;
  Statement query = db.prepare(
      "SELECT rowid, points FROM expiring_points WHERE member_id = ?1 AND date >= ?2"
      " ORDER BY date, rowid");
  query.bind(1, memberId).bind(2, today.toString());
  while (query.step()) buckets.push_back({query.int64(0), query.int64(1)});

  for (const Bucket& bucket : buckets) {
    if (spent == 0) break;
    const std::int64_t taken = std::min(spent, bucket.points);
    spent -= taken;
    if (taken == bucket.points) {
      db.prepare("DELETE FROM expiring_points WHERE rowid = ?1").bind(1, bucket.rowid).run();
    } else {
      db.prepare("UPDATE expiring_points SET points = points - ?1 WHERE rowid = ?2")
          .bind(1, taken)
          .bind(2, bucket.rowid)
          .run();
    }
  }
}

}  // namespace

bool debitPoints(Database& db, std::string_view memberId, std::int64_t points,
                 kindred::CalendarDate today) {
  // The condition is the check: reading the balance first and writing after
  // is the classic double-spend race (two requests both see enough points,
  // both spend them). BEGIN IMMEDIATE already serialises writers; the
  // condition keeps the rule true even for a writer that forgot to.
  db.prepare("UPDATE members SET points = points - ?1 WHERE id = ?2 AND points >= ?1")
      .bind(1, points)
      .bind(2, memberId)
      .run();
  if (db.changes() == 0) return false;
  spendExpiringPoints(db, memberId, points, today);
  return true;
}

void creditPoints(Database& db, std::string_view memberId, std::int64_t points) {
  db.prepare(
        "UPDATE members SET points = points + ?1, lifetime_points = lifetime_points + ?1"
        " WHERE id = ?2")
      .bind(1, points)
      .bind(2, memberId)
      .run();
  if (db.changes() != 1) throw DatabaseError("no member to credit");
}

std::string shortfallDetail(const kindred::Program& program, std::int64_t shortfall,
                            std::string_view purpose) {
  return "You need " + std::to_string(shortfall) + " more " +
         (shortfall == 1 ? program.currencySingular : program.currencyPlural) + " for " +
         std::string(purpose) + ".";
}
