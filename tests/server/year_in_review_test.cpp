// The impact counter and the year in review, against a seeded scratch
// database: units from purchases only, each member's rounded down on its
// own; the year's points, redemptions, games won (a prize of no points
// counts, "try again" and check-ins do not), badges and tier journey, each
// on the member's own calendar around New Year.

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "challenge_progress.hpp"
#include "grant_surprise.hpp"
#include "ledger.hpp"
#include "moments_listing.hpp"
#include "redemption_request.hpp"
#include "scratch_database.hpp"
#include "stored_program.hpp"
#include "utc_time.hpp"

namespace {

using nlohmann::ordered_json;
using scratch::noonAfter;

const std::int64_t kNow = noonAfter(0);  // 1 March 2026, 12:00 UTC

class YearInReviewTest : public scratch::ScratchDatabaseTest {
 protected:
  void SetUp() override {
    ScratchDatabaseTest::SetUp();
    db_.emplace(openSeeded());
    program_ = loadStoredProgram(*db_).program;
  }

  ordered_json moments(const std::string& member, std::int64_t now = kNow) {
    return momentsJson(*db_, program_, member, now);
  }

  void addEntry(const std::string& member, const char* kind, std::int64_t points,
                const char* createdAt) {
    appendLedgerEntry(*db_, member, {0, kind, points, "Entry", {}, createdAt, {}});
  }

  // A play of `game` on the member's `localDate`, as play_game.cpp stores one.
  void addPlay(const std::string& id, const char* game, std::optional<std::int64_t> prizeIndex,
               std::int64_t pointsWon, const char* localDate) {
    db_->prepare(
           "INSERT INTO plays (id, member_id, game_id, prize_index, points_spent, points_won,"
           " local_date, created_at, created_at_unix) VALUES (?1, 'm_grace', ?2, ?3, 0, ?4, ?5,"
           " ?5 || 'T15:00:00Z', 0)")
        .bind(1, id)
        .bind(2, std::string_view(game))
        .bindNullable(3, prizeIndex)
        .bind(4, pointsWon)
        .bind(5, std::string_view(localDate))
        .run();
  }

