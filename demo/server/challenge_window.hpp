#pragma once
// The days a challenge counts in, on the member's own calendar: the week
// (Monday to Sunday, as ISO 8601 has it) or the calendar month that holds a
// day, or every day there is ("ever").

#include <optional>
#include <string_view>

#include "kindred/calendar_date.hpp"

struct DayRange {
  kindred::CalendarDate first;
  kindred::CalendarDate last;  // inclusive: the day GET /v1/moments calls windowEndsOn

  bool holds(kindred::CalendarDate day) const { return !(day < first) && !(last < day); }
};

// "week", "month" or "ever" (nullopt: no bounds). Any other window is a
// programming error the seed refuses, and is treated as "ever".
std::optional<DayRange> challengeWindowHolding(std::string_view window, kindred::CalendarDate day);
