// POST /v1/events as a service, against a seeded scratch database: the
// answer and the row, the strict body, the event types' rules, the time
// window, Idempotency-Key semantics shared with redemptions and plays, and
// that events never touch points. The time is injected, so the window's
// edges are tested to the second.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <string>

#include "api_checks.hpp"
#include "event_request.hpp"
#include "record_event.hpp"
#include "scratch_database.hpp"
#include "stored_program.hpp"
#include "utc_time.hpp"

namespace {

using api_checks::detailOf;
using api_checks::header;
using api_checks::parsed;
using api_checks::problemSlug;
using scratch::noonAfter;
using scratch::queryInt;

const std::int64_t kNow = noonAfter(0);

class EventTest : public scratch::ScratchDatabaseTest {
 protected:
  void SetUp() override {
    ScratchDatabaseTest::SetUp();
    db_.emplace(openSeeded());
    program_ = loadStoredProgram(*db_).program;
    // The demo members' seeded events (walks, reviews, a rating) are not
    // what these tests count.
    db_->prepare("DELETE FROM events").run();
  }

  ApiResponse send(const std::string& body, const std::optional<std::string>& key,
                   std::int64_t now = kNow, const std::string& member = "m_ada") {
    return handleEventRequest(*db_, program_, member, key, body, now);
  }
  // A fresh key per call, for tests about the rules rather than the keys.
  ApiResponse send(const std::string& body, std::int64_t now = kNow) {
    return send(body, "key-" + std::to_string(++keys_), now);
  }
  ApiResponse sendJson(const nlohmann::json& body, std::int64_t now = kNow) {
    return send(body.dump(), now);
  }

  std::int64_t events() { return queryInt(*db_, "SELECT COUNT(*) FROM events"); }
  std::int64_t keyRecords() { return queryInt(*db_, "SELECT COUNT(*) FROM idempotency_keys"); }

  std::optional<Database> db_;
  kindred::Program program_;
  int keys_ = 0;
};

TEST_F(EventTest, RecordsTheEventAndAnswersWithIt) {
  const std::string occurredAt = formatRfc3339Utc(kNow - 90);
  const ApiResponse response =
      send(R"({"type":"preview-rated","subject":"trail-runner-2","value":4,"occurredAt":")" +
               occurredAt + R"("})",
           "rate-1");
  ASSERT_EQ(response.status, 201) << response.body;
  EXPECT_EQ(response.contentType, "application/json; charset=utf-8");
  EXPECT_FALSE(header(response, "Idempotent-Replayed"));
  const auto body = parsed(response);
  std::vector<std::string> keys;
  for (const auto& [key, value] : body.items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"id", "type", "subject", "value", "occurredAt",
                                            "receivedAt"}));
  EXPECT_TRUE(std::regex_match(body["id"].get<std::string>(), std::regex("evt_[2-9a-hj-np-z]{20}")))
      << body["id"];
  EXPECT_EQ(body["type"], "preview-rated");
  EXPECT_EQ(body["subject"], "trail-runner-2");
  EXPECT_EQ(body["value"], 4);
  EXPECT_EQ(body["occurredAt"], occurredAt);
  EXPECT_EQ(body["receivedAt"], formatRfc3339Utc(kNow));

  Statement row = db_->prepare(
      "SELECT id, member_id, type, subject, value, occurred_at, received_at, occurred_at_unix"
      " FROM events");
  ASSERT_TRUE(row.step());
  EXPECT_EQ(row.text(0), body["id"]);
  EXPECT_EQ(row.text(1), "m_ada");
  EXPECT_EQ(row.text(2), "preview-rated");
  EXPECT_EQ(row.text(3), "trail-runner-2");
  EXPECT_EQ(row.int64(4), 4);
  EXPECT_EQ(row.text(5), occurredAt);
  EXPECT_EQ(row.text(6), formatRfc3339Utc(kNow));
  EXPECT_EQ(row.int64(7), kNow - 90);
  EXPECT_FALSE(row.step());
}

TEST_F(EventTest, OccurredAtDefaultsToNowAndAbsentFieldsAreNull) {
  const ApiResponse response = send(R"({"type":"walk-day"})");
  ASSERT_EQ(response.status, 201) << response.body;
  const auto body = parsed(response);
  EXPECT_TRUE(body["subject"].is_null());
  EXPECT_TRUE(body["value"].is_null());
  EXPECT_EQ(body["occurredAt"], formatRfc3339Utc(kNow));
  EXPECT_EQ(body["receivedAt"], formatRfc3339Utc(kNow));
  EXPECT_EQ(queryInt(*db_, "SELECT COUNT(*) FROM events WHERE subject IS NULL AND value IS NULL"),
            1);
}

