// Micro-moments through the core: GET /v1/moments in, the moments screen out,
// and a card's acknowledgement or dismissal as an idempotent POST /v1/events
// that hides the card at once and survives a reload in the outbox.
#include "kindred/core.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "moment_event_helpers.hpp"
#include "sample_payloads.hpp"

namespace kindred {
namespace {

using nlohmann::json;
constexpr const char* kToday = "2026-11-23";

using testing::answer;
using testing::event;
using testing::momentsCore;
using testing::problem;

json view(const Core& core, const char* today = kToday) { return json::parse(core.momentsViewJson(today)); }

std::vector<std::string> keysOf(const json& v) {
  std::vector<std::string> keys;
  for (const auto& card : v["cards"]) keys.push_back(card["key"]);
  return keys;
}

const std::string kRecorded = R"({"id":"ev_1","type":"moment-dismissed","subject":"birthday:2026-11",)"
                              R"("value":null,"occurredAt":"2026-11-23T10:00:00Z","receivedAt":"2026-11-23T10:00:00Z"})";

TEST(CoreMoments, EveryCardKindHasItsShape) {
  Core core = momentsCore();
  json member = json::parse(testing::kMemberJson);
  member["tierWindowEnd"] = "2026-11-28";
  ASSERT_FALSE(core.ingest("member", member.dump()));
  const json v = view(core);
  EXPECT_EQ(v["screen"], "moments");
  EXPECT_EQ(v["status"], "ready");
  EXPECT_EQ(v["error"], nullptr);
  ASSERT_EQ(v["cards"].size(), 5u) << v.dump(2);
  EXPECT_EQ(v["cards"][0], json::parse(R"({
    "key": "surprise:sg_01", "kind": "surprise", "action": "acknowledge",
    "message": {"key": "moment.surprise",
                "params": {"grantedOn": "2026-11-20", "message": "A thank-you for being with us", "points": 50}},
    "dismissible": false, "celebrate": true, "eventFailure": null, "points": 50})"));
  EXPECT_EQ(v["cards"][1], json::parse(R"({
    "key": "expiring:2026-11-30", "kind": "expiring", "action": "dismiss",
    "message": {"key": "moment.expiring_affordable",
                "params": {"affordableCount": 1, "date": "2026-11-30", "daysLeft": 7, "points": 90}},
    "dismissible": true, "celebrate": false, "eventFailure": null,
    "points": 90, "daysLeft": 7, "affordableCount": 1})"));
  EXPECT_EQ(v["cards"][2], json::parse(R"({
    "key": "countdown:2026-11-28", "kind": "countdown", "action": "dismiss",
    "message": {"key": "moment.countdown",
                "params": {"daysLeft": 5, "moneyCurrency": "USD", "pointsToNext": 120, "spend": 12, "tier": "Summit"}},
    "dismissible": true, "celebrate": false, "eventFailure": null, "daysLeft": 5})"));
  EXPECT_EQ(v["cards"][3], json::parse(R"({
    "key": "birthday:2026-11", "kind": "birthday", "action": "dismiss",
    "message": {"key": "moment.birthday",
                "params": {"description": "10% off one order this month", "title": "Birthday treat",
                           "validFrom": "2026-11-01", "validUntil": "2026-11-30"}},
    "dismissible": true, "celebrate": false, "eventFailure": null})"));
  EXPECT_EQ(v["cards"][4], json::parse(R"({
    "key": "incentive:reward-25", "kind": "incentive", "action": "dismiss",
    "message": {"key": "moment.incentive",
                "params": {"label": "$25 reward", "moneyCurrency": "USD", "pointsToGo": 260, "spend": 26}},
    "dismissible": true, "celebrate": false, "eventFailure": null})"));
}

TEST(CoreMoments, LoadingUntilProgramMemberAndMomentsArrive) {
  Core core;
  const json empty = view(core);
  EXPECT_EQ(empty, json::parse(R"({"screen":"moments","status":"loading","error":null,"cards":[],"impact":null,"challenges":[],"badges":[],"yearInReview":null})"));
  ASSERT_FALSE(core.ingest("moments", testing::kMomentsJson));
  EXPECT_EQ(view(core)["status"], "loading");
  ASSERT_FALSE(core.ingest("program", testing::kProgramJson));
  EXPECT_EQ(view(core)["status"], "loading");
  ASSERT_FALSE(core.ingest("member", testing::kMemberJson));
  const json ready = view(core);
  EXPECT_EQ(ready["status"], "ready");
  // No catalog yet: the expiring card cannot count what is affordable.
  EXPECT_EQ(ready["cards"][1]["affordableCount"], nullptr);
  EXPECT_EQ(ready["cards"][1]["message"]["key"], "moment.expiring");
  EXPECT_EQ(ready["cards"][1]["message"]["params"].count("affordableCount"), 0u);
}

TEST(CoreMoments, NothingAffordableIsAPlainExpiryReminder) {
  Core core = momentsCore();
  json member = json::parse(testing::kMemberJson);
  member["points"] = 100;  // nothing in the catalog costs so little but the mug, out of stock
  ASSERT_FALSE(core.ingest("member", member.dump()));
  const json card = view(core)["cards"][1];
  EXPECT_EQ(card["affordableCount"], 0);
  EXPECT_EQ(card["message"], json::parse(R"({"key": "moment.expiring",
                                             "params": {"date": "2026-11-30", "daysLeft": 7, "points": 90}})"));
}

TEST(CoreMoments, ATodayThatDoesNotParseSaysSo) {
  const Core core = momentsCore();
  for (const char* bad : {"", "23/11/2026", "2026-11-31", "2026-11-23T00:00:00Z"}) {
    const json v = view(core, bad);
    EXPECT_EQ(v["status"], "loading") << bad;
    EXPECT_EQ(v["error"]["path"], "today") << bad;
    EXPECT_EQ(v["cards"], json::array()) << bad;
  }
}

TEST(CoreMoments, TheShoppersLocalDayDecidesTheCards) {
  // One instant: New Year's Eve in Los Angeles, New Year's Day in Tokyo.
  Core core = testing::loadedCore();
  json moments = json::parse(testing::kMomentsJson);
  moments["birthMonth"] = 12;
  moments["surprises"] = json::array();
  moments["incentives"] = json::array();
  ASSERT_FALSE(core.ingest("moments", moments.dump()));
  json member = json::parse(testing::kMemberJson);
  member["expiring"] = {{{"points", 90}, {"date", "2026-12-31"}}, {{"points", 200}, {"date", "2027-01-20"}}};
  ASSERT_FALSE(core.ingest("member", member.dump()));

  const json losAngeles = view(core, "2026-12-31");
  EXPECT_EQ(keysOf(losAngeles), (std::vector<std::string>{"expiring:2026-12-31", "countdown:2026-12-31", "birthday:2026-12"}));
  EXPECT_EQ(losAngeles["cards"][0]["daysLeft"], 0);
  EXPECT_EQ(losAngeles["cards"][1]["daysLeft"], 0);
  const json tokyo = view(core, "2027-01-01");
  EXPECT_EQ(keysOf(tokyo), (std::vector<std::string>{"expiring:2027-01-20"}));
  EXPECT_EQ(tokyo["cards"][0]["daysLeft"], 19);
}

// Acknowledging and dismissing.

TEST(CoreMoments, DismissingIsAnIdempotentPostThatHidesTheCardAtOnce) {
  Core core = momentsCore();
  ASSERT_EQ(keysOf(view(core)).size(), 4u);
  const json started = event(core, "birthday:2026-11", "dismiss", "n0nce-0001");
  ASSERT_EQ(started["ok"], true) << started;
  EXPECT_EQ(started["command"], json({{"method", "POST"},
                                      {"path", "/v1/events"},
                                      {"idempotencyKey", "event-n0nce-0001"},
                                      {"body", R"({"type":"moment-dismissed","subject":"birthday:2026-11"})"}}));
  EXPECT_EQ(keysOf(view(core)),
            (std::vector<std::string>{"surprise:sg_01", "expiring:2026-11-30", "incentive:reward-25"}));
  // A double tap while unanswered: the same command, whatever nonce comes with it.
  EXPECT_EQ(event(core, "birthday:2026-11", "dismiss", "second-tap"), started);
  EXPECT_EQ(json::parse(core.momentEventViewJson("birthday:2026-11")),
            json({{"key", "birthday:2026-11"}, {"state", "pending"}, {"reason", nullptr}, {"detail", nullptr}}));
}

TEST(CoreMoments, ASurpriseIsAcknowledged) {
  Core core = momentsCore();
  view(core);
  const json started = event(core, "surprise:sg_01", "acknowledge", "n0nce-0001");
  ASSERT_EQ(started["ok"], true) << started;
  EXPECT_EQ(started["command"]["body"], R"({"type":"moment-acknowledged","subject":"surprise:sg_01"})");
  EXPECT_EQ(keysOf(view(core)).front(), "expiring:2026-11-30");
  EXPECT_EQ(answer(core, "surprise:sg_01", 201, kRecorded)["state"], "succeeded");
  EXPECT_EQ(keysOf(view(core)).front(), "expiring:2026-11-30");
}

TEST(CoreMoments, OnlyACardOnScreenCanBeNamedWithTheRightAction) {
  Core core = momentsCore();
  // Nothing shown yet.
  EXPECT_EQ(event(core, "birthday:2026-11", "dismiss", "n0nce-0001")["reason"], "unknown-moment");
  view(core);
  EXPECT_EQ(event(core, "birthday:2026-10", "dismiss", "n0nce-0001")["reason"], "unknown-moment");
  EXPECT_EQ(event(core, "surprise:sg_00", "acknowledge", "n0nce-0001")["reason"], "unknown-moment");  // dismissed
  EXPECT_EQ(event(core, "expiring:2026-12-15", "dismiss", "n0nce-0001")["reason"], "unknown-moment");  // not the soonest
  EXPECT_EQ(event(core, "incentive:reward-10", "dismiss", "n0nce-0001")["reason"], "unknown-moment");  // reached
  const json unknown = event(core, "nope", "dismiss", "n0nce-0001");
  EXPECT_EQ(unknown, json({{"ok", false}, {"reason", "unknown-moment"}, {"message", "That moment is not on screen."}}));

  EXPECT_EQ(event(core, "surprise:sg_01", "dismiss", "n0nce-0001")["reason"], "invalid");
  EXPECT_EQ(event(core, "birthday:2026-11", "acknowledge", "n0nce-0001")["reason"], "invalid");
  EXPECT_EQ(event(core, "birthday:2026-11", "hide", "n0nce-0001")["reason"], "invalid");
  EXPECT_EQ(event(core, "birthday:2026-11", "dismiss", "short")["reason"], "invalid");
  EXPECT_EQ(event(core, "birthday:2026-11", "dismiss", "has spaces!")["reason"], "invalid");
  // None of those started anything.
  EXPECT_EQ(keysOf(view(core)).size(), 4u);
  EXPECT_EQ(core.intentSnapshot("event", "birthday:2026-11"), "");
}

TEST(CoreMoments, ACardOnScreenIsTheOneOfTheDayLastShown) {
  Core core = momentsCore();
  view(core, "2026-12-01");  // the birthday month is over
  EXPECT_EQ(event(core, "birthday:2026-11", "dismiss", "n0nce-0001")["reason"], "unknown-moment");
  view(core, "2026-11-30");
  EXPECT_EQ(event(core, "birthday:2026-11", "dismiss", "n0nce-0001")["ok"], true);
}

TEST(CoreMoments, NoDefinitiveAnswerKeepsItPendingWithTheSameKey) {
  Core core = momentsCore();
  view(core);
  const json command = event(core, "expiring:2026-11-30", "dismiss", "first-tap")["command"];
  for (const auto& [status, body] : std::vector<std::pair<int, std::string>>{
           {0, ""}, {503, problem("busy", 503, "Try later")}, {500, "<html>oops</html>"}, {429, ""},
           {409, problem("idempotency-key-in-use", 409, "Still working")}}) {
    const json v = answer(core, "expiring:2026-11-30", status, body);
    EXPECT_EQ(v["state"], "pending") << status;
    EXPECT_EQ(v["reason"], "network") << status;
    EXPECT_EQ(keysOf(view(core)).size(), 3u) << "the card stays hidden";
    EXPECT_EQ(event(core, "expiring:2026-11-30", "dismiss", "retry-tap")["command"], command) << status;
    EXPECT_FALSE(core.intentSnapshot("event", "expiring:2026-11-30").empty()) << status;
  }
  const json done = answer(core, "expiring:2026-11-30", 201, kRecorded);
  EXPECT_EQ(done, json({{"key", "expiring:2026-11-30"}, {"state", "succeeded"}, {"reason", nullptr}, {"detail", nullptr}}));
  EXPECT_EQ(core.intentSnapshot("event", "expiring:2026-11-30"), "");
  // Recorded: it cannot be named again, and once its day is over the next
  // bucket (200 points on 2026-12-15) has its own reminder.
  EXPECT_EQ(keysOf(view(core)), (std::vector<std::string>{"surprise:sg_01", "birthday:2026-11", "incentive:reward-25"}));
  EXPECT_EQ(event(core, "expiring:2026-11-30", "dismiss", "later-tap")["reason"], "unknown-moment");
  EXPECT_EQ(view(core, "2026-12-01")["cards"][1]["key"], "expiring:2026-12-15");
}

TEST(CoreMoments, ADefinitiveRefusalBringsTheCardBackWithTheReason) {
  const std::vector<std::tuple<int, std::string, std::string, json>> cases = {
      {422, problem("invalid-event", 422, "This event needs a subject."), "rejected", "This event needs a subject."},
      {409, problem("idempotency-key-reused", 409, "That key was used for another request."), "conflict",
       "That key was used for another request."},
      {400, "<html>bad request</html>", "rejected", nullptr},
      {401, "", "rejected", nullptr},
  };
  for (const auto& [status, body, reason, detail] : cases) {
    Core core = momentsCore();
    view(core);
    event(core, "incentive:reward-25", "dismiss", "n0nce-0001");
    EXPECT_EQ(keysOf(view(core)).size(), 3u);
    const json v = answer(core, "incentive:reward-25", status, body);
    EXPECT_EQ(v["state"], "failed") << status;
    EXPECT_EQ(v["reason"], reason) << status;
    EXPECT_EQ(v["detail"], detail) << status;
    const json back = view(core);
    ASSERT_EQ(back["cards"].size(), 4u) << status;
    EXPECT_EQ(back["cards"][3]["key"], "incentive:reward-25");
    EXPECT_EQ(back["cards"][3]["eventFailure"], json({{"reason", reason}, {"detail", detail}})) << status;
    EXPECT_EQ(core.intentSnapshot("event", "incentive:reward-25"), "") << "nothing left to deliver";
    // Another tap is a new intent with a new key, and hides the card again.
    const json again = event(core, "incentive:reward-25", "dismiss", "n0nce-0002");
    EXPECT_EQ(again["command"]["idempotencyKey"], "event-n0nce-0002") << status;
    EXPECT_EQ(keysOf(view(core)).size(), 3u);
  }
}

TEST(CoreMoments, AnAnswerWithoutAnIntentOrAfterTheLastChangesNothing) {
  Core core = momentsCore();
  view(core);
  EXPECT_EQ(answer(core, "birthday:2026-11", 201, kRecorded),
            json({{"key", "birthday:2026-11"}, {"state", "none"}, {"reason", nullptr}, {"detail", nullptr}}));
  EXPECT_EQ(keysOf(view(core)).size(), 4u);
  event(core, "birthday:2026-11", "dismiss", "n0nce-0001");
  answer(core, "birthday:2026-11", 201, kRecorded);
  // A late duplicate answer (a replay, or a refusal for an older try) is not read.
  EXPECT_EQ(answer(core, "birthday:2026-11", 422, problem("invalid-event", 422, "late"))["state"], "succeeded");
  EXPECT_EQ(keysOf(view(core)).size(), 3u);
}

TEST(CoreMoments, ADismissalStaysHiddenWhenTheMomentsAreReadAgain) {
  Core core = momentsCore();
  view(core);
  event(core, "birthday:2026-11", "dismiss", "n0nce-0001");
  answer(core, "birthday:2026-11", 201, kRecorded);
  // The backend has not listed it yet (another replica, a cache): still hidden.
  ASSERT_FALSE(core.ingest("moments", testing::kMomentsJson));
  EXPECT_EQ(keysOf(view(core)).size(), 3u);
  // Another device dismissed the incentive: gone here too.
  json moments = json::parse(testing::kMomentsJson);
  moments["dismissed"].push_back("birthday:2026-11");
  moments["dismissed"].push_back("incentive:reward-25");
  ASSERT_FALSE(core.ingest("moments", moments.dump()));
  EXPECT_EQ(keysOf(view(core)), (std::vector<std::string>{"surprise:sg_01", "expiring:2026-11-30"}));
}

// The outbox: an unanswered event survives a reload.

TEST(CoreMoments, AnUnansweredEventResumesInANewSessionWithTheSameKeyAndBody) {
  Core first = momentsCore();
  view(first);
  const json command = event(first, "surprise:sg_01", "acknowledge", "n0nce-0001")["command"];
  answer(first, "surprise:sg_01", 0);
  const std::string snapshot = first.intentSnapshot("event", "surprise:sg_01");
  ASSERT_FALSE(snapshot.empty());
  EXPECT_EQ(json::parse(snapshot),
            json({{"v", 1}, {"kind", "event"}, {"subject", "surprise:sg_01"}, {"key", "event-n0nce-0001"}, {"value", 0}}));
  EXPECT_EQ(first.intentSnapshot("event", "birthday:2026-11"), "");

  Core second = momentsCore();
  const json resumed = json::parse(second.resumeJson(snapshot));
  ASSERT_EQ(resumed["ok"], true) << resumed;
  EXPECT_EQ(resumed["command"], command);
  // Pending again: hidden before any answer, and kept for the outbox.
  EXPECT_EQ(keysOf(view(second)).front(), "expiring:2026-11-30");
  EXPECT_EQ(second.intentSnapshot("event", "surprise:sg_01"), snapshot);
  EXPECT_EQ(answer(second, "surprise:sg_01", 201, kRecorded)["state"], "succeeded");
  EXPECT_EQ(second.intentSnapshot("event", "surprise:sg_01"), "");
  EXPECT_EQ(json::parse(second.resumeJson(snapshot))["reason"], "done");
}

TEST(CoreMoments, ResumingADismissalRebuildsItsBody) {
  Core first = momentsCore();
  view(first);
  const json command = event(first, "birthday:2026-11", "dismiss", "n0nce-0001")["command"];
  Core second;  // nothing loaded yet after the reload: the write goes out anyway
  const json resumed = json::parse(second.resumeJson(first.intentSnapshot("event", "birthday:2026-11")));
  EXPECT_EQ(resumed["command"], command);
}

TEST(CoreMoments, EventSnapshotsThatCannotBeReadAreRefused) {
  Core core = momentsCore();
  for (const char* bad : {R"({"v":1,"kind":"event","subject":"","key":"event-n0nce-0001"})",
                          R"({"v":1,"kind":"event","subject":"surprise:sg_01"})",
                          R"({"v":1,"kind":"event","subject":7,"key":"event-n0nce-0001"})",
                          R"({"v":2,"kind":"event","subject":"surprise:sg_01","key":"k"})",
                          R"({"v":1,"kind":"events","subject":"surprise:sg_01","key":"k"})"}) {
    EXPECT_EQ(json::parse(core.resumeJson(bad))["reason"], "invalid") << bad;
  }
  EXPECT_EQ(keysOf(view(core)).size(), 4u);
}

}  // namespace
}  // namespace kindred
