// GET /v1/moments in: every listed field is checked, with its JSON path in
// the error; a rejected payload leaves the last good moments on screen.
#include "kindred/moments.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "kindred/core.hpp"
#include "rejection_case.hpp"
#include "sample_payloads.hpp"

namespace kindred {
namespace {

using nlohmann::json;
using testing::Rejection;

std::string momentsWith(const char* pointer, json value) {
  return testing::withValue(testing::kMomentsJson, pointer, std::move(value));
}
std::string momentsWithout(const char* parent, const char* key) {
  return testing::withoutKey(testing::kMomentsJson, parent, key);
}

TEST(MomentsIngest, ReadsTheWholePayload) {
  const auto parsed = parseMoments(testing::kMomentsJson);
  ASSERT_TRUE(parsed) << parsed.error().message();
  const Moments& m = parsed.value();
  ASSERT_EQ(m.incentives.size(), 3u);
  EXPECT_EQ(m.incentives[0].id, "reward-10");
  EXPECT_EQ(m.incentives[0].points, 500);
  EXPECT_EQ(m.incentives[0].text, "$10 reward");
  ASSERT_EQ(m.surprises.size(), 1u);
  EXPECT_EQ(m.surprises[0].id, "sg_01");
  EXPECT_EQ(m.surprises[0].points, 50);
  EXPECT_EQ(m.surprises[0].text, "A thank-you for being with us");
  EXPECT_EQ(m.surprises[0].date.toString(), "2026-11-20");
  EXPECT_EQ(m.birthMonth, 11);
  ASSERT_EQ(m.birthdayOffers.size(), 2u);
  EXPECT_EQ(m.birthdayOffers[1].id, "summit");
  EXPECT_EQ(m.birthdayOffers[1].description, "A free enamel mug");
  EXPECT_EQ(m.expiryReminderDays, 30);
  EXPECT_EQ(m.dismissed, (std::vector<std::string>{"expiring:2026-12-05", "surprise:sg_00"}));
  ASSERT_TRUE(m.impact);
  EXPECT_EQ(m.impact->label, "trees planted");
  EXPECT_EQ(m.impact->memberUnits, 3);
  EXPECT_EQ(m.impact->communityUnits, 14820);
}

TEST(MomentsIngest, ReadsChallengesAndTheBadgeShelf) {
  const Moments m = parseMoments(testing::kMomentsJson).value();
  ASSERT_EQ(m.challenges.size(), 2u);
  EXPECT_EQ(m.challenges[0].id, "walk-5-days");
  EXPECT_EQ(m.challenges[0].steps, 5);
  EXPECT_EQ(m.challenges[0].progress, 3);
  EXPECT_EQ(m.challenges[0].windowEndsOn->toString(), "2026-11-29");
  EXPECT_EQ(m.challenges[0].badgeTitle, "Five-day walker");
  EXPECT_FALSE(m.challenges[0].completed());
  EXPECT_TRUE(m.challenges[1].completed());
  ASSERT_EQ(m.badges.size(), 1u);
  EXPECT_EQ(m.badges[0].title, "Trusted reviewer");
}

TEST(MomentsIngest, ChallengesWithoutADeadlineAndBackendsWithoutChallengesAreFine) {
  for (const std::string& payload : {momentsWith("/challenges/0/windowEndsOn", nullptr),
                                     momentsWithout("/challenges/0", "windowEndsOn")}) {
    const auto ever = parseMoments(payload);
    ASSERT_TRUE(ever) << ever.error().message();
    EXPECT_FALSE(ever.value().challenges[0].windowEndsOn);
  }
  json older = json::parse(testing::kMomentsJson);
  older.erase("challenges");
  older.erase("badges");
  const auto parsed = parseMoments(older.dump());
  ASSERT_TRUE(parsed) << parsed.error().message();
  EXPECT_TRUE(parsed.value().challenges.empty());
  EXPECT_TRUE(parsed.value().badges.empty());
}

TEST(MomentsIngest, AProgramWithoutAnImpactCounterSendsNullOrNothing) {
  for (const std::string& payload : {momentsWith("/impact", nullptr), momentsWithout("", "impact")}) {
    const auto parsed = parseMoments(payload);
    ASSERT_TRUE(parsed) << parsed.error().message();
    EXPECT_FALSE(parsed.value().impact);
  }
}

TEST(MomentsIngest, NoImpactYetAndAMemberWhoIsTheWholeCommunityAreFine) {
  const auto parsed = parseMoments(momentsWith("/impact", {{"label", "meals donated"}, {"memberUnits", 0}, {"communityUnits", 0}}));
  ASSERT_TRUE(parsed) << parsed.error().message();
  EXPECT_EQ(parsed.value().impact->communityUnits, 0);
  const auto alone = parseMoments(momentsWith("/impact", {{"label", "meals donated"}, {"memberUnits", 9}, {"communityUnits", 9}}));
  ASSERT_TRUE(alone) << alone.error().message();
}

TEST(MomentsIngest, ANullBirthMonthAndEmptyListsAreFine) {
  const auto parsed = parseMoments(R"({"incentives": [], "surprises": [], "birthMonth": null,
      "birthdayOffers": [], "expiryReminderDays": 1, "dismissed": []})");
  ASSERT_TRUE(parsed) << parsed.error().message();
  EXPECT_FALSE(parsed.value().birthMonth);
  EXPECT_TRUE(parsed.value().incentives.empty());
}

TEST(MomentsIngest, UnknownTopLevelFieldsAreIgnoredForForwardCompatibility) {
  const auto parsed = parseMoments(momentsWith("/anniversary", {{"years", 3}}));
  ASSERT_TRUE(parsed) << parsed.error().message();
  EXPECT_EQ(parsed.value().surprises.size(), 1u);
}

TEST(MomentsIngest, TheLimitsAreInclusive) {
  json doc = json::parse(testing::kMomentsJson);
  doc["incentives"] = json::array();
  for (int i = 0; i < 50; ++i) doc["incentives"].push_back({{"id", "i" + std::to_string(i)}, {"points", 100 + i}, {"label", "L"}});
  doc["surprises"] = json::array();
  for (int i = 0; i < 20; ++i)
    doc["surprises"].push_back({{"id", "s" + std::to_string(i)}, {"points", 1}, {"message", "M"}, {"grantedOn", "2026-11-01"}});
  doc["birthMonth"] = 12;
  doc["expiryReminderDays"] = 365;
  doc["incentives"][0]["id"] = std::string(100, 'x');
  const auto parsed = parseMoments(doc.dump());
  ASSERT_TRUE(parsed) << parsed.error().message();
  EXPECT_EQ(parsed.value().incentives.size(), 50u);
  EXPECT_EQ(parsed.value().surprises.size(), 20u);
}

std::string withTooMany(const char* key, json item, int count) {
  json doc = json::parse(testing::kMomentsJson);
  doc[key] = json::array();
  for (int i = 0; i < count; ++i) {
    item["id"] = "id" + std::to_string(i);
    doc[key].push_back(item);
  }
  return doc.dump();
}

class MomentsRejection : public ::testing::TestWithParam<Rejection> {};

TEST_P(MomentsRejection, NamesThePathAndTheProblem) {
  const auto parsed = parseMoments(GetParam().payload);
  ASSERT_FALSE(parsed) << "accepted: " << GetParam().payload;
  EXPECT_EQ(parsed.error().path, GetParam().path);
  EXPECT_EQ(parsed.error().problem, GetParam().problem);
}

const std::string kPositive = "expected an integer from 1 to 9007199254740991";
const std::string kDate = "expected a date as YYYY-MM-DD";
const std::string kTime = "expected a UTC time as YYYY-MM-DDTHH:MM:SSZ";

INSTANTIATE_TEST_SUITE_P(
    EveryPath, MomentsRejection,
    ::testing::Values(
        Rejection{"[]", "moments", "expected an object"},
        Rejection{"null", "moments", "expected an object"},
        Rejection{"{\"incentives\": [", "moments", "is not valid JSON (byte 17: unexpected end of input, expected a value)"},
        // Every listed field is required.
        Rejection{momentsWithout("", "incentives"), "moments.incentives", "is required"},
        Rejection{momentsWithout("", "surprises"), "moments.surprises", "is required"},
        Rejection{momentsWithout("", "birthMonth"), "moments.birthMonth", "is required"},
        Rejection{momentsWithout("", "birthdayOffers"), "moments.birthdayOffers", "is required"},
        Rejection{momentsWithout("", "expiryReminderDays"), "moments.expiryReminderDays", "is required"},
        Rejection{momentsWithout("", "dismissed"), "moments.dismissed", "is required"},
        // Wrong types.
        Rejection{momentsWith("/incentives", json::object()), "moments.incentives", "expected an array"},
        Rejection{momentsWith("/incentives/1", "reward"), "moments.incentives[1]", "expected an object"},
        Rejection{momentsWith("/incentives/0/id", 10), "moments.incentives[0].id", "expected a string"},
        Rejection{momentsWith("/incentives/0/label", nullptr), "moments.incentives[0].label", "expected a string"},
        Rejection{momentsWith("/incentives/2/points", "1500"), "moments.incentives[2].points", kPositive},
        Rejection{momentsWith("/surprises", "sg_01"), "moments.surprises", "expected an array"},
        Rejection{momentsWith("/surprises/0/message", json::array()), "moments.surprises[0].message", "expected a string"},
        Rejection{momentsWith("/birthMonth", "11"), "moments.birthMonth", "expected an integer from 1 to 12"},
        Rejection{momentsWith("/birthMonth", true), "moments.birthMonth", "expected an integer from 1 to 12"},
        Rejection{momentsWith("/birthdayOffers/0/tierId", 1), "moments.birthdayOffers[0].tierId", "expected a string"},
        Rejection{momentsWith("/birthdayOffers/1/description", nullptr), "moments.birthdayOffers[1].description",
                  "expected a string"},
        Rejection{momentsWith("/expiryReminderDays", 30.5), "moments.expiryReminderDays",
                  "expected an integer from 1 to 365"},
        Rejection{momentsWith("/dismissed", "expiring:2026-12-05"), "moments.dismissed", "expected an array"},
        Rejection{momentsWith("/dismissed/1", 7), "moments.dismissed[1]", "expected a non-empty string"},
        // Missing fields of an item.
        Rejection{momentsWithout("/incentives/1", "points"), "moments.incentives[1].points", "is required"},
        Rejection{momentsWithout("/surprises/0", "grantedOn"), "moments.surprises[0].grantedOn", "is required"},
        Rejection{momentsWithout("/birthdayOffers/0", "title"), "moments.birthdayOffers[0].title", "is required"},
        // Out of range.
        Rejection{momentsWith("/incentives/0/points", 0), "moments.incentives[0].points", kPositive},
        Rejection{momentsWith("/incentives/0/points", -500), "moments.incentives[0].points", kPositive},
        Rejection{momentsWith("/incentives/0/points", 9007199254740992.0), "moments.incentives[0].points", kPositive},
        Rejection{momentsWith("/surprises/0/points", 0), "moments.surprises[0].points", kPositive},
        Rejection{momentsWith("/birthMonth", 0), "moments.birthMonth", "expected an integer from 1 to 12"},
        Rejection{momentsWith("/birthMonth", 13), "moments.birthMonth", "expected an integer from 1 to 12"},
        Rejection{momentsWith("/expiryReminderDays", 0), "moments.expiryReminderDays",
                  "expected an integer from 1 to 365"},
        Rejection{momentsWith("/expiryReminderDays", 366), "moments.expiryReminderDays",
                  "expected an integer from 1 to 365"},
        Rejection{withTooMany("incentives", {{"points", 1}, {"label", "L"}}, 51), "moments.incentives[50]",
                  "is more than the 50 incentives allowed"},
        Rejection{withTooMany("surprises", {{"points", 1}, {"message", "M"}, {"grantedOn", "2026-11-01"}}, 21),
                  "moments.surprises[20]", "is more than the 20 surprises allowed"},
        Rejection{momentsWith("/surprises/0/id", std::string(101, 'x')), "moments.surprises[0].id",
                  "expected at most 100 bytes"},
        // Empty strings where something must be said.
        Rejection{momentsWith("/incentives/0/id", ""), "moments.incentives[0].id", "must not be empty"},
        Rejection{momentsWith("/incentives/0/label", ""), "moments.incentives[0].label", "must not be empty"},
        Rejection{momentsWith("/surprises/0/message", ""), "moments.surprises[0].message", "must not be empty"},
        Rejection{momentsWith("/birthdayOffers/0/title", ""), "moments.birthdayOffers[0].title", "must not be empty"},
        Rejection{momentsWith("/dismissed/0", ""), "moments.dismissed[0]", "expected a non-empty string"},
        // Bad dates.
        Rejection{momentsWith("/surprises/0/grantedOn", "2026-02-29"), "moments.surprises[0].grantedOn", kDate},
        Rejection{momentsWith("/surprises/0/grantedOn", "2026-11-20T10:00:00Z"), "moments.surprises[0].grantedOn", kDate},
        Rejection{momentsWith("/surprises/0/grantedOn", nullptr), "moments.surprises[0].grantedOn", kDate},
        // One thing per id.
        Rejection{momentsWith("/incentives/2/id", "reward-10"), "moments.incentives[2].id",
                  "duplicates an earlier entry"},
        Rejection{momentsWith("/surprises/1", {{"id", "sg_01"}, {"points", 5}, {"message", "Again"}, {"grantedOn", "2026-11-21"}}),
                  "moments.surprises[1].id", "duplicates an earlier entry"},
        Rejection{momentsWith("/birthdayOffers/1/tierId", "explorer"), "moments.birthdayOffers[1].tierId",
                  "duplicates an earlier entry"},
        // The impact counter: optional, but whole and consistent when there.
        Rejection{momentsWith("/impact", "trees planted"), "moments.impact", "expected an object"},
        Rejection{momentsWith("/impact", json::array()), "moments.impact", "expected an object"},
        Rejection{momentsWithout("/impact", "label"), "moments.impact.label", "is required"},
        Rejection{momentsWith("/impact/label", ""), "moments.impact.label", "must not be empty"},
        Rejection{momentsWith("/impact/label", 3), "moments.impact.label", "expected a string"},
        Rejection{momentsWithout("/impact", "memberUnits"), "moments.impact.memberUnits", "is required"},
        Rejection{momentsWith("/impact/memberUnits", -1), "moments.impact.memberUnits",
                  "expected an integer from 0 to 9007199254740991"},
        Rejection{momentsWith("/impact/memberUnits", 2.5), "moments.impact.memberUnits",
                  "expected an integer from 0 to 9007199254740991"},
        Rejection{momentsWithout("/impact", "communityUnits"), "moments.impact.communityUnits", "is required"},
        Rejection{momentsWith("/impact/communityUnits", 2), "moments.impact.communityUnits",
                  "is less than memberUnits (the community includes the member)"},
        // Challenges and badges: optional lists, whole and consistent items.
        Rejection{momentsWith("/challenges", json::object()), "moments.challenges", "expected an array"},
        Rejection{momentsWithout("/challenges/0", "title"), "moments.challenges[0].title", "is required"},
        Rejection{momentsWith("/challenges/0/steps", 0), "moments.challenges[0].steps", "expected an integer from 1 to 1000"},
        Rejection{momentsWith("/challenges/0/progress", 6), "moments.challenges[0].progress", "expected an integer from 0 to 5"},
        Rejection{momentsWith("/challenges/0/progress", -1), "moments.challenges[0].progress", "expected an integer from 0 to 5"},
        Rejection{momentsWith("/challenges/1/windowEndsOn", "2026-11-31"), "moments.challenges[1].windowEndsOn", kDate},
        Rejection{momentsWithout("/challenges/1", "badge"), "moments.challenges[1].badge", "is required"},
        Rejection{momentsWith("/challenges/1/badge", "Trusted reviewer"), "moments.challenges[1].badge", "expected an object"},
        Rejection{momentsWith("/challenges/1/badge/title", ""), "moments.challenges[1].badge.title", "must not be empty"},
        Rejection{withTooMany("challenges", json::parse(testing::kMomentsJson)["challenges"][0], 21), "moments.challenges[20]",
                  "is more than the 20 challenges allowed"},
        Rejection{momentsWith("/badges", "reviewer"), "moments.badges", "expected an array"},
        Rejection{momentsWith("/badges/0/title", nullptr), "moments.badges[0].title", "expected a string"},
        Rejection{momentsWithout("/badges/0", "id"), "moments.badges[0].id", "is required"},
        // Experiences and previews: optional lists, whole items.
        Rejection{momentsWith("/experiences", json::object()), "moments.experiences", "expected an array"},
        Rejection{momentsWithout("/experiences/0", "tierId"), "moments.experiences[0].tierId", "is required"},
        Rejection{momentsWith("/experiences/0/title", ""), "moments.experiences[0].title", "must not be empty"},
        Rejection{momentsWith("/experiences/1/id", "new-year-walk"), "moments.experiences[1].id",
                  "duplicates an earlier entry"},
        Rejection{momentsWith("/experiences/0/id", std::string(101, 'x')), "moments.experiences[0].id",
                  "expected at most 100 bytes"},
        Rejection{momentsWith("/experiences/0/startsAt", "2026-12-31"), "moments.experiences[0].startsAt", kTime},
        Rejection{momentsWith("/experiences/0/startsAt", "2026-12-31T24:00:00Z"), "moments.experiences[0].startsAt", kTime},
        Rejection{momentsWith("/experiences/0/startsAt", "2026-12-31T23:30:00+01:00"), "moments.experiences[0].startsAt",
                  kTime},
        Rejection{momentsWith("/experiences/0/startsAt", 1798759800), "moments.experiences[0].startsAt",
                  "expected a string"},
        Rejection{momentsWith("/experiences/0/seatsLeft", -1), "moments.experiences[0].seatsLeft",
                  "expected an integer from 0 to 10000"},
        Rejection{momentsWith("/experiences/0/seatsLeft", nullptr), "moments.experiences[0].seatsLeft",
                  "expected an integer from 0 to 10000"},
        Rejection{momentsWith("/experiences/0/signedUp", "no"), "moments.experiences[0].signedUp",
                  "expected true or false"},
        Rejection{withTooMany("experiences", json::parse(testing::kMomentsJson)["experiences"][0], 51),
                  "moments.experiences[50]", "is more than the 50 allowed"},
        Rejection{momentsWith("/previews", "trail-runner-2"), "moments.previews", "expected an array"},
        Rejection{momentsWithout("/previews/1", "myRating"), "moments.previews[1].myRating", "is required"},
        Rejection{momentsWith("/previews/1/myRating", 0), "moments.previews[1].myRating", "expected an integer from 1 to 5"},
        Rejection{momentsWith("/previews/1/myRating", 6), "moments.previews[1].myRating", "expected an integer from 1 to 5"},
        Rejection{momentsWith("/previews/1/myRating", 4.5), "moments.previews[1].myRating", "expected an integer from 1 to 5"},
        Rejection{momentsWith("/previews/0/releaseDate", "2027-02-30"), "moments.previews[0].releaseDate", kDate},
        Rejection{momentsWith("/previews/1/id", "trail-runner-2"), "moments.previews[1].id", "duplicates an earlier entry"},
        // The year in review: optional, whole when there.
        Rejection{momentsWith("/yearInReview", json::array()), "moments.yearInReview", "expected an object"},
        Rejection{momentsWithout("/yearInReview", "gamesWon"), "moments.yearInReview.gamesWon", "is required"},
        Rejection{momentsWith("/yearInReview/year", 19), "moments.yearInReview.year", "expected an integer from 1970 to 9999"},
        Rejection{momentsWith("/yearInReview/pointsEarned", -5), "moments.yearInReview.pointsEarned",
                  "expected an integer from 0 to 9007199254740991"},
        Rejection{momentsWithout("/yearInReview", "impactUnits"), "moments.yearInReview.impactUnits", "is required"},
        Rejection{momentsWith("/yearInReview/tierJourney", nullptr), "moments.yearInReview.tierJourney",
                  "expected an array"},
        Rejection{momentsWith("/yearInReview/tierJourney/1/reachedOn", "2026-12-32"),
                  "moments.yearInReview.tierJourney[1].reachedOn", kDate},
        Rejection{momentsWith("/yearInReview/tierJourney/0/tierId", ""), "moments.yearInReview.tierJourney[0].tierId",
                  "must not be empty"}));

TEST(MomentsIngest, ReadsTheTierHubListsAndTheYear) {
  const Moments m = parseMoments(testing::kMomentsJson).value();
  ASSERT_EQ(m.experiences.size(), 5u);
  const Experience& walk = m.experiences[0];
  EXPECT_EQ(walk.id, "new-year-walk");
  EXPECT_EQ(walk.tierId, "trailblazer");
  EXPECT_EQ(walk.startsAt, "2026-12-31T23:30:00Z");
  EXPECT_EQ(walk.seatsLeft, 12);
  EXPECT_FALSE(walk.signedUp);
  EXPECT_TRUE(m.experiences[1].signedUp);
  ASSERT_EQ(m.previews.size(), 2u);
  EXPECT_EQ(m.previews[0].releaseDate.toString(), "2027-01-15");
  EXPECT_FALSE(m.previews[0].myRating);
  EXPECT_EQ(m.previews[1].myRating, 4);
  ASSERT_TRUE(m.yearInReview);
  EXPECT_EQ(m.yearInReview->year, 2026);
  EXPECT_EQ(m.yearInReview->pointsEarned, 5230);
  EXPECT_EQ(m.yearInReview->impactUnits, 3);
  ASSERT_EQ(m.yearInReview->tierJourney.size(), 2u);
  EXPECT_EQ(m.yearInReview->tierJourney[1].tierId, "trailblazer");
  EXPECT_EQ(m.yearInReview->tierJourney[1].reachedOn.toString(), "2026-12-31");
}

TEST(MomentsIngest, BackendsWithoutTheTierHubOrTheYearAreFine) {
  json older = json::parse(testing::kMomentsJson);
  older.erase("experiences");
  older.erase("previews");
  older["yearInReview"] = nullptr;
  const auto parsed = parseMoments(older.dump());
  ASSERT_TRUE(parsed) << parsed.error().message();
  EXPECT_TRUE(parsed.value().experiences.empty());
  EXPECT_TRUE(parsed.value().previews.empty());
  EXPECT_FALSE(parsed.value().yearInReview);
  older.erase("yearInReview");
  EXPECT_TRUE(parseMoments(older.dump()));
  // A program without an impact counter has no units in the year.
  const auto noImpact = parseMoments(momentsWith("/yearInReview/impactUnits", nullptr));
  ASSERT_TRUE(noImpact) << noImpact.error().message();
  EXPECT_FALSE(noImpact.value().yearInReview->impactUnits);
}

TEST(MomentsIngest, ARejectedPayloadKeepsTheLastGoodMomentsAndSaysWhy) {
  Core core = testing::loadedCore();
  ASSERT_FALSE(core.ingest("moments", testing::kMomentsJson));
  const json before = json::parse(core.momentsViewJson("2026-11-23"));
  ASSERT_EQ(before["status"], "ready");
  ASSERT_EQ(before["cards"].size(), 4u);

  const std::string answer = core.ingestJson("moments", momentsWith("/surprises/0/grantedOn", "2026-13-01"));
  EXPECT_EQ(json::parse(answer), (json{{"ok", false},
                                       {"path", "moments.surprises[0].grantedOn"},
                                       {"problem", kDate},
                                       {"message", "moments.surprises[0].grantedOn: " + kDate}}));
  json after = json::parse(core.momentsViewJson("2026-11-23"));
  EXPECT_EQ(after["error"]["path"], "moments.surprises[0].grantedOn");
  after["error"] = nullptr;
  EXPECT_EQ(after, before);  // the cards are exactly as they were

  // A good payload clears the error.
  ASSERT_FALSE(core.ingest("moments", momentsWith("/surprises", json::array())));
  const json fixed = json::parse(core.momentsViewJson("2026-11-23"));
  EXPECT_EQ(fixed["error"], nullptr);
  EXPECT_EQ(fixed["cards"].size(), 3u);
}

TEST(MomentsIngest, ABadFirstPayloadLeavesTheScreenLoading) {
  Core core = testing::loadedCore();
  ASSERT_TRUE(core.ingest("moments", momentsWith("/expiryReminderDays", -1)));
  const json view = json::parse(core.momentsViewJson("2026-11-23"));
  EXPECT_EQ(view["status"], "loading");
  EXPECT_EQ(view["error"]["path"], "moments.expiryReminderDays");
  EXPECT_EQ(view["cards"], json::array());
}

}  // namespace
}  // namespace kindred
