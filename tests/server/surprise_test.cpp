// Surprises and dismissals, against a seeded scratch database: granting one
// (the surprise, the balance and the ledger in one transaction), which
// surprises GET /v1/moments lists (not acknowledged, oldest first, at most
// 20), and its `dismissed` list (acknowledged and dismissed subjects, each
// once, most recent first, at most 200). Events go through POST /v1/events'
// own handler, as the widget sends them.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <variant>
#include <vector>

#include "event_request.hpp"
#include "grant_surprise.hpp"
#include "ledger.hpp"
#include "member_record.hpp"
#include "moments_listing.hpp"
#include "scratch_database.hpp"
#include "stored_program.hpp"
#include "surprise_body.hpp"
#include "surprise_record.hpp"
#include "utc_time.hpp"

namespace {

using nlohmann::ordered_json;
using scratch::dayAfter;
using scratch::kSeedDay;
using scratch::noonAfter;
using scratch::queryInt;

const std::int64_t kNow = noonAfter(0);

class SurpriseTest : public scratch::ScratchDatabaseTest {
 protected:
  void SetUp() override {
    ScratchDatabaseTest::SetUp();
    db_.emplace(openSeeded());
    program_ = loadStoredProgram(*db_).program;
  }

  // POST /v1/events with a fresh Idempotency-Key; the status it got.
  int sendEvent(const std::string& memberId, const std::string& type, const std::string& subject,
                std::int64_t occurredAt = kNow) {
    const nlohmann::json body = {
        {"type", type}, {"subject", subject}, {"occurredAt", formatRfc3339Utc(occurredAt)}};
    return handleEventRequest(*db_, program_, memberId, "key-" + std::to_string(++keys_),
                              body.dump(), kNow)
        .status;
  }

  std::vector<std::string> surpriseIds(const std::string& memberId) {
    const ordered_json moments = momentsJson(*db_, program_, memberId, kNow);
    std::vector<std::string> ids;
    for (const auto& surprise : moments["surprises"]) {
      ids.push_back(surprise["id"].get<std::string>());
    }
    return ids;
  }

  std::vector<std::string> dismissed(const std::string& memberId) {
    return momentsJson(*db_, program_, memberId, kNow)["dismissed"].get<std::vector<std::string>>();
  }

