// POST /v1/redemptions as a service, against a seeded scratch database: the
// business rules, every write a redemption makes (and that a refusal does
// not), and Idempotency-Key semantics. The time is injected, so early access
// and key expiry are tested on chosen days. Seeded balances: Grace 340
// (Explorer), Ada 1240 (Trailblazer), Katherine 2210 (Summit), Alan 8015 (Peak).

#include <gtest/gtest.h>

#include <atomic>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "api_checks.hpp"
#include "idempotency.hpp"
#include "member_record.hpp"
#include "redemption_request.hpp"
#include "scratch_database.hpp"
#include "stored_program.hpp"
#include "utc_time.hpp"

namespace {

using api_checks::detailOf;
using api_checks::header;
using api_checks::parsed;
using api_checks::problemSlug;
using scratch::noonAfter;
using scratch::queryInt;

const std::int64_t kNow = noonAfter(0);  // noon on the seed day

std::string bodyFor(const std::string& rewardId) { return R"({"rewardId":")" + rewardId + R"("})"; }

class RedemptionTest : public scratch::ScratchDatabaseTest {
 protected:
  void SetUp() override {
    ScratchDatabaseTest::SetUp();
    db_.emplace(openSeeded());
    program_ = loadStoredProgram(*db_);
  }

  ApiResponse redeemWithKey(const std::string& member, const std::string& rewardId,
                            const std::optional<std::string>& key, std::int64_t now = kNow) {
    return handleRedemptionRequest(*db_, program_.program, member, key, bodyFor(rewardId), now);
  }
  // A fresh key per call, for tests about the rules rather than the keys.
  ApiResponse redeem(const std::string& member, const std::string& rewardId,
                     std::int64_t now = kNow) {
    return redeemWithKey(member, rewardId, "key-" + std::to_string(++keys_), now);
  }

  std::int64_t points(const std::string& member) {
    Statement query = db_->prepare("SELECT points FROM members WHERE id = ?1");
    return query.bind(1, member).step() ? query.int64(0) : -1;
  }
  void setPoints(const std::string& member, std::int64_t points) {
    db_->prepare("UPDATE members SET points = ?1 WHERE id = ?2")
        .bind(1, points)
        .bind(2, member)
        .run();
  }
  std::optional<std::int64_t> stock(const std::string& reward) {
    Statement query = db_->prepare("SELECT stock FROM rewards WHERE id = ?1");
    query.bind(1, reward).step();
    return query.optionalInt64(0);
  }
  std::int64_t count(SqlText sql) { return queryInt(*db_, sql); }
  std::int64_t redemptions() { return count("SELECT COUNT(*) FROM redemptions"); }
  std::int64_t ledgerEntries() { return count("SELECT COUNT(*) FROM ledger"); }
  std::int64_t keyRecords() { return count("SELECT COUNT(*) FROM idempotency_keys"); }

