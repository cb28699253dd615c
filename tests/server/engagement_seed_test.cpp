// Schema version 6 and what seeding puts in it for the later micro-moments:
// the program's impact counter, experiences, previews and challenges from
// moments.json (checked field by field, every refusal naming the field),
// each demo member's badges, sign-ups and events from members.json (checked
// by the same rules POST /v1/events applies), and a version-5 database
// brought forward, then given what it lacks.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "engagement_config.hpp"
#include "event_type_record.hpp"
#include "experience_seats.hpp"
#include "game_catalog.hpp"
#include "moment_config.hpp"
#include "moments_listing.hpp"
#include "scratch_database.hpp"
#include "seed_reader.hpp"
#include "stored_program.hpp"
#include "utc_time.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using scratch::dayAfter;
using scratch::kSeedDay;
using scratch::noonAfter;
using scratch::queryInt;

class EngagementSeedTest : public scratch::ScratchDatabaseTest {
 protected:
  // A seed directory with every demo file, then `file` holding `contents`.
  fs::path demoSeedWith(const std::string& file, const std::string& contents) {
    const fs::path seed = seedDirWith(file, contents);
    for (const char* name : {"moments.json", "event_types.json"}) {
      if (name != file) {
        fs::copy_file(fs::path(KINDRED_SEED_DIR) / name, seed / name,
                      fs::copy_options::overwrite_existing);
      }
    }
    return seed;
  }
};

// moments.json with the demo's incentives and offers and these sections.
std::string momentsWith(const json& sections) {
  json doc = json::parse(readSeedFile(fs::path(KINDRED_SEED_DIR) / "moments.json"));
  for (const char* key : {"impact", "experiences", "previews", "challenges"}) doc.erase(key);
  doc.update(sections);
  return doc.dump();
}

// A members.json of one Explorer in Tokyo with `fields` added.
std::string oneMember(const json& fields) {
  json member = {{"id", "a"},
                 {"name", "A"},
                 {"points", 1},
                 {"pendingPoints", 0},
                 {"lifetimePoints", 1},
                 {"qualifyingPoints", 1},
                 {"timeZone", "Asia/Tokyo"}};
  if (fields.is_object()) member.update(fields);  // {} is null to nlohmann
  return json{{"members", {member}}}.dump();
}

std::int64_t signUps(Database& db, const std::string& member, const std::string& experience) {
  Statement query = db.prepare(
      "SELECT COUNT(*) FROM experience_signups WHERE member_id = ?1 AND experience_id = ?2");
  query.bind(1, member).bind(2, experience).step();
  return query.int64(0);
}

std::vector<std::string> badgesOf(Database& db, const std::string& member) {
  Statement query = db.prepare(
      "SELECT badge_id || '@' || earned_at FROM badges WHERE member_id = ?1 ORDER BY earned_at");
  query.bind(1, member);
  std::vector<std::string> badges;
  while (query.step()) badges.push_back(query.text(0));
  return badges;
}

