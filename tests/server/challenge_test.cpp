// Challenges and badges, against a seeded scratch database: the windows
// (a week from Monday to Sunday, a month, ever) on the member's own
// calendar, to the minute around midnight and across time zones; progress
// counted by day, by subject or by event, up to the steps; the badge earned
// once, by the event that completes the challenge, in that event's
// transaction; and what GET /v1/moments lists. Events go through
// POST /v1/events' own handler, as the widget and host pages send them.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "api_checks.hpp"
#include "challenge_progress.hpp"
#include "challenge_window.hpp"
#include "engagement_config.hpp"
#include "event_request.hpp"
#include "moments_listing.hpp"
#include "record_event.hpp"
#include "scratch_database.hpp"
#include "stored_program.hpp"
#include "utc_time.hpp"

namespace {

using api_checks::problemSlug;
using kindred::CalendarDate;
using nlohmann::ordered_json;
using scratch::noonAfter;
using scratch::queryInt;

const std::int64_t kNow = noonAfter(0);  // Sunday 1 March 2026, 12:00 UTC
constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kDay = 86400;

std::string windowHolding(const char* window, const char* day) {
  const std::optional<DayRange> range = challengeWindowHolding(window, *CalendarDate::parse(day));
  return range ? range->first.toString() + ".." + range->last.toString() : "ever";
}

class ChallengeTest : public scratch::ScratchDatabaseTest {
 protected:
  void SetUp() override {
    ScratchDatabaseTest::SetUp();
    db_.emplace(openSeeded());
    program_ = loadStoredProgram(*db_).program;
  }

  // POST /v1/events with a fresh key, received at `now`; the status it got.
  int send(const std::string& member, const std::string& type, std::int64_t occurredAt,
           std::int64_t now, const std::optional<std::string>& subject = std::nullopt) {
    nlohmann::json body = {{"type", type}, {"occurredAt", formatRfc3339Utc(occurredAt)}};
    if (subject) body["subject"] = *subject;
    return handleEventRequest(*db_, program_, member, "key-" + std::to_string(++keys_), body.dump(),
                              now)
        .status;
  }

  // A challenge besides the demo's two, after them.
  void addChallenge(const std::string& id, const std::string& eventType, std::int64_t steps,
                    const std::string& window, const std::string& distinctBy) {
    db_->prepare(
           "INSERT INTO challenges (id, position, title, description, event_type, steps,"
           " time_window, distinct_by, badge_id, badge_title)"
           " VALUES (?1, (SELECT MAX(position) + 1 FROM challenges), ?1, 'D', ?2, ?3, ?4, ?5,"
           " ?1 || '-badge', 'B')")
        .bind(1, id)
        .bind(2, eventType)
        .bind(3, steps)
        .bind(4, window)
        .bind(5, distinctBy)
        .run();
  }

  Challenge challenge(const std::string& id) {
    for (const Challenge& c : loadEngagementConfig(*db_).challenges) {
      if (c.id == id) return c;
    }
    ADD_FAILURE() << "no challenge " << id;
    return {};
  }

  std::int64_t progress(const std::string& member, const std::string& challengeId,
                        const std::string& zone, std::int64_t at) {
    return challengeProgress(*db_, member, challenge(challengeId), zone, at);
  }

  // The member's badges as "id@earnedAt", newest first.
  std::vector<std::string> badges(const std::string& member, std::int64_t now = kNow) {
    std::vector<std::string> shelf;
    const ordered_json listed = momentsJson(*db_, program_, member, now);
    for (const auto& badge : listed["badges"]) {
      shelf.push_back(badge["id"].get<std::string>() + "@" + badge["earnedAt"].get<std::string>());
    }
    return shelf;
  }

