// The write limit where it meets Idempotency-Key (runIdempotentPost), for
// all three write routes: it is asked only for a request with a new key,
// never for a replay, a key in use or a reused key; its refusal is a 429
// with Retry-After that writes nothing, so the same key goes through later.

#include "write_admission.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <string>

#include "api_checks.hpp"
#include "event_request.hpp"
#include "game_commitment.hpp"
#include "idempotency.hpp"
#include "play_request.hpp"
#include "redemption_request.hpp"
#include "scratch_database.hpp"
#include "stored_program.hpp"

namespace {

using api_checks::detailOf;
using api_checks::header;
using api_checks::problemSlug;
using scratch::noonAfter;
using scratch::queryInt;

const std::int64_t kNow = noonAfter(0);
const std::string kThermos = R"({"rewardId":"rw_cafe_creme_thermos"})";  // 450 points
const std::string kWalk = R"({"type":"walk-day","value":9000})";

class WriteAdmissionTest : public scratch::ScratchDatabaseTest {
 protected:
  void SetUp() override {
    ScratchDatabaseTest::SetUp();
    db_.emplace(openSeeded());
    program_ = loadStoredProgram(*db_);
  }

  // An admission that counts how often it is asked, admitting while `open`.
  WriteAdmission counting() {
    return [this]() -> std::optional<ApiResponse> {
      ++asked_;
      if (open_) return std::nullopt;
      return rateLimitedResponse(WriteRoute::Redemptions, 120, 7);
    };
  }

  ApiResponse redeem(const std::string& key, const std::string& body = kThermos) {
    return handleRedemptionRequest(*db_, program_.program, "m_ada", key, body, kNow, counting());
  }
  ApiResponse event(const std::string& key, const std::string& body = kWalk) {
    return handleEventRequest(*db_, program_.program, "m_ada", key, body, kNow, counting());
  }
  std::string spinBody(const std::string& member = "m_ada") {
    return R"({"clientSeed":")" + std::string(32, 'a') + R"(","commitment":")" +
           commitmentOf(currentServerSeed(*db_, member, "spin-wheel")) + R"("})";
  }
  ApiResponse spin(const std::string& key, const std::string& body) {
    return handlePlayRequest(*db_, program_.program, "m_ada", "spin-wheel", key, body, kNow,
                             counting());
  }

  std::int64_t count(SqlText sql) { return queryInt(*db_, sql); }
  std::int64_t adaPoints() { return count("SELECT points FROM members WHERE id = 'm_ada'"); }

  std::optional<Database> db_;
  StoredProgram program_;
  int asked_ = 0;
  bool open_ = true;
};

TEST_F(WriteAdmissionTest, TheRefusalIsA429ProblemWithRetryAfter) {
  const ApiResponse response = rateLimitedResponse(WriteRoute::Plays, 120, 3);
  EXPECT_EQ(response.status, 429);
  EXPECT_EQ(response.contentType, "application/problem+json");
  EXPECT_EQ(problemSlug(response), "rate-limited");
  EXPECT_EQ(header(response, "Retry-After"), "3");
  EXPECT_EQ(detailOf(response),
            "Too many game plays in a short time (this backend takes 120 a minute per member). "
            "Nothing was done; send it again in 3 seconds, with the same Idempotency-Key.");
  EXPECT_NE(detailOf(rateLimitedResponse(WriteRoute::Events, 5, 1)).find("Too many events"),
            std::string::npos);
  EXPECT_NE(detailOf(rateLimitedResponse(WriteRoute::Events, 5, 1)).find("in 1 second,"),
            std::string::npos);
}

