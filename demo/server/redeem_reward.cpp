#include "redeem_reward.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "ledger.hpp"
#include "member_record.hpp"
#include "random_codes.hpp"
#include "reward_access.hpp"
#include "reward_record.hpp"
#include "utc_time.hpp"

namespace {

// "You need 120 more points for this reward.", in the program's currency.
std::string shortfallDetail(const kindred::Program& program, std::int64_t shortfall) {
  return "You need " + std::to_string(shortfall) + " more " +
         (shortfall == 1 ? program.currencySingular : program.currencyPlural) + " for this reward.";
}

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

RedemptionOutcome redeemReward(Database& db, const kindred::Program& program,
                               std::string_view memberId, std::string_view rewardId,
                               std::int64_t nowUnix) {
  const kindred::CalendarDate today = utcDateOf(nowUnix);
  const std::optional<RewardRecord> reward = loadReward(db, rewardId);
  if (!reward) {
    return {false, problemResponse(404, "unknown-reward", "Unknown reward",
                                   "There is no reward \"" + std::string(rewardId) +
                                       "\"; GET /v1/rewards lists them.")};
  }
  const std::optional<MemberRecord> member = loadMember(db, memberId, today);
  if (!member) {  // removed since its token was checked a moment ago
    return {false, problemResponse(404, "unknown-member", "Unknown member",
                                   "The member this token names no longer exists.")};
  }

  if (const auto reason = tierLockReason(program, *reward, member->qualifyingPoints, today)) {
    return {true, problemResponse(403, "tier-required", "Tier required", *reason)};
  }

  // From here on every check is a conditional write whose changes() says
  // whether it held: reading first and writing after is the classic
  // double-spend race (two requests both see enough points, both spend
  // them). BEGIN IMMEDIATE already serialises writers; the conditions keep
  // the rules true even for a writer that forgot to.
  Savepoint effects(db);
  db.prepare("UPDATE rewards SET stock = stock - 1 WHERE id = ?1 AND (stock IS NULL OR stock > 0)")
      .bind(1, reward->id)
      .run();
  if (db.changes() == 0) {
    effects.rollback();
    return {true, problemResponse(409, "out-of-stock", "Out of stock",
                                  reward->name + " is out of stock.")};
  }

  db.prepare("UPDATE members SET points = points - ?1 WHERE id = ?2 AND points >= ?1")
      .bind(1, reward->cost)
      .bind(2, memberId)
      .run();
  if (db.changes() == 0) {
    effects.rollback();  // gives back the unit of stock taken above
    return {true, problemResponse(422, "insufficient-points", "Not enough points",
                                  shortfallDetail(program, reward->cost - member->points))};
  }
  spendExpiringPoints(db, memberId, reward->cost, today);

  const std::string createdAt = formatRfc3339Utc(nowUnix);
  const std::string redemptionId = newRedemptionId();
  const std::string code = newRedemptionCode(redemptionCodePrefix(program));
  db.prepare(
        "INSERT INTO redemptions (id, member_id, reward_id, points_spent, code, status,"
        " created_at) VALUES (?1, ?2, ?3, ?4, ?5, 'issued', ?6)")
      .bind(1, redemptionId)
      .bind(2, memberId)
      .bind(3, reward->id)
      .bind(4, reward->cost)
      .bind(5, code)
      .bind(6, createdAt)
      .run();
  appendLedgerEntry(
      db, memberId,
      {0, "redemption", -reward->cost, "Redeemed: " + reward->name, redemptionId, createdAt});
  effects.release();

  const std::optional<MemberRecord> updated = loadMember(db, memberId, today);
  const nlohmann::ordered_json body = {
      {"redemption",
       {
           {"id", redemptionId},
           {"rewardId", reward->id},
           {"rewardName", reward->name},
           {"code", code},
           {"status", "issued"},
           {"pointsSpent", reward->cost},
           {"createdAt", createdAt},
       }},
      {"member", memberJson(*updated, program)},
  };
  return {true, jsonResponse(body, 201)};
}
