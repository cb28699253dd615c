// The tier hub's experiences, against a seeded scratch database: which ones
// GET /v1/moments lists (every one not yet started, soonest first, locked
// ones too) with the seats left and the member's sign-up, and signing up
// through POST /v1/events' own handler: a seat taken once per member, every
// refusal with its status and nothing written, and the seats counted right
// when sign-ups race on their own connections.

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "api_checks.hpp"
#include "event_request.hpp"
#include "experience_seats.hpp"
#include "moments_listing.hpp"
#include "scratch_database.hpp"
#include "stored_program.hpp"
#include "utc_time.hpp"

namespace {

using api_checks::detailOf;
using api_checks::header;
using api_checks::parsed;
using api_checks::problemSlug;
using nlohmann::ordered_json;
using scratch::noonAfter;
using scratch::queryInt;

const std::int64_t kNow = noonAfter(0);

std::string signUpFor(const std::string& experienceId) {
  return nlohmann::json{{"type", "experience-signup"}, {"subject", experienceId}}.dump();
}

class ExperienceTest : public scratch::ScratchDatabaseTest {
 protected:
  void SetUp() override {
    ScratchDatabaseTest::SetUp();
    db_.emplace(openSeeded());
    program_ = loadStoredProgram(*db_).program;
  }

  ApiResponse signUp(const std::string& member, const std::string& experienceId,
                     std::optional<std::string> key = std::nullopt, std::int64_t now = kNow) {
    return handleEventRequest(*db_, program_, member,
                              key.value_or("key-" + std::to_string(++keys_)),
                              signUpFor(experienceId), now);
  }

  ordered_json experiences(const std::string& member, std::int64_t now = kNow) {
    return momentsJson(*db_, program_, member, now)["experiences"];
  }

  ordered_json listed(const std::string& member, const std::string& id) {
    for (const auto& experience : experiences(member)) {
      if (experience["id"] == id) return experience;
    }
    return nullptr;
  }

  std::int64_t events() { return queryInt(*db_, "SELECT COUNT(*) FROM events"); }
  std::int64_t signUps() { return queryInt(*db_, "SELECT COUNT(*) FROM experience_signups"); }