  std::optional<Database> db_;
  kindred::Program program_;
  int keys_ = 0;
};

TEST_F(SurpriseTest, AGrantCreditsTheBalanceWritesTheLedgerAndIsListed) {
  const MemberRecord before = *loadMember(*db_, "m_grace", kSeedDay);
  const std::int64_t entriesBefore = queryInt(*db_, "SELECT COUNT(*) FROM ledger");
  // 03:30 UTC on the seed day is still the day before in New York.
  const std::int64_t at = noonAfter(0) - 8 * 3600 - 30 * 60;
  const std::optional<SurpriseRecord> granted =
      grantSurprise(*db_, "m_grace", 75, "Merci, Grace ✨", at);
  ASSERT_TRUE(granted);
  EXPECT_TRUE(std::regex_match(granted->id, std::regex("srp_[2-9a-hj-np-z]{20}"))) << granted->id;
  EXPECT_EQ(granted->points, 75);
  EXPECT_EQ(granted->message, "Merci, Grace ✨");
  EXPECT_EQ(granted->grantedOn, dayAfter(-1));
  EXPECT_EQ(granted->grantedAt, dayAfter(0) + "T03:30:00Z");

  // Balance and lifetime total, not qualifying points: a gift moves no tier.
  const MemberRecord after = *loadMember(*db_, "m_grace", kSeedDay);
  EXPECT_EQ(after.points, before.points + 75);
  EXPECT_EQ(after.lifetimePoints, before.lifetimePoints + 75);
  EXPECT_EQ(after.qualifyingPoints, before.qualifyingPoints);
  EXPECT_EQ(after.expiring.size(), before.expiring.size());  // credited points join no bucket

  EXPECT_EQ(queryInt(*db_, "SELECT COUNT(*) FROM ledger"), entriesBefore + 1);
  const LedgerEntry newest = listLedger(*db_, "m_grace", std::nullopt, 1).at(0);
  EXPECT_EQ(newest.kind, "surprise");
  EXPECT_EQ(newest.points, 75);
  EXPECT_EQ(newest.description, "Surprise: Merci, Grace ✨");
  EXPECT_EQ(newest.reference, granted->id);
  EXPECT_EQ(newest.createdAt, granted->grantedAt);

  // Listed after the seeded one (oldest first), as the route answers it.
  EXPECT_EQ(surpriseIds("m_grace"), (std::vector<std::string>{"sg_01", granted->id}));
  EXPECT_EQ(momentsJson(*db_, program_, "m_grace", kNow)["surprises"][1],
            (ordered_json{{"id", granted->id},
                          {"points", 75},
                          {"message", "Merci, Grace ✨"},
                          {"grantedOn", dayAfter(-1)}}));
  EXPECT_EQ(surpriseJson(*granted), momentsJson(*db_, program_, "m_grace", kNow)["surprises"][1]);
}

TEST_F(SurpriseTest, AGrantIsOneTransaction) {
  const std::int64_t pointsBefore = loadMember(*db_, "m_ada", kSeedDay)->points;
  // The ledger refuses the last of the grant's three writes.
  db_->prepare(
         "CREATE TRIGGER refuse_ledger BEFORE INSERT ON ledger"
         " BEGIN SELECT RAISE(ABORT, 'ledger closed'); END")
      .run();
  EXPECT_THROW(grantSurprise(*db_, "m_ada", 40, "Hello", kNow), DatabaseError);
  EXPECT_EQ(queryInt(*db_, "SELECT COUNT(*) FROM surprises WHERE member_id = 'm_ada'"), 0);
  EXPECT_EQ(loadMember(*db_, "m_ada", kSeedDay)->points, pointsBefore);
  EXPECT_TRUE(surpriseIds("m_ada").empty());

  db_->prepare("DROP TRIGGER refuse_ledger").run();
  ASSERT_TRUE(grantSurprise(*db_, "m_ada", 40, "Hello", kNow));
  EXPECT_EQ(loadMember(*db_, "m_ada", kSeedDay)->points, pointsBefore + 40);
}

TEST_F(SurpriseTest, AGrantToNoMemberWritesNothing) {
  const std::int64_t entries = queryInt(*db_, "SELECT COUNT(*) FROM ledger");
  EXPECT_FALSE(grantSurprise(*db_, "m_nobody", 10, "Hello", kNow));
  EXPECT_EQ(queryInt(*db_, "SELECT COUNT(*) FROM surprises"), 1);  // Grace's seeded one
  EXPECT_EQ(queryInt(*db_, "SELECT COUNT(*) FROM ledger"), entries);
}

TEST_F(SurpriseTest, AnAcknowledgedSurpriseIsNoLongerListedAndItsPointsStay) {
  const std::int64_t points = loadMember(*db_, "m_grace", kSeedDay)->points;
  // Not Grace's acknowledgement, not this surprise's subject, not an acknowledgement.
  ASSERT_EQ(sendEvent("m_ada", "moment-acknowledged", "surprise:sg_01"), 201);
  ASSERT_EQ(sendEvent("m_grace", "moment-acknowledged", "surprise:sg_0"), 201);
  ASSERT_EQ(sendEvent("m_grace", "moment-acknowledged", "sg_01"), 201);
  ASSERT_EQ(sendEvent("m_grace", "review-written", "surprise:sg_01"), 201);
  EXPECT_EQ(surpriseIds("m_grace"), std::vector<std::string>{"sg_01"});
  // Dismissing is not acknowledging: the card is silenced (its key is in
  // `dismissed`), but the gift is still listed.
  ASSERT_EQ(sendEvent("m_grace", "moment-dismissed", "surprise:sg_01"), 201);
  EXPECT_EQ(surpriseIds("m_grace"), std::vector<std::string>{"sg_01"});

  ASSERT_EQ(sendEvent("m_grace", "moment-acknowledged", "surprise:sg_01"), 201);
  EXPECT_TRUE(surpriseIds("m_grace").empty());
  EXPECT_EQ(loadMember(*db_, "m_grace", kSeedDay)->points, points);
  // A surprise granted later has its own id, so it is listed.
  const auto next = grantSurprise(*db_, "m_grace", 5, "Again", kNow);
  EXPECT_EQ(surpriseIds("m_grace"), std::vector<std::string>{next->id});
}

TEST_F(SurpriseTest, AtMostTwentySurprisesAreListedOldestFirst) {
  std::vector<std::string> granted = {"sg_01"};
  for (int i = 0; i < 21; ++i)
    granted.push_back(grantSurprise(*db_, "m_grace", 1, "x", kNow + i)->id);
  EXPECT_EQ(surpriseIds("m_grace"),
            std::vector<std::string>(granted.begin(), granted.begin() + kSurprisesListed));
  EXPECT_EQ(kSurprisesListed, 20);
  // Acknowledging the oldest lets the next one in.
  ASSERT_EQ(sendEvent("m_grace", "moment-acknowledged", "surprise:sg_01"), 201);
  EXPECT_EQ(surpriseIds("m_grace"),
            std::vector<std::string>(granted.begin() + 1, granted.begin() + 21));
  // Granted in one second: listed in the order they were granted.
  std::vector<std::string> sameSecond;
  for (int i = 0; i < 3; ++i) sameSecond.push_back(grantSurprise(*db_, "m_ada", 1, "y", kNow)->id);
  EXPECT_EQ(surpriseIds("m_ada"), sameSecond);
}

TEST_F(SurpriseTest, DismissedHoldsAcknowledgedAndDismissedSubjectsMostRecentFirst) {
  ASSERT_EQ(sendEvent("m_ada", "moment-dismissed", "expiring:2026-03-22", kNow - 300), 201);
  ASSERT_EQ(sendEvent("m_ada", "moment-acknowledged", "surprise:s1", kNow - 200), 201);
  ASSERT_EQ(sendEvent("m_ada", "moment-dismissed", "birthday:2026-03", kNow - 100), 201);
  // Other types, and other members' dismissals, are not the member's dismissals.
  ASSERT_EQ(sendEvent("m_ada", "review-written", "incentive:reward-60"), 201);
  ASSERT_EQ(sendEvent("m_grace", "moment-dismissed", "incentive:reward-10"), 201);
  EXPECT_EQ(dismissed("m_ada"),
            (std::vector<std::string>{"birthday:2026-03", "surprise:s1", "expiring:2026-03-22"}));
  // Dismissed again on another device: listed once, as of the later time.
  ASSERT_EQ(sendEvent("m_ada", "moment-dismissed", "expiring:2026-03-22", kNow - 50), 201);
  EXPECT_EQ(dismissed("m_ada"),
            (std::vector<std::string>{"expiring:2026-03-22", "birthday:2026-03", "surprise:s1"}));
  // Recorded in one second: the later recorded comes first.
  ASSERT_EQ(sendEvent("m_ada", "moment-dismissed", "countdown:a", kNow), 201);
  ASSERT_EQ(sendEvent("m_ada", "moment-dismissed", "countdown:b", kNow), 201);
  EXPECT_EQ(dismissed("m_ada").at(0), "countdown:b");
  EXPECT_EQ(dismissed("m_ada").at(1), "countdown:a");
  EXPECT_EQ(dismissed("m_katherine"), std::vector<std::string>{});
}

TEST_F(SurpriseTest, DismissedKeepsTheMostRecentTwoHundred) {
  for (int i = 0; i < 205; ++i) {
    ASSERT_EQ(sendEvent("m_alan", i % 2 ? "moment-dismissed" : "moment-acknowledged",
                        "incentive:i" + std::to_string(i), kNow - 1000 + i),
              201);
  }
  const std::vector<std::string> listed = dismissed("m_alan");
  ASSERT_EQ(listed.size(), 200u);
  EXPECT_EQ(kDismissedListed, 200);
  EXPECT_EQ(listed.front(), "incentive:i204");
  EXPECT_EQ(listed.back(), "incentive:i5");
}

TEST_F(SurpriseTest, TheDemoBodyIsStrict) {
  const auto problemOf = [](const std::string& body) {
    const auto parsed = parseSurpriseBody(body);
    const auto* problem = std::get_if<std::string>(&parsed);
    return problem ? *problem : std::string("accepted");
  };
  const std::string prefix =
      R"(The body must be {"memberId":"<member id>","points":<1 to 1000000>,)"
      R"("message":"<1 to 120 characters>"}; )";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", "the body is not a JSON object"},
      {"[]", "the body is not a JSON object"},
      {R"({"memberId":"m","points":5,"message":"M","id":"x"})", "\"id\" is not a field of it"},
      {R"({"points":5,"message":"M"})", "memberId is missing"},
      {R"({"memberId":"","points":5,"message":"M"})", "memberId is not a non-empty string"},
      {R"({"memberId":7,"points":5,"message":"M"})", "memberId is not a non-empty string"},
      {R"({"memberId":"m","message":"M"})", "points is missing"},
      {R"({"memberId":"m","points":0,"message":"M"})", "points is not an integer in that range"},
      {R"({"memberId":"m","points":-5,"message":"M"})", "points is not an integer in that range"},
      {R"({"memberId":"m","points":1000001,"message":"M"})",
       "points is not an integer in that range"},
      {R"({"memberId":"m","points":18446744073709551615,"message":"M"})",
       "points is not an integer in that range"},
      {R"({"memberId":"m","points":5.5,"message":"M"})", "points is not an integer in that range"},
      {R"({"memberId":"m","points":"5","message":"M"})", "points is not an integer in that range"},
      {R"({"memberId":"m","points":5})", "message is missing"},
      {R"({"memberId":"m","points":5,"message":null})", "message is not a string"},
      {R"({"memberId":"m","points":5,"message":""})", "message has 0 characters"},
      {R"({"memberId":"m","points":5,"message":")" + std::string(121, 'm') + R"("})",
       "message has 121 characters"},
  };
  for (const auto& [body, problem] : cases) {
    EXPECT_EQ(problemOf(body), prefix + problem + ".") << body;
  }
  std::string accents;
  for (int i = 0; i < 120; ++i) accents += "\xc3\xa9";  // é, two bytes each
  const auto parsed = parseSurpriseBody(
      nlohmann::json{{"memberId", "m_ada"}, {"points", 1000000}, {"message", accents}}.dump());
  ASSERT_TRUE(std::holds_alternative<SurpriseBody>(parsed));
  EXPECT_EQ(std::get<SurpriseBody>(parsed).message, accents);
  EXPECT_EQ(std::get<SurpriseBody>(parsed).points, 1000000);
}

}  // namespace
