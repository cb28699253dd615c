// Commit-reveal fairness: the canonical prize table hash, the draw, and the
// widget's verification of a play. Expected digests were computed with
// Python's hashlib/hmac from the formats documented in fairness.hpp, so they
// check the format as well as the code.
#include <gtest/gtest.h>

#include <array>
#include <string>
#include <vector>

#include "kindred/fairness.hpp"

namespace kindred {
namespace {

std::vector<Prize> sampleTable() {
  return {{"p-10", "10 points", 10, 40}, {"p-\xC3\xBCn\xC3\xAF", "Spin again: \"free\"", 0, 25}, {"big", "500 points", 500, 1}};
}

TEST(FairnessFormat, PrizeTableHashIsSha256OfLengthPrefixedText) {
  // 4:p-109:10 points10,40;7:p-ünï18:Spin again: "free"0,25;3:big10:500 points500,1;
  EXPECT_EQ(prizeTableHash(sampleTable()), "a2b8da4b3cfbbcb36b8b5597c9067f0bfa745663fe59b311b953d3b87ecfe1ef");
}

TEST(FairnessFormat, AnyChangeToTheTableChangesItsHash) {
  const std::string original = prizeTableHash(sampleTable());
  auto weight = sampleTable();
  weight[2].weight = 2;
  auto points = sampleTable();
  points[0].points = 11;
  auto label = sampleTable();
  label[0].label = "10 point";
  auto order = sampleTable();
  std::swap(order[0], order[1]);
  // Without length prefixes these two would serialize alike.
  std::vector<Prize> a{{"ab", "c", 1, 1}};
  std::vector<Prize> b{{"a", "bc", 1, 1}};
  for (const auto& changed : {weight, points, label, order}) EXPECT_NE(prizeTableHash(changed), original);
  EXPECT_NE(prizeTableHash(a), prizeTableHash(b));
}

TEST(FairnessFormat, CommitmentIsSha256OfTheSeedText) {
  EXPECT_EQ(commitmentFor("4f2a"), "dff06f7e14814ae5e16c2e10b99957757f4f05f1ea4eb0a593d2a156894fbbff");
}

TEST(FairnessFormat, OutcomeDigestIsHmacOfClientSeedColonNonce) {
  EXPECT_EQ(toHex(outcomeDigest("server-seed", "client-seed", 7)),
            "7183e2c79962bfeb420369e8cbac68ba6b96b44838a2f8350271f601af5c63dd");
}

TEST(FairnessDraw, FirstWordModuloTotalWalksCumulativeWeights) {
  const Sha256Digest digest = outcomeDigest("server-seed", "client-seed", 7);
  // 0x7183e2c7 % 66 = 3, inside the first prize's 40.
  EXPECT_EQ(drawPrizeIndex(digest, sampleTable()), 0);
  // 0x7183e2c7 % 100 = 79: past 40 + 25 + 1 = 66 of weights {40, 25, 1, 34}.
  auto table = sampleTable();
  table.push_back({"last", "last", 0, 34});
  EXPECT_EQ(drawPrizeIndex(digest, table), 3);
}

TEST(FairnessDraw, RejectsWordsAboveTheLargestMultipleOfTheTotal) {
  // With a total of 3, 2^32 % 3 = 1, so only 0xFFFFFFFF is rejected.
  Sha256Digest digest{};
  digest.fill(0xFF);
  digest[4] = 0; digest[5] = 0; digest[6] = 0; digest[7] = 4;  // second word: 4 % 3 = 1
  const std::vector<Prize> three{{"a", "a", 0, 1}, {"b", "b", 0, 1}, {"c", "c", 0, 1}};
  EXPECT_EQ(drawPrizeIndex(digest, three), 1);
}

TEST(FairnessDraw, UnusableTablesDrawNothing) {
  const Sha256Digest digest = outcomeDigest("s", "c", 0);
  EXPECT_EQ(drawPrizeIndex(digest, {}), -1);
  EXPECT_EQ(drawPrizeIndex(digest, {{"a", "a", 0, 0}}), -1);
  EXPECT_EQ(drawPrizeIndex(digest, {{"a", "a", 0, 0x80000000u}, {"b", "b", 0, 1}}), -1);
  EXPECT_EQ(drawPrizeIndex(digest, {{"only", "only", 5, 1}}), 0);
}

TEST(FairnessDraw, ZeroWeightPrizesAreNeverDrawn) {
  const std::vector<Prize> table{{"never", "never", 0, 0}, {"a", "a", 0, 1}, {"never2", "never2", 0, 0}, {"b", "b", 0, 1}};
  for (std::uint64_t nonce = 0; nonce < 2000; ++nonce) {
    const int index = drawPrizeIndex(outcomeDigest("seed", "client", nonce), table);
    ASSERT_TRUE(index == 1 || index == 3) << "nonce " << nonce;
  }
}

// 20,000 draws at fixed seeds follow the weights: chi-square with 4 degrees
// of freedom stays under 18.47 (p = 0.001). Deterministic, so never flaky.
TEST(FairnessDraw, DistributionFollowsTheWeights) {
  const std::vector<Prize> table{{"a", "a", 0, 50}, {"b", "b", 0, 25}, {"c", "c", 0, 15}, {"d", "d", 0, 9}, {"e", "e", 0, 1}};
  constexpr int kDraws = 20000;
  std::array<int, 5> counts{};
  for (int i = 0; i < kDraws; ++i) {
    const int index = drawPrizeIndex(outcomeDigest("fixed-server-seed", "client-" + std::to_string(i), static_cast<std::uint64_t>(i)), table);
    ASSERT_GE(index, 0);
    ++counts[static_cast<std::size_t>(index)];
  }
  double chiSquare = 0;
  for (std::size_t i = 0; i < table.size(); ++i) {
    const double expected = kDraws * table[i].weight / 100.0;
    chiSquare += (counts[i] - expected) * (counts[i] - expected) / expected;
  }
  EXPECT_LT(chiSquare, 18.47) << counts[0] << " " << counts[1] << " " << counts[2] << " " << counts[3] << " " << counts[4];
}

class FairnessVerify : public ::testing::Test {
 protected:
  const std::string serverSeed = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  const std::string clientSeed = "c0ffee00c0ffee00c0ffee00c0ffee00";
  GameCommitment commitment{commitmentFor(serverSeed), prizeTableHash(sampleTable()), 12, sampleTable()};

