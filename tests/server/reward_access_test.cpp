// Who may redeem a reward: tierRequired, and early access up to and including
// its last day, against the tier the core computes from qualifying points.

#include "reward_access.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "kindred/program.hpp"

namespace {

// Qualifying points that put a member of the demo program in each tier.
constexpr std::int64_t kExplorer = 0, kTrailblazer = 600, kSummit = 1500, kPeak = 4000;
const kindred::CalendarDate kToday{2026, 10, 1};

kindred::Program demoProgram() {
  std::ifstream in(std::string(KINDRED_SEED_DIR) + "/program.json", std::ios::binary);
  const std::string text(std::istreambuf_iterator<char>(in), {});
  return kindred::parseProgram(text).value();
}

RewardRecord rewardFor(std::optional<std::string> tierRequired,
                       std::optional<EarlyAccess> earlyAccess = std::nullopt) {
  RewardRecord reward;
  reward.id = "rw_test";
  reward.name = "Test reward";
  reward.tierRequired = std::move(tierRequired);
  reward.earlyAccess = std::move(earlyAccess);
  return reward;
}

TEST(RewardAccess, AnUnrestrictedRewardIsOpenToEveryTier) {
  const kindred::Program program = demoProgram();
  for (const std::int64_t points : {kExplorer, kTrailblazer, kSummit, kPeak}) {
    EXPECT_EQ(tierLockReason(program, rewardFor(std::nullopt), points, kToday), std::nullopt);
  }
}

TEST(RewardAccess, TierRequiredMeansThatTierOrAbove) {
  const kindred::Program program = demoProgram();
  const RewardRecord summitOnly = rewardFor("summit");
  EXPECT_EQ(tierLockReason(program, summitOnly, kExplorer, kToday),
            "This reward is for Summit members and above.");
  EXPECT_EQ(tierLockReason(program, summitOnly, kSummit - 1, kToday),
            "This reward is for Summit members and above.");
  EXPECT_EQ(tierLockReason(program, summitOnly, kSummit, kToday), std::nullopt);
  EXPECT_EQ(tierLockReason(program, summitOnly, kPeak, kToday), std::nullopt);
  // The top tier has no "and above".
  EXPECT_EQ(tierLockReason(program, rewardFor("peak"), kSummit, kToday),
            "This reward is for Peak members.");
  EXPECT_EQ(tierLockReason(program, rewardFor("peak"), kPeak, kToday), std::nullopt);
}

TEST(RewardAccess, EarlyAccessHoldsThroughItsLastDayThenOpensToAll) {
  const kindred::Program program = demoProgram();
  const RewardRecord early = rewardFor(std::nullopt, EarlyAccess{"summit", "2026-10-05"});
  const auto onDay = [](int day) { return kindred::CalendarDate{2026, 10, day}; };
  const std::string locked =
      "This reward is in early access for Summit members and above until 2026-10-05; everyone "
      "can redeem it from 2026-10-06.";
  EXPECT_EQ(tierLockReason(program, early, kTrailblazer, onDay(1)), locked);
  EXPECT_EQ(tierLockReason(program, early, kTrailblazer, onDay(5)), locked);  // the last day
  EXPECT_EQ(tierLockReason(program, early, kTrailblazer, onDay(6)), std::nullopt);
  EXPECT_EQ(tierLockReason(program, early, kExplorer, onDay(6)), std::nullopt);
  EXPECT_EQ(tierLockReason(program, early, kSummit, onDay(1)), std::nullopt);
  EXPECT_EQ(tierLockReason(program, early, kPeak, onDay(5)), std::nullopt);
}

TEST(RewardAccess, TierRequiredStillAppliesAfterEarlyAccess) {
  const kindred::Program program = demoProgram();
  const RewardRecord both = rewardFor("trailblazer", EarlyAccess{"peak", "2026-10-05"});
  EXPECT_EQ(tierLockReason(program, both, kSummit, kindred::CalendarDate{2026, 10, 5}),
            "This reward is in early access for Peak members until 2026-10-05; everyone can "
            "redeem it from 2026-10-06.");
  EXPECT_EQ(tierLockReason(program, both, kSummit, kindred::CalendarDate{2026, 10, 6}),
            std::nullopt);
  EXPECT_EQ(tierLockReason(program, both, kExplorer, kindred::CalendarDate{2026, 10, 6}),
            "This reward is for Trailblazer members and above.");
}

TEST(RewardAccess, ATierTheProgramNoLongerHasLocksEveryone) {
  const kindred::Program program = demoProgram();
  EXPECT_EQ(tierLockReason(program, rewardFor("gold"), kPeak, kToday),
            "This reward needs the \"gold\" tier, which the program no longer has.");
}

}  // namespace
