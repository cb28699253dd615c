// One libFuzzer target for every way bytes from outside reach the core: each
// input is ingested as each resource ("program", "member", "rewards",
// "activity", "activity-next", "games", "moments") into a copy of a loaded
// core, whose views are rendered when it is taken; it is also the catalog
// query, the local date, a play's and a redemption's answer (the receipt and
// problem parsers) and an outbox snapshot to resume. Every input takes every path, so the seeds
// (JSONTestSuite, naughty strings) need no routing byte. Besides crashes and
// sanitizer reports, every JSON answer that is not valid JSON stops the run.
//
// Built with -fsanitize=fuzzer in the fuzz preset (scripts/fuzz.sh); in the
// sanitize and wasm-tests presets it joins the core's GoogleTest suite and
// runs once on each seed (fuzz_seeds_test.cpp).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "kindred/core.hpp"
#include "kindred/fairness.hpp"
#include "sample_payloads.hpp"

namespace {

using nlohmann::json;
using kindred::Core;

constexpr const char* kToday = "2026-11-23";
constexpr const char* kGameIds[] = {"spin-wheel", "memory-match", "scratch-card", "daily-quiz", "daily-check-in"};

std::string gamesJson() {
  const std::vector<kindred::Prize> prizes = {
      {"p5", "5 points", 5, 40}, {"p50", "50 points", 50, 30}, {"ship", "Free shipping", 0, 20}, {"p500", "500 points", 500, 10}};
  json table = json::array();
  for (const auto& p : prizes) table.push_back({{"id", p.id}, {"label", p.label}, {"points", p.points}, {"weight", p.weight}});
  const auto chance = [&](const char* id, const char* kind, int cost) {
    json game = {{"id", id}, {"kind", kind}, {"title", id}, {"cost", cost}, {"playsLeft", 3}, {"playsPerDay", 3},
                 {"prizes", table}, {"prizeTableHash", kindred::prizeTableHash(prizes)},
                 {"commitment", kindred::commitmentFor("5e2d0c1b8a7f6e5d4c3b2a190817263544536271809fa0b1c2d3e4f5a6b7c8d9")},
                 {"nonce", 4}};
    if (std::string_view(kind) == "memory") game["pairs"] = 6;
    return game;
  };
  const json quiz = {{"id", "daily-quiz"}, {"kind", "quiz"}, {"title", "Quiz"}, {"cost", 0}, {"playsLeft", 1},
                     {"playsPerDay", 1}, {"pointsPerCorrect", 10},
                     {"questions", json::array({{{"id", "q1"}, {"text", "Which bean?"},
                                                 {"options", {"Arabica", "Robusta"}}, {"timeLimitSeconds", 20}}})}};
  const json checkIn = {{"id", "daily-check-in"}, {"kind", "checkin"}, {"title", "Check in"}, {"cost", 0},
                        {"playsLeft", 1}, {"playsPerDay", 1}, {"today", kToday}, {"timeZone", "Europe/London"},
                        {"checkIns", {"2026-11-21", "2026-11-22"}}, {"pointsPerCheckIn", 5},
                        {"streakRewards", json::array({{{"day", 3}, {"points", 20}, {"label", "3-day streak"}}})}};
  return json{{"games", {chance("spin-wheel", "wheel", 0), chance("memory-match", "memory", 0),
                         chance("scratch-card", "scratch", 20), quiz, checkIn}}}
      .dump();
}

// Program, member, rewards, a first activity page with a cursor and the games.
const Core& loadedCore() {
  static const Core core = [] {
    Core c = kindred::testing::loadedCore();
    c.ingest("activity", R"({"items":[{"id":"15","kind":"earn","points":420,"description":"Order #1",)"
                         R"("createdAt":"2026-11-01T12:00:00Z","rewardId":null}],"nextCursor":"c2"})");
    c.ingest("games", gamesJson());
    return c;
  }();
  return core;
}

// What the core answers is parsed by the shim as is: it must be JSON.
const std::string& json_(const std::string& answer) {
  if (!json::accept(answer)) {
    std::fprintf(stderr, "ingest_fuzz: the core answered invalid JSON: %s\n", answer.c_str());
    std::abort();
  }
  return answer;
}

void renderViews(const Core& core) {
  json_(core.progressViewJson(kToday));
  json_(core.catalogViewJson("{}", kToday));
  json_(core.activityViewJson());
  json_(core.gamesViewJson());
  json_(core.momentsViewJson(kToday));
  for (const char* id : kGameIds) json_(core.playViewJson(id));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const Core& loaded = loadedCore();

  for (const char* resource : {"program", "member", "rewards", "activity", "activity-next", "games", "moments"}) {
    Core core = loaded;
    // A rejected payload changes nothing, so only a taken one has new views to render.
    if (json_(core.ingestJson(resource, input)).rfind(R"({"ok":true)", 0) != 0) continue;
    renderViews(core);
    json_(core.catalogViewJson(R"({"sort":"for-you","limit":100})", kToday));
    json_(core.redeemJson("r_socks", "n1", kToday));
  }

  json_(loaded.catalogViewJson(input, kToday));         // the query document
  json_(loaded.progressViewJson(input.substr(0, 16)));  // the host's local date
  json_(loaded.catalogViewJson("{}", input.substr(0, 16)));

  // Answers to requests under way: receipts on 200, problem documents otherwise.
  for (const int status : {200, 409}) {
    Core answered = loaded;
    answered.redeemJson("r_socks", "n1", kToday);
    json_(answered.redemptionAnswerJson("r_socks", status, input));
    for (const char* id : kGameIds) {
      answered.playJson(id, "0123456789abcdef0123456789abcdef", "n2");
      json_(answered.playAnswerJson(id, status, input));
    }
    json_(answered.progressViewJson(kToday));
  }

  // An outbox snapshot from storage the host does not control.
  Core resumed = loaded;
  json_(resumed.resumeJson(input));
  return 0;
}