TEST_F(EventTest, ARetryIsAnsweredByteForByteAndRecordsOnce) {
  const ApiResponse first = send(R"({"type":"moment-acknowledged","subject":"mo_birthday"})", "k");
  ASSERT_EQ(first.status, 201);
  // The same request, re-serialised by the client, an hour later.
  const ApiResponse retry = send(
      "{ \"subject\" : \"mo_birthday\", \"type\" : \"moment-acknowledged\" }\n", "k", kNow + 3600);
  EXPECT_EQ(retry.status, 201);
  EXPECT_EQ(retry.contentType, first.contentType);
  EXPECT_EQ(retry.body, first.body);  // same id, same receivedAt
  EXPECT_EQ(header(retry, "Idempotent-Replayed"), "true");
  EXPECT_EQ(events(), 1);

  const ApiResponse reused = send(R"({"type":"moment-dismissed","subject":"mo_birthday"})", "k");
  EXPECT_EQ(reused.status, 409);
  EXPECT_EQ(problemSlug(reused), "idempotency-key-reused");
  EXPECT_NE(detailOf(reused).find("a new event"), std::string::npos) << detailOf(reused);
  EXPECT_EQ(events(), 1);
  // Keys belong to one member.
  EXPECT_EQ(
      send(R"({"type":"moment-dismissed","subject":"mo_birthday"})", "k", kNow, "m_grace").status,
      201);
}

TEST_F(EventTest, TheIdempotencyKeyIsRequired) {
  const ApiResponse missing = send(R"({"type":"walk-day"})", std::nullopt);
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(problemSlug(missing), "invalid-idempotency-key");
  EXPECT_EQ(detailOf(missing),
            "An event needs an Idempotency-Key header: 1 to 255 visible ASCII characters, unique "
            "per event (a UUID is ideal), so a retried request cannot record it twice.");
  EXPECT_EQ(problemSlug(send(R"({"type":"walk-day"})", std::string("two words"))),
            "invalid-idempotency-key");
  EXPECT_EQ(events(), 0);
}

TEST_F(EventTest, TheBodyIsStrictAndARefusedOneLeavesTheKeyFree) {
  const std::string longSubject(129, 's');
  const std::string fine = R"({"type":"walk-day"})";
  const struct {
    std::string body;
    const char* problem;
  } cases[] = {
      {"", "the body is not a JSON object"},
      {"not json", "the body is not a JSON object"},
      {"[]", "the body is not a JSON object"},
      {"{}", "type is missing"},
      {R"({"type":7})", "type is not a non-empty string"},
      {R"({"type":""})", "type is not a non-empty string"},
      {R"({"type":null})", "type is not a non-empty string"},
      {R"({"type":"walk-day","points":100})", "\"points\" is not a field of it"},
      {R"({"type":"walk-day","ocurredAt":"2026-03-01T12:00:00Z"})",
       "\"ocurredAt\" is not a field of it"},
      {R"({"type":"walk-day","subject":""})", "subject has 0 characters"},
      {R"({"type":"walk-day","subject":")" + longSubject + R"("})", "subject has 129 characters"},
      {R"({"type":"walk-day","subject":null})", "subject is not a string"},
      {R"({"type":"walk-day","subject":["a"]})", "subject is not a string"},
      {R"({"type":"walk-day","value":1.5})", "value is not an integer"},
      {R"({"type":"walk-day","value":"3"})", "value is not an integer"},
      {R"({"type":"walk-day","value":true})", "value is not an integer"},
      {R"({"type":"walk-day","value":null})", "value is not an integer"},
      {R"({"type":"walk-day","value":9007199254740992})", "value is beyond +-(2^53 - 1)"},
      {R"({"type":"walk-day","value":-9007199254740992})", "value is beyond +-(2^53 - 1)"},
      {R"({"type":"walk-day","value":18446744073709551615})", "value is beyond +-(2^53 - 1)"},
      {R"({"type":"walk-day","occurredAt":"2026-03-01"})",
       R"(occurredAt is not a UTC time like "2026-03-01T12:00:00Z")"},
      {R"({"type":"walk-day","occurredAt":"2026-03-01T12:00:00.000Z"})",
       R"(occurredAt is not a UTC time like "2026-03-01T12:00:00Z")"},
      {R"({"type":"walk-day","occurredAt":1772366400})",
       R"(occurredAt is not a UTC time like "2026-03-01T12:00:00Z")"},
  };
  for (const auto& c : cases) {
    const ApiResponse response = send(c.body, std::string("k"));
    EXPECT_EQ(response.status, 400) << c.body;
    EXPECT_EQ(problemSlug(response), "invalid-request") << c.body;
    const std::string detail = detailOf(response);
    EXPECT_EQ(detail.rfind("The body must be {", 0), 0u) << detail;
    EXPECT_NE(detail.find(std::string("; ") + c.problem + "."), std::string::npos)
        << c.body << " -> " << detail;
  }
  EXPECT_EQ(events(), 0);
  EXPECT_EQ(keyRecords(), 0);
  EXPECT_EQ(send(fine, std::string("k")).status, 201);
}

