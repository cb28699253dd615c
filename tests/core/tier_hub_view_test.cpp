// The tier hub through the core: what each tier gives and what the next one
// adds, tier-only experiences with their sign-up, and insider previews with
// their one-tap rating, each an idempotent POST /v1/events.
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

json hub(const Core& core, const char* today = kToday) { return json::parse(core.tierHubViewJson(today)); }

const json* byId(const json& list, const char* id) {
  for (const auto& item : list)
    if (item["id"] == id) return &item;
  return nullptr;
}

TEST(TierHub, IsLoadingUntilTheMomentsProgramAndMemberAreThere) {
  Core core = testing::loadedCore();
  EXPECT_EQ(hub(core), json::parse(R"({"screen":"tiers","status":"loading","error":null,"tiers":[],"held":[],
      "next":null,"experiences":[],"previews":[]})"));
  ASSERT_FALSE(core.ingest("moments", testing::kMomentsJson));
  EXPECT_EQ(hub(core)["status"], "ready");
  EXPECT_EQ(hub(core, "2026-11-31")["error"]["path"], "today");
}

TEST(TierHub, SaysWhatEachTierGivesWhatTheMemberHoldsAndWhatTheNextAdds) {
  Core core = momentsCore();
  json program = json::parse(testing::kProgramJson);
  program["tiers"][2]["perks"] = {"Early access", "Free shipping", "Free returns"};  // listed again higher up
  ASSERT_FALSE(core.ingest("program", program.dump()));
  const json v = hub(core);
  ASSERT_EQ(v["tiers"].size(), 4u);
  EXPECT_EQ(v["tiers"][0], json::parse(R"({"id":"explorer","name":"Explorer","threshold":0,
      "perks":["Birthday gift"],"current":false,"reached":true})"));
  EXPECT_EQ(v["tiers"][1]["current"], true);
  EXPECT_EQ(v["tiers"][1]["reached"], true);
  EXPECT_EQ(v["tiers"][2]["reached"], false);
  EXPECT_EQ(v["tiers"][3]["perks"], json::array());
  // Ada, a Trailblazer, holds Explorer's perks too; Summit adds what she lacks.
  EXPECT_EQ(v["held"], json({"Birthday gift", "Free shipping"}));
  EXPECT_EQ(v["next"], json::parse(R"({"name":"Summit","pointsToGo":120,"spend":12,"moneyCurrency":"USD",
      "adds":["Early access","Free returns"]})"));
}

TEST(TierHub, AtTheTopThereIsNoNextTier) {
  Core core = momentsCore();
  json member = json::parse(testing::kMemberJson);
  member["tierId"] = "peak";
  member["qualifyingPoints"] = 4200;
  ASSERT_FALSE(core.ingest("member", member.dump()));
  const json v = hub(core);
  EXPECT_EQ(v["next"], nullptr);
  EXPECT_EQ(v["held"], json({"Birthday gift", "Free shipping", "Early access", "Free returns"}));
  EXPECT_EQ(v["tiers"][3]["current"], true);
  EXPECT_EQ(byId(v["experiences"], "sunrise-summit")->at("state"), "open");  // no longer locked
}

TEST(TierHub, ExperiencesAreOpenJoinedFullOrLockedAndUnknownTiersAreLeftOut) {
  const json v = hub(momentsCore());
  ASSERT_EQ(v["experiences"].size(), 4u) << v.dump(2);  // the "legend" tier is not the program's
  EXPECT_EQ(v["experiences"][0], json::parse(R"({"key":"experience:new-year-walk","id":"new-year-walk",
      "title":"New Year's Eve lantern walk","description":"A walk into the new year.","tierName":"Trailblazer",
      "startsAt":"2026-12-31T23:30:00Z","seatsLeft":12,"state":"open","sending":false,"failure":null})"));
  EXPECT_EQ(v["experiences"][1]["state"], "joined");
  EXPECT_EQ(v["experiences"][2]["state"], "full");
  EXPECT_EQ(v["experiences"][3]["state"], "locked");
  EXPECT_EQ(v["experiences"][3]["tierName"], "Summit");
  EXPECT_EQ(byId(v["experiences"], "legend-dinner"), nullptr);
}