  std::optional<Database> db_;
  kindred::Program program_;
  int keys_ = 0;
};

TEST(ChallengeWindowTest, AWeekRunsMondayToSundayAndAMonthFirstToLast) {
  EXPECT_EQ(windowHolding("week", "2026-03-01"), "2026-02-23..2026-03-01");  // a Sunday ends one
  EXPECT_EQ(windowHolding("week", "2026-03-02"), "2026-03-02..2026-03-08");  // a Monday starts one
  EXPECT_EQ(windowHolding("week", "2026-03-04"), "2026-03-02..2026-03-08");
  EXPECT_EQ(windowHolding("week", "2026-01-01"), "2025-12-29..2026-01-04");   // across a year
  EXPECT_EQ(windowHolding("week", "1970-01-01"), "1969-12-29..1970-01-04");   // a Thursday
  EXPECT_EQ(windowHolding("week", "1969-12-28"), "1969-12-22..1969-12-28");   // before 1970
  EXPECT_EQ(windowHolding("month", "2028-02-10"), "2028-02-01..2028-02-29");  // a leap year
  EXPECT_EQ(windowHolding("month", "2026-02-28"), "2026-02-01..2026-02-28");
  EXPECT_EQ(windowHolding("month", "2026-12-31"), "2026-12-01..2026-12-31");
  EXPECT_EQ(windowHolding("ever", "2026-03-01"), "ever");
}

TEST_F(ChallengeTest, TheWeekTurnsAtTheMembersOwnMidnight) {
  addChallenge("walks-counted", "walk-day", 30, "week", "none");
  // New York is on EST (UTC-5) until 8 March 2026.
  const std::int64_t sundayLate = noonAfter(1) - 12 * kHour + 4 * kHour + 30 * 60;  // 04:30Z
  const std::int64_t mondayEarly = sundayLate + kHour;                              // 05:30Z
  ASSERT_EQ(formatRfc3339Utc(sundayLate), "2026-03-02T04:30:00Z");  // Sunday 23:30 in New York
  const std::int64_t now = mondayEarly + 10 * 60;                   // Monday 00:40
  for (const char* member : {"m_grace", "m_ada"}) {
    ASSERT_EQ(send(member, "walk-day", sundayLate, now), 201);
    ASSERT_EQ(send(member, "walk-day", mondayEarly, now), 201);
  }
  // For Grace the first walk was on Sunday: last week's. Each week has one.
  const std::string newYork = "America/New_York";
  EXPECT_EQ(progress("m_grace", "walks-counted", newYork, sundayLate + 15 * 60), 1);
  EXPECT_EQ(progress("m_grace", "walks-counted", newYork, now), 1);
  EXPECT_EQ(progress("m_grace", "walk-5-days", newYork, now), 1);
  const ordered_json grace = momentsJson(*db_, program_, "m_grace", now)["challenges"];
  EXPECT_EQ(grace[0]["progress"], 1);
  EXPECT_EQ(grace[0]["windowEndsOn"], "2026-03-08");
  // Half an hour earlier, GET /v1/moments still shows her last week.
  const ordered_json sunday =
      momentsJson(*db_, program_, "m_grace", sundayLate + 15 * 60)["challenges"];
  EXPECT_EQ(sunday[2]["progress"], 1);
  EXPECT_EQ(sunday[2]["windowEndsOn"], "2026-03-01");

  // In London both were walked on Monday morning, in one day of this week;
  // Ada's three walks of last week count no longer.
  EXPECT_EQ(progress("m_ada", "walks-counted", "Europe/London", now), 2);
  EXPECT_EQ(progress("m_ada", "walk-5-days", "Europe/London", now), 1);
  EXPECT_EQ(progress("m_ada", "walk-5-days", "Europe/London", kNow), 3);  // on Sunday
}

TEST_F(ChallengeTest, AMonthIsTheMembersCalendarMonth) {
  // 16:00 UTC on 28 February is already 1 March, 01:00, in Tokyo.
  const std::int64_t at = noonAfter(-1) + 4 * kHour;
  ASSERT_EQ(send("m_katherine", "review-written", at, kNow, "boots"), 201);
  ASSERT_EQ(send("m_grace", "review-written", at, kNow, "boots"), 201);
  // Katherine's two seeded reviews and this one: her March is complete.
  EXPECT_EQ(progress("m_katherine", "write-3-reviews", "Asia/Tokyo", kNow), 3);
  EXPECT_EQ(progress("m_grace", "write-3-reviews", "America/New_York", kNow), 0);
  EXPECT_EQ(progress("m_grace", "write-3-reviews", "America/New_York", at), 1);
}

TEST_F(ChallengeTest, ProgressCountsDaysSubjectsOrEventsUpToTheSteps) {
  addChallenge("walks-counted", "walk-day", 30, "week", "none");
  addChallenge("reviews-ever", "review-written", 4, "ever", "none");
  const std::string zone = "America/New_York";
  // Two walks on Saturday, one on Sunday (New York).
  ASSERT_EQ(send("m_grace", "walk-day", kNow - kDay, kNow), 201);
  ASSERT_EQ(send("m_grace", "walk-day", kNow - kDay + kHour, kNow), 201);
  ASSERT_EQ(send("m_grace", "walk-day", kNow, kNow), 201);
  EXPECT_EQ(progress("m_grace", "walk-5-days", zone, kNow), 2);
  EXPECT_EQ(progress("m_grace", "walks-counted", zone, kNow), 3);

  // A subject once, and a review about nothing named counts for none.
  for (const std::optional<std::string>& subject :
       {std::optional<std::string>("tent"), std::optional<std::string>("tent"),
        std::optional<std::string>(), std::optional<std::string>("stove")}) {
    ASSERT_EQ(send("m_grace", "review-written", kNow, kNow, subject), 201);
  }
  EXPECT_EQ(progress("m_grace", "write-3-reviews", zone, kNow), 2);
  EXPECT_EQ(progress("m_grace", "reviews-ever", zone, kNow), 4);  // four events, capped at 4
  ASSERT_EQ(send("m_grace", "review-written", kNow, kNow, "lamp"), 201);
  EXPECT_EQ(progress("m_grace", "reviews-ever", zone, kNow), 4);
  EXPECT_EQ(progress("m_grace", "write-3-reviews", zone, kNow), 3);
  // "ever" reaches back as far as events go, and its window never ends.
  EXPECT_EQ(progress("m_grace", "reviews-ever", zone, kNow + 400 * kDay), 4);
  const ordered_json listed = momentsJson(*db_, program_, "m_grace", kNow)["challenges"];
  EXPECT_EQ(listed[3]["id"], "reviews-ever");
  EXPECT_EQ(listed[3]["windowEndsOn"], nullptr);
  EXPECT_EQ(listed[3]["completed"], true);
  // Other members' events are theirs.
  EXPECT_EQ(progress("m_alan", "reviews-ever", "America/Los_Angeles", kNow), 0);
}

TEST_F(ChallengeTest, TheBadgeIsEarnedOnceByTheEventThatCompletesTheChallenge) {
  // Monday to Thursday of the seed day's week, at noon in New York.
  const std::int64_t mondayNoon = noonAfter(-6) + 5 * kHour;
  for (int day = 0; day < 4; ++day) {
    ASSERT_EQ(send("m_grace", "walk-day", mondayNoon + day * kDay, kNow), 201);
  }
  EXPECT_TRUE(badges("m_grace").empty());
  const ordered_json four = momentsJson(*db_, program_, "m_grace", kNow)["challenges"][0];
  EXPECT_EQ(four["progress"], 4);
  EXPECT_EQ(four["completed"], false);

  // Friday's walk, recorded on Sunday, completes the week.
  const nlohmann::json friday = {{"type", "walk-day"},
                                 {"occurredAt", formatRfc3339Utc(mondayNoon + 4 * kDay)}};
  ASSERT_EQ(handleEventRequest(*db_, program_, "m_grace", "friday", friday.dump(), kNow).status,
            201);
  const std::vector<std::string> earned = {"five-day-walker@2026-03-01T12:00:00Z"};
  EXPECT_EQ(badges("m_grace"), earned);
  Statement earnedOn =
      db_->prepare("SELECT earned_on FROM badges WHERE member_id = 'm_grace'");  // New York
  ASSERT_TRUE(earnedOn.step());
  EXPECT_EQ(earnedOn.text(0), "2026-03-01");
  const ordered_json five = momentsJson(*db_, program_, "m_grace", kNow)["challenges"][0];
  EXPECT_EQ(five["progress"], 5);
  EXPECT_EQ(five["completed"], true);

  // More walks, a retry of the completing one, another week completed: one badge, as earned.
  ASSERT_EQ(send("m_grace", "walk-day", mondayNoon + 5 * kDay, kNow + 60), 201);
  ASSERT_EQ(
      handleEventRequest(*db_, program_, "m_grace", "friday", friday.dump(), kNow + 120).status,
      201);
  const std::int64_t nextWeek = kNow + 7 * kDay;
  for (int day = 7; day < 12; ++day) {
    ASSERT_EQ(send("m_grace", "walk-day", mondayNoon + day * kDay, nextWeek), 201);
  }
  EXPECT_EQ(progress("m_grace", "walk-5-days", "America/New_York", nextWeek), 5);
  EXPECT_EQ(badges("m_grace", nextWeek), earned);
  EXPECT_EQ(queryInt(*db_, "SELECT COUNT(*) FROM badges WHERE member_id = 'm_grace'"), 1);
}

TEST_F(ChallengeTest, ALateEventCompletesTheWeekItHappenedIn) {
  const std::int64_t mondayNoon = noonAfter(-6) + 5 * kHour;  // New York
  for (int day = 0; day < 4; ++day) {
    ASSERT_EQ(send("m_grace", "walk-day", mondayNoon + day * kDay, mondayNoon + day * kDay), 201);
  }
  // Sunday evening's walk reaches the backend on Monday (the phone was offline).
  const std::int64_t sundayEvening = mondayNoon + 6 * kDay + 6 * kHour;
  const std::int64_t mondayMorning = sundayEvening + 16 * kHour;
  ASSERT_EQ(send("m_grace", "walk-day", sundayEvening, mondayMorning), 201);
  EXPECT_EQ(badges("m_grace", mondayMorning),
            (std::vector<std::string>{"five-day-walker@" + formatRfc3339Utc(mondayMorning)}));
  // This week has only begun.
  EXPECT_EQ(momentsJson(*db_, program_, "m_grace", mondayMorning)["challenges"][0]["progress"], 0);
}

TEST_F(ChallengeTest, TheBadgeIsWrittenInTheCompletingEventsTransaction) {
  ASSERT_EQ(send("m_katherine", "review-written", kNow, kNow, "tent"), 201);  // her third
  EXPECT_EQ(badges("m_katherine"),
            (std::vector<std::string>{"trusted-reviewer@2026-03-01T12:00:00Z"}));

  // Ada's third review, in a transaction that does not commit (as when the
  // idempotency record cannot be completed): neither the event nor the badge stays.
  for (const char* subject : {"tent", "stove"}) {
    ASSERT_EQ(send("m_ada", "review-written", kNow, kNow, std::string(subject)), 201);
  }
  const std::int64_t eventsBefore = queryInt(*db_, "SELECT COUNT(*) FROM events");
  {
    Transaction transaction(*db_);
    const IdempotentOutcome outcome =
        recordEvent(*db_, program_, "m_ada", {"review-written", "lamp", std::nullopt, kNow}, kNow);
    ASSERT_TRUE(outcome.executed);
    // Alan's, Katherine's and now Ada's, for as long as the transaction lasts.
    EXPECT_EQ(queryInt(*db_, "SELECT COUNT(*) FROM badges WHERE badge_id = 'trusted-reviewer'"), 3);
  }
  EXPECT_EQ(queryInt(*db_, "SELECT COUNT(*) FROM events"), eventsBefore);
  EXPECT_EQ(badges("m_ada"), (std::vector<std::string>{"five-day-walker@2026-02-20T12:00:00Z"}));

  // A refused event counts for nothing.
  EXPECT_EQ(send("m_ada", "review-written", kNow - 8 * kDay, kNow, std::string("lamp")), 422);
  EXPECT_EQ(progress("m_ada", "write-3-reviews", "Europe/London", kNow), 2);
  EXPECT_EQ(badges("m_ada").size(), 1u);
}

TEST_F(ChallengeTest, TheAnswerListsChallengesAndTheBadgeShelfNewestFirst) {
  const ordered_json ada = momentsJson(*db_, program_, "m_ada", kNow);
  EXPECT_EQ(ada["challenges"],
            (ordered_json{
                {{"id", "walk-5-days"},
                 {"title", "Walk 5 days this week"},
                 {"description", "Log a walk on five different days between Monday and Sunday."},
                 {"eventType", "walk-day"},
                 {"steps", 5},
                 {"progress", 3},
                 {"window", "week"},
                 {"windowEndsOn", "2026-03-01"},
                 {"badge", {{"id", "five-day-walker"}, {"title", "Five-day walker"}}},
                 {"completed", false}},
                {{"id", "write-3-reviews"},
                 {"title", "Write 3 reviews"},
                 {"description", "Review three different products this month."},
                 {"eventType", "review-written"},
                 {"steps", 3},
                 {"progress", 0},
                 {"window", "month"},
                 {"windowEndsOn", "2026-03-31"},
                 {"badge", {{"id", "trusted-reviewer"}, {"title", "Trusted reviewer"}}},
                 {"completed", false}}}));
  EXPECT_EQ(ada["badges"], (ordered_json{{{"id", "five-day-walker"},
                                          {"title", "Five-day walker"},
                                          {"earnedAt", "2026-02-20T12:00:00Z"}}}));
  EXPECT_EQ(momentsJson(*db_, program_, "m_alan", kNow)["badges"],
            (ordered_json{{{"id", "five-day-walker"},
                           {"title", "Five-day walker"},
                           {"earnedAt", "2026-02-13T12:00:00Z"}},
                          {{"id", "trusted-reviewer"},
                           {"title", "Trusted reviewer"},
                           {"earnedAt", "2026-01-30T12:00:00Z"}}}));
  EXPECT_EQ(momentsJson(*db_, program_, "m_grace", kNow)["badges"], ordered_json::array());
}

}  // namespace