  std::optional<Database> db_;
  kindred::Program program_;
};

TEST_F(YearInReviewTest, TheImpactCounterCountsPurchasesOnly) {
  // 340, 1860, 2760 and 5175 points of purchases; 500 plant a tree.
  const std::pair<const char*, int> demo[] = {
      {"m_grace", 0}, {"m_ada", 3}, {"m_katherine", 5}, {"m_alan", 10}};
  for (const auto& [member, units] : demo) {
    EXPECT_EQ(moments(member)["impact"], (ordered_json{{"label", "trees planted"},
                                                       {"memberUnits", units},
                                                       {"communityUnits", 14000 + 18}}))
        << member;
    EXPECT_EQ(moments(member)["yearInReview"]["impactUnits"], units) << member;
  }
  // Gifts, prizes, check-ins, adjustments and refunds plant nothing.
  ASSERT_TRUE(grantSurprise(*db_, "m_grace", 1000, "A gift", kNow));
  addEntry("m_grace", "game_prize", 900, "2026-03-01T12:00:00Z");
  addEntry("m_grace", "check_in", 600, "2026-03-01T12:00:00Z");
  addEntry("m_grace", "adjustment", 700, "2026-03-01T12:00:00Z");
  addEntry("m_ada", "earn", -400, "2026-03-01T12:00:00Z");
  EXPECT_EQ(moments("m_grace")["impact"]["memberUnits"], 0);
  EXPECT_EQ(moments("m_ada")["impact"]["memberUnits"], 3);
  EXPECT_EQ(moments("m_grace")["impact"]["communityUnits"], 14018);
  // A purchase does: Grace's 840 points are one tree. The community counts
  // each member's trees (1 + 3 + 5 + 10), not its points together (10,635: 21).
  addEntry("m_grace", "earn", 500, "2026-03-01T12:00:00Z");
  EXPECT_EQ(moments("m_grace")["impact"]["memberUnits"], 1);
  EXPECT_EQ(moments("m_alan")["impact"]["communityUnits"], 14019);
}

TEST_F(YearInReviewTest, WithoutACounterImpactIsNull) {
  const auto seed = seedDirWith("moments.json",
                                R"({"incentives":[],"birthdayOffers":[],"expiryReminderDays":9})");
  std::ofstream(seed / "members.json")
      << R"({"members":[{"id":"a","name":"A","points":1,"pendingPoints":0,"lifetimePoints":1,)"
         R"("qualifyingPoints":1}]})";
  Database db = openMigrated("plain.sqlite3");
  ASSERT_TRUE(seedIfEmpty(db, seed, scratch::kSeedDay));
  const ordered_json answer = momentsJson(db, program_, "a", kNow);
  EXPECT_EQ(answer["impact"], nullptr);
  EXPECT_EQ(answer["yearInReview"]["impactUnits"], nullptr);
}

TEST_F(YearInReviewTest, TheDemoMembersYearSoFar) {
  // Katherine (Tokyo): two purchases this year, the first of which took her
  // to Summit; she was a Trailblazer since November.
  EXPECT_EQ(moments("m_katherine")["yearInReview"],
            (ordered_json{{"year", 2026},
                          {"pointsEarned", 1250 + 610},
                          {"rewardsRedeemed", 0},
                          {"gamesWon", 0},
                          {"badges", 0},
                          {"impactUnits", 5},
                          {"tierJourney", {{{"tierId", "summit"}, {"reachedOn", "2026-01-16"}}}}}));
  // Alan (Los Angeles): Peak on 20 January, and two badges this year.
  EXPECT_EQ(moments("m_alan")["yearInReview"],
            (ordered_json{{"year", 2026},
                          {"pointsEarned", 1800 + 975},
                          {"rewardsRedeemed", 0},
                          {"gamesWon", 0},
                          {"badges", 2},
                          {"impactUnits", 10},
                          {"tierJourney", {{{"tierId", "peak"}, {"reachedOn", "2026-01-20"}}}}}));
}

TEST_F(YearInReviewTest, TheYearIsTheMembersOwnAroundNewYear) {
  // 03:00 UTC on 1 January is still New Year's Eve in New York, 06:00 is not;
  // 20:00 UTC on 31 December is already New Year's Day in Tokyo.
  addEntry("m_grace", "adjustment", 7, "2026-01-01T03:00:00Z");
  addEntry("m_grace", "adjustment", 11, "2026-01-01T06:00:00Z");
  addEntry("m_katherine", "adjustment", 13, "2025-12-31T20:00:00Z");
  for (const char* at : {"2026-01-01T03:00:00Z", "2026-01-01T06:00:00Z"}) {
    db_->prepare(
           "INSERT INTO redemptions (id, member_id, reward_id, points_spent, code, status,"
           " created_at) VALUES (?1, 'm_grace', 'rw_titanium_spork', 0, ?1, 'issued', ?2)")
        .bind(1, std::string("red-") + at)
        .bind(2, std::string_view(at))
        .run();
  }
  awardBadge(*db_, "m_grace", "trusted-reviewer", "America/New_York",
             *parseRfc3339Utc("2026-01-01T03:00:00Z"));  // her 31 December
  awardBadge(*db_, "m_grace", "five-day-walker", "America/New_York", kNow);

  // Grace's 2026 so far: purchases of 95 and 125 points, the 50-point
  // surprise and the 11 of New Year's morning; 340 points, no new tier.
  const ordered_json grace = moments("m_grace")["yearInReview"];
  EXPECT_EQ(grace["pointsEarned"], 95 + 125 + 50 + 11);
  EXPECT_EQ(grace["rewardsRedeemed"], 1);
  EXPECT_EQ(grace["badges"], 1);
  EXPECT_EQ(grace["tierJourney"], ordered_json::array());
  EXPECT_EQ(moments("m_katherine")["yearInReview"]["pointsEarned"], 1250 + 610 + 13);

  // On New Year's Eve in New York (05:00 UTC on 1 January) her year is 2025.
  const ordered_json eve = moments("m_grace", *parseRfc3339Utc("2026-01-01T04:59:59Z"));
  EXPECT_EQ(eve["yearInReview"]["year"], 2025);
  EXPECT_EQ(eve["yearInReview"]["rewardsRedeemed"], 1);
  EXPECT_EQ(eve["yearInReview"]["badges"], 1);
}

TEST_F(YearInReviewTest, AGameIsWonByPointsOrAPrizeOfNoPoints) {
  // The wheel's prizes: 3 is free shipping (no points, still a prize), 7 "try again".
  addPlay("free-shipping", "spin-wheel", 3, 0, "2026-02-10");
  addPlay("try-again", "spin-wheel", 7, 0, "2026-02-10");
  addPlay("points", "spin-wheel", 2, 25, "2026-02-11");
  addPlay("quiz-right", "daily-quiz", std::nullopt, 20, "2026-02-12");
  addPlay("quiz-wrong", "daily-quiz", std::nullopt, 0, "2026-02-13");
  addPlay("check-in", "daily-check-in", std::nullopt, 5, "2026-02-14");
  addPlay("last-year", "spin-wheel", 6, 250, "2025-12-31");
  EXPECT_EQ(moments("m_grace")["yearInReview"]["gamesWon"], 3);

  // A real redemption counts too.
  const ApiResponse redeemed =
      handleRedemptionRequest(*db_, program_, "m_grace", std::string("redeem"),
                              R"({"rewardId":"rw_pinata_trail_mix"})", kNow);
  ASSERT_EQ(redeemed.status, 201) << redeemed.body;
  EXPECT_EQ(moments("m_grace")["yearInReview"]["rewardsRedeemed"], 1);
}

TEST_F(YearInReviewTest, TheTierJourneyIsReadBackFromTheQualifyingTotal) {
  db_->prepare(
         "INSERT INTO members (position, id, name, points, pending_points, lifetime_points,"
         " qualifying_points) VALUES (9, 'm_new', 'New', 0, 0, 0, 1600)")
      .run();
  addEntry("m_new", "earn", 300, "2025-12-20T12:00:00Z");  // last year
  addEntry("m_new", "earn", 600, "2026-01-05T12:00:00Z");
  addEntry("m_new", "earn", -200, "2026-01-10T12:00:00Z");        // a refund
  addEntry("m_new", "game_prize", 5000, "2026-01-20T12:00:00Z");  // qualifies for nothing
  addEntry("m_new", "earn", 1200, "2026-02-01T12:00:00Z");
  // From the total of 1600, back: 400 before the last purchase, 600 before
  // the refund, 0 at New Year (never below). Trailblazer (500) on 5 January,
  // lost and regained on 1 February (listed once), with Summit (1500).
  EXPECT_EQ(moments("m_new")["yearInReview"]["tierJourney"],
            (ordered_json{{{"tierId", "trailblazer"}, {"reachedOn", "2026-01-05"}},
                          {{"tierId", "summit"}, {"reachedOn", "2026-02-01"}}}));
  EXPECT_EQ(moments("m_new")["yearInReview"]["pointsEarned"], 600 + 5000 + 1200);
}

}  // namespace