TEST_F(EventTest, SubjectsAreCountedInCharactersNotBytes) {
  std::string accents;
  for (int i = 0; i < 128; ++i) accents += "\xc3\xa9";  // é, two bytes each
  const ApiResponse ok = sendJson(nlohmann::json{{"type", "walk-day"}, {"subject", accents}});
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(parsed(ok)["subject"], accents);
  EXPECT_EQ(sendJson(nlohmann::json{{"type", "walk-day"}, {"subject", accents + "e"}}).status, 400);
  EXPECT_EQ(
      sendJson(nlohmann::json{{"type", "walk-day"}, {"subject", std::string(128, 'x')}}).status,
      201);
  // Any characters at all are kept as sent.
  const std::string hostile = "<img src=x onerror=alert(1)>\"'\\\n\xf0\x9f\x91\x8b";
  const ApiResponse kept =
      sendJson(nlohmann::json{{"type", "review-written"}, {"subject", hostile}});
  ASSERT_EQ(kept.status, 201);
  EXPECT_EQ(parsed(kept)["subject"], hostile);
}

TEST_F(EventTest, AnUnknownTypeIs422AndStoresNothing) {
  const ApiResponse response = send(R"({"type":"purchase-made"})", std::string("k"));
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(problemSlug(response), "unknown-event-type");
  EXPECT_EQ(detailOf(response), "This backend records no events of type \"purchase-made\".");
  // Types are matched exactly.
  EXPECT_EQ(problemSlug(send(R"({"type":"Walk-Day"})")), "unknown-event-type");
  EXPECT_EQ(events(), 0);
  EXPECT_EQ(keyRecords(), 0);
}

TEST_F(EventTest, EachTypeGetsWhatItRequires) {
  const auto slugOf = [&](const nlohmann::json& body) {
    const ApiResponse response = sendJson(body);
    return response.status == 201 ? std::string("created") : problemSlug(response);
  };
  using nlohmann::json;
  EXPECT_EQ(slugOf({{"type", "preview-rated"}, {"value", 3}}), "invalid-event");
  EXPECT_EQ(slugOf({{"type", "preview-rated"}, {"subject", "p"}}), "invalid-event");
  EXPECT_EQ(slugOf({{"type", "preview-rated"}, {"subject", "p"}, {"value", 0}}), "invalid-event");
  EXPECT_EQ(slugOf({{"type", "preview-rated"}, {"subject", "p"}, {"value", 6}}), "invalid-event");
  // Ada (Trailblazer) is shown this preview, which she may rate.
  EXPECT_EQ(slugOf({{"type", "preview-rated"}, {"subject", "trail-runner-2"}, {"value", 1}}),
            "created");
  EXPECT_EQ(slugOf({{"type", "preview-rated"}, {"subject", "trail-runner-2"}, {"value", 5}}),
            "created");
  EXPECT_EQ(slugOf({{"type", "moment-acknowledged"}}), "invalid-event");
  EXPECT_EQ(slugOf({{"type", "moment-dismissed"}, {"value", 1}}), "invalid-event");
  EXPECT_EQ(slugOf({{"type", "moment-dismissed"}, {"subject", "mo_1"}}), "created");
  EXPECT_EQ(slugOf({{"type", "walk-day"}, {"value", -12}}), "created");
  EXPECT_EQ(slugOf({{"type", "review-written"}, {"value", 9007199254740991}}), "created");
  EXPECT_EQ(events(), 5);

  EXPECT_EQ(detailOf(sendJson(json{{"type", "preview-rated"}, {"subject", "p"}, {"value", 9}})),
            "Events of type preview-rated need a value from 1 to 5, not 9.");
  EXPECT_EQ(detailOf(sendJson(json{{"type", "preview-rated"}, {"subject", "p"}})),
            "Events of type preview-rated need a value from 1 to 5.");
  EXPECT_EQ(detailOf(sendJson(json{{"type", "moment-acknowledged"}})),
            "Events of type moment-acknowledged need a subject: what the event is about.");
}