  std::optional<Database> db_;
  kindred::Program program_;
  int keys_ = 0;
};

TEST_F(ExperienceTest, EveryExperienceNotYetStartedIsListedSoonestFirst) {
  std::vector<std::string> ids;
  for (const auto& experience : experiences("m_grace")) {
    ids.push_back(experience["id"].get<std::string>());
  }
  // Not the gear swap, which started three weeks ago; not in file order.
  EXPECT_EQ(ids, (std::vector<std::string>{"map-and-compass", "sunrise-summit", "gear-repair-night",
                                           "lodge-dinner"}));
  // Grace, an Explorer, sees the Summit hike too (the widget shows it locked).
  EXPECT_EQ(listed("m_grace", "sunrise-summit"),
            (ordered_json{
                {"id", "sunrise-summit"},
                {"tierId", "summit"},
                {"title", "Sunrise summit hike"},
                {"description", "A guided dawn ascent of Aurora Ridge, with breakfast at the top."},
                {"startsAt", "2026-03-13T05:30:00Z"},
                {"seatsLeft", 7},
                {"signedUp", false}}));
  EXPECT_EQ(listed("m_katherine", "sunrise-summit")["signedUp"], true);
  EXPECT_EQ(listed("m_katherine", "lodge-dinner")["signedUp"], false);

  // Listed until the second it starts.
  const std::int64_t starts = *parseRfc3339Utc("2026-03-10T16:00:00Z");
  EXPECT_EQ(experiences("m_grace", starts - 1)[0]["id"], "map-and-compass");
  EXPECT_EQ(experiences("m_grace", starts)[0]["id"], "sunrise-summit");
  EXPECT_EQ(experiences("m_grace", *parseRfc3339Utc("2026-04-01T00:00:00Z")),
            ordered_json::array());
}

TEST_F(ExperienceTest, ASignUpTakesOneSeatHoweverOftenItIsSent) {
  const ApiResponse first = signUp("m_ada", "gear-repair-night", "first");
  ASSERT_EQ(first.status, 201) << first.body;
  const auto event = parsed(first);
  EXPECT_EQ(event["type"], "experience-signup");
  EXPECT_EQ(event["subject"], "gear-repair-night");
  EXPECT_EQ(listed("m_ada", "gear-repair-night")["seatsLeft"], 11);
  EXPECT_EQ(listed("m_ada", "gear-repair-night")["signedUp"], true);
  EXPECT_EQ(listed("m_alan", "gear-repair-night")["signedUp"], false);

  // A second sign-up (another device, a new key) is answered alike and keeps the seat.
  const ApiResponse second = signUp("m_ada", "gear-repair-night", "second");
  EXPECT_EQ(second.status, 201);
  EXPECT_FALSE(header(second, "Idempotent-Replayed"));
  // A retry of the first is its answer again.
  const ApiResponse retry = signUp("m_ada", "gear-repair-night", "first", kNow + 60);
  EXPECT_EQ(retry.body, first.body);
  EXPECT_EQ(header(retry, "Idempotent-Replayed"), "true");
  EXPECT_EQ(listed("m_ada", "gear-repair-night")["seatsLeft"], 11);
  EXPECT_EQ(seatsTaken(*db_, "gear-repair-night"), 1);
  EXPECT_EQ(queryInt(*db_,
                     "SELECT COUNT(*) FROM events WHERE member_id = 'm_ada'"
                     " AND type = 'experience-signup'"),
            2);
}

TEST_F(ExperienceTest, EachRefusalSaysWhyAndWritesNothing) {
  const std::int64_t eventsBefore = events();
  const struct {
    const char* member;
    std::string body;
    int status;
    const char* slug;
    const char* detail;
  } cases[] = {
      {"m_ada", R"({"type":"experience-signup"})", 422, "invalid-event",
       "Events of type experience-signup need a subject: what the event is about."},
      {"m_ada", signUpFor("moon-walk"), 422, "unknown-experience",
       "There is no experience \"moon-walk\" to sign up for."},
      {"m_ada", signUpFor("Gear-Repair-Night"), 422, "unknown-experience",
       "There is no experience \"Gear-Repair-Night\" to sign up for."},
      {"m_alan", signUpFor("spring-gear-swap"), 422, "experience-started",
       "Gear swap at the store started at 2026-02-09T10:00:00Z; sign-ups are closed."},
      {"m_ada", signUpFor("sunrise-summit"), 403, "tier-too-low",
       "Sunrise summit hike is for Summit members and above."},
      {"m_katherine", signUpFor("lodge-dinner"), 403, "tier-too-low",
       "Peak members' lodge dinner is for Peak members."},
      {"m_grace", signUpFor("gear-repair-night"), 403, "tier-too-low",
       "Gear repair night is for Trailblazer members and above."},
  };
  for (const auto& c : cases) {
    const ApiResponse response =
        handleEventRequest(*db_, program_, c.member, std::string("k"), c.body, kNow);
    EXPECT_EQ(response.status, c.status) << c.body;
    EXPECT_EQ(problemSlug(response), c.slug) << c.body;
    EXPECT_EQ(detailOf(response), c.detail) << c.body;
  }
  EXPECT_EQ(events(), eventsBefore);
  EXPECT_EQ(signUps(), 1);  // Katherine's, seeded
  EXPECT_EQ(queryInt(*db_, "SELECT COUNT(*) FROM idempotency_keys"), 0);

  // Three seats: the fourth member finds none; then it has started.
  for (const char* member : {"m_grace", "m_ada", "m_katherine"}) {
    ASSERT_EQ(signUp(member, "map-and-compass").status, 201) << member;
  }
  const ApiResponse full = signUp("m_alan", "map-and-compass", std::string("k"));
  EXPECT_EQ(full.status, 409);
  EXPECT_EQ(problemSlug(full), "experience-full");
  EXPECT_EQ(detailOf(full), "All 3 seats of Map and compass basics are taken.");
  EXPECT_EQ(listed("m_alan", "map-and-compass")["seatsLeft"], 0);
  // A member who holds a seat is answered as ever, full or not.
  EXPECT_EQ(signUp("m_ada", "map-and-compass").status, 201);
  const ApiResponse started =
      signUp("m_ada", "map-and-compass", std::nullopt, *parseRfc3339Utc("2026-03-10T16:00:00Z"));
  EXPECT_EQ(started.status, 422);
  EXPECT_EQ(problemSlug(started), "experience-started");
  EXPECT_EQ(seatsTaken(*db_, "map-and-compass"), 3);
}

TEST_F(ExperienceTest, ARefusalIsNotFinalForItsKey) {
  const ApiResponse low = signUp("m_ada", "sunrise-summit", std::string("climb"));
  ASSERT_EQ(low.status, 403);
  // Ada reaches Summit; the same request, with the same key, now takes a seat.
  db_->prepare("UPDATE members SET qualifying_points = 1500 WHERE id = 'm_ada'").run();
  const ApiResponse climbed = signUp("m_ada", "sunrise-summit", std::string("climb"));
  EXPECT_EQ(climbed.status, 201) << climbed.body;
  EXPECT_FALSE(header(climbed, "Idempotent-Replayed"));
  EXPECT_EQ(listed("m_ada", "sunrise-summit")["signedUp"], true);

  // A seat outlasts the tier that earned it.
  db_->prepare("UPDATE members SET qualifying_points = 100 WHERE id = 'm_katherine'").run();
  EXPECT_EQ(signUp("m_katherine", "sunrise-summit").status, 201);
  EXPECT_EQ(listed("m_katherine", "sunrise-summit")["signedUp"], true);
  EXPECT_EQ(seatsTaken(*db_, "sunrise-summit"), 2);
}

TEST_F(ExperienceTest, SeatsHoldWhenSignUpsRace) {
  // Five seats; twelve Explorers, each signing up twice at once (two devices).
  db_->prepare(
         "INSERT INTO experiences (id, position, tier_id, title, description, starts_at,"
         " starts_at_unix, seats) VALUES ('tiny', 99, 'explorer', 'Tiny', 'D',"
         " '2026-03-20T10:00:00Z', ?1, 5)")
      .bind(1, *parseRfc3339Utc("2026-03-20T10:00:00Z"))
      .run();
  constexpr int kMembers = 12;
  for (int i = 0; i < kMembers; ++i) {
    db_->prepare(
           "INSERT INTO members (position, id, name, points, pending_points, lifetime_points,"
           " qualifying_points) VALUES (100 + ?1, 'm_racer' || ?1, 'Racer', 0, 0, 0, 0)")
        .bind(1, std::int64_t{i})
        .run();
  }
  std::vector<int> statuses(2 * kMembers);
  std::vector<std::string> slugs(2 * kMembers);
  std::vector<std::thread> threads;
  for (int i = 0; i < 2 * kMembers; ++i) {
    threads.emplace_back([&, i] {
      Database own = Database::open(pathOf("demo.sqlite3"));  // a connection per request
      const ApiResponse response =
          handleEventRequest(own, program_, "m_racer" + std::to_string(i / 2),
                             "race-" + std::to_string(i), signUpFor("tiny"), kNow);
      statuses[i] = response.status;
      slugs[i] = problemSlug(response);
    });
  }
  for (std::thread& thread : threads) thread.join();

  EXPECT_EQ(seatsTaken(*db_, "tiny"), 5);
  for (int member = 0; member < kMembers; ++member) {
    // Both of a member's requests got the same answer: a seat, or none left.
    const int a = statuses[2 * member];
    const int b = statuses[2 * member + 1];
    EXPECT_EQ(a, b) << "m_racer" << member;
    EXPECT_TRUE(a == 201 || (a == 409 && slugs[2 * member] == "experience-full")) << a;
  }
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 201), 10);
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 409), 14);
  EXPECT_EQ(queryInt(*db_,
                     "SELECT COUNT(DISTINCT member_id) FROM experience_signups"
                     " WHERE experience_id = 'tiny'"),
            5);
  EXPECT_EQ(listed("m_grace", "tiny")["seatsLeft"], 0);
}

}  // namespace
