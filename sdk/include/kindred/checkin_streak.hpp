#pragma once
// The daily check-in: the member's streak, the next streak reward and a row
// of seven day cells for the widget. The backend owns the member's time zone
// and the one-check-in-a-day rule; it sends the local dates the member
// checked in on and the member's local "today", and this only derives what
// to show from them.
//
// A check-in dated after today happens when the member moved west (their
// local day is now behind the day it was recorded under). It counts as
// today's check-in: the member is checked in today, their streak is the run
// ending at that check-in, and they cannot check in again until their local
// day passes it.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kindred/calendar_date.hpp"

namespace kindred {

// The reward for reaching streak day `day`. The rewards repeat in a cycle as
// long as the largest day: with day 3 and day 7 rewards, streak days 10 and
// 14 earn them again. Rewards with day < 1 are ignored; when two share a day
// the first listed counts.
struct StreakReward {
  int day = 0;
  std::int64_t points = 0;
  std::string label;
};

struct NextStreakReward {
  StreakReward reward;
  int streakDay = 0;    // the streak length that earns it
  int checkInsToGo = 0;  // from 1: counting the next check-in (today's if not done yet)
};

// One cell of the strip.
struct StreakDay {
  CalendarDate date;
  bool checkedIn = false;  // never for a future day
  bool isToday = false;
  bool isFuture = false;
  // Past: the length the streak reached that day (0 if missed). Today and
  // future: the length it will have if the member checks in every day until
  // then, so the row can preview "day 7: 100 points".
  int streakDay = 0;
  std::int64_t rewardPoints = 0;  // the streak reward for streakDay; 0 if none
};

struct CheckInSummary {
  bool checkedInToday = false;
  // The days ending today (if checked in today) or yesterday: a streak stays
  // alive until today is over. 0 when the member checked in on neither.
  int currentStreak = 0;
  int longestStreak = 0;
  std::optional<NextStreakReward> nextReward;  // none without rewards
  // Seven cells: the three days before today, today, the three days after.
  // Today always sits in the middle, so the row shows recent history and the
  // rewards coming up, and needs no locale's first day of the week.
  std::vector<StreakDay> strip;
};

// checkIns may come in any order and repeat a date.
CheckInSummary summarizeCheckIns(const std::vector<CalendarDate>& checkIns, CalendarDate today,
                                 const std::vector<StreakReward>& rewards);

// Whether the check-in button is live: nothing on today or later.
// The same as !summarizeCheckIns(...).checkedInToday, without building the rest.
bool canCheckIn(const std::vector<CalendarDate>& checkIns, CalendarDate today);

}  // namespace kindred
