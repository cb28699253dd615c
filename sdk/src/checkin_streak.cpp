#include "kindred/checkin_streak.hpp"

#include <algorithm>

namespace kindred {
namespace {

constexpr int kStripDaysBefore = 3;
constexpr int kStripDays = 7;

// The reward for reaching streak day `streakDay`, cycling after the largest day.
const StreakReward* rewardOn(const std::vector<StreakReward>& rewards, int cycle, int streakDay) {
  if (cycle < 1 || streakDay < 1) return nullptr;
  const int dayInCycle = (streakDay - 1) % cycle + 1;
  for (const auto& reward : rewards)
    if (reward.day == dayInCycle) return &reward;
  return nullptr;
}

std::optional<NextStreakReward> nextRewardAfter(const std::vector<StreakReward>& rewards, int cycle,
                                                int streak) {
  if (cycle < 1) return std::nullopt;
  // `done` days of the current cycle are behind the member; the next reward
  // is the first one later in this cycle, or else the first of the next.
  const int done = streak % cycle;
  const StreakReward* later = nullptr;
  const StreakReward* first = nullptr;
  for (const auto& reward : rewards) {
    if (reward.day < 1) continue;
    if (reward.day > done && (!later || reward.day < later->day)) later = &reward;
    if (!first || reward.day < first->day) first = &reward;
  }
  const int toGo = later ? later->day - done : cycle - done + first->day;
  return NextStreakReward{later ? *later : *first, streak + toGo, toGo};
}

}  // namespace

CheckInSummary summarizeCheckIns(const std::vector<CalendarDate>& checkIns, CalendarDate today,
                                 const std::vector<StreakReward>& rewards) {
  // Distinct days, ascending, and the length of the run each one ends.
  std::vector<std::int64_t> days;
  days.reserve(checkIns.size());
  for (const auto& date : checkIns) days.push_back(date.daysSinceEpoch());
  // A heap sort: the wasm already has no std::sort over plain integers, and
  // an introsort instantiation costs it about 0.4 KB gzipped; this is O(n log n) too.
  std::make_heap(days.begin(), days.end());
  std::sort_heap(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  std::vector<int> runs(days.size(), 1);
  for (std::size_t i = 1; i < days.size(); ++i)
    if (days[i] - days[i - 1] == 1) runs[i] = runs[i - 1] + 1;

  const std::int64_t todayDay = today.daysSinceEpoch();
  CheckInSummary summary;
  if (!runs.empty()) {
    summary.longestStreak = *std::max_element(runs.begin(), runs.end());
    summary.checkedInToday = days.back() >= todayDay;
    if (days.back() >= todayDay - 1) summary.currentStreak = runs.back();
  }

  int cycle = 0;
  for (const auto& reward : rewards) cycle = std::max(cycle, reward.day);
  summary.nextReward = nextRewardAfter(rewards, cycle, summary.currentStreak);

  // From today on, the streak the member reaches by checking in every day.
  const int projectedToday = summary.currentStreak + (summary.checkedInToday ? 0 : 1);
  summary.strip.resize(kStripDays);
  for (int i = 0; i < kStripDays; ++i) {
    const std::int64_t day = todayDay - kStripDaysBefore + i;
    StreakDay& cell = summary.strip[static_cast<std::size_t>(i)];
    cell.date = CalendarDate::fromDaysSinceEpoch(day);
    cell.isToday = day == todayDay;
    cell.isFuture = day > todayDay;
    if (day < todayDay) {
      const auto found = std::lower_bound(days.begin(), days.end(), day);
      cell.checkedIn = found != days.end() && *found == day;
      if (cell.checkedIn) cell.streakDay = runs[static_cast<std::size_t>(found - days.begin())];
    } else {
      cell.checkedIn = cell.isToday && summary.checkedInToday;
      cell.streakDay = projectedToday + static_cast<int>(day - todayDay);
    }
    if (const StreakReward* reward = rewardOn(rewards, cycle, cell.streakDay)) cell.rewardPoints = reward->points;
  }
  return summary;
}

bool canCheckIn(const std::vector<CalendarDate>& checkIns, CalendarDate today) {
  const std::int64_t todayDay = today.daysSinceEpoch();
  for (const auto& date : checkIns)
    if (date.daysSinceEpoch() >= todayDay) return false;
  return true;
}

}  // namespace kindred