TEST_F(EngagementSeedTest, SeedsTheDemoConfiguration) {
  Database db = openSeeded();
  const EngagementConfig config = loadEngagementConfig(db);
  ASSERT_TRUE(config.impact);
  EXPECT_EQ(config.impact->label, "trees planted");
  EXPECT_EQ(config.impact->pointsPerUnit, 500);
  EXPECT_EQ(config.impact->communityBase, 14000);

  // Days from the seed day (1 March 2026) at their UTC times, in file order.
  std::vector<std::string> experiences;
  for (const Experience& e : config.experiences) {
    experiences.push_back(e.id + " " + e.tierId + " " + e.startsAt + " " + std::to_string(e.seats));
    EXPECT_EQ(e.startsAtUnix, parseRfc3339Utc(e.startsAt)) << e.id;
    EXPECT_FALSE(e.title.empty());
    EXPECT_FALSE(e.description.empty());
  }
  EXPECT_EQ(experiences, (std::vector<std::string>{
                             "spring-gear-swap explorer 2026-02-09T10:00:00Z 60",
                             "map-and-compass explorer 2026-03-10T16:00:00Z 3",
                             "sunrise-summit summit 2026-03-13T05:30:00Z 8",
                             "gear-repair-night trailblazer 2026-03-17T18:00:00Z 12",
                             "lodge-dinner peak 2026-03-31T19:00:00Z 20",
                         }));

  std::vector<std::string> previews;
  for (const Preview& p : config.previews) {
    previews.push_back(p.id + " " + p.tierId + " " + p.releaseDate);
  }
  EXPECT_EQ(previews, (std::vector<std::string>{
                          "camp-mug trailblazer 2026-02-22",
                          "trail-runner-2 trailblazer 2026-03-22",
                          "aurora-shell summit 2026-04-05",
                          "ridge-pack-40 peak 2026-04-20",
                      }));

  ASSERT_EQ(config.challenges.size(), 2u);
  const Challenge& walk = config.challenges[0];
  EXPECT_EQ(walk.id, "walk-5-days");
  EXPECT_EQ(walk.title, "Walk 5 days this week");
  EXPECT_EQ(walk.eventType, "walk-day");
  EXPECT_EQ(walk.steps, 5);
  EXPECT_EQ(walk.window, "week");
  EXPECT_EQ(walk.distinctBy, "day");
  EXPECT_EQ(walk.badgeId, "five-day-walker");
  EXPECT_EQ(walk.badgeTitle, "Five-day walker");
  const Challenge& reviews = config.challenges[1];
  EXPECT_EQ(reviews.id, "write-3-reviews");
  EXPECT_EQ(reviews.title, "Write 3 reviews");
  EXPECT_EQ(reviews.eventType, "review-written");
  EXPECT_EQ(reviews.steps, 3);
  EXPECT_EQ(reviews.window, "month");
  EXPECT_EQ(reviews.distinctBy, "subject");
  EXPECT_EQ(reviews.badgeId, "trusted-reviewer");

  // The sign-ups' event type, and the prize of no points that is still a prize.
  ASSERT_TRUE(loadEventType(db, "experience-signup"));
  EXPECT_TRUE(loadEventType(db, "experience-signup")->subjectRequired);
  EXPECT_EQ(loadGame(db, "spin-wheel")->nonPointsPrizeIds,
            (std::set<std::string>{"free-shipping"}));
}

TEST_F(EngagementSeedTest, SeedsEachDemoMembersSide) {
  Database db = openSeeded();
  // Katherine (Summit) holds a seat at the Summit hike; nobody else holds any.
  EXPECT_EQ(signUps(db, "m_katherine", "sunrise-summit"), 1);
  EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM experience_signups"), 1);
  EXPECT_EQ(seatsTaken(db, "sunrise-summit"), 1);

  // Ada earned the walking badge nine days before seeding, Alan both.
  EXPECT_EQ(badgesOf(db, "m_ada"),
            (std::vector<std::string>{"five-day-walker@" + dayAfter(-9) + "T12:00:00Z"}));
  EXPECT_EQ(badgesOf(db, "m_alan"),
            (std::vector<std::string>{"trusted-reviewer@" + dayAfter(-30) + "T12:00:00Z",
                                      "five-day-walker@" + dayAfter(-16) + "T12:00:00Z"}));
  EXPECT_TRUE(badgesOf(db, "m_grace").empty());
  EXPECT_TRUE(badgesOf(db, "m_katherine").empty());
  Statement earnedOn =
      db.prepare("SELECT earned_on FROM badges WHERE member_id = 'm_ada'");  // London
  ASSERT_TRUE(earnedOn.step());
  EXPECT_EQ(earnedOn.text(0), dayAfter(-9));

  // Their events, dated whole days before the seeding instant.
  Statement events = db.prepare(
      "SELECT member_id || ' ' || type || ' ' || COALESCE(subject, '-') || ' ' ||"
      " COALESCE(value, '-') || ' ' || occurred_at FROM events ORDER BY member_id, occurred_at,"
      " rowid");
  std::vector<std::string> rows;
  while (events.step()) rows.push_back(events.text(0));
  EXPECT_EQ(rows, (std::vector<std::string>{
                      "m_ada walk-day - 8200 " + dayAfter(-2) + "T12:00:00Z",
                      "m_ada walk-day - 10400 " + dayAfter(-1) + "T12:00:00Z",
                      "m_ada walk-day - 6100 " + dayAfter(0) + "T12:00:00Z",
                      "m_katherine preview-rated aurora-shell 4 " + dayAfter(-1) + "T12:00:00Z",
                      "m_katherine review-written order-10296 - " + dayAfter(0) + "T12:00:00Z",
                      "m_katherine review-written order-10451 - " + dayAfter(0) + "T12:00:00Z",
                  }));
  // Three walks, Friday to Sunday: no badge yet (and Ada's is older anyway).
  EXPECT_EQ(badgesOf(db, "m_ada").size(), 1u);
}

