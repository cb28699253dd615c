#include "kindred/core.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "rejection_case.hpp"
#include "sample_payloads.hpp"

namespace kindred {
namespace {

using nlohmann::json;

using testing::loadedCore;

json catalog(const Core& core, const json& query) {
  return json::parse(core.catalogViewJson(query.dump(), "2026-11-23"));
}

TEST(CoreCatalog, LoadingUntilTheFirstRewardsPage) {
  Core core;
  core.ingest("program", testing::kProgramJson);
  core.ingest("member", testing::kMemberJson);
  EXPECT_EQ(catalog(core, json::object())["status"], "loading");
  core.ingest("rewards", R"({"items": [], "nextCursor": null})");
  const json empty = catalog(core, json::object());
  EXPECT_EQ(empty["status"], "ready");
  EXPECT_EQ(empty["total"], 0);
}

TEST(CoreCatalog, TheIngestAnswerCarriesTheNextCursor) {
  Core core;
  EXPECT_EQ(core.ingestJson("rewards", testing::withValue(testing::kRewardPageJson, "/nextCursor", "c2")),
            R"({"nextCursor":"c2","ok":true})");
  EXPECT_EQ(core.ingestJson("rewards", testing::kRewardPageJson), R"({"nextCursor":null,"ok":true})");
}

TEST(CoreCatalog, ItemsSayWhatStandsBetweenTheMemberAndEachReward) {
  const Core core = loadedCore();
  const json view = catalog(core, {{"sort", "cost-asc"}});
  EXPECT_EQ(view["total"], 5);
  std::map<std::string, json> byId;
  for (const auto& item : view["items"]) byId[item["id"]] = item;
  EXPECT_EQ(byId["r_socks"]["availability"], "redeemable");
  EXPECT_EQ(byId["r_thermos"]["availability"], "points-away");
  EXPECT_EQ(byId["r_thermos"]["pointsAway"], 60);
  EXPECT_EQ(byId["r_jacket"]["availability"], "early-access");
  EXPECT_EQ(byId["r_jacket"]["tier"], json({{"id", "summit"}, {"name", "Summit"}}));
  EXPECT_EQ(byId["r_jacket"]["earlyAccessUntil"], "2026-12-01");
  EXPECT_EQ(byId["r_guide"]["availability"], "tier-locked");
  EXPECT_EQ(byId["r_guide"]["tier"]["name"], "Peak");
  EXPECT_EQ(byId["r_mug"]["availability"], "out-of-stock");
  EXPECT_EQ(view["categories"], json({"apparel", "experiences", "gear"}));
}

TEST(CoreCatalog, QueriesSearchFilterSortAndPage) {
  const Core core = loadedCore();
  EXPECT_EQ(catalog(core, {{"text", "cafe"}})["items"][0]["id"], "r_thermos");
  const json apparel = catalog(core, {{"categories", {"apparel"}}, {"sort", "newest"}});
  EXPECT_EQ(apparel["items"].size(), 2u);
  EXPECT_EQ(apparel["items"][0]["id"], "r_jacket");
  const json affordable = catalog(core, {{"affordable", true}, {"sort", "cost-desc"}});
  EXPECT_EQ(affordable["total"], 1);  // the mug is out of stock, the others locked or too dear
  const json first = catalog(core, {{"limit", 2}, {"sort", "popular"}});
  ASSERT_TRUE(first["nextCursor"].is_string());
  const json second = catalog(core, {{"limit", 2}, {"sort", "popular"}, {"cursor", first["nextCursor"]}});
  EXPECT_EQ(first["items"][0]["id"], "r_mug");
  EXPECT_EQ(second["items"][0]["id"], "r_thermos");
}

TEST(CoreCatalog, ABadQueryIsReportedAndShowsNothing) {
  const Core core = loadedCore();
  for (const auto& [query, path] : std::vector<std::pair<json, std::string>>{
           {{{"sort", "cheapest"}}, "query.sort"},
           {{{"limit", 0}}, "query.limit"},
           {{{"limit", 101}}, "query.limit"},
           {{{"affordable", "yes"}}, "query.affordable"},
           {{{"categories", {1}}}, "query.categories[0]"},
           {{{"cursor", "k1.popular.9.9.x"}}, "cursor"}}) {
    const json view = catalog(core, query);
    EXPECT_EQ(view["error"]["path"], path) << query;
    EXPECT_TRUE(view["items"].empty()) << query;
  }
  EXPECT_EQ(json::parse(core.catalogViewJson("{", "2026-11-23"))["error"]["path"], "query");
}

TEST(CoreCatalog, ARejectedPageKeepsTheCatalogItHad) {
  Core core = loadedCore();
  const auto error = core.ingest(
      "rewards", testing::withValue(testing::kRewardPageJson, "/items/1/cost", -5));
  ASSERT_TRUE(error);
  EXPECT_EQ(error->path, "rewards.items[1].cost");
  const json view = catalog(core, json::object());
  EXPECT_EQ(view["total"], 5);
  EXPECT_EQ(view["error"]["path"], "rewards.items[1].cost");
  ASSERT_FALSE(core.ingest("rewards", testing::kRewardPageJson));
  EXPECT_EQ(catalog(core, json::object())["error"], nullptr);
}

using testing::Rejection;
class RewardPageRejection : public ::testing::TestWithParam<Rejection> {};

TEST_P(RewardPageRejection, NamesThePathAndTheProblem) {
  const auto page = parseRewardPage(GetParam().payload);
  ASSERT_FALSE(page) << GetParam().payload;
  EXPECT_EQ(page.error().path, GetParam().path);
  EXPECT_EQ(page.error().problem, GetParam().problem);
}

std::string pageWith(const char* pointer, json value) {
  return testing::withValue(testing::kRewardPageJson, pointer, std::move(value));
}

INSTANTIATE_TEST_SUITE_P(
    EveryPath, RewardPageRejection,
    ::testing::Values(
        Rejection{"[]", "rewards", "expected an object"},
        Rejection{R"({"nextCursor": null})", "rewards.items", "is required"},
        Rejection{pageWith("/items/0/id", ""), "rewards.items[0].id", "must not be empty"},
        Rejection{pageWith("/items/0/cost", "300"), "rewards.items[0].cost",
                  "expected an integer from 0 to 9007199254740991"},
        Rejection{pageWith("/items/0/category", nullptr), "rewards.items[0].category", "expected a string"},
        Rejection{pageWith("/items/1/stock", -1), "rewards.items[1].stock",
                  "expected an integer from 0 to 9007199254740991"},
        Rejection{pageWith("/items/1/imageUrl", 3), "rewards.items[1].imageUrl",
                  "expected a non-empty string or null"},
        Rejection{pageWith("/items/2/createdAt", "2026-11-01 10:00"), "rewards.items[2].createdAt",
                  "expected a UTC time as YYYY-MM-DDTHH:MM:SSZ"},
        Rejection{pageWith("/items/2/createdAt", "2026-11-01T24:00:00Z"), "rewards.items[2].createdAt",
                  "expected a UTC time as YYYY-MM-DDTHH:MM:SSZ"},
        Rejection{pageWith("/items/2/earlyAccess/until", "soon"), "rewards.items[2].earlyAccess.until",
                  "expected a date as YYYY-MM-DD"},
        Rejection{pageWith("/items/2/earlyAccess", "summit"), "rewards.items[2].earlyAccess",
                  "expected an object"},
        Rejection{pageWith("/nextCursor", 5), "rewards.nextCursor", "expected a non-empty string or null"}));

}  // namespace
}  // namespace kindred