TEST(TierHub, PreviewsCarryTheMembersRating) {
  const json v = hub(momentsCore());
  ASSERT_EQ(v["previews"].size(), 2u);
  EXPECT_EQ(v["previews"][0], json::parse(R"({"key":"preview:trail-runner-2","id":"trail-runner-2",
      "title":"Trail Runner 2","description":"Lighter, grippier.","tierName":"Trailblazer",
      "releaseDate":"2027-01-15","rating":null,"sending":false,"failure":null})"));
  EXPECT_EQ(v["previews"][1]["rating"], 4);
}

TEST(TierHub, ASignUpIsOneIdempotentEventThatShowsJoinedOnceRecorded) {
  Core core = momentsCore();
  hub(core);  // on screen
  const json first = event(core, "experience:new-year-walk", "signup", 0, "n0nce-0001");
  ASSERT_EQ(first["ok"], true) << first.dump();
  EXPECT_EQ(first["command"]["path"], "/v1/events");
  EXPECT_EQ(first["command"]["idempotencyKey"], "event-n0nce-0001");
  EXPECT_EQ(json::parse(first["command"]["body"].get<std::string>()),
            json::parse(R"({"type":"experience-signup","subject":"new-year-walk"})"));
  // A second tap while it is on its way sends the same thing again.
  EXPECT_EQ(event(core, "experience:new-year-walk", "signup", 0, "n0nce-0002"), first);
  json walk = hub(core)["experiences"][0];
  EXPECT_EQ(walk["state"], "open");
  EXPECT_EQ(walk["sending"], true);

  EXPECT_EQ(answer(core, "experience:new-year-walk", 503)["state"], "pending");  // sent again later, same key
  EXPECT_EQ(answer(core, "experience:new-year-walk", 201, "{}")["state"], "succeeded");
  walk = hub(core)["experiences"][0];
  EXPECT_EQ(walk["state"], "joined");
  EXPECT_EQ(walk["sending"], false);
  EXPECT_EQ(event(core, "experience:new-year-walk", "signup", 0, "n0nce-0003")["reason"], "unknown-moment");
}

TEST(TierHub, ARefusedSignUpSaysWhyAndTheNextPayloadSaysWhatIsTrue) {
  Core core = momentsCore();
  hub(core);
  ASSERT_EQ(event(core, "experience:new-year-walk", "signup", 0, "n0nce-0001")["ok"], true);
  answer(core, "experience:new-year-walk", 409, problem("experience-full", 409, "Every seat is taken."));
  json walk = hub(core)["experiences"][0];
  EXPECT_EQ(walk["state"], "open");
  EXPECT_EQ(walk["failure"], json::parse(R"({"reason":"rejected","detail":"Every seat is taken."})"));
  json moments = json::parse(testing::kMomentsJson);
  moments["experiences"][0]["seatsLeft"] = 0;
  ASSERT_FALSE(core.ingest("moments", moments.dump()));
  walk = hub(core)["experiences"][0];
  EXPECT_EQ(walk["state"], "full");
  EXPECT_EQ(event(core, "experience:new-year-walk", "signup", 0, "n0nce-0002")["reason"], "unknown-moment");
}