TEST_F(EngagementSeedTest, EachDemoMomentShowsForSomeone) {
  Database db = openSeeded();
  const kindred::Program program = loadStoredProgram(db).program;
  const auto moments = [&](const char* member) {
    return momentsJson(db, program, member, noonAfter(0));
  };
  const auto ada = moments("m_ada");
  EXPECT_EQ(ada["impact"],
            (nlohmann::ordered_json{
                {"label", "trees planted"}, {"memberUnits", 3}, {"communityUnits", 14018}}));
  EXPECT_EQ(ada["challenges"][0]["progress"], 3);  // walks on Friday, Saturday and Sunday
  EXPECT_EQ(ada["badges"].size(), 1u);
  EXPECT_EQ(ada["previews"].size(), 1u);

  const auto katherine = moments("m_katherine");
  EXPECT_EQ(katherine["experiences"][1]["id"], "sunrise-summit");
  EXPECT_EQ(katherine["experiences"][1]["signedUp"], true);
  EXPECT_EQ(katherine["previews"][1]["id"], "aurora-shell");
  EXPECT_EQ(katherine["previews"][1]["myRating"], 4);
  EXPECT_EQ(katherine["challenges"][1]["progress"], 2);  // two reviews this month

  const auto alan = moments("m_alan");
  EXPECT_EQ(alan["badges"].size(), 2u);
  EXPECT_EQ(alan["previews"].size(), 3u);
  EXPECT_EQ(alan["yearInReview"]["badges"], 2);
  EXPECT_EQ(moments("m_grace")["previews"], nlohmann::ordered_json::array());
}

TEST_F(EngagementSeedTest, AbsoluteTimesAreTakenAsWrittenAndSectionsAreOptional) {
  const auto seed =
      demoSeedWith("moments.json", momentsWith({{"experiences",
                                                 {{{"id", "e"},
                                                   {"tierId", "peak"},
                                                   {"title", "T"},
                                                   {"description", "D"},
                                                   {"startsAt", "2027-01-02T03:04:05Z"},
                                                   {"seats", 10000}}}},
                                                {"previews",
                                                 {{{"id", "p"},
                                                   {"tierId", "explorer"},
                                                   {"title", "T"},
                                                   {"description", "D"},
                                                   {"releaseDate", "2027-02-28"}}}}}));
  std::ofstream(seed / "members.json") << oneMember({});
  Database db = openMigrated();
  ASSERT_TRUE(seedIfEmpty(db, seed, kSeedDay));
  const EngagementConfig config = loadEngagementConfig(db);
  EXPECT_FALSE(config.impact);  // absent: none
  ASSERT_EQ(config.experiences.size(), 1u);
  EXPECT_EQ(config.experiences[0].startsAt, "2027-01-02T03:04:05Z");
  EXPECT_EQ(config.experiences[0].seats, 10000);
  ASSERT_EQ(config.previews.size(), 1u);
  EXPECT_EQ(config.previews[0].releaseDate, "2027-02-28");
  EXPECT_TRUE(config.challenges.empty());
  EXPECT_TRUE(hasEngagementConfig(db));
  EXPECT_EQ(momentsJson(db, loadStoredProgram(db).program, "a", noonAfter(0))["impact"], nullptr);
}

TEST_F(EngagementSeedTest, SeededEventsThatCompleteAChallengeEarnItsBadge) {
  json walks = json::array();
  // Monday to Friday of the seed day's week (23 to 27 February), on her calendar.
  for (int day = -6; day <= -2; ++day) walks.push_back({{"type", "walk-day"}, {"inDays", day}});
  const auto seed = demoSeedWith("members.json", oneMember({{"events", walks}}));
  Database db = openMigrated();
  ASSERT_TRUE(seedIfEmpty(db, seed, kSeedDay));
  // Earned as the fifth walk was written: at the seeding instant.
  EXPECT_EQ(badgesOf(db, "a"),
            (std::vector<std::string>{"five-day-walker@" + dayAfter(0) + "T12:00:00Z"}));
}

