#include "kindred/progress.hpp"

#include <gtest/gtest.h>

#include "sample_payloads.hpp"

namespace kindred {
namespace {

const CalendarDate kToday{2026, 11, 23};

Program sampleProgram() { return parseProgram(testing::kProgramJson).value(); }
// TierProgress points into its Program, so the program outlives every result.
const Program kProgram = sampleProgram();

Member memberWith(std::int64_t qualifyingPoints, std::optional<std::string> tierId = std::nullopt) {
  Member member;
  member.id = "m_test";
  member.points = qualifyingPoints;
  member.qualifyingPoints = qualifyingPoints;
  member.tierId = std::move(tierId);
  return member;
}

std::int64_t intParam(const Message& message, const std::string& name) {
  return std::get<std::int64_t>(message.params.at(name));
}
std::string textParam(const Message& message, const std::string& name) {
  return std::get<std::string>(message.params.at(name));
}

TEST(Progress, MidTierShowsTheWayToTheNextWithItsPerkAndPrice) {
  const Program program = sampleProgram();
  const auto progress = computeProgress(program, memberWith(1380, "trailblazer"), kToday);
  EXPECT_EQ(progress.current->id, "trailblazer");
  EXPECT_EQ(progress.next->id, "summit");
  EXPECT_EQ(progress.barMin, 500);
  EXPECT_EQ(progress.barMax, 1500);
  EXPECT_EQ(progress.pointsToNext, 120);
  EXPECT_DOUBLE_EQ(progress.fraction, 0.88);
  EXPECT_EQ(progress.nudge.key, "nudge.points_to_tier_perk");
  EXPECT_EQ(intParam(progress.nudge, "points"), 120);
  EXPECT_EQ(textParam(progress.nudge, "tier"), "Summit");
  EXPECT_EQ(textParam(progress.nudge, "perk"), "Early access");
  EXPECT_EQ(intParam(progress.nudge, "spend"), 12);  // 120 points at 10 a dollar
  EXPECT_EQ(textParam(progress.nudge, "moneyCurrency"), "USD");
}

TEST(Progress, SpendRoundsUpToAWholeUnit) {
  const Program program = sampleProgram();
  // 1 point short at 10 points a dollar still takes a whole dollar.
  const auto progress = computeProgress(program, memberWith(1499), kToday);
  EXPECT_EQ(progress.pointsToNext, 1);
  EXPECT_EQ(intParam(progress.nudge, "spend"), 1);
}

TEST(Progress, ExactlyOnAThresholdHoldsThatTierAtTheStartOfItsBar) {
  const Program program = sampleProgram();
  const auto progress = computeProgress(program, memberWith(500), kToday);
  EXPECT_EQ(progress.current->id, "trailblazer");
  EXPECT_EQ(progress.next->id, "summit");
  EXPECT_DOUBLE_EQ(progress.fraction, 0.0);
  EXPECT_EQ(progress.pointsToNext, 1000);
}

TEST(Progress, OnePointBelowAThresholdIsStillTheTierBelow) {
  const auto progress = computeProgress(kProgram, memberWith(499), kToday);
  EXPECT_EQ(progress.current->id, "explorer");
  EXPECT_EQ(progress.pointsToNext, 1);
  EXPECT_DOUBLE_EQ(progress.fraction, 499.0 / 500.0);
}

TEST(Progress, ZeroPointsStartsAtTheBottom) {
  const auto progress = computeProgress(kProgram, memberWith(0), kToday);
  EXPECT_EQ(progress.current->id, "explorer");
  EXPECT_DOUBLE_EQ(progress.fraction, 0.0);
  EXPECT_EQ(progress.pointsToNext, 500);
  EXPECT_EQ(textParam(progress.nudge, "perk"), "Free shipping");
}

TEST(Progress, TopTierIsAFullBarWithNoNextStep) {
  const auto progress = computeProgress(kProgram, memberWith(4000), kToday);
  EXPECT_EQ(progress.current->id, "peak");
  EXPECT_EQ(progress.next, nullptr);
  EXPECT_DOUBLE_EQ(progress.fraction, 1.0);
  EXPECT_EQ(progress.pointsToNext, 0);
  EXPECT_EQ(progress.nudge.key, "nudge.top_tier");
  EXPECT_EQ(textParam(progress.nudge, "tier"), "Peak");
}

TEST(Progress, HugeBalancesStayExactAndInRange) {
  const Program program = sampleProgram();
  const auto progress = computeProgress(program, memberWith(9007199254740991), kToday);
  EXPECT_EQ(progress.current->id, "peak");
  EXPECT_DOUBLE_EQ(progress.fraction, 1.0);

  Program vast = program;
  vast.tiers.back().threshold = 9007199254740991;  // the largest threshold ingest allows
  const auto climbing = computeProgress(vast, memberWith(1600), kToday);
  EXPECT_EQ(climbing.pointsToNext, 9007199254740991 - 1600);
  EXPECT_GT(climbing.fraction, 0.0);
  EXPECT_LT(climbing.fraction, 1e-12);
  EXPECT_EQ(intParam(climbing.nudge, "spend"), (9007199254740991 - 1600 + 9) / 10);
}

TEST(Progress, NoTiersMeansNoBarButStillANudge) {
  Program program = sampleProgram();
  program.tiers.clear();
  const auto progress = computeProgress(program, memberWith(300), kToday);
  EXPECT_EQ(progress.current, nullptr);
  EXPECT_EQ(progress.next, nullptr);
  EXPECT_EQ(progress.nudge.key, "nudge.no_tiers");
  EXPECT_EQ(intParam(progress.nudge, "points"), 300);
}

TEST(Progress, ARetainedTierWinsOverThisWindowsPoints) {
  // Qualified for Summit last year, only 200 points so far this window.
  const auto progress = computeProgress(kProgram, memberWith(200, "summit"), kToday);
  EXPECT_EQ(progress.current->id, "summit");
  EXPECT_EQ(progress.next->id, "peak");
  EXPECT_DOUBLE_EQ(progress.fraction, 0.0);  // below the bar's start, clamped
  EXPECT_EQ(progress.pointsToNext, 3800);
}

TEST(Progress, ANextTierAlreadyEarnedSaysSoInsteadOfAskingForMore) {
  // The backend has not promoted the member yet; the points are there.
  const auto progress = computeProgress(kProgram, memberWith(1700, "trailblazer"), kToday);
  EXPECT_EQ(progress.pointsToNext, 0);
  EXPECT_DOUBLE_EQ(progress.fraction, 1.0);
  EXPECT_EQ(progress.nudge.key, "nudge.next_tier_earned");
  EXPECT_EQ(textParam(progress.nudge, "tier"), "Summit");
}

TEST(Progress, UnknownTierIdFallsBackToWhatThePointsEarn) {
  const auto progress = computeProgress(kProgram, memberWith(1600, "gold"), kToday);
  EXPECT_EQ(progress.current->id, "summit");
}

TEST(Progress, SoonestExpirySkipsBucketsInThePastAndSumsTheSameDay) {
  Member member = memberWith(100);
  member.expiring = {{50, {2026, 11, 22}},   // yesterday: gone
                     {70, {2027, 1, 10}},
                     {30, {2026, 11, 23}},   // today: still spendable
                     {20, {2026, 11, 23}}};
  const auto progress = computeProgress(kProgram, member, kToday);
  ASSERT_TRUE(progress.soonestExpiry);
  EXPECT_EQ(progress.soonestExpiry->date.toString(), "2026-11-23");
  EXPECT_EQ(progress.soonestExpiry->points, 50);
}

TEST(Progress, OnlyPastExpiriesMeansNothingToWarnAbout) {
  Member member = memberWith(100);
  member.expiring = {{50, {2025, 12, 31}}, {10, {2026, 11, 22}}};
  EXPECT_FALSE(computeProgress(kProgram, member, kToday).soonestExpiry);
}

TEST(Progress, TierForQualifyingPointsPicksTheHighestMet) {
  const Program program = sampleProgram();
  EXPECT_EQ(tierForQualifyingPoints(program, 0)->id, "explorer");
  EXPECT_EQ(tierForQualifyingPoints(program, 1499)->id, "trailblazer");
  EXPECT_EQ(tierForQualifyingPoints(program, 1500)->id, "summit");
  EXPECT_EQ(tierForQualifyingPoints(Program{}, 1500), nullptr);
}

}  // namespace
}  // namespace kindred
