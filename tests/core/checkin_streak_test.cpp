#include "kindred/checkin_streak.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <initializer_list>

namespace kindred {
namespace {

CalendarDate date(const char* text) { return CalendarDate::parse(text).value(); }

std::vector<CalendarDate> dates(std::initializer_list<const char*> texts) {
  std::vector<CalendarDate> out;
  for (const char* text : texts) out.push_back(date(text));
  return out;
}

const std::vector<StreakReward> kRewards = {{3, 20, "Day 3 bonus"}, {7, 100, "Weekly bonus"}};

CheckInSummary summarize(std::initializer_list<const char*> checkIns, const char* today,
                         const std::vector<StreakReward>& rewards = kRewards) {
  return summarizeCheckIns(dates(checkIns), date(today), rewards);
}

TEST(CheckInStreak, EmptyHistory) {
  const auto summary = summarize({}, "2026-11-23");
  EXPECT_FALSE(summary.checkedInToday);
  EXPECT_EQ(summary.currentStreak, 0);
  EXPECT_EQ(summary.longestStreak, 0);
  ASSERT_TRUE(summary.nextReward);
  EXPECT_EQ(summary.nextReward->reward.day, 3);
  EXPECT_EQ(summary.nextReward->checkInsToGo, 3);
  EXPECT_TRUE(canCheckIn({}, date("2026-11-23")));
}

TEST(CheckInStreak, CheckedInTodayCountsToday) {
  const auto summary = summarize({"2026-11-21", "2026-11-22", "2026-11-23"}, "2026-11-23");
  EXPECT_TRUE(summary.checkedInToday);
  EXPECT_EQ(summary.currentStreak, 3);
  EXPECT_EQ(summary.longestStreak, 3);
  ASSERT_TRUE(summary.nextReward);
  EXPECT_EQ(summary.nextReward->reward.points, 100);
  EXPECT_EQ(summary.nextReward->streakDay, 7);
  EXPECT_EQ(summary.nextReward->checkInsToGo, 4);
  EXPECT_FALSE(canCheckIn(dates({"2026-11-21", "2026-11-22", "2026-11-23"}), date("2026-11-23")));
}

TEST(CheckInStreak, StreakStaysAliveUntilTheEndOfToday) {
  const auto summary = summarize({"2026-11-21", "2026-11-22"}, "2026-11-23");
  EXPECT_FALSE(summary.checkedInToday);
  EXPECT_EQ(summary.currentStreak, 2);
  ASSERT_TRUE(summary.nextReward);
  EXPECT_EQ(summary.nextReward->checkInsToGo, 1);  // today's check-in is day 3
  EXPECT_EQ(summary.nextReward->reward.label, "Day 3 bonus");
  EXPECT_TRUE(canCheckIn(dates({"2026-11-21", "2026-11-22"}), date("2026-11-23")));
}

TEST(CheckInStreak, MissingYesterdayEndsTheStreak) {
  const auto summary = summarize({"2026-11-20", "2026-11-21"}, "2026-11-23");
  EXPECT_EQ(summary.currentStreak, 0);
  EXPECT_EQ(summary.longestStreak, 2);
  EXPECT_EQ(summary.nextReward->checkInsToGo, 3);
}

TEST(CheckInStreak, GapsResetTheStreak) {
  const auto summary = summarize({"2026-11-10", "2026-11-11", "2026-11-12", "2026-11-13", "2026-11-14",
                                  "2026-11-15", "2026-11-20", "2026-11-21", "2026-11-22"},
                                 "2026-11-23");
  EXPECT_EQ(summary.currentStreak, 3);
  EXPECT_EQ(summary.longestStreak, 6);
}

// 23:59 on day D and 00:01 on D+1 are two local dates, so two days.
TEST(CheckInStreak, CheckInsEitherSideOfMidnightAreTwoDays) {
  const auto summary = summarize({"2026-11-22", "2026-11-23"}, "2026-11-23");
  EXPECT_EQ(summary.currentStreak, 2);
}

TEST(CheckInStreak, RunsAcrossMonthAndYearEnds) {
  EXPECT_EQ(summarize({"2026-12-30", "2026-12-31", "2027-01-01"}, "2027-01-01").currentStreak, 3);
  EXPECT_EQ(summarize({"2026-10-31", "2026-11-01"}, "2026-11-02").currentStreak, 2);
  EXPECT_EQ(summarize({"2026-02-28", "2026-03-01"}, "2026-03-01").currentStreak, 2);  // no 29th in 2026
  EXPECT_EQ(summarize({"2028-02-28", "2028-02-29", "2028-03-01"}, "2028-03-01").currentStreak, 3);
  EXPECT_EQ(summarize({"2028-02-28", "2028-03-01"}, "2028-03-01").currentStreak, 1);  // missed the 29th
  EXPECT_EQ(summarize({"2099-12-31"}, "2100-01-01").currentStreak, 1);
}

TEST(CheckInStreak, StripCrossesTheYearEnd) {
  const auto summary = summarize({"2026-12-30", "2026-12-31"}, "2027-01-01");
  ASSERT_EQ(summary.strip.size(), 7u);
  const char* expected[] = {"2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01",
                            "2027-01-02", "2027-01-03", "2027-01-04"};
  for (std::size_t i = 0; i < 7; ++i) EXPECT_EQ(summary.strip[i].date.toString(), expected[i]);
}

TEST(CheckInStreak, DuplicatesAndOrderDoNotMatter) {
  const auto once = summarize({"2026-11-21", "2026-11-22", "2026-11-23"}, "2026-11-23");
  const auto messy = summarize({"2026-11-23", "2026-11-21", "2026-11-23", "2026-11-22", "2026-11-21"}, "2026-11-23");
  EXPECT_EQ(messy.currentStreak, once.currentStreak);
  EXPECT_EQ(messy.longestStreak, 3);
  EXPECT_EQ(messy.nextReward->checkInsToGo, once.nextReward->checkInsToGo);
  for (std::size_t i = 0; i < 7; ++i) {
    EXPECT_EQ(messy.strip[i].checkedIn, once.strip[i].checkedIn);
    EXPECT_EQ(messy.strip[i].streakDay, once.strip[i].streakDay);
  }
}

// The member moved west: the backend's "today" is now a day before their
// latest check-in, which was recorded under the old, later local day.
TEST(CheckInStreak, TodayBeforeTheLatestCheckInCountsAsCheckedIn) {
  const auto summary = summarize({"2026-11-22", "2026-11-23", "2026-11-24"}, "2026-11-23");
  EXPECT_TRUE(summary.checkedInToday);
  EXPECT_EQ(summary.currentStreak, 3);
  EXPECT_FALSE(canCheckIn(dates({"2026-11-22", "2026-11-23", "2026-11-24"}), date("2026-11-23")));
  const StreakDay& today = summary.strip[3];
  EXPECT_TRUE(today.isToday);
  EXPECT_TRUE(today.checkedIn);
  EXPECT_EQ(today.streakDay, 3);
  const StreakDay& tomorrow = summary.strip[4];
  EXPECT_EQ(tomorrow.date.toString(), "2026-11-24");
  EXPECT_TRUE(tomorrow.isFuture);
  EXPECT_FALSE(tomorrow.checkedIn);  // the future is never checked in
  EXPECT_EQ(tomorrow.streakDay, 4);

  const auto onlyTheLaterDay = summarize({"2026-11-24"}, "2026-11-23");
  EXPECT_TRUE(onlyTheLaterDay.checkedInToday);
  EXPECT_EQ(onlyTheLaterDay.currentStreak, 1);
  EXPECT_EQ(onlyTheLaterDay.nextReward->checkInsToGo, 2);
  // The next local day still finds the streak checked in and alive.
  EXPECT_EQ(summarize({"2026-11-22", "2026-11-23", "2026-11-24"}, "2026-11-24").currentStreak, 3);
  EXPECT_TRUE(canCheckIn(dates({"2026-11-24"}), date("2026-11-25")));
}

TEST(CheckInStreak, StripCentresOnTodayAndPreviewsRewards) {
  // Streak of 1 yesterday; today would be day 2, Nov 24 day 3 (20), Nov 28 day 7.
  const auto summary = summarize({"2026-11-20", "2026-11-22"}, "2026-11-23");
  ASSERT_EQ(summary.strip.size(), 7u);
  struct Cell { const char* date; bool checkedIn, isToday, isFuture; int streakDay; std::int64_t points; };
  const Cell expected[] = {{"2026-11-20", true, false, false, 1, 0},  {"2026-11-21", false, false, false, 0, 0},
                           {"2026-11-22", true, false, false, 1, 0},  {"2026-11-23", false, true, false, 2, 0},
                           {"2026-11-24", false, false, true, 3, 20}, {"2026-11-25", false, false, true, 4, 0},
                           {"2026-11-26", false, false, true, 5, 0}};
  for (std::size_t i = 0; i < 7; ++i) {
    const StreakDay& cell = summary.strip[i];
    SCOPED_TRACE(expected[i].date);
    EXPECT_EQ(cell.date.toString(), expected[i].date);
    EXPECT_EQ(cell.checkedIn, expected[i].checkedIn);
    EXPECT_EQ(cell.isToday, expected[i].isToday);
    EXPECT_EQ(cell.isFuture, expected[i].isFuture);
    EXPECT_EQ(cell.streakDay, expected[i].streakDay);
    EXPECT_EQ(cell.rewardPoints, expected[i].points);
  }
}

TEST(CheckInStreak, StripShowsRewardsEarnedOnPastDays) {
  const auto summary = summarize({"2026-11-18", "2026-11-19", "2026-11-20", "2026-11-21"}, "2026-11-23");
  EXPECT_EQ(summary.strip[0].streakDay, 3);  // Nov 20
  EXPECT_EQ(summary.strip[0].rewardPoints, 20);
  EXPECT_EQ(summary.strip[1].streakDay, 4);
  EXPECT_EQ(summary.strip[2].streakDay, 0);  // Nov 22 missed
  EXPECT_EQ(summary.strip[3].streakDay, 1);  // today starts again
}

TEST(CheckInStreak, RewardsRepeatAfterTheLargestDay) {
  std::vector<CalendarDate> checkIns = dates({"2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20",
                                              "2026-11-21", "2026-11-22", "2026-11-23"});
  const auto seven = summarizeCheckIns(checkIns, date("2026-11-23"), kRewards);
  EXPECT_EQ(seven.currentStreak, 7);
  EXPECT_EQ(seven.strip[3].rewardPoints, 100);  // today was day 7
  ASSERT_TRUE(seven.nextReward);
  EXPECT_EQ(seven.nextReward->reward.day, 3);   // the cycle starts again
  EXPECT_EQ(seven.nextReward->streakDay, 10);
  EXPECT_EQ(seven.nextReward->checkInsToGo, 3);
  EXPECT_EQ(seven.strip[6].streakDay, 10);
  EXPECT_EQ(seven.strip[6].rewardPoints, 20);

  checkIns.pop_back();  // six days to yesterday: today would be day 7
  const auto six = summarizeCheckIns(checkIns, date("2026-11-23"), kRewards);
  EXPECT_EQ(six.nextReward->reward.day, 7);
  EXPECT_EQ(six.nextReward->checkInsToGo, 1);
  EXPECT_EQ(six.strip[3].rewardPoints, 100);

  // Day 13 of a streak is day 6 of the second cycle: day 7 comes next.
  checkIns.clear();
  for (int d = 1; d <= 13; ++d) checkIns.push_back(CalendarDate{2026, 11, d});
  const auto thirteen = summarizeCheckIns(checkIns, date("2026-11-13"), kRewards);
  EXPECT_EQ(thirteen.nextReward->streakDay, 14);
  EXPECT_EQ(thirteen.nextReward->checkInsToGo, 1);
}

TEST(CheckInStreak, WithoutRewardsThereIsNoNextReward) {
  const auto summary = summarize({"2026-11-23"}, "2026-11-23", {});
  EXPECT_FALSE(summary.nextReward);
  for (const auto& cell : summary.strip) EXPECT_EQ(cell.rewardPoints, 0);
  EXPECT_FALSE(summarize({}, "2026-11-23", {{0, 50, "nonsense"}, {-2, 5, "nonsense"}}).nextReward);
}

TEST(CheckInStreak, FirstRewardListedForADayWins) {
  const auto summary = summarize({}, "2026-11-23", {{2, 10, "first"}, {2, 99, "second"}, {0, 500, "ignored"}});
  ASSERT_TRUE(summary.nextReward);
  EXPECT_EQ(summary.nextReward->reward.label, "first");
  EXPECT_EQ(summary.strip[4].rewardPoints, 10);  // tomorrow would be day 2
  EXPECT_EQ(summary.strip[6].rewardPoints, 10);  // and day 4 is day 2 of the next cycle
}

}  // namespace
}  // namespace kindred