TEST_F(EngagementSeedTest, RefusesABadSectionNamingTheField) {
  const json experience = {{"id", "e"},          {"tierId", "summit"}, {"title", "T"},
                           {"description", "D"}, {"startsInDays", 3},  {"timeUtc", "17:30"},
                           {"seats", 5}};
  const json preview = {{"id", "p"},
                        {"tierId", "summit"},
                        {"title", "T"},
                        {"description", "D"},
                        {"releaseInDays", 3}};
  const json challenge = {{"id", "c"},          {"title", "T"},
                          {"description", "D"}, {"eventType", "walk-day"},
                          {"steps", 5},         {"window", "week"},
                          {"distinct", "day"},  {"badge", {{"id", "b"}, {"title", "B"}}}};
  const auto with = [](json object, const json& changes) {
    for (const auto& [key, value] : changes.items()) {
      if (value.is_null()) {
        object.erase(key);
      } else {
        object[key] = value;
      }
    }
    return object;
  };
  const auto one = [](const char* section, const json& entry) {
    return json{{section, json::array({entry})}};
  };
  json manyPreviews = json::array();
  for (int i = 0; i < 101; ++i)
    manyPreviews.push_back(with(preview, {{"id", "p" + std::to_string(i)}}));
  json manyChallenges = json::array();
  for (int i = 0; i < 21; ++i) {
    manyChallenges.push_back(
        with(challenge, {{"id", "c" + std::to_string(i)},
                         {"badge", {{"id", "b" + std::to_string(i)}, {"title", "B"}}}}));
  }
  const std::string label61(61, 'x');
  const std::vector<std::pair<json, std::string>> cases = {
      {{{"impact", 7}}, "moments.json: impact must be an object"},
      {{{"impact", {{"pointsPerUnit", 500}, {"communityBase", 0}}}},
       "moments.json: impact.label is required"},
      {{{"impact", {{"label", label61}, {"pointsPerUnit", 500}, {"communityBase", 0}}}},
       "moments.json: impact.label must be a string of 1 to 60 characters, not 61"},
      {{{"impact", {{"label", "trees"}, {"pointsPerUnit", 0}, {"communityBase", 0}}}},
       "moments.json: impact.pointsPerUnit must be between 1 and 9007199254740991"},
      {{{"impact", {{"label", "trees"}, {"pointsPerUnit", 5}, {"communityBase", -1}}}},
       "moments.json: impact.communityBase must be between 0 and 1000000000000"},
      {{{"impact", {{"label", "trees"}, {"pointsPerUnit", 5}}}},
       "moments.json: impact.communityBase is required"},
      {{{"experiences", {{"id", "e"}}}}, "moments.json: experiences must be an array"},
      {one("experiences", with(experience, {{"id", "e 1"}})),
       "moments.json: experiences[0].id must be 1 to 64 letters, digits, '_' and '-'"},
      {{{"experiences", {experience, experience}}},
       R"(moments.json: experiences[1].id repeats "e")"},
      {one("experiences", with(experience, {{"tierId", "gold"}})),
       R"(moments.json: experiences[0].tierId names no tier of the program: "gold")"},
      {one("experiences", with(experience, {{"title", nullptr}})),
       "moments.json: experiences[0].title is required"},
      {one("experiences", with(experience, {{"description", std::string(241, 'd')}})),
       "moments.json: experiences[0].description must be a string of 1 to 240 characters, not 241"},
      {one("experiences", with(experience, {{"startsInDays", nullptr}})),
       "moments.json: experiences[0].startsAt is required, or startsInDays with timeUtc"},
      {one("experiences", with(experience, {{"startsAt", "2027-01-02T03:04:05Z"}})),
       "moments.json: experiences[0].startsInDays cannot be given with startsAt"},
      {one("experiences",
           with(experience, {{"startsInDays", nullptr}, {"startsAt", "2027-01-02"}})),
       R"(moments.json: experiences[0].startsAt must be a UTC time like "2026-12-05T17:00:00Z")"},
      {one("experiences", with(experience, {{"startsInDays", nullptr},
                                            {"startsAt", "2027-01-02T03:04:05+01:00"}})),
       R"(moments.json: experiences[0].startsAt must be a UTC time like "2026-12-05T17:00:00Z")"},
      {one("experiences", with(experience, {{"timeUtc", nullptr}})),
       "moments.json: experiences[0].timeUtc is required"},
      {one("experiences", with(experience, {{"timeUtc", "24:00"}})),
       R"(moments.json: experiences[0].timeUtc must be a time of day like "17:30")"},
      {one("experiences", with(experience, {{"timeUtc", "7:30"}})),
       R"(moments.json: experiences[0].timeUtc must be a time of day like "17:30")"},
      {one("experiences", with(experience, {{"timeUtc", "17:60"}})),
       R"(moments.json: experiences[0].timeUtc must be a time of day like "17:30")"},
      {one("experiences", with(experience, {{"seats", 0}})),
       "moments.json: experiences[0].seats must be between 1 and 10000"},
      {one("experiences", with(experience, {{"seats", 10001}})),
       "moments.json: experiences[0].seats must be between 1 and 10000"},
      {{{"previews", manyPreviews}}, "moments.json: previews must hold at most 100 previews"},
      {one("previews", with(preview, {{"id", ""}})),
       "moments.json: previews[0].id must be a non-empty string"},
      {one("previews", with(preview, {{"tierId", "Summit"}})),
       R"(moments.json: previews[0].tierId names no tier of the program: "Summit")"},
      {one("previews", with(preview, {{"releaseInDays", nullptr}})),
       "moments.json: previews[0].releaseDate is required, or releaseInDays"},
      {one("previews", with(preview, {{"releaseDate", "2027-02-28"}})),
       "moments.json: previews[0].releaseInDays cannot be given with releaseDate"},
      {one("previews", with(preview, {{"releaseInDays", nullptr}, {"releaseDate", "2027-02-29"}})),
       R"(moments.json: previews[0].releaseDate must be a date like "2026-12-05")"},
      {one("previews", with(preview, {{"releaseInDays", 36501}})),
       "moments.json: previews[0].releaseInDays must be between -36500 and 36500"},
      {{{"challenges", manyChallenges}},
       "moments.json: challenges must hold at most 20 challenges"},
      {one("challenges", with(challenge, {{"eventType", "purchase-made"}})),
       R"(moments.json: challenges[0].eventType names no event type of event_types.json: "purchase-made")"},
      {one("challenges", with(challenge, {{"steps", 1}})),
       "moments.json: challenges[0].steps must be between 2 and 30"},
      {one("challenges", with(challenge, {{"steps", 31}})),
       "moments.json: challenges[0].steps must be between 2 and 30"},
      {one("challenges", with(challenge, {{"window", "day"}})),
       "moments.json: challenges[0].window must be week, month or ever"},
      {one("challenges", with(challenge, {{"distinct", "week"}})),
       "moments.json: challenges[0].distinct must be day, subject or none"},
      {one("challenges", with(challenge, {{"badge", nullptr}})),
       "moments.json: challenges[0].badge is required"},
      {one("challenges", with(challenge, {{"badge", {{"id", "b:1"}, {"title", "B"}}}})),
       "moments.json: challenges[0].badge.id must be 1 to 64 letters, digits, '_' and '-'"},
      {one("challenges", with(challenge, {{"badge", {{"id", "b"}}}})),
       "moments.json: challenges[0].badge.title is required"},
      {{{"challenges", {challenge, with(challenge, {{"id", "c2"}})}}},
       R"(moments.json: challenges[1].badge.id repeats "b")"},
  };
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const auto seed = demoSeedWith("moments.json", momentsWith(cases[i].first));
    Database db = openMigrated("bad-section-" + std::to_string(i) + ".db");
    try {
      seedIfEmpty(db, seed, kSeedDay);
      ADD_FAILURE() << "expected a SeedError for " << cases[i].first;
    } catch (const SeedError& e) {
      EXPECT_EQ(std::string(e.what()), cases[i].second);
    }
    // One transaction: nothing of the seed is left.
    EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM members"), 0);
    EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM engagement_settings"), 0);
    EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM experiences"), 0);
  }
}

