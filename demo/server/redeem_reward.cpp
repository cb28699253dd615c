#include "redeem_reward.hpp"

#include <optional>
#include <string>

#include "ledger.hpp"
#include "member_points.hpp"
#include "member_record.hpp"
#include "random_codes.hpp"
#include "reward_access.hpp"
#include "reward_record.hpp"
#include "utc_time.hpp"

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

  // From here on every check is a conditional write that reports whether it
  // held: reading first and writing after is the classic double-spend race
  // (two requests both see enough stock or points, both take them).
  Savepoint effects(db);
  db.prepare("UPDATE rewards SET stock = stock - 1 WHERE id = ?1 AND (stock IS NULL OR stock > 0)")
      .bind(1, reward->id)
      .run();
  if (db.changes() == 0) {
    effects.rollback();
    return {true, problemResponse(409, "out-of-stock", "Out of stock",
                                  reward->name + " is out of stock.")};
  }

  if (!debitPoints(db, memberId, reward->cost, today)) {
    effects.rollback();  // gives back the unit of stock taken above
    return {true, problemResponse(
                      422, "insufficient-points", "Not enough points",
                      shortfallDetail(program, reward->cost - member->points, "this reward"))};
  }

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
      {0, "redemption", -reward->cost, "Redeemed: " + reward->name, redemptionId, createdAt, std::nullopt});
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