TEST_F(EventTest, OccurredAtMayBeAWeekOldOrFiveMinutesAhead) {
  const auto at = [](std::int64_t t) {
    return nlohmann::json{{"type", "walk-day"}, {"occurredAt", formatRfc3339Utc(t)}};
  };
  EXPECT_EQ(sendJson(at(kNow + kMaxEventFutureSeconds)).status, 201);
  EXPECT_EQ(sendJson(at(kNow - kMaxEventAgeSeconds)).status, 201);
  EXPECT_EQ(kMaxEventFutureSeconds, 300);
  EXPECT_EQ(kMaxEventAgeSeconds, 7 * 86400);

  const ApiResponse ahead = send(at(kNow + kMaxEventFutureSeconds + 1).dump(), std::string("k"));
  EXPECT_EQ(ahead.status, 422);
  EXPECT_EQ(problemSlug(ahead), "event-time-out-of-range");
  EXPECT_EQ(detailOf(ahead),
            "occurredAt must be within the last 7 days and no more than 5 minutes ahead of the "
            "backend's clock (2026-03-01T12:00:00Z), not 2026-03-01T12:05:01Z.");
  const ApiResponse old = sendJson(at(kNow - kMaxEventAgeSeconds - 1));
  EXPECT_EQ(old.status, 422);
  EXPECT_EQ(problemSlug(old), "event-time-out-of-range");
  EXPECT_EQ(events(), 2);
  EXPECT_EQ(keyRecords(), 2);  // the two recorded ones

  // The refusal was not stored: a second later the same request, same key, is in the window.
  const ApiResponse later =
      send(at(kNow + kMaxEventFutureSeconds + 1).dump(), std::string("k"), kNow + 1);
  EXPECT_EQ(later.status, 201) << later.body;
  EXPECT_FALSE(header(later, "Idempotent-Replayed"));
}

TEST_F(EventTest, EventsNeverChangePoints) {
  const SqlText standing =
      "SELECT group_concat(id || ':' || points || ':' || lifetime_points || ':' ||"
      " qualifying_points, ',') FROM members";
  Statement before = db_->prepare(standing);
  ASSERT_TRUE(before.step());
  const std::string membersBefore = before.text(0);
  const std::int64_t ledgerBefore = queryInt(*db_, "SELECT COUNT(*) FROM ledger");
  const std::int64_t bucketsBefore = queryInt(*db_, "SELECT SUM(points) FROM expiring_points");

  for (const char* body : {R"({"type":"walk-day","value":12000})",
                           R"({"type":"review-written","subject":"tent","value":500})"}) {
    for (const char* member : {"m_grace", "m_ada", "m_katherine", "m_alan"}) {
      ASSERT_EQ(send(body, "k-" + std::string(body) + member, kNow, member).status, 201);
    }
  }
  // A rating by each member shown the preview (Grace, an Explorer, is not),
  // and a sign-up, which takes a seat but no points.
  for (const char* member : {"m_ada", "m_katherine", "m_alan"}) {
    ASSERT_EQ(send(R"({"type":"preview-rated","subject":"trail-runner-2","value":5})",
                   std::string("rate-") + member, kNow, member)
                  .status,
              201);
  }
  ASSERT_EQ(send(R"({"type":"experience-signup","subject":"sunrise-summit"})",
                 std::string("sign-up"), kNow, "m_alan")
                .status,
            201);
  EXPECT_EQ(events(), 12);
  Statement after = db_->prepare(standing);
  ASSERT_TRUE(after.step());
  EXPECT_EQ(after.text(0), membersBefore);
  EXPECT_EQ(queryInt(*db_, "SELECT COUNT(*) FROM ledger"), ledgerBefore);
  EXPECT_EQ(queryInt(*db_, "SELECT SUM(points) FROM expiring_points"), bucketsBefore);
  EXPECT_EQ(queryInt(*db_, "SELECT COUNT(*) FROM redemptions"), 0);
  EXPECT_EQ(queryInt(*db_, "SELECT COUNT(*) FROM plays"), 0);
}

}  // namespace