TEST_F(EngagementSeedTest, RefusesABadMemberSideNamingTheField) {
  const json fullHouse = json{{"experienceSignUps", {{{"id", "map-and-compass"}}}}};
  const std::vector<std::pair<json, std::string>> cases = {
      {{{"badges", {{{"id", "gold-star"}, {"earnedInDays", -1}}}}},
       R"(members.json: members[0].badges[0].id names no challenge's badge: "gold-star")"},
      {{{"badges",
         {{{"id", "trusted-reviewer"}, {"earnedInDays", -1}},
          {{"id", "trusted-reviewer"}, {"earnedInDays", -2}}}}},
       R"(members.json: members[0].badges[1].id repeats "trusted-reviewer")"},
      {{{"badges", {{{"id", "trusted-reviewer"}, {"earnedInDays", 1}}}}},
       "members.json: members[0].badges[0].earnedInDays must be between -36500 and 0"},
      {{{"experienceSignUps", {"map-and-compass"}}},
       "members.json: members[0].experienceSignUps[0] must be an object"},
      {{{"experienceSignUps", {{{"id", "moon-walk"}}}}},
       "members.json: members[0].experienceSignUps[0].id cannot take a seat: There is no "
       "experience \"moon-walk\" to sign up for."},
      {{{"experienceSignUps", {{{"id", "sunrise-summit"}}}}},
       "members.json: members[0].experienceSignUps[0].id cannot take a seat: Sunrise summit hike "
       "is for Summit members and above."},
      {{{"experienceSignUps", {{{"id", "spring-gear-swap"}}}}},
       "members.json: members[0].experienceSignUps[0].id cannot take a seat: Gear swap at the "
       "store started at 2026-02-09T10:00:00Z; sign-ups are closed."},
      {{{"experienceSignUps", {{{"id", "map-and-compass"}}, {{"id", "map-and-compass"}}}}},
       R"(members.json: members[0].experienceSignUps[1].id repeats "map-and-compass")"},
      {{{"events", {{{"type", "purchase-made"}, {"inDays", 0}}}}},
       R"(members.json: members[0].events[0].type names no event type of event_types.json: "purchase-made")"},
      {{{"events",
         {{{"type", "experience-signup"}, {"subject", "map-and-compass"}, {"inDays", 0}}}}},
       "members.json: members[0].events[0].type experience-signup events are seeded as "
       "experienceSignUps, which take a seat"},
      {{{"events", {{{"type", "moment-dismissed"}, {"inDays", 0}}}}},
       "members.json: members[0].events[0].subject is required for events of type "
       "moment-dismissed"},
      {{{"events", {{{"type", "walk-day"}, {"subject", std::string(129, 's')}, {"inDays", 0}}}}},
       "members.json: members[0].events[0].subject must be a string of 1 to 128 characters, "
       "not 129"},
      {{{"events", {{{"type", "preview-rated"}, {"subject", "trail-runner-2"}, {"inDays", 0}}}}},
       "members.json: members[0].events[0].value is required"},
      {{{"events",
         {{{"type", "preview-rated"},
           {"subject", "trail-runner-2"},
           {"value", 6},
           {"inDays", 0}}}}},
       "members.json: members[0].events[0].value must be between 1 and 5"},
      // An Explorer is shown no Trailblazer preview.
      {{{"events",
         {{{"type", "preview-rated"},
           {"subject", "trail-runner-2"},
           {"value", 5},
           {"inDays", 0}}}}},
       R"(members.json: members[0].events[0].subject names no preview a is shown: "trail-runner-2")"},
      {{{"events", {{{"type", "walk-day"}, {"value", 2.5}, {"inDays", 0}}}}},
       "members.json: members[0].events[0].value must be an integer"},
      {{{"events", {{{"type", "walk-day"}, {"inDays", 1}}}}},
       "members.json: members[0].events[0].inDays must be between -36500 and 0"},
      {{{"events", {{{"type", "walk-day"}}}}},
       "members.json: members[0].events[0].inDays is required"},
  };
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const auto seed = demoSeedWith("members.json", oneMember(cases[i].first));
    Database db = openMigrated("bad-member-" + std::to_string(i) + ".db");
    try {
      seedIfEmpty(db, seed, kSeedDay);
      ADD_FAILURE() << "expected a SeedError for " << cases[i].first;
    } catch (const SeedError& e) {
      EXPECT_EQ(std::string(e.what()), cases[i].second);
    }
    EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM members"), 0);
    EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM events"), 0);
    EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM badges"), 0);
  }

  // A full experience: four Explorers for three seats.
  json members = json::array();
  for (int i = 0; i < 4; ++i) {
    json member = json::parse(oneMember(fullHouse))["members"][0];
    member["id"] = "m" + std::to_string(i);
    members.push_back(member);
  }
  const auto seed = demoSeedWith("members.json", json{{"members", members}}.dump());
  Database db = openMigrated("full.db");
  try {
    seedIfEmpty(db, seed, kSeedDay);
    ADD_FAILURE() << "expected a SeedError";
  } catch (const SeedError& e) {
    EXPECT_EQ(std::string(e.what()),
              "members.json: members[3].experienceSignUps[0].id cannot take a seat: All 3 seats "
              "of Map and compass basics are taken.");
  }
}

