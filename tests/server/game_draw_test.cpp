// The draw the backend makes is exactly the core's kindred::drawPrizeIndex
// over kindred::outcomeDigest, which the widget verifies with, and it also
// checks out against an independent recomputation (OpenSSL's HMAC and the
// draw written again from the contract's words). First on the bare
// functions with thousands of client seeds and tables that exercise the
// rejection of biased words; then on thousands of real plays through the
// backend, each verified from what it revealed.

#include <gtest/gtest.h>
#include <openssl/rand.h>

#include <string>
#include <vector>

#include "api_checks.hpp"
#include "game_catalog.hpp"
#include "game_listing.hpp"
#include "independent_fairness.hpp"
#include "play_request.hpp"
#include "random_codes.hpp"
#include "scratch_database.hpp"
#include "stored_program.hpp"

namespace {

using api_checks::parsed;
using scratch::noonAfter;
using scratch::queryInt;

// Lower-case hex of `bytes` random bytes: a client seed as the widget makes one.
std::string randomHex(std::size_t bytes) {
  std::vector<unsigned char> raw(bytes);
  RAND_bytes(raw.data(), static_cast<int>(bytes));
  return independent::hex(raw.data(), bytes);
}

std::vector<kindred::Prize> table(const std::vector<std::uint32_t>& weights) {
  std::vector<kindred::Prize> prizes;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    prizes.push_back({"p" + std::to_string(i), "Prize " + std::to_string(i),
                      static_cast<std::int64_t>(i * 10), weights[i]});
  }
  return prizes;
}

TEST(GameDrawTest, TheCoresDrawMatchesAnIndependentRecomputation) {
  const std::vector<std::vector<kindred::Prize>> tables = {
      table({30, 24, 14, 8, 7, 3, 1, 13}),  // the demo wheel's weights
      table({1}), table({0, 5, 0, 3, 0}),
      // A total just over 2^32 / 3: a third of all words are above the
      // largest multiple of it, so the draw often moves on to later words.
      table({1431655765, 1}), table({1u << 30, 1u << 30}),  // the largest total, 2^31
  };
  int laterWordUsed = 0;
  for (int round = 0; round < 10000; ++round) {
    const std::string serverSeed = newServerSeed();
    const std::string clientSeed = randomHex(16 + static_cast<std::size_t>(round % 49));
    const std::uint64_t nonce = static_cast<std::uint64_t>(round) * 7919u;
    const kindred::Sha256Digest core = kindred::outcomeDigest(serverSeed, clientSeed, nonce);
    const independent::Digest openssl = independent::outcome(serverSeed, clientSeed, nonce);
    ASSERT_TRUE(std::equal(core.begin(), core.end(), openssl.begin())) << clientSeed;
    for (std::size_t t = 0; t < tables.size(); ++t) {
      const int drawn = kindred::drawPrizeIndex(core, tables[t]);
      ASSERT_GE(drawn, 0);
      ASSERT_EQ(drawn, independent::draw(openssl, independent::weightsOf(tables[t])))
          << "table " << t << ", client seed " << clientSeed;
      ASSERT_GT(tables[t][static_cast<std::size_t>(drawn)].weight, 0u);
    }
    const std::uint64_t firstWord = std::uint64_t{openssl[0]} << 24 |
                                    std::uint64_t{openssl[1]} << 16 |
                                    std::uint64_t{openssl[2]} << 8 | openssl[3];
    if (firstWord >= 2ull * 1431655766ull) ++laterWordUsed;
  }
  // The rejection branch really ran (a third of 10000, give or take).
  EXPECT_GT(laterWordUsed, 2900);
  EXPECT_LT(laterWordUsed, 3800);
}

TEST(GameDrawTest, WhenAllEightWordsAreRejectedTheLastIsUsed) {
  kindred::Sha256Digest all{};
  all.fill(0xff);
  independent::Digest same{};
  same.fill(0xff);
  // floor(2^32 / 3) * 3 = 2^32 - 1: 0xffffffff is never below it.
  const auto prizes = table({1, 1, 1});
  EXPECT_EQ(kindred::drawPrizeIndex(all, prizes), 0);  // 0xffffffff % 3 == 0
  EXPECT_EQ(independent::draw(same, {1, 1, 1}), 0);
  const auto seven = table({1, 2, 4});  // 0xffffffff % 7 == 3: the third prize
  EXPECT_EQ(kindred::drawPrizeIndex(all, seven), 2);
  EXPECT_EQ(independent::draw(same, {1, 2, 4}), 2);
}

TEST(GameDrawTest, TheTableHashMatchesAnIndependentRecomputation) {
  std::vector<kindred::Prize> hostile = {
      {"a", "50 points", 50, 1},
      {"b:2", "3:abc;", 0, 7},  // separators inside the fields change nothing
      {"ü", "<script>alert(1)</script> 💥", 9007199254740991, 2147483648u},
      {"d", "", 0, 0},
  };
  EXPECT_EQ(kindred::prizeTableHash(hostile), independent::tableHash(hostile));
  EXPECT_EQ(kindred::prizeTableHash(table({30, 24, 14, 8, 7, 3, 1, 13})),
            independent::tableHash(table({30, 24, 14, 8, 7, 3, 1, 13})));
}

