// The moments screen's rules: which cards show on which day, with what to
// say, most important first. Calendar edges (month and year ends, leap years)
// and the shopper's own day (the same instant is another date elsewhere).
#include "kindred/moments_view.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "sample_payloads.hpp"

namespace kindred {
namespace {

using nlohmann::json;

const Program kProgram = parseProgram(testing::kProgramJson).value();

CalendarDate day(const char* iso) { return *CalendarDate::parse(iso); }

Member ada() { return parseMember(testing::kMemberJson).value(); }

// Nothing to show unless a test adds it.
Moments quietMoments() {
  Moments moments;
  moments.expiryReminderDays = 30;
  return moments;
}

Member memberAt(std::int64_t points, std::int64_t qualifyingPoints, const char* tierId) {
  Member member;
  member.id = "m_test";
  member.points = points;
  member.qualifyingPoints = qualifyingPoints;
  member.tierId = tierId;
  return member;
}

// An acknowledgement or dismissal this session sent and has no answer to yet.
std::vector<MomentEventIntent> sentFor(std::vector<std::string> keys) {
  std::vector<MomentEventIntent> events;
  for (auto& key : keys) events.push_back({std::move(key), "event-n0nce-0001"});
  return events;
}

json cardsOn(const Moments& moments, const Member& member, const char* today,
             const std::vector<MomentEventIntent>& events = {}, const Catalog* catalog = nullptr) {
  std::vector<std::string> keys;
  const json view = json::parse(momentsViewJson(&moments, &kProgram, &member, day(today), events, catalog, std::nullopt, &keys));
  EXPECT_EQ(view["status"], "ready");
  EXPECT_EQ(keys.size(), view["cards"].size());
  for (std::size_t i = 0; i < keys.size() && i < view["cards"].size(); ++i) EXPECT_EQ(view["cards"][i]["key"], keys[i]);
  return view["cards"];
}

// The card of that kind, or null.
json cardOf(const json& cards, const char* kind) {
  for (const json& card : cards)
    if (card["kind"] == kind) return card;
  return nullptr;
}

std::vector<std::string> keysOf(const json& cards) {
  std::vector<std::string> keys;
  for (const json& card : cards) keys.push_back(card["key"]);
  return keys;
}

TEST(MomentsView, AdasDayShowsEveryKindThatAppliesMostImportantFirst) {
  const Moments moments = parseMoments(testing::kMomentsJson).value();
  Member member = ada();
  member.tierWindowEnd = day("2026-11-28");  // 5 days left and 120 points short of Summit
  EXPECT_EQ(keysOf(cardsOn(moments, member, "2026-11-23")),
            (std::vector<std::string>{"surprise:sg_01", "expiring:2026-11-30", "countdown:2026-11-28",
                                      "birthday:2026-11", "incentive:reward-25"}));
}

TEST(MomentsView, NothingAppliesNothingShows) {
  EXPECT_EQ(cardsOn(quietMoments(), memberAt(0, 0, "explorer"), "2026-11-23"), json::array());
}

TEST(MomentsView, LoadingUntilMomentsProgramAndMemberAreAllThere) {
  const Moments moments = quietMoments();
  const Member member = ada();
  for (const json& view : {json::parse(momentsViewJson(nullptr, &kProgram, &member, day("2026-11-23"), {}, nullptr, std::nullopt)),
                           json::parse(momentsViewJson(&moments, nullptr, &member, day("2026-11-23"), {}, nullptr, std::nullopt)),
                           json::parse(momentsViewJson(&moments, &kProgram, nullptr, day("2026-11-23"), {}, nullptr, std::nullopt))})
    EXPECT_EQ(view, json::parse(R"({"screen":"moments","status":"loading","error":null,"cards":[],"impact":null,"challenges":[],"badges":[],"yearInReview":null})"));
}

// The impact counter: shown as the backend counts it, beside the cards.

TEST(MomentsView, TheImpactCounterIsTheBackendsCountAndNotACard) {
  const Moments moments = parseMoments(testing::kMomentsJson).value();
  const Member member = ada();
  const json view = json::parse(momentsViewJson(&moments, &kProgram, &member, day("2026-11-23"), {}, nullptr, std::nullopt));
  EXPECT_EQ(view["impact"], json::parse(R"({"label":"trees planted","memberUnits":3,"communityUnits":14820})"));
  EXPECT_EQ(cardOf(view["cards"], "impact"), nullptr);
}

TEST(MomentsView, NoCounterWithoutOneOrWhileLoading) {
  const Moments moments = quietMoments();
  const Member member = ada();
  EXPECT_EQ(json::parse(momentsViewJson(&moments, &kProgram, &member, day("2026-11-23"), {}, nullptr, std::nullopt))["impact"],
            nullptr);
  const Moments counted = parseMoments(testing::kMomentsJson).value();
  EXPECT_EQ(json::parse(momentsViewJson(&counted, nullptr, &member, day("2026-11-23"), {}, nullptr, std::nullopt))["impact"],
            nullptr);
}

// Challenges and the badge shelf.

Challenge challenge(const char* id, std::int64_t progress, std::int64_t steps, std::optional<const char*> ends) {
  Challenge c;
  c.id = id;
  c.title = id;
  c.steps = steps;
  c.progress = progress;
  if (ends) c.windowEndsOn = day(*ends);
  c.badgeTitle = std::string(id) + " badge";
  return c;
}

std::vector<std::string> challengeIds(const json& view) {
  std::vector<std::string> ids;
  for (const json& c : view["challenges"]) ids.push_back(c["id"]);
  return ids;
}

json viewOn(const Moments& moments, const char* today) {
  const Member member = ada();
  return json::parse(momentsViewJson(&moments, &kProgram, &member, day(today), {}, nullptr, std::nullopt));
}

TEST(MomentsView, OpenChallengesByNearestDeadlineThenNoneThenDone) {
  Moments moments = quietMoments();
  moments.challenges = {challenge("done", 3, 3, "2026-11-30"), challenge("ever", 1, 10, std::nullopt),
                        challenge("month", 1, 3, "2026-11-30"), challenge("week", 3, 5, "2026-11-29"),
                        challenge("today", 4, 5, "2026-11-23")};
  const json view = viewOn(moments, "2026-11-23");
  EXPECT_EQ(challengeIds(view), (std::vector<std::string>{"today", "week", "month", "ever", "done"}));
  EXPECT_EQ(view["challenges"][0]["daysLeft"], 0);
  EXPECT_EQ(view["challenges"][1]["daysLeft"], 6);
  EXPECT_EQ(view["challenges"][3]["daysLeft"], nullptr);
  EXPECT_EQ(view["challenges"][4]["daysLeft"], nullptr);
  EXPECT_EQ(view["challenges"][4]["completed"], true);
  EXPECT_EQ(view["challenges"][1], json::parse(R"({"id":"week","title":"week","description":"","steps":5,"progress":3,
      "completed":false,"badgeTitle":"week badge","daysLeft":6})"));
}

TEST(MomentsView, DaysLeftCountAcrossMonthAndYearEnds) {
  Moments moments = quietMoments();
  moments.challenges = {challenge("new-year-week", 0, 5, "2027-01-03")};
  EXPECT_EQ(viewOn(moments, "2026-12-28")["challenges"][0]["daysLeft"], 6);
  EXPECT_EQ(viewOn(moments, "2026-12-31")["challenges"][0]["daysLeft"], 3);
  moments.challenges = {challenge("leap-month", 0, 3, "2028-02-29")};
  EXPECT_EQ(viewOn(moments, "2028-02-01")["challenges"][0]["daysLeft"], 28);
}

TEST(MomentsView, AWindowThatEndedUnfinishedIsLeftOutButAWonBadgeStays) {
  Moments moments = quietMoments();
  moments.challenges = {challenge("last-week", 4, 5, "2026-11-22"), challenge("won-last-week", 5, 5, "2026-11-22")};
  EXPECT_EQ(challengeIds(viewOn(moments, "2026-11-23")), (std::vector<std::string>{"won-last-week"}));
  // The same data on the window's last day (the member's own calendar) still shows it.
  EXPECT_EQ(challengeIds(viewOn(moments, "2026-11-22")), (std::vector<std::string>{"last-week", "won-last-week"}));
}

TEST(MomentsView, TheBadgeShelfKeepsTheBackendsNewestFirstOrder) {
  Moments moments = quietMoments();
  moments.badges = {{"b2", "Newest"}, {"b1", "Oldest"}};
  EXPECT_EQ(viewOn(moments, "2026-11-23")["badges"], json::parse(R"([{"id":"b2","title":"Newest"},{"id":"b1","title":"Oldest"}])"));
  EXPECT_EQ(viewOn(quietMoments(), "2026-11-23")["badges"], json::array());
}

// Surprises.

TEST(MomentsView, ASurpriseSaysWhatTheBrandWroteUnlessDismissedOrSent) {
  Moments moments = quietMoments();
  moments.surprises = {{"sg_00", 10, "Old one", "", day("2026-10-01")}, {"sg_01", 50, "A thank-you", "", day("2026-11-20")},
                       {"sg_02", 75, "Another", "", day("2026-11-21")}};
  moments.dismissed = {"surprise:sg_00"};
  const json cards = cardsOn(moments, memberAt(0, 0, "explorer"), "2026-11-23", sentFor({"surprise:sg_02"}));
  ASSERT_EQ(cards.size(), 1u);
  EXPECT_EQ(cards[0], json::parse(R"({
    "key": "surprise:sg_01", "kind": "surprise", "action": "acknowledge", "dismissible": false, "celebrate": true,
    "eventFailure": null, "points": 50,
    "message": {"key": "moment.surprise", "params": {"points": 50, "message": "A thank-you", "grantedOn": "2026-11-20"}}})"));
}

TEST(MomentsView, SurprisesKeepTheBackendsOrder) {
  Moments moments = quietMoments();
  moments.surprises = {{"b", 1, "B", "", day("2026-11-21")}, {"a", 2, "A", "", day("2026-11-20")}};
  EXPECT_EQ(keysOf(cardsOn(moments, memberAt(0, 0, "explorer"), "2026-11-23")),
            (std::vector<std::string>{"surprise:b", "surprise:a"}));
}

TEST(MomentsView, ARefusedEventBringsTheCardBackWithItsReason) {
  Moments moments = quietMoments();
  moments.surprises = {{"sg_01", 50, "A thank-you", "", day("2026-11-20")}};
  std::vector<MomentEventIntent> events = sentFor({"surprise:sg_01"});
  EXPECT_EQ(cardsOn(moments, memberAt(0, 0, "explorer"), "2026-11-23", events), json::array());
  events[0].state = MomentEventState::Failed;
  events[0].failure = MomentEventFailure::Conflict;
  events[0].detail = "That key was used for another request.";
  EXPECT_EQ(cardsOn(moments, memberAt(0, 0, "explorer"), "2026-11-23", events)[0]["eventFailure"],
            json({{"reason", "conflict"}, {"detail", "That key was used for another request."}}));
  events[0].failure = MomentEventFailure::Rejected;
  events[0].detail.clear();
  EXPECT_EQ(cardsOn(moments, memberAt(0, 0, "explorer"), "2026-11-23", events)[0]["eventFailure"],
            json({{"reason", "rejected"}, {"detail", nullptr}}));
}

// Birthday.

Moments birthdayIn(int month) {
  Moments moments = quietMoments();
  moments.birthMonth = month;
  moments.birthdayOffers = {{"explorer", 0, "Birthday treat", "10% off", {}}, {"summit", 0, "Birthday gift", "A mug", {}}};
  return moments;
}

TEST(MomentsView, TheBirthdayOfferIsTheMembersTierOrTheHighestBelowIt) {
  const Moments moments = birthdayIn(11);
  const auto titleFor = [&](std::int64_t qualifyingPoints, const char* tierId) {
    return cardOf(cardsOn(moments, memberAt(0, qualifyingPoints, tierId), "2026-11-23"), "birthday")["message"]["params"]["title"];
  };
  EXPECT_EQ(titleFor(1600, "summit"), "Birthday gift");
  EXPECT_EQ(titleFor(4000, "peak"), "Birthday gift");          // Peak has none: Summit's
  EXPECT_EQ(titleFor(600, "trailblazer"), "Birthday treat");   // Trailblazer has none: Explorer's
  EXPECT_EQ(titleFor(0, "explorer"), "Birthday treat");
  // The backend's word on the tier: Summit retained with 100 points so far this window.
  EXPECT_EQ(titleFor(100, "summit"), "Birthday gift");

  EXPECT_EQ(cardOf(cardsOn(moments, memberAt(0, 600, "trailblazer"), "2026-11-23"), "birthday"), json::parse(R"({
    "key": "birthday:2026-11", "kind": "birthday", "action": "dismiss", "dismissible": true, "celebrate": false,
    "eventFailure": null,
    "message": {"key": "moment.birthday", "params": {"title": "Birthday treat", "description": "10% off",
                                                     "validFrom": "2026-11-01", "validUntil": "2026-11-30"}}})"));
}

TEST(MomentsView, NoOfferForAnyTierAtOrBelowTheMembersMeansNoBirthdayCard) {
  Moments moments = birthdayIn(11);
  moments.birthdayOffers = {{"summit", 0, "Birthday gift", "A mug", {}}, {"no-such-tier", 0, "Ghost", "Never shown", {}}};
  EXPECT_EQ(cardOf(cardsOn(moments, memberAt(0, 600, "trailblazer"), "2026-11-23"), "birthday"), nullptr);
  moments.birthdayOffers.clear();
  EXPECT_EQ(cardOf(cardsOn(moments, memberAt(0, 4000, "peak"), "2026-11-23"), "birthday"), nullptr);
}

TEST(MomentsView, AnOfferForATierTheProgramDoesNotHaveIsIgnored) {
  Moments moments = birthdayIn(11);
  moments.birthdayOffers.insert(moments.birthdayOffers.begin(), {"gold-legacy", 0, "Old offer", "Gone", {}});
  EXPECT_EQ(cardOf(cardsOn(moments, memberAt(0, 0, "explorer"), "2026-11-23"), "birthday")["message"]["params"]["title"],
            "Birthday treat");
}

TEST(MomentsView, ABirthdayShowsOnlyInItsMonthAndNotWithoutOne) {
  const Member member = memberAt(0, 0, "explorer");
  const Moments november = birthdayIn(11);
  EXPECT_EQ(cardOf(cardsOn(november, member, "2026-10-31"), "birthday"), nullptr);
  EXPECT_NE(cardOf(cardsOn(november, member, "2026-11-01"), "birthday"), nullptr);
  EXPECT_NE(cardOf(cardsOn(november, member, "2026-11-30"), "birthday"), nullptr);
  EXPECT_EQ(cardOf(cardsOn(november, member, "2026-12-01"), "birthday"), nullptr);
  Moments unknown = birthdayIn(11);
  unknown.birthMonth.reset();
  EXPECT_EQ(cardOf(cardsOn(unknown, member, "2026-11-23"), "birthday"), nullptr);
}

json birthdayParams(int month, const char* today) {
  return cardOf(cardsOn(birthdayIn(month), memberAt(0, 0, "explorer"), today), "birthday")["message"]["params"];
}

TEST(MomentsView, ADecemberBirthdayEndsOnNewYearsEveAndJanuaryStartsANewYear) {
  const json december = cardOf(cardsOn(birthdayIn(12), memberAt(0, 0, "explorer"), "2026-12-31"), "birthday");
  EXPECT_EQ(december["key"], "birthday:2026-12");
  EXPECT_EQ(december["message"]["params"]["validFrom"], "2026-12-01");
  EXPECT_EQ(december["message"]["params"]["validUntil"], "2026-12-31");
  EXPECT_EQ(cardOf(cardsOn(birthdayIn(12), memberAt(0, 0, "explorer"), "2027-01-01"), "birthday"), nullptr);

  const json january = cardOf(cardsOn(birthdayIn(1), memberAt(0, 0, "explorer"), "2027-01-01"), "birthday");
  EXPECT_EQ(january["key"], "birthday:2027-01");
  EXPECT_EQ(january["message"]["params"]["validFrom"], "2027-01-01");
  EXPECT_EQ(january["message"]["params"]["validUntil"], "2027-01-31");
  EXPECT_EQ(cardOf(cardsOn(birthdayIn(1), memberAt(0, 0, "explorer"), "2026-12-31"), "birthday"), nullptr);
}

TEST(MomentsView, AFebruaryBirthdayLastsTwentyEightOrTwentyNineDays) {
  EXPECT_EQ(birthdayParams(2, "2027-02-10")["validUntil"], "2027-02-28");
  EXPECT_EQ(birthdayParams(2, "2028-02-10")["validUntil"], "2028-02-29");  // leap year
  EXPECT_EQ(birthdayParams(2, "2028-02-29")["validUntil"], "2028-02-29");
  EXPECT_EQ(birthdayParams(2, "2100-02-01")["validUntil"], "2100-02-28");  // a century: not leap
  EXPECT_EQ(birthdayParams(2, "2000-02-01")["validUntil"], "2000-02-29");  // every 400 years: leap
  EXPECT_EQ(birthdayParams(2, "2028-02-29")["validFrom"], "2028-02-01");
  EXPECT_EQ(birthdayParams(4, "2027-04-15")["validUntil"], "2027-04-30");
}

TEST(MomentsView, ABirthdayDismissedThisYearComesBackNextYear) {
  Moments moments = birthdayIn(11);
  moments.dismissed = {"birthday:2026-11"};
  const Member member = memberAt(0, 0, "explorer");
  EXPECT_EQ(cardOf(cardsOn(moments, member, "2026-11-23"), "birthday"), nullptr);
  EXPECT_EQ(cardOf(cardsOn(moments, member, "2027-11-01"), "birthday")["key"], "birthday:2027-11");
}

// Expiring points.

Member expiringMember(std::vector<ExpiringPoints> buckets, std::int64_t points = 1240) {
  Member member = memberAt(points, 0, "explorer");
  member.expiring = std::move(buckets);
  return member;
}

TEST(MomentsView, TheSoonestExpiryWithinTheReminderWindowShows) {
  const Member member = expiringMember({{200, day("2026-12-15")}, {90, day("2026-11-30")}, {40, day("2026-11-20")}});
  // 2026-11-20 is gone; no catalog: nothing is counted.
  EXPECT_EQ(cardOf(cardsOn(quietMoments(), member, "2026-11-23"), "expiring"), json::parse(R"({
    "key": "expiring:2026-11-30", "kind": "expiring", "action": "dismiss", "dismissible": true, "celebrate": false,
    "eventFailure": null, "points": 90, "daysLeft": 7, "affordableCount": null,
    "message": {"key": "moment.expiring", "params": {"points": 90, "date": "2026-11-30", "daysLeft": 7}}})"));
}

json expiringOn(const Moments& moments, const Member& member, const char* today) {
  return cardOf(cardsOn(moments, member, today), "expiring");
}

TEST(MomentsView, TheWindowIsInclusiveAndTheLastDayIsZero) {
  Moments moments = quietMoments();
  moments.expiryReminderDays = 7;
  const Member member = expiringMember({{90, day("2026-11-30")}});
  EXPECT_EQ(expiringOn(moments, member, "2026-11-22"), nullptr);  // 8 days
  EXPECT_EQ(expiringOn(moments, member, "2026-11-23")["daysLeft"], 7);
  EXPECT_EQ(expiringOn(moments, member, "2026-11-30")["daysLeft"], 0);
  EXPECT_EQ(expiringOn(moments, member, "2026-12-01"), nullptr);  // expired
}

TEST(MomentsView, ExpiryDaysCountAcrossMonthAndYearEnds) {
  Moments moments = quietMoments();
  moments.expiryReminderDays = 60;
  const Member member = expiringMember({{300, day("2027-01-15")}});
  EXPECT_EQ(expiringOn(moments, member, "2026-12-31")["daysLeft"], 15);
  EXPECT_EQ(expiringOn(moments, member, "2026-11-30")["daysLeft"], 46);
  const Member leap = expiringMember({{300, day("2028-03-01")}});
  EXPECT_EQ(expiringOn(moments, leap, "2028-02-28")["daysLeft"], 2);
  EXPECT_EQ(expiringOn(moments, leap, "2027-02-28"), nullptr);  // 367 days
  const Member plain = expiringMember({{300, day("2027-03-01")}});
  EXPECT_EQ(expiringOn(moments, plain, "2027-02-28")["daysLeft"], 1);
}

TEST(MomentsView, BucketsOfOneDayAreOneReminder) {
  const Member member = expiringMember({{90, day("2026-11-30")}, {60, day("2026-11-30")}, {5, day("2026-12-01")}});
  const json card = expiringOn(quietMoments(), member, "2026-11-23");
  EXPECT_EQ(card["points"], 150);
  EXPECT_EQ(card["message"]["params"]["points"], 150);
}

TEST(MomentsView, ADismissedReminderIsNotReplacedUntilItsBucketIsGone) {
  Moments moments = quietMoments();
  moments.dismissed = {"expiring:2026-11-30"};
  const Member member = expiringMember({{90, day("2026-11-30")}, {200, day("2026-12-15")}});
  EXPECT_EQ(expiringOn(moments, member, "2026-11-23"), nullptr);
  EXPECT_EQ(expiringOn(moments, member, "2026-11-30"), nullptr);
  // The next day the 90 are gone and the 200 have their own reminder.
  const json card = expiringOn(moments, member, "2026-12-01");
  EXPECT_EQ(card["key"], "expiring:2026-12-15");
  EXPECT_EQ(card["daysLeft"], 14);
  // Dismissed here, not yet answered: hidden the same way.
  EXPECT_EQ(cardOf(cardsOn(quietMoments(), member, "2026-11-23", sentFor({"expiring:2026-11-30"})), "expiring"), nullptr);
}

TEST(MomentsView, AffordableCountIsWhatTheCatalogSaysCanBeRedeemedNow) {
  Catalog catalog;
  catalog.upsert(parseRewardPage(testing::kRewardPageJson).value().items);
  // 1240 points: socks only (the thermos costs more, the jacket is in Summit's
  // early access, the guide is for Peak, the mug is out of stock).
  const json card = cardOf(cardsOn(quietMoments(), expiringMember({{90, day("2026-11-30")}}), "2026-11-23", {}, &catalog),
                           "expiring");
  EXPECT_EQ(card["affordableCount"], 1);
  EXPECT_EQ(card["message"], json::parse(R"({"key": "moment.expiring_affordable",
      "params": {"points": 90, "date": "2026-11-30", "daysLeft": 7, "affordableCount": 1}})"));

  const json none = cardOf(cardsOn(quietMoments(), expiringMember({{90, day("2026-11-30")}}, 100), "2026-11-23", {}, &catalog),
                           "expiring");
  EXPECT_EQ(none["affordableCount"], 0);
  EXPECT_EQ(none["message"]["key"], "moment.expiring");
  EXPECT_FALSE(none["message"]["params"].contains("affordableCount"));
}

// Tier window countdown.

Member closingWindow(std::int64_t qualifyingPoints, const char* tierId, const char* windowEnd) {
  Member member = memberAt(0, qualifyingPoints, tierId);
  member.tierWindowEnd = day(windowEnd);
  return member;
}

json countdownOn(const Moments& moments, const Member& member, const char* today) {
  return cardOf(cardsOn(moments, member, today), "countdown");
}

TEST(MomentsView, TheCountdownShowsTheLastSevenDaysOfTheWindow) {
  const Member member = closingWindow(1380, "trailblazer", "2026-12-31");
  EXPECT_EQ(countdownOn(quietMoments(), member, "2026-12-23"), nullptr);  // 8 days
  EXPECT_EQ(countdownOn(quietMoments(), member, "2026-12-24"), json::parse(R"({
    "key": "countdown:2026-12-31", "kind": "countdown", "action": "dismiss", "dismissible": true, "celebrate": false,
    "eventFailure": null, "daysLeft": 7,
    "message": {"key": "moment.countdown", "params": {"tier": "Summit", "pointsToNext": 120, "daysLeft": 7,
                                                      "spend": 12, "moneyCurrency": "USD"}}})"));
  EXPECT_EQ(countdownOn(quietMoments(), member, "2026-12-31")["daysLeft"], 0);
  EXPECT_EQ(countdownOn(quietMoments(), member, "2027-01-01"), nullptr);  // over
}

TEST(MomentsView, NoCountdownOnceTheNextTierIsReachedAtTheTopOrWithoutAWindow) {
  EXPECT_EQ(countdownOn(quietMoments(), closingWindow(1500, "trailblazer", "2026-12-31"), "2026-12-28"), nullptr);
  EXPECT_EQ(countdownOn(quietMoments(), closingWindow(5000, "peak", "2026-12-31"), "2026-12-28"), nullptr);
  EXPECT_EQ(countdownOn(quietMoments(), memberAt(0, 1380, "trailblazer"), "2026-12-28"), nullptr);
  Moments dismissed = quietMoments();
  dismissed.dismissed = {"countdown:2026-12-31"};
  EXPECT_EQ(countdownOn(dismissed, closingWindow(1380, "trailblazer", "2026-12-31"), "2026-12-28"), nullptr);
  // The next window is another countdown.
  EXPECT_EQ(countdownOn(dismissed, closingWindow(1380, "trailblazer", "2027-12-31"), "2027-12-28")["key"],
            "countdown:2027-12-31");
}

// Incentives.

Moments withIncentives() {
  Moments moments = quietMoments();
  moments.incentives = {{"reward-25", 1500, "$25 reward", "", {}}, {"reward-10", 500, "$10 reward", "", {}},
                        {"reward-50", 3000, "$50 reward", "", {}}};
  return moments;
}

json incentiveFor(const Moments& moments, std::int64_t balance) {
  return cardOf(cardsOn(moments, memberAt(balance, 0, "explorer"), "2026-11-23"), "incentive");
}

TEST(MomentsView, TheIncentiveIsTheSmallestAboveTheBalance) {
  EXPECT_EQ(incentiveFor(withIncentives(), 460), json::parse(R"({
    "key": "incentive:reward-10", "kind": "incentive", "action": "dismiss", "dismissible": true, "celebrate": false,
    "eventFailure": null,
    "message": {"key": "moment.incentive", "params": {"label": "$10 reward", "pointsToGo": 40, "spend": 4,
                                                      "moneyCurrency": "USD"}}})"));
  // Exactly on a milestone: it is reached, the next one is the goal.
  const json next = incentiveFor(withIncentives(), 500);
  EXPECT_EQ(next["key"], "incentive:reward-25");
  EXPECT_EQ(next["message"]["params"]["pointsToGo"], 1000);
  // One point short still takes a whole unit of money.
  const json close = incentiveFor(withIncentives(), 2999);
  EXPECT_EQ(close["message"]["params"]["pointsToGo"], 1);
  EXPECT_EQ(close["message"]["params"]["spend"], 1);
}

TEST(MomentsView, NoIncentiveAboveTheBalanceNoCard) {
  EXPECT_EQ(incentiveFor(withIncentives(), 3000), nullptr);
  EXPECT_EQ(incentiveFor(quietMoments(), 0), nullptr);
}

TEST(MomentsView, ADismissedIncentiveIsNotReplacedByTheNextOne) {
  Moments moments = withIncentives();
  moments.dismissed = {"incentive:reward-10"};
  EXPECT_EQ(incentiveFor(moments, 460), nullptr);
  EXPECT_EQ(incentiveFor(moments, 600)["key"], "incentive:reward-25");  // past it, the next goal
}

// The shopper's day: one instant, two calendar dates.

TEST(MomentsView, TheSameInstantOnEitherSideOfMidnightShowsDifferentCards) {
  // 2026-12-31T23:30 in New York is 2027-01-01T04:30 in London.
  const Moments moments = birthdayIn(12);
  Member member = memberAt(1240, 0, "explorer");
  member.expiring = {{90, day("2026-12-31")}, {200, day("2027-01-20")}};

  const json newYork = cardsOn(moments, member, "2026-12-31");
  EXPECT_EQ(keysOf(newYork), (std::vector<std::string>{"expiring:2026-12-31", "birthday:2026-12"}));
  EXPECT_EQ(cardOf(newYork, "expiring")["daysLeft"], 0);  // the last day to spend them

  const json london = cardsOn(moments, member, "2027-01-01");
  EXPECT_EQ(keysOf(london), (std::vector<std::string>{"expiring:2027-01-20"}));  // the 90 are gone, so is December
  EXPECT_EQ(cardOf(london, "expiring")["daysLeft"], 19);
}

// The year in review: the backend's sums, with tier names for the journey.

json yearOf(const Moments& moments, const Member& member = ada()) {
  return json::parse(momentsViewJson(&moments, &kProgram, &member, day("2026-12-06"), {}, nullptr, std::nullopt))["yearInReview"];
}

TEST(MomentsView, TheYearInReviewNamesTheTiersReachedAndTheImpact) {
  EXPECT_EQ(yearOf(parseMoments(testing::kMomentsJson).value()), json::parse(R"({
    "year": 2026, "pointsEarned": 5230, "rewardsRedeemed": 3, "gamesWon": 2, "badges": 1, "empty": false,
    "impact": {"units": 3, "label": "trees planted"},
    "journey": [{"tierName": "Explorer", "reachedOn": "2026-01-01"}, {"tierName": "Trailblazer", "reachedOn": "2026-12-31"}]})"));
}

TEST(MomentsView, ATierTheProgramNoLongerHasIsLeftOutOfTheJourney) {
  Moments moments = parseMoments(testing::kMomentsJson).value();
  moments.yearInReview->tierJourney.insert(moments.yearInReview->tierJourney.begin() + 1, {"legend", day("2026-06-01")});
  EXPECT_EQ(yearOf(moments)["journey"].size(), 2u);
}

TEST(MomentsView, AYearWithNothingYetIsEmptyAndOneWithoutACounterHasNoImpact) {
  Moments moments = quietMoments();
  moments.yearInReview = YearInReview{2027, 0, 0, 0, 0, std::nullopt, {}};
  const json quiet = yearOf(moments);
  EXPECT_EQ(quiet["empty"], true);
  EXPECT_EQ(quiet["impact"], nullptr);
  EXPECT_EQ(quiet["journey"], json::array());
  // Units without a counter to label them are not shown; a single tier reached is not empty.
  moments.yearInReview->impactUnits = 4;
  moments.yearInReview->tierJourney = {{"explorer", day("2027-01-01")}};
  EXPECT_EQ(yearOf(moments)["impact"], nullptr);
  EXPECT_EQ(yearOf(moments)["empty"], false);
  EXPECT_EQ(yearOf(quietMoments()), nullptr);
}

}  // namespace
}  // namespace kindred