  PlayProof honestProof() const {
    const int index = drawPrizeIndex(outcomeDigest(serverSeed, clientSeed, 12), sampleTable());
    return {serverSeed, clientSeed, 12, index, sampleTable()[static_cast<std::size_t>(index)].id};
  }
};

TEST_F(FairnessVerify, AnHonestPlayIsVerified) {
  EXPECT_EQ(verifyPlay(commitment, clientSeed, honestProof()), FairnessCheck::Verified);
}

TEST_F(FairnessVerify, EveryKindOfTamperingIsCaught) {
  PlayProof otherSeed = honestProof();
  otherSeed.serverSeed[0] = otherSeed.serverSeed[0] == 'a' ? 'b' : 'a';
  EXPECT_EQ(verifyPlay(commitment, clientSeed, otherSeed), FairnessCheck::SeedDoesNotMatchCommitment);

  PlayProof otherClientSeed = honestProof();
  otherClientSeed.clientSeed = "00";
  EXPECT_EQ(verifyPlay(commitment, clientSeed, otherClientSeed), FairnessCheck::ClientSeedChanged);

  PlayProof otherNonce = honestProof();
  otherNonce.nonce = 13;
  EXPECT_EQ(verifyPlay(commitment, clientSeed, otherNonce), FairnessCheck::NonceChanged);

  for (int index = 0; index < 3; ++index) {
    PlayProof otherPrize = honestProof();
    if (index == otherPrize.prizeIndex) continue;
    otherPrize.prizeIndex = index;
    otherPrize.prizeId = sampleTable()[static_cast<std::size_t>(index)].id;
    EXPECT_EQ(verifyPlay(commitment, clientSeed, otherPrize), FairnessCheck::PrizeDoesNotMatchDraw);
  }
  PlayProof otherPrizeId = honestProof();
  otherPrizeId.prizeId = "big";
  if (otherPrizeId.prizeIndex != 2) EXPECT_EQ(verifyPlay(commitment, clientSeed, otherPrizeId), FairnessCheck::PrizeDoesNotMatchDraw);
}

TEST_F(FairnessVerify, ATableThatDoesNotMatchItsPublishedHashIsCaught) {
  GameCommitment swapped = commitment;
  swapped.prizes[2].weight = 1000;  // the table changed, its published hash did not
  EXPECT_EQ(verifyPlay(swapped, clientSeed, honestProof()), FairnessCheck::PrizeTableChanged);
}

}  // namespace
}  // namespace kindred