TEST(TierHub, OnlyAnOpenExperienceOnScreenCanBeSignedUpFor) {
  Core core = momentsCore();
  EXPECT_EQ(event(core, "experience:new-year-walk", "signup", 0, "n0nce-0001")["reason"], "unknown-moment");  // not shown yet
  hub(core);
  for (const char* key : {"experience:winter-camp", "experience:gear-clinic", "experience:sunrise-summit",
                          "experience:legend-dinner", "experience:no-such"})
    EXPECT_EQ(event(core, key, "signup", 0, "n0nce-0001")["reason"], "unknown-moment") << key;
  EXPECT_EQ(event(core, "experience:new-year-walk", "dismiss", 0, "n0nce-0001")["reason"], "invalid");
  EXPECT_EQ(event(core, "preview:camp-mug", "signup", 0, "n0nce-0001")["reason"], "invalid");
  EXPECT_EQ(event(core, "experience:new-year-walk", "signup", 0, "bad nonce")["reason"], "invalid");
}

TEST(TierHub, ARatingIsSentWithItsValueShownAtOnceAndRatedAgainAfterItsAnswer) {
  Core core = momentsCore();
  hub(core);
  const json rated = event(core, "preview:trail-runner-2", "rate", 5, "n0nce-0001");
  ASSERT_EQ(rated["ok"], true) << rated.dump();
  EXPECT_EQ(json::parse(rated["command"]["body"].get<std::string>()),
            json::parse(R"({"type":"preview-rated","subject":"trail-runner-2","value":5})"));
  json runner = hub(core)["previews"][0];
  EXPECT_EQ(runner["rating"], 5);
  EXPECT_EQ(runner["sending"], true);
  // Another value now could overtake the first on the network: it waits.
  EXPECT_EQ(event(core, "preview:trail-runner-2", "rate", 2, "n0nce-0002")["reason"], "busy");
  EXPECT_EQ(event(core, "preview:trail-runner-2", "rate", 5, "n0nce-0002"), rated);
  answer(core, "preview:trail-runner-2", 201, "{}");
  const json again = event(core, "preview:trail-runner-2", "rate", 2, "n0nce-0003");
  ASSERT_EQ(again["ok"], true);
  EXPECT_EQ(again["command"]["idempotencyKey"], "event-n0nce-0003");
  EXPECT_EQ(hub(core)["previews"][0]["rating"], 2);
}

TEST(TierHub, ARefusedRatingFallsBackToTheBackendsAndSaysWhy) {
  Core core = momentsCore();
  hub(core);
  ASSERT_EQ(event(core, "preview:camp-mug", "rate", 1, "n0nce-0001")["ok"], true);
  EXPECT_EQ(hub(core)["previews"][1]["rating"], 1);
  answer(core, "preview:camp-mug", 422, problem("unknown-preview", 422, "You have no preview \"camp-mug\" to rate."));
  const json mug = hub(core)["previews"][1];
  EXPECT_EQ(mug["rating"], 4);
  EXPECT_EQ(mug["failure"]["detail"], "You have no preview \"camp-mug\" to rate.");
}

TEST(TierHub, RatingsOutsideOneToFiveAndUnknownPreviewsAreRefused) {
  Core core = momentsCore();
  hub(core);
  for (int value : {0, 6, -1})
    EXPECT_EQ(event(core, "preview:camp-mug", "rate", value, "n0nce-0001")["reason"], "invalid") << value;
  EXPECT_EQ(event(core, "preview:not-shown", "rate", 3, "n0nce-0001")["reason"], "unknown-moment");
}

TEST(TierHub, AnUnansweredRatingSurvivesAReloadWithItsValue) {
  Core before = momentsCore();
  hub(before);
  const json rated = event(before, "preview:trail-runner-2", "rate", 3, "n0nce-0001");
  const std::string snapshot = before.intentSnapshot("event", "preview:trail-runner-2");
  ASSERT_FALSE(snapshot.empty());

  Core after = momentsCore();
  const json resumed = json::parse(after.resumeJson(snapshot));
  ASSERT_EQ(resumed["ok"], true) << resumed.dump();
  EXPECT_EQ(resumed["command"], rated["command"]);  // same key, same body, same stars
  EXPECT_EQ(hub(after)["previews"][0]["rating"], 3);
  EXPECT_EQ(hub(after)["previews"][0]["sending"], true);
}

}  // namespace
}  // namespace kindred
