#include "kindred/core.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "sample_payloads.hpp"

namespace kindred {
namespace {

using nlohmann::json;
const CalendarDate kToday{2026, 11, 23};

json view(const Core& core) { return json::parse(core.progressViewJson(kToday)); }

TEST(CoreState, LoadingUntilBothProgramAndMemberArrive) {
  Core core;
  EXPECT_EQ(view(core)["status"], "loading");
  ASSERT_FALSE(core.ingest("program", testing::kProgramJson));
  EXPECT_EQ(view(core)["status"], "loading");
  ASSERT_FALSE(core.ingest("member", testing::kMemberJson));
  EXPECT_EQ(view(core)["status"], "ready");
}

TEST(CoreState, TheProgressViewModelIsOneCompleteDocument) {
  Core core;
  core.ingest("program", testing::kProgramJson);
  core.ingest("member", testing::kMemberJson);
  const json v = view(core);
  EXPECT_EQ(v["screen"], "progress");
  EXPECT_EQ(v["error"], nullptr);
  EXPECT_EQ(v["program"]["currency"]["plural"], "points");
  EXPECT_EQ(v["member"]["points"], 1240);
  EXPECT_EQ(v["tier"]["name"], "Trailblazer");
  EXPECT_EQ(v["nextTier"]["name"], "Summit");
  EXPECT_EQ(v["nextTier"]["perk"], "Early access");
  EXPECT_EQ(v["bar"], json({{"min", 500}, {"max", 1500}, {"value", 1380}, {"fraction", 0.88}}));
  EXPECT_EQ(v["pointsToNext"], 120);
  EXPECT_EQ(v["nudge"]["key"], "nudge.points_to_tier_perk");
  EXPECT_EQ(v["nudge"]["params"]["spend"], 12);
  EXPECT_EQ(v["expiring"], json({{"points", 90}, {"date", "2026-11-30"}, {"daysLeft", 7}}));
}

TEST(CoreState, ARejectedPayloadKeepsTheLastGoodStateAndSaysWhy) {
  Core core;
  core.ingest("program", testing::kProgramJson);
  core.ingest("member", testing::kMemberJson);
  const std::string before = view(core).dump();

  const auto error = core.ingest("member", R"({"id": "m_ada", "points": -3, "qualifyingPoints": 1})");
  ASSERT_TRUE(error);
  EXPECT_EQ(error->message(), "member.points: expected an integer from 0 to 9007199254740991");

  json after = view(core);
  EXPECT_EQ(after["error"]["path"], "member.points");
  after["error"] = nullptr;
  EXPECT_EQ(after.dump(), before);  // everything else is exactly as it was
}

TEST(CoreState, AGoodPayloadClearsOnlyItsOwnResourcesError) {
  Core core;
  core.ingest("program", testing::kProgramJson);
  core.ingest("member", testing::kMemberJson);
  ASSERT_TRUE(core.ingest("program", "{"));
  ASSERT_FALSE(core.ingest("member", testing::kMemberJson));
  EXPECT_EQ(view(core)["error"]["path"], "program");  // the program is still stale
  ASSERT_FALSE(core.ingest("program", testing::kProgramJson));
  EXPECT_EQ(view(core)["error"], nullptr);
}

TEST(CoreState, AMemberInATierTheProgramLacksIsRejected) {
  Core core;
  core.ingest("program", testing::kProgramJson);
  const auto error = core.ingest("member", R"({"id": "m", "points": 1, "qualifyingPoints": 1, "tierId": "gold"})");
  ASSERT_TRUE(error);
  EXPECT_EQ(error->path, "member.tierId");
  EXPECT_FALSE(core.member());
}

TEST(CoreState, UnknownResourcesAreRejectedNotIgnored) {
  Core core;
  const json answer = json::parse(core.ingestJson("rewardz", "{}"));
  EXPECT_EQ(answer["ok"], false);
  EXPECT_EQ(answer["message"], "rewardz: is not a resource the core knows");
}

TEST(CoreState, IngestJsonAnswersOkOrTheError) {
  Core core;
  EXPECT_EQ(core.ingestJson("program", testing::kProgramJson), R"({"ok":true})");
  const json answer = json::parse(core.ingestJson("program", R"({"id": 1})"));
  EXPECT_EQ(answer, json({{"ok", false},
                          {"path", "program.id"},
                          {"problem", "expected a string"},
                          {"message", "program.id: expected a string"}}));
}

}  // namespace
}  // namespace kindred