TEST_F(WriteAdmissionTest, ARefusedRedemptionWritesNothingAndItsKeyGoesThroughLater) {
  open_ = false;
  const ApiResponse refused = redeem("k");
  EXPECT_EQ(refused.status, 429);
  EXPECT_EQ(header(refused, "Retry-After"), "7");
  EXPECT_EQ(asked_, 1);
  EXPECT_EQ(adaPoints(), 1240);
  EXPECT_EQ(count("SELECT COUNT(*) FROM redemptions"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM idempotency_keys"), 0);  // no claim, nothing to replay

  open_ = true;
  const ApiResponse later = redeem("k");
  EXPECT_EQ(later.status, 201);
  EXPECT_FALSE(header(later, "Idempotent-Replayed"));
  EXPECT_EQ(adaPoints(), 1240 - 450);
}

TEST_F(WriteAdmissionTest, ReplaysKeysInUseAndReusedKeysAreNeverCounted) {
  ASSERT_EQ(redeem("k").status, 201);
  ASSERT_EQ(asked_, 1);
  open_ = false;  // the member is over the limit from here on
  const ApiResponse replay = redeem("k");
  EXPECT_EQ(replay.status, 201);
  EXPECT_EQ(header(replay, "Idempotent-Replayed"), "true");
  EXPECT_EQ(problemSlug(redeem("k", R"({"rewardId":"rw_pinata_trail_mix"})")),
            "idempotency-key-reused");
  const std::string hash = idempotencyRequestHash("POST", kRedemptionsPath, kThermos);
  ASSERT_EQ(claimIdempotencyKey(*db_, "m_ada", "running", hash, kNow).status,
            KeyClaimStatus::Claimed);
  EXPECT_EQ(problemSlug(redeem("running")), "idempotency-key-in-use");
  EXPECT_EQ(problemSlug(redeem(std::string(256, 'k'))), "invalid-idempotency-key");
  EXPECT_EQ(asked_, 1);
  // A new key is asked, and refused.
  EXPECT_EQ(redeem("k2").status, 429);
  EXPECT_EQ(asked_, 2);
  EXPECT_EQ(adaPoints(), 1240 - 450);
}

TEST_F(WriteAdmissionTest, ARefusedPlayKeepsItsCommitmentAndItsPlay) {
  const std::string body = spinBody();
  open_ = false;
  EXPECT_EQ(spin("p", body).status, 429);
  EXPECT_EQ(count("SELECT COUNT(*) FROM plays"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM idempotency_keys"), 0);
  open_ = true;
  const ApiResponse played = spin("p", body);  // the commitment is still the current one
  EXPECT_EQ(played.status, 201) << played.body;
  open_ = false;
  const ApiResponse replay = spin("p", body);
  EXPECT_EQ(replay.body, played.body);
  EXPECT_EQ(header(replay, "Idempotent-Replayed"), "true");
  EXPECT_EQ(asked_, 2);
}

TEST_F(WriteAdmissionTest, ARefusedEventRecordsNothing) {
  const std::int64_t seeded = count("SELECT COUNT(*) FROM events");  // the demo members'
  open_ = false;
  EXPECT_EQ(event("e").status, 429);
  EXPECT_EQ(count("SELECT COUNT(*) FROM events"), seeded);
  EXPECT_EQ(count("SELECT COUNT(*) FROM idempotency_keys"), 0);
  open_ = true;
  const ApiResponse recorded = event("e");
  EXPECT_EQ(recorded.status, 201);
  open_ = false;
  EXPECT_EQ(event("e").body, recorded.body);
  EXPECT_EQ(count("SELECT COUNT(*) FROM events"), seeded + 1);
}

TEST_F(WriteAdmissionTest, TheLimiterAdmissionCountsPerRouteAndMember) {
  EXPECT_FALSE(writeLimitAdmission(nullptr, WriteRoute::Events, "m_ada"));  // no limit
  WriteRateLimiter limiter(1);
  const auto admit = [&](WriteRoute route, const std::string& member) {
    return writeLimitAdmission(&limiter, route, member)();
  };
  EXPECT_FALSE(admit(WriteRoute::Events, "m_ada"));
  const std::optional<ApiResponse> refused = admit(WriteRoute::Events, "m_ada");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 429);
  EXPECT_EQ(problemSlug(*refused), "rate-limited");
  const std::string retryAfter = header(*refused, "Retry-After").value_or("");
  EXPECT_TRUE(retryAfter == "59" || retryAfter == "60") << retryAfter;
  // Another route, another member: their own allowances.
  EXPECT_FALSE(admit(WriteRoute::Redemptions, "m_ada"));
  EXPECT_FALSE(admit(WriteRoute::Plays, "m_ada"));
  EXPECT_FALSE(admit(WriteRoute::Events, "m_grace"));
}

}  // namespace