TEST_F(EngagementSeedTest, AFileAddedLaterIsSeededWithTheDemoMembersSide) {
  const auto seed = seedDirWith("event_types.json",
                                readSeedFile(fs::path(KINDRED_SEED_DIR) / "event_types.json"));
  Database db = openMigrated();
  EXPECT_TRUE(seedIfEmpty(db, seed, kSeedDay));
  EXPECT_FALSE(hasEngagementConfig(db));
  EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM events"), 0);

  // The next start finds moments.json: the configuration, then the members'
  // side for the members the database holds, on that day.
  fs::copy_file(fs::path(KINDRED_SEED_DIR) / "moments.json", seed / "moments.json");
  EXPECT_TRUE(seedIfEmpty(db, seed, kSeedDay));
  EXPECT_EQ(loadEngagementConfig(db).challenges.size(), 2u);
  EXPECT_EQ(signUps(db, "m_katherine", "sunrise-summit"), 1);
  EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM events"), 6);
  EXPECT_FALSE(seedIfEmpty(db, seed, kSeedDay));
  EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM events"), 6);
}

TEST_F(EngagementSeedTest, MigratesAVersionFiveDatabaseAndSeedsWhatItLacks) {
  {
    Database db = Database::open(pathOf("old.sqlite3"), /*create=*/true);
    migrateSchema(db, 5);
    ASSERT_EQ(schemaVersion(db), 5);
    db.prepare("INSERT INTO program (singleton, document) VALUES (1, ?1)")
        .bind(1, readSeedFile(fs::path(KINDRED_SEED_DIR) / "program.json"))
        .run();
    db.prepare(
          "INSERT INTO members (position, id, name, points, pending_points, lifetime_points,"
          " qualifying_points, time_zone) VALUES (0, 'm_katherine', 'Katherine', 10, 0, 10,"
          " 3000, 'Asia/Tokyo')")
        .run();
    db.prepare(
          "INSERT INTO event_types (id, description, subject_required, value_min, value_max)"
          " VALUES ('walk-day', 'd', 0, NULL, NULL), ('review-written', 'd', 0, NULL, NULL),"
          " ('preview-rated', 'd', 1, 1, 5)")
        .run();
    db.prepare(
          "INSERT INTO games (id, position, kind, title, description, cost, plays_per_day,"
          " cooldown_seconds) VALUES ('w', 0, 'wheel', 'W', 'D', 0, 1, 0)")
        .run();
    db.prepare(
          "INSERT INTO game_prizes (game_id, position, id, label, points, weight) VALUES"
          " ('w', 0, 'nothing', 'Try again', 0, 1)")
        .run();
    db.prepare("INSERT INTO moment_settings (singleton, expiry_reminder_days) VALUES (1, 14)")
        .run();
  }
  Database db = Database::open(pathOf("old.sqlite3"));
  migrateSchema(db);
  EXPECT_EQ(schemaVersion(db), kSchemaVersion);
  EXPECT_EQ(kSchemaVersion, 6);
  // Sign-ups need their event type; a version-5 prize of 0 points is no win.
  EXPECT_TRUE(loadEventType(db, "experience-signup"));
  EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM event_types"), 4);
  EXPECT_EQ(queryInt(db, "SELECT non_points FROM game_prizes"), 0);
  EXPECT_FALSE(hasEngagementConfig(db));
  EXPECT_EQ(queryInt(db, "PRAGMA foreign_key_check"), -1);  // no rows: no violations

  // The next start seeds the new sections (and Katherine's side), and
  // leaves the moments seeded before as they were.
  EXPECT_TRUE(seedIfEmpty(db, KINDRED_SEED_DIR, kSeedDay));
  EXPECT_EQ(loadMomentConfig(db).expiryReminderDays, 14);
  EXPECT_TRUE(loadMomentConfig(db).incentives.empty());
  EXPECT_EQ(loadEngagementConfig(db).experiences.size(), 5u);
  EXPECT_EQ(signUps(db, "m_katherine", "sunrise-summit"), 1);
  EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM events WHERE member_id = 'm_katherine'"), 3);
  EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM event_types"), 4);  // not re-seeded
  EXPECT_FALSE(seedIfEmpty(db, KINDRED_SEED_DIR, kSeedDay));
}

