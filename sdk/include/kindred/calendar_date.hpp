#pragma once
// A day on the proleptic Gregorian calendar, as the backend writes it
// ("2026-12-31"). Loyalty dates (expiry, tier window end) are whole days.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kindred {

struct CalendarDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..days in month

  // Strictly "YYYY-MM-DD" with a real day of a real month; anything else is nullopt.
  static std::optional<CalendarDate> parse(std::string_view text);
  static CalendarDate fromDaysSinceEpoch(std::int64_t days);
  // The UTC day that holds this instant (milliseconds since 1970-01-01T00:00Z).
  static CalendarDate fromUnixMillis(double millis);

  std::int64_t daysSinceEpoch() const;
  std::string toString() const;

  friend bool operator==(const CalendarDate& a, const CalendarDate& b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
  }
  friend bool operator<(const CalendarDate& a, const CalendarDate& b) {
    return a.daysSinceEpoch() < b.daysSinceEpoch();
  }
};

}  // namespace kindred
