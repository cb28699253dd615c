// The games inside the core: GET /v1/games in, a play's request out, the
// backend's answer checked for fairness, and the views the widget draws.
// The "backend" here answers honestly with the core's own fairness code,
// or dishonestly by hand, to see both verdicts.
#include "kindred/core.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>

#include <nlohmann/json.hpp>

#include "kindred/fairness.hpp"
#include "sample_payloads.hpp"

namespace kindred {
namespace {

using nlohmann::json;
using testing::loadedCore;

const std::string kServerSeed = "5e2d0c1b8a7f6e5d4c3b2a190817263544536271809fa0b1c2d3e4f5a6b7c8d9";
const std::string kNextSeed = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
const std::string kClientSeed = "0123456789abcdef0123456789abcdef";

std::vector<Prize> wheelPrizes() {
  return {{"p5", "5 points", 5, 40}, {"p50", "50 points", 50, 30}, {"ship", "Free shipping", 0, 20}, {"p500", "500 points", 500, 10}};
}

json prizesJson(const std::vector<Prize>& prizes) {
  json out = json::array();
  for (const Prize& p : prizes) out.push_back({{"id", p.id}, {"label", p.label}, {"points", p.points}, {"weight", p.weight}});
  return out;
}

json chanceGame(const char* id, const char* kind, std::int64_t cost = 0, std::int64_t playsLeft = 3) {
  json game = {{"id", id}, {"kind", kind}, {"title", "Spin the wheel"}, {"cost", cost}, {"playsLeft", playsLeft},
               {"playsPerDay", 3}, {"prizes", prizesJson(wheelPrizes())}, {"prizeTableHash", prizeTableHash(wheelPrizes())},
               {"commitment", commitmentFor(kServerSeed)}, {"nonce", 4}};
  if (std::string(kind) == "memory") game["pairs"] = 6;
  return game;
}

json quizGame() {
  return {{"id", "daily-quiz"}, {"kind", "quiz"}, {"title", "Quiz"}, {"cost", 0}, {"playsLeft", 1}, {"playsPerDay", 1},
          {"pointsPerCorrect", 10},
          {"questions", json::array({{{"id", "q1"}, {"text", "Which bean?"}, {"options", {"Arabica", "Robusta", "Pinto"}}, {"timeLimitSeconds", 20}},
                                     {{"id", "q2"}, {"text", "Merino is?"}, {"options", {"Wool", "Cotton"}}, {"timeLimitSeconds", 20}}})}};
}

json checkInGame(json checkIns) {
  return {{"id", "daily-check-in"}, {"kind", "checkin"}, {"title", "Check in"}, {"cost", 0}, {"playsLeft", 1},
          {"playsPerDay", 1}, {"today", "2026-11-23"}, {"timeZone", "Europe/London"}, {"checkIns", std::move(checkIns)},
          {"pointsPerCheckIn", 5}, {"streakRewards", json::array({{{"day", 3}, {"points", 20}, {"label", "3-day streak"}}})}};
}

std::string gamesJson() {
  return json{{"games", json::array({chanceGame("spin-wheel", "wheel"), chanceGame("memory-match", "memory"),
                                     chanceGame("scratch-card", "scratch", 20), quizGame(),
                                     checkInGame(json::array({"2026-11-21", "2026-11-22"}))})}}
      .dump();
}

Core coreWithGames() {
  Core core = loadedCore();
  EXPECT_FALSE(core.ingest("games", gamesJson()));
  return core;
}

json memberWithPoints(std::int64_t points) {
  json member = json::parse(testing::kMemberJson);
  member["points"] = points;
  return member;
}

// What an honest backend answers to a chance play with our client seed.
json honestPlay(const json& command, std::uint64_t nonce = 4, std::int64_t balance = 1000) {
  const json body = json::parse(command["body"].get<std::string>());
  const std::string clientSeed = body["clientSeed"];
  const std::vector<Prize> prizes = wheelPrizes();
  const int index = drawPrizeIndex(outcomeDigest(kServerSeed, clientSeed, nonce), prizes);
  const Prize& prize = prizes[static_cast<std::size_t>(index)];
  return {{"play", {{"id", "ply_1"}, {"gameId", "spin-wheel"}, {"kind", "wheel"}, {"pointsSpent", 0},
                    {"pointsWon", prize.points}, {"playsLeft", 2}, {"createdAt", "2026-11-23T10:00:00Z"},
                    {"prizeIndex", index}, {"prize", {{"id", prize.id}, {"label", prize.label}, {"points", prize.points}, {"weight", prize.weight}}},
                    {"proof", {{"serverSeed", kServerSeed}, {"clientSeed", clientSeed}, {"nonce", nonce},
                               {"commitment", commitmentFor(kServerSeed)}, {"prizeTableHash", prizeTableHash(wheelPrizes())}}},
                    {"nextCommitment", commitmentFor(kNextSeed)}}},
          {"member", memberWithPoints(balance)}};
}

json play(Core& core, const char* gameId, const char* nonce, const std::string& clientSeed = kClientSeed) {
  return json::parse(core.playJson(gameId, clientSeed, nonce));
}

json gameView(const Core& core, const std::string& id) {
  const json view = json::parse(core.gamesViewJson());
  for (const json& game : view["games"]) {
    if (game["id"] == id) return game;
  }
  return nullptr;
}

std::string problem(const char* slug, int status) {
  return json{{"type", std::string("urn:kindred:problem:") + slug}, {"title", slug}, {"status", status}, {"detail", "Nope."}}.dump();
}

TEST(CoreGames, TheListShowsCostPlaysLeftAndPrizesBeforePlaying) {
  const Core core = coreWithGames();
  const json view = json::parse(core.gamesViewJson());
  EXPECT_EQ(view["status"], "ready");
  ASSERT_EQ(view["games"].size(), 5u);
  const json wheel = gameView(core, "spin-wheel");
  EXPECT_EQ(wheel["kind"], "wheel");
  EXPECT_EQ(wheel["playsLeft"], 3);
  EXPECT_EQ(wheel["canPlay"], true);
  EXPECT_EQ(wheel["prizes"][3]["label"], "500 points");
  EXPECT_EQ(gameView(core, "scratch-card")["cost"], 20);
  EXPECT_EQ(gameView(core, "daily-quiz")["questionCount"], 2);
}

TEST(CoreGames, AMalformedListIsRejectedAndTheLastGoodOneStays) {
  Core core = coreWithGames();
  json bad = json::parse(gamesJson());
  bad["games"][0]["prizes"][0]["weight"] = -1;
  const auto error = core.ingest("games", bad.dump());
  ASSERT_TRUE(error);
  EXPECT_EQ(error->path, "games.games[0].prizes[0].weight");
  json unknownKind = json::parse(gamesJson());
  unknownKind["games"][1]["kind"] = "slots";
  EXPECT_TRUE(core.ingest("games", unknownKind.dump()));
  json noWeight = json::parse(gamesJson());
  for (auto& prize : noWeight["games"][0]["prizes"]) prize["weight"] = 0;
  EXPECT_TRUE(core.ingest("games", noWeight.dump()));
  const json view = json::parse(core.gamesViewJson());
  EXPECT_EQ(view["games"].size(), 5u);
  EXPECT_EQ(view["error"]["path"], "games.games[0].prizes");
}

TEST(CoreGames, APlaySendsTheClientSeedAndTheCommitmentItSaw) {
  Core core = coreWithGames();
  const json answer = play(core, "spin-wheel", "nonce-0001");
  ASSERT_EQ(answer["ok"], true) << answer;
  const json& command = answer["command"];
  EXPECT_EQ(command["method"], "POST");
  EXPECT_EQ(command["path"], "/v1/games/spin-wheel/plays");
  EXPECT_EQ(command["idempotencyKey"], "play-nonce-0001");
  EXPECT_EQ(json::parse(command["body"].get<std::string>()),
            (json{{"clientSeed", kClientSeed}, {"commitment", commitmentFor(kServerSeed)}}));
}

TEST(CoreGames, AClientSeedThatIsNotLowerCaseHexIsRefused) {
  Core core = coreWithGames();
  EXPECT_EQ(play(core, "spin-wheel", "nonce-0001", "short")["reason"], "invalid");
  EXPECT_EQ(play(core, "spin-wheel", "nonce-0001", std::string(32, 'G'))["reason"], "invalid");
  EXPECT_EQ(play(core, "no-such-game", "nonce-0001")["reason"], "unknown-game");
}

TEST(CoreGames, AnHonestPlayIsVerifiedAndUpdatesBalanceAndCommitment) {
  Core core = coreWithGames();
  const json command = play(core, "spin-wheel", "nonce-0001")["command"];
  const json honest = honestPlay(command, 4, 1234);
  const json view = json::parse(core.playAnswerJson("spin-wheel", 201, honest.dump()));
  EXPECT_EQ(view["state"], "succeeded");
  EXPECT_EQ(view["fairness"], "verified");
  EXPECT_EQ(view["prizeIndex"], honest["play"]["prizeIndex"]);
  EXPECT_EQ(view["proof"]["drawnIndex"], honest["play"]["prizeIndex"]);
  EXPECT_EQ(view["balance"], 1234);
  EXPECT_GE(view["landingFraction"].get<double>(), 0.0);
  EXPECT_LE(view["landingFraction"].get<double>(), 1.0);
  EXPECT_EQ(core.member()->points, 1234);
  EXPECT_EQ(gameView(core, "spin-wheel")["playsLeft"], 2);
  EXPECT_EQ(gameView(core, "spin-wheel")["commitment"], commitmentFor(kNextSeed));
  // The next play commits to the next seed.
  const json next = play(core, "spin-wheel", "nonce-0002")["command"];
  EXPECT_EQ(json::parse(next["body"].get<std::string>())["commitment"], commitmentFor(kNextSeed));
  EXPECT_EQ(next["idempotencyKey"], "play-nonce-0002");
}

TEST(CoreGames, AChangedPrizeIsFlaggedButTheServersAnswerIsStillShown) {
  Core core = coreWithGames();
  const json command = play(core, "spin-wheel", "nonce-0001")["command"];
  json tampered = honestPlay(command);
  const int honestIndex = tampered["play"]["prizeIndex"];
  const int otherIndex = (honestIndex + 1) % 4;
  const Prize other = wheelPrizes()[static_cast<std::size_t>(otherIndex)];
  tampered["play"]["prizeIndex"] = otherIndex;
  tampered["play"]["prize"] = {{"id", other.id}, {"label", other.label}, {"points", other.points}, {"weight", other.weight}};
  tampered["play"]["pointsWon"] = other.points;
  const json view = json::parse(core.playAnswerJson("spin-wheel", 201, tampered.dump()));
  EXPECT_EQ(view["state"], "succeeded");
  EXPECT_EQ(view["fairness"], "prize-does-not-match-draw");
  EXPECT_EQ(view["prizeIndex"], otherIndex);  // the animation lands where the server said
  EXPECT_EQ(view["proof"]["drawnIndex"], honestIndex);
}

TEST(CoreGames, EveryOtherKindOfTamperingIsFlagged) {
  const auto verdict = [](const std::function<void(json&)>& tamper) {
    Core core = coreWithGames();
    const json command = play(core, "spin-wheel", "nonce-0001")["command"];
    json answer = honestPlay(command);
    tamper(answer);
    return json::parse(core.playAnswerJson("spin-wheel", 201, answer.dump()))["fairness"].get<std::string>();
  };
  EXPECT_EQ(verdict([](json& a) { a["play"]["proof"]["serverSeed"] = kNextSeed; }), "seed-does-not-match-commitment");
  EXPECT_EQ(verdict([](json& a) { a["play"]["proof"]["clientSeed"] = std::string(32, 'a'); }), "client-seed-changed");
  EXPECT_EQ(verdict([](json& a) { a["play"]["proof"]["nonce"] = 5; }), "nonce-changed");
  EXPECT_EQ(verdict([](json& a) { a["play"]["proof"]["prizeTableHash"] = std::string(64, '0'); }), "prize-table-changed");
  // The right prize, but fewer points credited than it says.
  EXPECT_EQ(verdict([](json& a) { a["play"]["pointsWon"] = a["play"]["pointsWon"].get<int>() + 1; }), "prize-does-not-match-draw");
  EXPECT_EQ(verdict([](json& a) { a["play"]["prize"]["label"] = "1,000,000 points"; }), "prize-does-not-match-draw");
}

TEST(CoreGames, AnUnansweredPlayIsRetriedWithTheSameKeyAndBody) {
  Core core = coreWithGames();
  const json first = play(core, "spin-wheel", "nonce-0001")["command"];
  EXPECT_EQ(json::parse(core.playAnswerJson("spin-wheel", 0, ""))["reason"], "network");
  // A new tap with a new nonce and seed still repeats the unfinished play.
  const json again = play(core, "spin-wheel", "nonce-0002", std::string(32, 'e'))["command"];
  EXPECT_EQ(again, first);
  EXPECT_EQ(json::parse(core.playAnswerJson("spin-wheel", 503, problem("busy", 503)))["reason"], "network");
  EXPECT_EQ(play(core, "spin-wheel", "nonce-0003")["command"], first);
  EXPECT_EQ(json::parse(core.playAnswerJson("spin-wheel", 201, honestPlay(first).dump()))["fairness"], "verified");
}

TEST(CoreGames, AnAnswerTheOutboxGetsAfterANetworkFailureIsStillVerified) {
  Core core = coreWithGames();
  const json command = play(core, "spin-wheel", "nonce-0001")["command"];
  EXPECT_EQ(json::parse(core.playAnswerJson("spin-wheel", 0, ""))["reason"], "network");
  // No new tap: the outbox's background send brings the answer.
  const json view = json::parse(core.playAnswerJson("spin-wheel", 201, honestPlay(command, 4, 1234).dump()));
  EXPECT_EQ(view["state"], "succeeded");
  EXPECT_EQ(view["fairness"], "verified");
  EXPECT_EQ(core.member()->points, 1234);
}

TEST(CoreGames, AnUnreadableSuccessStaysPendingSoTheStoredAnswerIsFetched) {
  Core core = coreWithGames();
  const json first = play(core, "spin-wheel", "nonce-0001")["command"];
  EXPECT_EQ(json::parse(core.playAnswerJson("spin-wheel", 201, "{\"play\":"))["state"], "pending");
  EXPECT_TRUE(core.currentError());
  EXPECT_EQ(play(core, "spin-wheel", "nonce-0002")["command"], first);
}

TEST(CoreGames, RefusalsEndThePlayWithAReason) {
  Core core = coreWithGames();
  const json first = play(core, "spin-wheel", "nonce-0001")["command"];
  const json view = json::parse(core.playAnswerJson("spin-wheel", 409, problem("no-plays-left", 409)));
  EXPECT_EQ(view["state"], "failed");
  EXPECT_EQ(view["reason"], "no-plays-left");
  EXPECT_EQ(view["detail"], "Nope.");
  // Ended: the next tap is a new play with a new key.
  EXPECT_EQ(play(core, "spin-wheel", "nonce-0002")["command"]["idempotencyKey"], "play-nonce-0002");
  EXPECT_EQ(json::parse(core.playAnswerJson("spin-wheel", 409, problem("commitment-stale", 409)))["reason"], "commitment-stale");
}

TEST(CoreGames, PlaysThatCannotStartAreRefusedBeforeAnyRequest) {
  Core core = loadedCore();
  json games = json::parse(gamesJson());
  games["games"][0]["playsLeft"] = 0;
  games["games"][2]["cost"] = 1000000;
  ASSERT_FALSE(core.ingest("games", games.dump()));
  EXPECT_EQ(play(core, "spin-wheel", "nonce-0001")["reason"], "no-plays-left");
  EXPECT_EQ(play(core, "scratch-card", "nonce-0001")["reason"], "points-short");
  EXPECT_EQ(gameView(core, "scratch-card")["blockedReason"], "points-short");
  EXPECT_EQ(play(core, "daily-quiz", "nonce-0001")["reason"], "quiz-unfinished");
}

TEST(CoreGames, MemoryDealsTheDeckFromThePlaysDigest) {
  Core core = coreWithGames();
  const json command = play(core, "memory-match", "nonce-0001")["command"];
  json answer = honestPlay(command);
  answer["play"]["gameId"] = "memory-match";
  const json view = json::parse(core.playAnswerJson("memory-match", 201, answer.dump()));
  ASSERT_EQ(view["deck"].size(), 12u);
  std::map<int, int> counts;
  for (int value : view["deck"]) ++counts[value];
  for (const auto& [value, count] : counts) EXPECT_EQ(count, 2) << value;
  // The same play deals the same deck.
  Core again = coreWithGames();
  play(again, "memory-match", "nonce-0009");
  EXPECT_EQ(json::parse(again.playAnswerJson("memory-match", 201, answer.dump()))["deck"], view["deck"]);

  // The game is played on that deck; face-down cards do not show their value.
  ASSERT_TRUE(core.arcade().memoryDeal("memory-match"));
  const std::vector<int> deck = view["deck"];
  EXPECT_EQ(json::parse(core.arcade().memoryViewJson())["cards"][0]["value"], nullptr);
  double now = 0;
  int result = 0;
  for (int value = 0; value < 6; ++value) {
    const auto first = std::find(deck.begin(), deck.end(), value) - deck.begin();
    const auto second = std::find(deck.begin() + first + 1, deck.end(), value) - deck.begin();
    EXPECT_EQ(core.arcade().memoryFlip(static_cast<int>(first), now += 100), 1);
    result = core.arcade().memoryFlip(static_cast<int>(second), now += 100);
  }
  EXPECT_EQ(result, 4);  // won
  const json memory = json::parse(core.arcade().memoryViewJson());
  EXPECT_EQ(memory["won"], true);
  EXPECT_EQ(memory["moves"], 6);
  EXPECT_EQ(memory["cards"][0]["value"], deck[0]);
}

TEST(CoreGames, AQuizIsAnsweredThenSentThenJudgedByTheBackend) {
  Core core = coreWithGames();
  ASSERT_TRUE(core.arcade().quizStart("daily-quiz", 0));
  json quiz = json::parse(core.arcade().quizViewJson(1000));
  EXPECT_EQ(quiz["state"], "running");
  EXPECT_EQ(quiz["question"]["text"], "Which bean?");
  EXPECT_EQ(quiz["timeRemainingMs"], 19000);
  EXPECT_TRUE(core.arcade().quizAnswer(0, 2000));
  core.arcade().quizTick(2000 + 20000);  // the second question times out
  quiz = json::parse(core.arcade().quizViewJson(23000));
  EXPECT_EQ(quiz["state"], "finished");
  EXPECT_EQ(quiz["answers"], json::array({0, -1}));

  const json command = play(core, "daily-quiz", "nonce-0001")["command"];
  EXPECT_EQ(json::parse(command["body"].get<std::string>()), (json{{"answers", {0, -1}}}));
  const json result = {{"play", {{"id", "ply_q"}, {"gameId", "daily-quiz"}, {"kind", "quiz"}, {"pointsSpent", 0},
                                 {"pointsWon", 10}, {"playsLeft", 0}, {"createdAt", "2026-11-23T10:00:00Z"},
                                 {"score", 1}, {"correctOptions", {0, 0}}}},
                       {"member", memberWithPoints(1010)}};
  const json view = json::parse(core.playAnswerJson("daily-quiz", 201, result.dump()));
  EXPECT_EQ(view["score"], 1);
  quiz = json::parse(core.arcade().quizViewJson(24000));
  EXPECT_EQ(quiz["state"], "judged");
  EXPECT_EQ(quiz["correctOptions"], json::array({0, 0}));
  EXPECT_EQ(gameView(core, "daily-quiz")["canPlay"], false);
}

TEST(CoreGames, ACheckInShowsTheStreakAndEndsTheDay) {
  Core core = coreWithGames();
  const json before = gameView(core, "daily-check-in");
  EXPECT_EQ(before["canPlay"], true);
  EXPECT_EQ(before["checkIn"]["currentStreak"], 2);
  EXPECT_EQ(before["checkIn"]["nextReward"]["points"], 20);
  EXPECT_EQ(before["checkIn"]["nextReward"]["checkInsToGo"], 1);
  ASSERT_EQ(before["checkIn"]["strip"].size(), 7u);

  const json command = play(core, "daily-check-in", "nonce-0001")["command"];
  EXPECT_EQ(command["body"], "{}");
  const json result = {{"play", {{"id", "ply_c"}, {"gameId", "daily-check-in"}, {"kind", "checkin"}, {"pointsSpent", 0},
                                 {"pointsWon", 25}, {"playsLeft", 0}, {"createdAt", "2026-11-23T10:00:00Z"},
                                 {"date", "2026-11-23"}, {"streak", 3}}},
                       {"member", memberWithPoints(1025)}};
  const json view = json::parse(core.playAnswerJson("daily-check-in", 201, result.dump()));
  EXPECT_EQ(view["streak"], 3);
  const json after = gameView(core, "daily-check-in");
  EXPECT_EQ(after["canPlay"], false);
  EXPECT_EQ(after["blockedReason"], "already-checked-in");
  EXPECT_EQ(after["checkIn"]["currentStreak"], 3);
}

}  // namespace
}  // namespace kindred

