#include "challenge_window.hpp"

#include <cstdint>

namespace {

using kindred::CalendarDate;

DayRange weekHolding(CalendarDate day) {
  const std::int64_t days = day.daysSinceEpoch();
  // 1970-01-01 was a Thursday, day 3 of a week that starts on Monday; the
  // double modulo keeps days before 1970 in 0..6 too.
  const std::int64_t sinceMonday = ((days + 3) % 7 + 7) % 7;
  return {CalendarDate::fromDaysSinceEpoch(days - sinceMonday),
          CalendarDate::fromDaysSinceEpoch(days - sinceMonday + 6)};
}

DayRange monthHolding(CalendarDate day) {
  const CalendarDate first{day.year, day.month, 1};
  const CalendarDate nextFirst =
      day.month == 12 ? CalendarDate{day.year + 1, 1, 1} : CalendarDate{day.year, day.month + 1, 1};
  return {first, CalendarDate::fromDaysSinceEpoch(nextFirst.daysSinceEpoch() - 1)};
}

}  // namespace

std::optional<DayRange> challengeWindowHolding(std::string_view window, CalendarDate day) {
  if (window == "week") return weekHolding(day);
  if (window == "month") return monthHolding(day);
  return std::nullopt;
}