  std::optional<Database> db_;
  StoredProgram program_;
  int keys_ = 0;
};

TEST_F(RedemptionTest, SuccessDebitsTheCostAndRecordsTheRedemptionAndTheLedgerEntry) {
  const std::int64_t ledgerBefore = ledgerEntries();
  const ApiResponse response = redeemWithKey("m_ada", "rw_cafe_creme_thermos", "first-thermos");
  ASSERT_EQ(response.status, 201) << response.body;
  EXPECT_EQ(response.contentType, "application/json; charset=utf-8");
  EXPECT_FALSE(header(response, "Idempotent-Replayed"));

  const auto body = parsed(response);
  const auto& redemption = body["redemption"];
  EXPECT_EQ(redemption.size(), 7u);
  EXPECT_TRUE(
      std::regex_match(redemption["id"].get<std::string>(), std::regex("rdm_[2-9a-hj-np-z]{20}")))
      << redemption["id"];
  EXPECT_EQ(redemption["rewardId"], "rw_cafe_creme_thermos");
  EXPECT_EQ(redemption["rewardName"], "Café Crème thermos");
  // No 0/O or 1/I: codes get read aloud at the till.
  EXPECT_TRUE(std::regex_match(redemption["code"].get<std::string>(),
                               std::regex("AUR-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}")))
      << redemption["code"];
  EXPECT_EQ(redemption["status"], "issued");
  EXPECT_EQ(redemption["pointsSpent"], 450);
  EXPECT_EQ(redemption["createdAt"], formatRfc3339Utc(kNow));

  // The member part is exactly GET /v1/member's view after the debit.
  const auto ada = loadMember(*db_, "m_ada", utcDateOf(kNow));
  EXPECT_EQ(body["member"].dump(), memberJson(*ada, program_.program).dump());
  EXPECT_EQ(body["member"]["points"], 1240 - 450);
  EXPECT_EQ(points("m_ada"), 790);

  Statement row = db_->prepare(
      "SELECT id, member_id, reward_id, points_spent, code, status, created_at FROM redemptions");
  ASSERT_TRUE(row.step());
  EXPECT_EQ(row.text(0), redemption["id"]);
  EXPECT_EQ(row.text(1), "m_ada");
  EXPECT_EQ(row.text(2), "rw_cafe_creme_thermos");
  EXPECT_EQ(row.int64(3), 450);
  EXPECT_EQ(row.text(4), redemption["code"]);
  EXPECT_EQ(row.text(5), "issued");
  EXPECT_EQ(row.text(6), formatRfc3339Utc(kNow));
  EXPECT_FALSE(row.step());

  EXPECT_EQ(ledgerEntries(), ledgerBefore + 1);
  Statement entry = db_->prepare(
      "SELECT member_id, kind, points, description, reference, created_at FROM ledger"
      " ORDER BY id DESC LIMIT 1");
  ASSERT_TRUE(entry.step());
  EXPECT_EQ(entry.text(0), "m_ada");
  EXPECT_EQ(entry.text(1), "redemption");
  EXPECT_EQ(entry.int64(2), -450);
  EXPECT_EQ(entry.text(3), "Redeemed: Café Crème thermos");
  EXPECT_EQ(entry.text(4), redemption["id"]);
  EXPECT_EQ(entry.text(5), formatRfc3339Utc(kNow));

  // The key's stored result is this response, byte for byte.
  Statement key = db_->prepare(
      "SELECT state, status, response_body, content_type FROM idempotency_keys"
      " WHERE member_id = 'm_ada' AND key = 'first-thermos'");
  ASSERT_TRUE(key.step());
  EXPECT_EQ(key.text(0), "done");
  EXPECT_EQ(key.int64(1), 201);
  EXPECT_EQ(key.text(2), response.body);
  EXPECT_EQ(key.text(3), response.contentType);
}

TEST_F(RedemptionTest, CodesAndIdsDifferEveryTime) {
  const auto first = parsed(redeem("m_alan", "rw_pinata_trail_mix"));
  const auto second = parsed(redeem("m_alan", "rw_pinata_trail_mix"));
  EXPECT_NE(first["redemption"]["code"], second["redemption"]["code"]);
  EXPECT_NE(first["redemption"]["id"], second["redemption"]["id"]);
  EXPECT_EQ(points("m_alan"), 8015 - 200);
}

TEST_F(RedemptionTest, SpendingUsesTheSoonestExpiringPointsFirst) {
  // Ada holds 200 points expiring on day 21 and 90 on day 60.
  ASSERT_EQ(redeem("m_ada", "rw_jalapeno_jerky_sampler").status, 201);  // 150
  auto ada = loadMember(*db_, "m_ada", scratch::kSeedDay);
  ASSERT_EQ(ada->expiring.size(), 2u);
  EXPECT_EQ(ada->expiring[0].points, 50);
  EXPECT_EQ(ada->expiring[1].points, 90);
  ASSERT_EQ(redeem("m_ada", "rw_pinata_trail_mix").status, 201);  // 100
  ada = loadMember(*db_, "m_ada", scratch::kSeedDay);
  ASSERT_EQ(ada->expiring.size(), 1u);
  EXPECT_EQ(ada->expiring[0].points, 40);
  EXPECT_EQ(ada->expiring[0].date, scratch::dayAfter(60));
}

TEST_F(RedemptionTest, LimitedStockIsTakenOneAtATimeAndUnlimitedStaysUnlimited) {
  ASSERT_EQ(redeem("m_alan", "rw_trail_map_print").status, 201);
  EXPECT_EQ(stock("rw_trail_map_print"), 1);
  ASSERT_EQ(redeem("m_alan", "rw_trail_map_print").status, 201);
  EXPECT_EQ(stock("rw_trail_map_print"), 0);
  ASSERT_EQ(redeem("m_alan", "rw_pinata_trail_mix").status, 201);
  EXPECT_EQ(stock("rw_pinata_trail_mix"), std::nullopt);
}

TEST_F(RedemptionTest, InsufficientPointsLeavesBalanceStockAndLedgerUntouched) {
  const std::int64_t redemptionsBefore = redemptions(), ledgerBefore = ledgerEntries();
  // Grace has 340; the stove costs 2200 and has 12 in stock. Its stock is
  // taken before the debit is refused, so this also shows that being undone.
  const ApiResponse response = redeemWithKey("m_grace", "rw_featherlight_stove", "stove");
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(problemSlug(response), "insufficient-points");
  EXPECT_EQ(detailOf(response), "You need 1860 more points for this reward.");
  EXPECT_EQ(points("m_grace"), 340);
  EXPECT_EQ(stock("rw_featherlight_stove"), 12);
  EXPECT_EQ(redemptions(), redemptionsBefore);
  EXPECT_EQ(ledgerEntries(), ledgerBefore);
  EXPECT_EQ(loadMember(*db_, "m_grace", scratch::kSeedDay)->expiring[0].points, 40);
}

TEST_F(RedemptionTest, AShortfallOfOneIsInTheSingular) {
  setPoints("m_ada", 449);
  EXPECT_EQ(detailOf(redeem("m_ada", "rw_cafe_creme_thermos")),
            "You need 1 more point for this reward.");
  setPoints("m_ada", 450);  // exactly enough
  EXPECT_EQ(redeem("m_ada", "rw_cafe_creme_thermos").status, 201);
  EXPECT_EQ(points("m_ada"), 0);
}

TEST_F(RedemptionTest, OutOfStockIsA409AndChangesNothing) {
  const std::int64_t ledgerBefore = ledgerEntries();
  const ApiResponse response = redeem("m_katherine", "rw_smorgasbord_picnic_set");
  EXPECT_EQ(response.status, 409);
  EXPECT_EQ(problemSlug(response), "out-of-stock");
  EXPECT_EQ(detailOf(response), "Smörgåsbord picnic set is out of stock.");
  EXPECT_EQ(points("m_katherine"), 2210);
  EXPECT_EQ(stock("rw_smorgasbord_picnic_set"), 0);
  EXPECT_EQ(redemptions(), 0);
  EXPECT_EQ(ledgerEntries(), ledgerBefore);
}

TEST_F(RedemptionTest, TierLockedRewardsAre403sNamingTheTier) {
  const ApiResponse summitOnly = redeem("m_ada", "rw_carbon_trekking_poles");
  EXPECT_EQ(summitOnly.status, 403);
  EXPECT_EQ(problemSlug(summitOnly), "tier-required");
  EXPECT_EQ(detailOf(summitOnly), "This reward is for Summit members and above.");
  EXPECT_EQ(detailOf(redeem("m_katherine", "rw_ultralight_tent")),
            "This reward is for Peak members.");
  EXPECT_EQ(points("m_ada"), 1240);
  EXPECT_EQ(points("m_katherine"), 2210);
  EXPECT_EQ(stock("rw_ultralight_tent"), 3);
  EXPECT_EQ(redemptions(), 0);

  // At or above the required tier is fine.
  setPoints("m_alan", 20000);
  EXPECT_EQ(redeem("m_alan", "rw_carbon_trekking_poles").status, 201);
  EXPECT_EQ(redeem("m_alan", "rw_ultralight_tent").status, 201);
}

TEST_F(RedemptionTest, EarlyAccessLocksLowerTiersThroughItsLastDayOnly) {
  // Trailhead Café voucher (300): early access for Summit and above until day 7.
  const ApiResponse early = redeem("m_ada", "rw_trailhead_cafe_voucher", noonAfter(0));
  EXPECT_EQ(early.status, 403);
  EXPECT_EQ(problemSlug(early), "tier-required");
  EXPECT_EQ(detailOf(early), "This reward is in early access for Summit members and above until " +
                                 scratch::dayAfter(7) + "; everyone can redeem it from " +
                                 scratch::dayAfter(8) + ".");
  EXPECT_EQ(redeem("m_ada", "rw_trailhead_cafe_voucher", noonAfter(7)).status, 403);
  EXPECT_EQ(redeem("m_ada", "rw_trailhead_cafe_voucher", noonAfter(8) - 43200).status, 201);
  EXPECT_EQ(points("m_ada"), 1240 - 300);
  // The early access tier itself may redeem from the start.
  EXPECT_EQ(redeem("m_katherine", "rw_trailhead_cafe_voucher", noonAfter(0)).status, 201);
  // An early access that ended before the seed day locks nobody out.
  setPoints("m_grace", 1000);
  EXPECT_EQ(redeem("m_grace", "rw_wildflower_photo_walk", noonAfter(0)).status, 201);
}

TEST_F(RedemptionTest, ARetryReplaysTheStoredResponseAndDebitsOnce) {
  const ApiResponse first = redeemWithKey("m_ada", "rw_cafe_creme_thermos", "k");
  ASSERT_EQ(first.status, 201);
  // The same request, re-serialised by the client, later on.
  const ApiResponse retry =
      handleRedemptionRequest(*db_, program_.program, "m_ada", std::string("k"),
                              "{ \"rewardId\" : \"rw_cafe_creme_thermos\" }\n", kNow + 3600);
  EXPECT_EQ(retry.status, 201);
  EXPECT_EQ(retry.contentType, first.contentType);
  EXPECT_EQ(retry.body, first.body);  // verbatim: same code, same createdAt, same balance
  EXPECT_EQ(header(retry, "Idempotent-Replayed"), "true");
  EXPECT_EQ(points("m_ada"), 790);
  EXPECT_EQ(redemptions(), 1);
}

TEST_F(RedemptionTest, RefusalsAreStoredAndReplayedToo) {
  const ApiResponse refused = redeemWithKey("m_grace", "rw_featherlight_stove", "k");
  ASSERT_EQ(refused.status, 422);
  // Even once Grace could afford it, this key's answer stays the stored one.
  setPoints("m_grace", 5000);
  const ApiResponse retry = redeemWithKey("m_grace", "rw_featherlight_stove", "k");
  EXPECT_EQ(retry.status, 422);
  EXPECT_EQ(retry.body, refused.body);
  EXPECT_EQ(retry.contentType, "application/problem+json");
  EXPECT_EQ(header(retry, "Idempotent-Replayed"), "true");
  EXPECT_EQ(points("m_grace"), 5000);
  EXPECT_EQ(redeemWithKey("m_grace", "rw_featherlight_stove", "k2").status, 201);
}

TEST_F(RedemptionTest, AKeyReusedForAnotherRewardIsRefused) {
  ASSERT_EQ(redeemWithKey("m_ada", "rw_cafe_creme_thermos", "k").status, 201);
  const ApiResponse reused = redeemWithKey("m_ada", "rw_pinata_trail_mix", "k");
  EXPECT_EQ(reused.status, 409);
  EXPECT_EQ(problemSlug(reused), "idempotency-key-reused");
  EXPECT_FALSE(header(reused, "Idempotent-Replayed"));
  EXPECT_EQ(points("m_ada"), 790);
  EXPECT_EQ(redemptions(), 1);
}

TEST_F(RedemptionTest, AKeyOlderThanADayIsNewAgain) {
  ASSERT_EQ(redeemWithKey("m_ada", "rw_cafe_creme_thermos", "k", kNow).status, 201);
  const std::int64_t dayLater = kNow + kIdempotencyKeyLifetimeSeconds;
  EXPECT_EQ(redeemWithKey("m_ada", "rw_pinata_trail_mix", "k", dayLater - 1).status, 409);
  // Expired: another request with the key executes...
  EXPECT_EQ(redeemWithKey("m_ada", "rw_pinata_trail_mix", "k", dayLater).status, 201);
  EXPECT_EQ(points("m_ada"), 1240 - 450 - 100);
  // ...and so would the first request again (a day-old retry is a new redemption).
  EXPECT_EQ(redeemWithKey("m_ada", "rw_cafe_creme_thermos", "k2", kNow).status, 201);
  const ApiResponse again = redeemWithKey("m_ada", "rw_cafe_creme_thermos", "k2",
                                          kNow + 2 * kIdempotencyKeyLifetimeSeconds);
  EXPECT_EQ(again.status, 422);  // executed, not replayed: 240 points left
  EXPECT_FALSE(header(again, "Idempotent-Replayed"));
}

TEST_F(RedemptionTest, ValidationFailuresStoreNothingSoTheKeyCanBeRetried) {
  for (const char* body :
       {"", "not json", "[]", "{}", R"({"rewardId":42})", R"({"rewardId":""})"}) {
    const ApiResponse response =
        handleRedemptionRequest(*db_, program_.program, "m_ada", std::string("k"), body, kNow);
    EXPECT_EQ(response.status, 400) << body;
    EXPECT_EQ(problemSlug(response), "invalid-request") << body;
  }
  EXPECT_EQ(keyRecords(), 0);

  const ApiResponse unknown = redeemWithKey("m_ada", "rw_no_such_reward", "k");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(problemSlug(unknown), "unknown-reward");
  EXPECT_EQ(keyRecords(), 0);

  // Fixed, the same key goes through.
  EXPECT_EQ(redeemWithKey("m_ada", "rw_cafe_creme_thermos", "k").status, 201);
  EXPECT_EQ(points("m_ada"), 790);
}

TEST_F(RedemptionTest, TheIdempotencyKeyIsRequiredAndChecked) {
  const ApiResponse missing = redeemWithKey("m_ada", "rw_cafe_creme_thermos", std::nullopt);
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(problemSlug(missing), "invalid-idempotency-key");
  EXPECT_NE(detailOf(missing).find("needs an Idempotency-Key"), std::string::npos);
  for (const std::string& key : {std::string(), std::string(256, 'k'), std::string("a key")}) {
    EXPECT_EQ(problemSlug(redeemWithKey("m_ada", "rw_cafe_creme_thermos", key)),
              "invalid-idempotency-key")
        << key;
  }
  EXPECT_EQ(points("m_ada"), 1240);
  EXPECT_EQ(keyRecords(), 0);
  EXPECT_EQ(redeemWithKey("m_ada", "rw_cafe_creme_thermos", std::string(255, 'k')).status, 201);
}

TEST_F(RedemptionTest, TheSameRequestWhileTheFirstRunsIsToldToRetry) {
  const std::string hash =
      idempotencyRequestHash("POST", kRedemptionsPath, bodyFor("rw_cafe_creme_thermos"));
  ASSERT_EQ(claimIdempotencyKey(*db_, "m_ada", "k", hash, kNow).status, KeyClaimStatus::Claimed);
  const ApiResponse inUse = redeemWithKey("m_ada", "rw_cafe_creme_thermos", "k", kNow + 1);
  EXPECT_EQ(inUse.status, 409);
  EXPECT_EQ(problemSlug(inUse), "idempotency-key-in-use");
  EXPECT_EQ(header(inUse, "Retry-After"), "1");
  EXPECT_EQ(points("m_ada"), 1240);
  // A claim whose request died is taken over once its lease is up.
  EXPECT_EQ(
      redeemWithKey("m_ada", "rw_cafe_creme_thermos", "k", kNow + kIdempotencyLeaseSeconds).status,
      201);
}

TEST_F(RedemptionTest, KeysAreScopedToTheMember) {
  EXPECT_EQ(redeemWithKey("m_ada", "rw_cafe_creme_thermos", "shared").status, 201);
  const ApiResponse other = redeemWithKey("m_katherine", "rw_cafe_creme_thermos", "shared");
  EXPECT_EQ(other.status, 201);
  EXPECT_FALSE(header(other, "Idempotent-Replayed"));
  EXPECT_EQ(points("m_katherine"), 2210 - 450);
}

// Separate connections on separate threads, as the server's workers have:
// BEGIN IMMEDIATE and the busy timeout serialise them, and the conditional
// debit holds the balance exactly, without any SQLITE_BUSY escaping.
TEST_F(RedemptionTest, ConcurrentRedemptionsNeverOverspendOrFail) {
  constexpr int kThreads = 12;
  std::atomic<int> created{0}, refused{0}, other{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      try {
        Database db = Database::open(pathOf("demo.sqlite3"));
        const ApiResponse response =
            handleRedemptionRequest(db, program_.program, "m_ada", "thread-" + std::to_string(i),
                                    bodyFor("rw_cafe_creme_thermos"), kNow);
        (response.status == 201 ? created : response.status == 422 ? refused : other)++;
      } catch (const std::exception&) {
        other++;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(created, 2);  // 1240 covers two 450-point thermoses
  EXPECT_EQ(refused, kThreads - 2);
  EXPECT_EQ(other, 0);
  EXPECT_EQ(points("m_ada"), 340);
  EXPECT_EQ(redemptions(), 2);
}

}  // namespace
