// Insider previews, against a seeded scratch database: only members of a
// preview's tier and above receive it, and only before its release day on
// their own calendar; myRating is their latest rating; and POST /v1/events
// refuses a rating of a preview the member is not shown (422
// unknown-preview), whatever the reason, writing nothing.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "api_checks.hpp"
#include "event_request.hpp"
#include "moments_listing.hpp"
#include "scratch_database.hpp"
#include "stored_program.hpp"
#include "utc_time.hpp"

namespace {

using api_checks::detailOf;
using api_checks::problemSlug;
using nlohmann::ordered_json;
using scratch::noonAfter;
using scratch::queryInt;

const std::int64_t kNow = noonAfter(0);

class PreviewTest : public scratch::ScratchDatabaseTest {
 protected:
  void SetUp() override {
    ScratchDatabaseTest::SetUp();
    db_.emplace(openSeeded());
    program_ = loadStoredProgram(*db_).program;
  }

  ApiResponse rate(const std::string& member, const std::string& previewId, int stars,
                   std::int64_t occurredAt = kNow, std::int64_t now = kNow) {
    const nlohmann::json body = {{"type", "preview-rated"},
                                 {"subject", previewId},
                                 {"value", stars},
                                 {"occurredAt", formatRfc3339Utc(occurredAt)}};
    return handleEventRequest(*db_, program_, member, "key-" + std::to_string(++keys_), body.dump(),
                              now);
  }

  ordered_json previews(const std::string& member, std::int64_t now = kNow) {
    return momentsJson(*db_, program_, member, now)["previews"];
  }

  std::vector<std::string> previewIds(const std::string& member, std::int64_t now = kNow) {
    std::vector<std::string> ids;
    for (const auto& preview : previews(member, now))
      ids.push_back(preview["id"].get<std::string>());
    return ids;
  }

  std::optional<Database> db_;
  kindred::Program program_;
  int keys_ = 0;
};

TEST_F(PreviewTest, EachTierSeesItsPreviewsAndThoseBelowUntilRelease) {
  EXPECT_EQ(previewIds("m_grace"), std::vector<std::string>{});
  EXPECT_EQ(previewIds("m_ada"), std::vector<std::string>{"trail-runner-2"});
  EXPECT_EQ(previewIds("m_katherine"),
            (std::vector<std::string>{"trail-runner-2", "aurora-shell"}));
  EXPECT_EQ(previewIds("m_alan"),
            (std::vector<std::string>{"trail-runner-2", "aurora-shell", "ridge-pack-40"}));
  EXPECT_EQ(previews("m_ada")[0],
            (ordered_json{{"id", "trail-runner-2"},
                          {"title", "Trail Runner 2"},
                          {"description",
                           "Our lighter trail shoe, with a grippier sole. Tell us what you think "
                           "before it ships."},
                          {"releaseDate", "2026-03-22"},
                          {"tierId", "trailblazer"},
                          {"myRating", nullptr}}));

  // A member below a preview's tier never receives it, not even its name.
  for (const char* member : {"m_grace", "m_ada"}) {
    const std::string document = momentsJson(*db_, program_, member, kNow).dump();
    for (const char* secret : {"aurora-shell", "Aurora rain shell", "ridge-pack-40"}) {
      EXPECT_EQ(document.find(secret), std::string::npos) << member << " got " << secret;
    }
  }
  // Nor does anyone receive a released one (the camp mug, released a week ago).
  EXPECT_EQ(momentsJson(*db_, program_, "m_alan", kNow).dump().find("camp-mug"), std::string::npos);
}

TEST_F(PreviewTest, TheReleaseDayIsTheMembersOwn) {
  // 20:00 UTC on 21 March: already the 22nd, release day, in Tokyo; not in London.
  const std::int64_t evening = noonAfter(20) + 8 * 3600;
  EXPECT_EQ(previewIds("m_ada", evening), std::vector<std::string>{"trail-runner-2"});
  EXPECT_EQ(previewIds("m_katherine", evening), std::vector<std::string>{"aurora-shell"});
  EXPECT_EQ(previewIds("m_ada", noonAfter(21)), std::vector<std::string>{});
}

TEST_F(PreviewTest, MyRatingIsTheLatestRating) {
  EXPECT_EQ(previews("m_katherine")[1]["myRating"], 4);  // seeded
  ASSERT_EQ(rate("m_ada", "trail-runner-2", 2, kNow - 600).status, 201);
  ASSERT_EQ(rate("m_ada", "trail-runner-2", 5, kNow - 300).status, 201);
  EXPECT_EQ(previews("m_ada")[0]["myRating"], 5);
  // Delivered last, but given first (an outbox catching up): not the latest.
  ASSERT_EQ(rate("m_ada", "trail-runner-2", 1, kNow - 900).status, 201);
  EXPECT_EQ(previews("m_ada")[0]["myRating"], 5);
  // Ratings are each member's own.
  EXPECT_EQ(previews("m_katherine")[0]["myRating"], nullptr);
}

TEST_F(PreviewTest, RatingAPreviewTheMemberIsNotShownIs422) {
  const std::int64_t eventsBefore = queryInt(*db_, "SELECT COUNT(*) FROM events");
  const struct {
    const char* member;
    const char* preview;
  } hidden[] = {
      {"m_grace", "trail-runner-2"},                                // below its tier
      {"m_ada", "aurora-shell"},                                    // below its tier
      {"m_alan", "camp-mug"},                                       // released
      {"m_alan", "no-such-preview"}, {"m_alan", "Trail-Runner-2"},  // ids are matched exactly
  };
  for (const auto& h : hidden) {
    const ApiResponse response = rate(h.member, h.preview, 3);
    EXPECT_EQ(response.status, 422) << h.member << " " << h.preview;
    EXPECT_EQ(problemSlug(response), "unknown-preview");
    EXPECT_EQ(detailOf(response),
              std::string("You have no preview \"") + h.preview + "\" to rate.");
  }
  // On release day (her Tokyo calendar), Katherine can no longer rate it either.
  EXPECT_EQ(problemSlug(rate("m_katherine", "trail-runner-2", 3, noonAfter(20) + 8 * 3600,
                             noonAfter(20) + 8 * 3600)),
            "unknown-preview");
  EXPECT_EQ(queryInt(*db_, "SELECT COUNT(*) FROM events"), eventsBefore);
  EXPECT_EQ(queryInt(*db_, "SELECT COUNT(*) FROM idempotency_keys"), 0);
  // The rules of the type still come first.
  const ApiResponse noValue =
      handleEventRequest(*db_, program_, "m_grace", std::string("k"),
                         R"({"type":"preview-rated","subject":"trail-runner-2"})", kNow);
  EXPECT_EQ(problemSlug(noValue), "invalid-event");
}

}  // namespace
