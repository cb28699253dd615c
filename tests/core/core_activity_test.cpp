#include "kindred/core.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "sample_payloads.hpp"

namespace kindred {
namespace {

using nlohmann::json;

json page(std::vector<json> items, json cursor = nullptr) { return {{"items", items}, {"nextCursor", cursor}}; }
json entry(json id, const char* kind, std::int64_t points, json rewardId = nullptr) {
  return {{"id", id}, {"kind", kind}, {"points", points}, {"description", "Order #1"},
          {"createdAt", "2026-11-01T12:00:00Z"}, {"rewardId", rewardId}};
}

TEST(CoreActivity, PagesAddUpNewestFirstWithoutDuplicates) {
  Core core;
  EXPECT_EQ(json::parse(core.activityViewJson())["status"], "loading");
  EXPECT_EQ(core.ingestJson("activity", page({entry(15, "redemption", -100), entry(7, "earn", 420)}, "c2").dump()),
            R"({"nextCursor":"c2","ok":true})");
  // The next page overlaps the first by one (a new entry arrived meanwhile).
  core.ingest("activity-next", page({entry(7, "earn", 420), entry(6, "expiration", -40)}).dump());
  const json view = json::parse(core.activityViewJson());
  EXPECT_EQ(view["status"], "ready");
  EXPECT_EQ(view["nextCursor"], nullptr);
  ASSERT_EQ(view["items"].size(), 3u);
  EXPECT_EQ(view["items"][0]["id"], "15");
  EXPECT_EQ(view["items"][0]["points"], -100);
  EXPECT_EQ(view["items"][2]["kind"], "expiration");

  // A refresh reads the first page again: the ledger is what it says now, in order.
  core.ingest("activity", page({entry(16, "earn", 50), entry(15, "redemption", -100)}, "c3").dump());
  const json refreshed = json::parse(core.activityViewJson());
  ASSERT_EQ(refreshed["items"].size(), 2u);
  EXPECT_EQ(refreshed["items"][0]["id"], "16");
  EXPECT_EQ(refreshed["nextCursor"], "c3");
}

TEST(CoreActivity, EveryLedgerKindTheBackendWritesIsTaken) {
  Core core;
  std::vector<json> items;
  std::int64_t id = 1;
  for (const char* kind : {"earn", "redemption", "game_play", "game_prize", "check_in", "expiration", "adjustment",
                           "surprise"}) {
    items.push_back(entry(id++, kind, 10));
  }
  EXPECT_EQ(core.ingestJson("activity", page(items).dump()), R"({"nextCursor":null,"ok":true})");
  EXPECT_EQ(json::parse(core.activityViewJson())["items"].size(), items.size());
}

TEST(CoreActivity, BadEntriesAreRejectedWithTheirPath) {
  Core core;
  const std::vector<std::pair<json, std::string>> cases = {
      {page({entry(true, "earn", 1)}), "activity.items[0].id"},
      {page({entry(1, "gift", 1)}), "activity.items[0].kind"},
      {page({entry(1, "earn", 1), {{"id", 2}}}), "activity.items[1].kind"},
      {page({{{"id", 1}, {"kind", "earn"}, {"points", 1.5}, {"createdAt", "x"}}}), "activity.items[0].points"},
      {page({{{"id", 1}, {"kind", "earn"}, {"points", 1}}}), "activity.items[0].createdAt"},
      {json{{"items", 3}}, "activity.items"},
  };
  for (const auto& [payload, path] : cases) {
    const auto error = core.ingest("activity", payload.dump());
    ASSERT_TRUE(error) << payload;
    EXPECT_EQ(error->path, path) << payload;
  }
  EXPECT_EQ(json::parse(core.activityViewJson())["status"], "loading");
}

TEST(CoreActivity, PastRedemptionsRankTheirCategoriesFirstForYou) {
  Core core;
  core.ingest("program", testing::kProgramJson);
  core.ingest("member", testing::kMemberJson);
  core.ingest("rewards", testing::kRewardPageJson);
  const auto first = [&] {
    return json::parse(core.catalogViewJson(R"({"sort":"for-you","limit":1})", "2026-11-23"))["items"][0]["id"];
  };
  EXPECT_EQ(first(), "r_socks");  // popular and redeemable
  // The ledger says the member redeems gear.
  core.ingest("activity", page({entry(1, "redemption", -300, "r_thermos"), entry(2, "redemption", -100, "r_mug"),
                                entry(3, "earn", 500)}).dump());
  EXPECT_EQ(first(), "r_thermos");
}

}  // namespace
}  // namespace kindred
