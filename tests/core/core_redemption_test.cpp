#include "kindred/core.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "sample_payloads.hpp"

namespace kindred {
namespace {

using nlohmann::json;
constexpr const char* kToday = "2026-11-23";

using testing::loadedCore;

json redeem(Core& core, const char* rewardId, const char* nonce) {
  return json::parse(core.redeemJson(rewardId, nonce, kToday));
}

json answer(Core& core, const char* rewardId, int status, const std::string& body) {
  return json::parse(core.redemptionAnswerJson(rewardId, status, body));
}

std::string receipt(std::int64_t pointsLeft, const char* code = "AUR-7K2M-9QXD") {
  json member = json::parse(testing::kMemberJson);
  member["points"] = pointsLeft;
  return json{{"redemption", {{"id", "rd_1"}, {"rewardId", "r_socks"}, {"rewardName", "Trail socks"}, {"code", code},
                              {"status", "issued"}, {"pointsSpent", 300}, {"createdAt", "2026-11-23T10:00:00Z"}}},
              {"member", member}}
      .dump();
}

std::string problem(const char* slug, const char* detail) {
  return json{{"type", std::string("urn:kindred:problem:") + slug}, {"title", slug}, {"status", 422}, {"detail", detail}}
      .dump();
}

TEST(CoreRedemption, AnIntentIsARequestWithAnIdempotencyKey) {
  Core core = loadedCore();
  const json started = redeem(core, "r_socks", "n0nce-0001");
  ASSERT_EQ(started["ok"], true) << started;
  EXPECT_EQ(started["command"], json({{"method", "POST"},
                                      {"path", "/v1/redemptions"},
                                      {"idempotencyKey", "redeem-n0nce-0001"},
                                      {"body", R"({"rewardId":"r_socks"})"}}));
  EXPECT_EQ(json::parse(core.redemptionViewJson("r_socks"))["state"], "pending");
}

TEST(CoreRedemption, EveryRepeatOfAnUnfinishedIntentKeepsItsKey) {
  Core core = loadedCore();
  const std::string key = redeem(core, "r_socks", "first-tap")["command"]["idempotencyKey"];
  // A double tap while pending.
  EXPECT_EQ(redeem(core, "r_socks", "second-tap")["command"]["idempotencyKey"], key);
  // No answer (offline), a 503, a 429 and "still running": the same key each time.
  for (const auto& [status, body] : std::vector<std::pair<int, std::string>>{
           {0, ""}, {503, problem("unavailable", "Try later")}, {429, ""},
           {409, problem("idempotency-key-in-use", "Still working")}}) {
    const json view = answer(core, "r_socks", status, body);
    EXPECT_EQ(view["state"], "failed") << status;
    EXPECT_EQ(view["reason"], "network") << status;
    EXPECT_EQ(redeem(core, "r_socks", "retry-tap")["command"]["idempotencyKey"], key) << status;
  }
  const json done = answer(core, "r_socks", 201, receipt(940));
  EXPECT_EQ(done["state"], "succeeded");
  // Finished: the next tap is a new intent with a new key.
  EXPECT_EQ(redeem(core, "r_socks", "later-tap")["command"]["idempotencyKey"], "redeem-later-tap");
}

TEST(CoreRedemption, AnAnswerTheOutboxGetsAfterANetworkFailureIsStillRead) {
  Core core = loadedCore();
  redeem(core, "r_socks", "first-tap");
  EXPECT_EQ(answer(core, "r_socks", 0, "")["reason"], "network");  // the shopper's try got nothing
  // The outbox's background send, with the same key, gets the backend's answer.
  const json view = answer(core, "r_socks", 201, receipt(940));
  EXPECT_EQ(view["state"], "succeeded");
  EXPECT_EQ(view["code"], "AUR-7K2M-9QXD");
  EXPECT_EQ(json::parse(core.progressViewJson(std::string_view(kToday)))["member"]["points"], 940);
  // A later stray answer does not reopen it.
  EXPECT_EQ(answer(core, "r_socks", 503, "")["state"], "succeeded");
}

TEST(CoreRedemption, SuccessShowsTheCodeAndTheNewBalanceEverywhere) {
  Core core = loadedCore();
  redeem(core, "r_thermos", "abcdefgh");  // 1300 > 1240: refused locally, not started
  EXPECT_EQ(json::parse(core.redemptionViewJson("r_thermos"))["state"], "none");
  redeem(core, "r_socks", "abcdefgh");
  const json view = answer(core, "r_socks", 201, receipt(940));
  EXPECT_EQ(view, json({{"rewardId", "r_socks"}, {"state", "succeeded"}, {"reason", nullptr}, {"detail", nullptr},
                        {"code", "AUR-7K2M-9QXD"}, {"pointsSpent", 300}, {"balance", 940}}));
  EXPECT_EQ(json::parse(core.progressViewJson(std::string_view(kToday)))["member"]["points"], 940);
  const json catalog = json::parse(core.catalogViewJson(R"({"sort":"cost-asc"})", kToday));
  for (const auto& item : catalog["items"])
    if (item["id"] == "r_thermos") EXPECT_EQ(item["pointsAway"], 360);  // 1300 - 940
}

TEST(CoreRedemption, ASuccessTakesOneFromAKnownStock) {
  Core core = loadedCore();
  json member = json::parse(testing::kMemberJson);
  member["points"] = 5000;
  core.ingest("member", member.dump());
  redeem(core, "r_thermos", "abcdefgh");  // stock 4
  answer(core, "r_thermos", 201, receipt(3700));
  const json catalog = json::parse(core.catalogViewJson(R"({"text":"thermos"})", kToday));
  EXPECT_EQ(catalog["items"][0]["stock"], 3);
}

TEST(CoreRedemption, DefinitiveRefusalsRestoreTheStateWithAReason) {
  const std::vector<std::tuple<int, std::string, std::string>> cases = {
      {422, problem("insufficient-points", "You need 60 more points for this reward."), "points-short"},
      {409, problem("out-of-stock", "Just ran out."), "out-of-stock"},
      {403, problem("tier-required", "This reward is for Summit members and above."), "tier"},
      {409, problem("idempotency-key-reused", "That key was used for another request."), "conflict"},
      {400, "<html>bad gateway page</html>", "rejected"},
  };
  for (const auto& [status, body, reason] : cases) {
    Core core = loadedCore();
    redeem(core, "r_socks", "abcdefgh");
    const json view = answer(core, "r_socks", status, body);
    EXPECT_EQ(view["state"], "failed") << reason;
    EXPECT_EQ(view["reason"], reason);
    EXPECT_EQ(view["balance"], 1240) << "nothing was spent";
    if (reason != "rejected") EXPECT_EQ(view["detail"], json::parse(body)["detail"]);
    // A new tap is a new intent.
    if (reason != "out-of-stock") EXPECT_EQ(redeem(core, "r_socks", "new-intent")["command"]["idempotencyKey"], "redeem-new-intent");
  }
}

TEST(CoreRedemption, OutOfStockUpdatesTheCatalog) {
  Core core = loadedCore();
  redeem(core, "r_socks", "abcdefgh");
  answer(core, "r_socks", 409, problem("out-of-stock", "Gone"));
  const json catalog = json::parse(core.catalogViewJson(R"({"text":"socks"})", kToday));
  EXPECT_EQ(catalog["items"][0]["availability"], "out-of-stock");
  EXPECT_EQ(redeem(core, "r_socks", "again-now")["reason"], "out-of-stock");
}

TEST(CoreRedemption, AnUnreadableSuccessStaysPendingSoTheSameKeyFetchesItAgain) {
  Core core = loadedCore();
  const std::string key = redeem(core, "r_socks", "abcdefgh")["command"]["idempotencyKey"];
  const json view = answer(core, "r_socks", 201, R"({"redemption": {"code": 5}})");
  EXPECT_EQ(view["state"], "pending");
  EXPECT_EQ(json::parse(core.progressViewJson(std::string_view(kToday)))["error"]["path"],
            "redemption.redemption.code");
  EXPECT_EQ(redeem(core, "r_socks", "another-tap")["command"]["idempotencyKey"], key);
  EXPECT_EQ(answer(core, "r_socks", 201, receipt(940))["state"], "succeeded");
  EXPECT_EQ(json::parse(core.progressViewJson(std::string_view(kToday)))["error"], nullptr);
}

TEST(CoreRedemption, TheCatalogRefusesWhatItKnowsCannotBeRedeemed) {
  Core core = loadedCore();
  EXPECT_EQ(redeem(core, "r_thermos", "abcdefgh")["reason"], "points-short");
  EXPECT_EQ(redeem(core, "r_guide", "abcdefgh")["reason"], "tier");
  EXPECT_EQ(redeem(core, "r_jacket", "abcdefgh")["reason"], "tier");  // early access for Summit
  EXPECT_EQ(redeem(core, "r_mug", "abcdefgh")["reason"], "out-of-stock");
  EXPECT_EQ(redeem(core, "r_nope", "abcdefgh")["reason"], "unknown-reward");
  EXPECT_EQ(redeem(core, "r_socks", "short")["reason"], "invalid");
  EXPECT_EQ(redeem(core, "r_socks", "has spaces!")["reason"], "invalid");
  EXPECT_EQ(json::parse(core.redeemJson("r_socks", "abcdefgh", "23/11/2026"))["reason"], "invalid");
}

TEST(CoreRedemption, AnAnswerWithoutAnIntentChangesNothing) {
  Core core = loadedCore();
  const json view = answer(core, "r_socks", 201, receipt(0));
  EXPECT_EQ(view["state"], "none");
  EXPECT_EQ(view["balance"], 1240);
}

}  // namespace
}  // namespace kindred
