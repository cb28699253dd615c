// Idempotency-Key records on their own: which keys are valid, what counts as
// the same request, and the claim -> complete / release life cycle with its
// lease and 24-hour lifetime.

#include "idempotency.hpp"

#include <gtest/gtest.h>

#include <string>

#include "scratch_database.hpp"

namespace {

using scratch::queryInt;

TEST(IdempotencyKey, AcceptsOneTo255VisibleAsciiCharacters) {
  EXPECT_TRUE(isValidIdempotencyKey("a"));
  EXPECT_TRUE(isValidIdempotencyKey("0f8fad5b-d9cb-469f-a165-70867728950e"));
  EXPECT_TRUE(isValidIdempotencyKey("!~{}[]\"'\\"));
  EXPECT_TRUE(isValidIdempotencyKey(std::string(255, 'k')));
  EXPECT_FALSE(isValidIdempotencyKey(""));
  EXPECT_FALSE(isValidIdempotencyKey(std::string(256, 'k')));
  EXPECT_FALSE(isValidIdempotencyKey("has space"));
  EXPECT_FALSE(isValidIdempotencyKey("tab\there"));
  EXPECT_FALSE(isValidIdempotencyKey(std::string("nul\0byte", 8)));
  EXPECT_FALSE(isValidIdempotencyKey("del\x7f"));
  EXPECT_FALSE(isValidIdempotencyKey("cl\xc3\xa9"));  // "clé": not ASCII
}

TEST(IdempotencyKey, TheRequestHashIgnoresJsonFormattingOnly) {
  const std::string hash = idempotencyRequestHash("POST", "/v1/redemptions", R"({"rewardId":"a"})");
  EXPECT_EQ(hash.size(), 64u);
  EXPECT_EQ(hash, idempotencyRequestHash("POST", "/v1/redemptions", " { \"rewardId\" : \"a\" }\n"));
  EXPECT_EQ(idempotencyRequestHash("POST", "/v1/redemptions", R"({"a":1,"b":2})"),
            idempotencyRequestHash("POST", "/v1/redemptions", R"({"b":2,"a":1})"));
  EXPECT_NE(hash, idempotencyRequestHash("POST", "/v1/redemptions", R"({"rewardId":"b"})"));
  EXPECT_NE(hash, idempotencyRequestHash("POST", "/v1/other", R"({"rewardId":"a"})"));
  // Not JSON: hashed as sent.
  EXPECT_EQ(idempotencyRequestHash("POST", "/v1/redemptions", "not json"),
            idempotencyRequestHash("POST", "/v1/redemptions", "not json"));
  EXPECT_NE(idempotencyRequestHash("POST", "/v1/redemptions", "not json"),
            idempotencyRequestHash("POST", "/v1/redemptions", "not  json"));
}

class IdempotencyRecords : public scratch::ScratchDatabaseTest {
 protected:
  void SetUp() override {
    ScratchDatabaseTest::SetUp();
    db_.emplace(openSeeded());
  }
  KeyClaim claim(const std::string& hash, std::int64_t now, const char* key = "key-1",
                 const char* member = "m_ada") {
    return claimIdempotencyKey(*db_, member, key, hash, now);
  }
  std::optional<Database> db_;
};

constexpr std::int64_t kNow = 1'780'000'000;
const ApiResponse kStored{201, "application/json; charset=utf-8", R"({"ok":true})", {}};

TEST_F(IdempotencyRecords, TheSameRequestIsInUseThenReplayed) {
  const KeyClaim first = claim("h1", kNow);
  ASSERT_EQ(first.status, KeyClaimStatus::Claimed);
  EXPECT_EQ(first.claimedAtUnix, kNow);
  EXPECT_EQ(claim("h1", kNow + 1).status, KeyClaimStatus::InUse);
  EXPECT_EQ(claim("h2", kNow + 1).status, KeyClaimStatus::Reused);

  EXPECT_TRUE(completeIdempotencyKey(*db_, "m_ada", "key-1", first.claimedAtUnix, kStored));
  const KeyClaim replay = claim("h1", kNow + 2);
  ASSERT_EQ(replay.status, KeyClaimStatus::Replay);
  EXPECT_EQ(replay.stored.status, 201);
  EXPECT_EQ(replay.stored.contentType, kStored.contentType);
  EXPECT_EQ(replay.stored.body, kStored.body);
  EXPECT_EQ(claim("h2", kNow + 2).status, KeyClaimStatus::Reused);
}

TEST_F(IdempotencyRecords, KeysBelongToOneMember) {
  ASSERT_EQ(claim("h1", kNow, "shared").status, KeyClaimStatus::Claimed);
  EXPECT_EQ(claim("h2", kNow, "shared", "m_grace").status, KeyClaimStatus::Claimed);
}

TEST_F(IdempotencyRecords, ReleaseFreesTheKey) {
  const KeyClaim first = claim("h1", kNow);
  releaseIdempotencyKey(*db_, "m_ada", "key-1", first.claimedAtUnix);
  EXPECT_EQ(queryInt(*db_, "SELECT COUNT(*) FROM idempotency_keys"), 0);
  EXPECT_EQ(claim("h2", kNow).status, KeyClaimStatus::Claimed);  // even for another request
}

TEST_F(IdempotencyRecords, TheReleaseGuardFreesTheKeyUnlessDismissed) {
  { IdempotencyClaimRelease release(*db_, "m_ada", "key-1", claim("h1", kNow).claimedAtUnix); }
  EXPECT_EQ(queryInt(*db_, "SELECT COUNT(*) FROM idempotency_keys"), 0);
  {
    IdempotencyClaimRelease release(*db_, "m_ada", "key-1", claim("h1", kNow).claimedAtUnix);
    release.dismiss();
  }
  EXPECT_EQ(queryInt(*db_, "SELECT COUNT(*) FROM idempotency_keys"), 1);
}

TEST_F(IdempotencyRecords, AnAbandonedClaimIsTakenOverAfterItsLease) {
  const KeyClaim abandoned = claim("h1", kNow);
  EXPECT_EQ(claim("h1", kNow + kIdempotencyLeaseSeconds - 1).status, KeyClaimStatus::InUse);
  const KeyClaim takeover = claim("h1", kNow + kIdempotencyLeaseSeconds);
  ASSERT_EQ(takeover.status, KeyClaimStatus::Claimed);
  // The first request, should it still be alive, can neither store its
  // result nor free the key it no longer holds.
  EXPECT_FALSE(completeIdempotencyKey(*db_, "m_ada", "key-1", abandoned.claimedAtUnix, kStored));
  releaseIdempotencyKey(*db_, "m_ada", "key-1", abandoned.claimedAtUnix);
  EXPECT_EQ(queryInt(*db_, "SELECT COUNT(*) FROM idempotency_keys WHERE state = 'running'"), 1);
  EXPECT_TRUE(completeIdempotencyKey(*db_, "m_ada", "key-1", takeover.claimedAtUnix, kStored));
}

TEST_F(IdempotencyRecords, AKeyLivesTwentyFourHours) {
  ASSERT_TRUE(
      completeIdempotencyKey(*db_, "m_ada", "key-1", claim("h1", kNow).claimedAtUnix, kStored));
  const std::int64_t lastSecond = kNow + kIdempotencyKeyLifetimeSeconds - 1;
  EXPECT_EQ(claim("h2", lastSecond).status, KeyClaimStatus::Reused);
  EXPECT_EQ(claim("h1", lastSecond).status, KeyClaimStatus::Replay);
  // From then on the key is new, whatever the request.
  EXPECT_EQ(claim("h2", kNow + kIdempotencyKeyLifetimeSeconds).status, KeyClaimStatus::Claimed);
}

TEST_F(IdempotencyRecords, FindingAKeyTellsWhatAClaimWouldAndWritesNothing) {
  const auto find = [&](const std::string& hash, std::int64_t now) {
    return findIdempotencyKey(*db_, "m_ada", "key-1", hash, now);
  };
  EXPECT_FALSE(find("h1", kNow));
  EXPECT_EQ(queryInt(*db_, "SELECT COUNT(*) FROM idempotency_keys"), 0);

  const KeyClaim first = claim("h1", kNow);
  EXPECT_EQ(find("h1", kNow + 1)->status, KeyClaimStatus::InUse);
  EXPECT_EQ(find("h2", kNow + 1)->status, KeyClaimStatus::Reused);
  EXPECT_FALSE(find("h1", kNow + kIdempotencyLeaseSeconds));  // abandoned: free to take over

  ASSERT_TRUE(completeIdempotencyKey(*db_, "m_ada", "key-1", first.claimedAtUnix, kStored));
  const auto replay = find("h1", kNow + 2);
  ASSERT_TRUE(replay);
  EXPECT_EQ(replay->status, KeyClaimStatus::Replay);
  EXPECT_EQ(replay->stored.body, kStored.body);
  // Expired, though not yet purged: free.
  EXPECT_FALSE(find("h2", kNow + kIdempotencyKeyLifetimeSeconds));
  EXPECT_EQ(queryInt(*db_, "SELECT COUNT(*) FROM idempotency_keys"), 1);
}

TEST_F(IdempotencyRecords, ClaimingPurgesTheMembersExpiredKeys) {
  ASSERT_EQ(claim("h", kNow, "old-1").status, KeyClaimStatus::Claimed);
  ASSERT_EQ(claim("h", kNow, "old-2").status, KeyClaimStatus::Claimed);
  ASSERT_EQ(claim("h", kNow, "grace-old", "m_grace").status, KeyClaimStatus::Claimed);
  ASSERT_EQ(claim("h", kNow + kIdempotencyKeyLifetimeSeconds, "new").status,
            KeyClaimStatus::Claimed);
  EXPECT_EQ(queryInt(*db_, "SELECT COUNT(*) FROM idempotency_keys WHERE member_id = 'm_ada'"), 1);
  // Another member's keys wait for that member's next request.
  EXPECT_EQ(queryInt(*db_, "SELECT COUNT(*) FROM idempotency_keys WHERE member_id = 'm_grace'"), 1);
}

}  // namespace