TEST_F(EngagementSeedTest, TheTablesRefuseWhatSeedingWouldRefuse) {
  Database db = openSeeded();
  const auto fails = [&](SqlText sql) {
    try {
      db.prepare(sql).run();
      return false;
    } catch (const DatabaseError&) {
      return true;
    }
  };
  EXPECT_TRUE(fails("INSERT INTO engagement_settings VALUES (1, NULL, NULL, NULL)"));  // one row
  EXPECT_TRUE(fails("INSERT INTO experiences VALUES ('x', 9, 'peak', 'T', 'D', 't', 0, 0)"));
  EXPECT_TRUE(fails("INSERT INTO experiences VALUES ('x', 9, 'peak', 'T', 'D', 't', 0, 10001)"));
  EXPECT_FALSE(fails("INSERT INTO experiences VALUES ('x', 9, 'peak', 'T', 'D', 't', 0, 1)"));
  EXPECT_FALSE(fails("INSERT INTO experience_signups VALUES ('m_ada', 'x', 't')"));
  EXPECT_TRUE(fails("INSERT INTO experience_signups VALUES ('m_ada', 'x', 'u')"));  // one seat
  EXPECT_TRUE(fails("INSERT INTO experience_signups VALUES ('m_ada', 'nope', 't')"));
  EXPECT_TRUE(
      fails("INSERT INTO challenges VALUES ('x', 9, 'T', 'D', 'walk-day', 1, 'week',"
            " 'day', 'bx', 'B')"));
  EXPECT_TRUE(
      fails("INSERT INTO challenges VALUES ('x', 9, 'T', 'D', 'walk-day', 5, 'day',"
            " 'day', 'bx', 'B')"));
  EXPECT_TRUE(
      fails("INSERT INTO challenges VALUES ('x', 9, 'T', 'D', 'walk-day', 5, 'week',"
            " 'week', 'bx', 'B')"));
  EXPECT_TRUE(
      fails("INSERT INTO challenges VALUES ('x', 9, 'T', 'D', 'nope', 5, 'week',"
            " 'day', 'bx', 'B')"));
  EXPECT_TRUE(
      fails("INSERT INTO challenges VALUES ('x', 9, 'T', 'D', 'walk-day', 5, 'week',"
            " 'day', 'trusted-reviewer', 'B')"));
  EXPECT_FALSE(fails("INSERT INTO badges VALUES ('m_grace', 'trusted-reviewer', 't', 'd')"));
  EXPECT_TRUE(fails("INSERT INTO badges VALUES ('m_grace', 'trusted-reviewer', 'u', 'e')"));
  EXPECT_TRUE(fails("INSERT INTO badges VALUES ('m_grace', 'gold-star', 't', 'd')"));
  EXPECT_TRUE(fails("UPDATE game_prizes SET non_points = 2"));
}

}  // namespace