// The outbox: an unfinished intent survives a reload as a snapshot and is
// resumed with the same key and body; its answer is still checked.
namespace kindred {
namespace {

TEST(CoreOutbox, AnUnansweredPlayResumesInANewSessionAndIsStillVerified) {
  Core first = coreWithGames();
  const json command = play(first, "spin-wheel", "nonce-0001")["command"];
  first.playAnswerJson("spin-wheel", 0, "");
  const std::string snapshot = first.intentSnapshot("play", "spin-wheel");
  ASSERT_FALSE(snapshot.empty());

  // After the reload the games list already shows the next commitment (the
  // play had reached the backend): the snapshot keeps what it was played on.
  Core second = loadedCore();
  json rotated = json::parse(gamesJson());
  rotated["games"][0]["commitment"] = commitmentFor(kNextSeed);
  rotated["games"][0]["nonce"] = 5;
  ASSERT_FALSE(second.ingest("games", rotated.dump()));
  const json resumed = json::parse(second.resumeJson(snapshot));
  ASSERT_EQ(resumed["ok"], true) << resumed;
  EXPECT_EQ(resumed["command"], command);
  const json view = json::parse(second.playAnswerJson("spin-wheel", 201, honestPlay(command).dump()));
  EXPECT_EQ(view["state"], "succeeded");
  EXPECT_EQ(view["fairness"], "verified");
  // Answered: nothing left to keep, and the same snapshot is not sent again.
  EXPECT_EQ(second.intentSnapshot("play", "spin-wheel"), "");
  EXPECT_EQ(json::parse(second.resumeJson(snapshot))["reason"], "done");
}

TEST(CoreOutbox, AnUnansweredRedemptionResumesWithTheSameKey) {
  Core first = loadedCore();
  const json command = json::parse(first.redeemJson("r_socks", "nonce-0001", "2026-11-23"))["command"];
  first.redemptionAnswerJson("r_socks", 503, "");
  const std::string snapshot = first.intentSnapshot("redemption", "r_socks");
  ASSERT_FALSE(snapshot.empty());
  EXPECT_EQ(first.intentSnapshot("redemption", "r_thermos"), "");

  Core second = loadedCore();
  const json resumed = json::parse(second.resumeJson(snapshot));
  EXPECT_EQ(resumed["command"], command);
  EXPECT_EQ(json::parse(second.redemptionViewJson("r_socks"))["state"], "pending");
}

TEST(CoreOutbox, FinishedIntentsLeaveNoSnapshotAndBadSnapshotsAreRefused) {
  Core core = coreWithGames();
  const json command = play(core, "spin-wheel", "nonce-0001")["command"];
  EXPECT_FALSE(core.intentSnapshot("play", "spin-wheel").empty());  // pending: kept until answered
  core.playAnswerJson("spin-wheel", 409, problem("no-plays-left", 409));
  EXPECT_EQ(core.intentSnapshot("play", "spin-wheel"), "");
  EXPECT_EQ(core.intentSnapshot("play", "no-such-game"), "");
  EXPECT_EQ(core.intentSnapshot("nonsense", "spin-wheel"), "");
  for (const char* bad : {"", "{", "{\"v\":2,\"kind\":\"redemption\",\"subject\":\"r\",\"key\":\"k\"}",
                          "{\"v\":1,\"kind\":\"refund\"}", "{\"v\":1,\"kind\":\"play\",\"subject\":\"g\",\"key\":\"k\",\"body\":\"{}\",\"gameKind\":\"slots\"}"}) {
    EXPECT_EQ(json::parse(core.resumeJson(bad))["reason"], "invalid") << bad;
  }
}

}  // namespace
}  // namespace kindred