class BackendDrawTest : public scratch::ScratchDatabaseTest {};

constexpr int kPlays = 2000;

TEST_F(BackendDrawTest, ThousandsOfPlaysThroughTheBackendEachVerifyFromWhatTheyReveal) {
  Database db = openSeeded();
  const StoredProgram program = loadStoredProgram(db);
  GameRecord audit = *loadGame(db, "spin-wheel");
  audit.id = "audit-wheel";
  audit.position = nextGamePosition(db);
  audit.playsPerDay = kPlays;
  insertGame(db, audit);

  const std::int64_t now = noonAfter(0);
  std::string commitment;
  const nlohmann::ordered_json listed = gamesJson(db, "m_alan", now);
  for (const auto& game : listed["games"]) {
    if (game["id"] == "audit-wheel") commitment = game["commitment"].get<std::string>();
  }
  ASSERT_EQ(commitment.size(), 64u);
  const std::int64_t pointsBefore = queryInt(db, "SELECT points FROM members WHERE id = 'm_alan'");
  const std::int64_t lastLedgerId = queryInt(db, "SELECT MAX(id) FROM ledger");
  const std::string tableHash = independent::tableHash(audit.prizes);

  std::vector<int> wins(audit.prizes.size(), 0);
  std::int64_t won = 0;
  for (int i = 0; i < kPlays; ++i) {
    const std::string clientSeed = randomHex(16 + static_cast<std::size_t>(i % 49));
    const ApiResponse response = handlePlayRequest(
        db, program.program, "m_alan", "audit-wheel", "audit-" + std::to_string(i),
        R"({"clientSeed":")" + clientSeed + R"(","commitment":")" + commitment + R"("})", now);
    ASSERT_EQ(response.status, 201) << response.body;
    const auto play = parsed(response)["play"];
    const auto& proof = play["proof"];
    const std::string serverSeed = proof["serverSeed"].get<std::string>();
    // The seed revealed is the one committed to, the nonce counts the plays,
    // and the table is the one published.
    ASSERT_EQ(independent::sha256Hex(serverSeed), commitment);
    ASSERT_EQ(proof["commitment"], commitment);
    ASSERT_EQ(proof["clientSeed"], clientSeed);
    ASSERT_EQ(proof["nonce"], i);
    ASSERT_EQ(proof["prizeTableHash"], tableHash);
    const int index = play["prizeIndex"].get<int>();
    const auto digest = independent::outcome(serverSeed, clientSeed, static_cast<std::uint64_t>(i));
    ASSERT_EQ(index, independent::draw(digest, independent::weightsOf(audit.prizes)));
    ASSERT_EQ(index, kindred::drawPrizeIndex(kindred::outcomeDigest(serverSeed, clientSeed,
                                                                    static_cast<std::uint64_t>(i)),
                                             audit.prizes));
    const kindred::Prize& prize = audit.prizes[static_cast<std::size_t>(index)];
    ASSERT_EQ(play["prize"]["id"], prize.id);
    ASSERT_EQ(play["pointsWon"], prize.points);
    ++wins[static_cast<std::size_t>(index)];
    won += prize.points;
    commitment = play["nextCommitment"].get<std::string>();
    ASSERT_NE(independent::sha256Hex(serverSeed), commitment);
  }

  // Every point won is on the balance and in the ledger, once.
  EXPECT_EQ(queryInt(db, "SELECT points FROM members WHERE id = 'm_alan'"), pointsBefore + won);
  Statement ledger = db.prepare(
      "SELECT COALESCE(SUM(points), 0), COUNT(*) FROM ledger WHERE member_id = 'm_alan' AND id > "
      "?1");
  ASSERT_TRUE(ledger.bind(1, lastLedgerId).step());
  EXPECT_EQ(ledger.int64(0), won);
  EXPECT_EQ(queryInt(db, "SELECT COUNT(*) FROM plays WHERE game_id = 'audit-wheel'"), kPlays);

  // The prizes come up about as often as their weights say (a chi-square
  // test with 7 degrees of freedom; 35 is exceeded by chance once in 10^5).
  std::int64_t total = 0;
  for (const kindred::Prize& prize : audit.prizes) total += prize.weight;
  double chiSquare = 0;
  for (std::size_t i = 0; i < audit.prizes.size(); ++i) {
    const double expected = kPlays * static_cast<double>(audit.prizes[i].weight) / total;
    chiSquare += (wins[i] - expected) * (wins[i] - expected) / expected;
  }
  EXPECT_LT(chiSquare, 35.0);
}

}  // namespace
