#include "kindred/calendar_date.hpp"

#include <cmath>

namespace kindred {
namespace {

bool isLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int daysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

int digit(char c) { return c >= '0' && c <= '9' ? c - '0' : -1; }

}  // namespace

std::optional<CalendarDate> CalendarDate::parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int fields[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lengths[3] = {4, 2, 2};
  for (int f = 0; f < 3; ++f) {
    for (std::size_t i = 0; i < lengths[f]; ++i) {
      const int d = digit(text[starts[f] + i]);
      if (d < 0) return std::nullopt;
      fields[f] = fields[f] * 10 + d;
    }
  }
  CalendarDate date{fields[0], fields[1], fields[2]};
  if (date.month < 1 || date.month > 12) return std::nullopt;
  if (date.day < 1 || date.day > daysInMonth(date.year, date.month)) return std::nullopt;
  return date;
}

// Howard Hinnant's days_from_civil / civil_from_days: exact for every
// Gregorian date, no time zone database, no locale.
std::int64_t CalendarDate::daysSinceEpoch() const {
  const std::int64_t y = static_cast<std::int64_t>(year) - (month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yearOfEra = y - era * 400;
  const std::int64_t m = month;
  const std::int64_t dayOfYear = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const std::int64_t dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

CalendarDate CalendarDate::fromDaysSinceEpoch(std::int64_t days) {
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t dayOfEra = z - era * 146097;
  const std::int64_t yearOfEra =
      (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
  const std::int64_t dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
  const std::int64_t mp = (5 * dayOfYear + 2) / 153;
  const std::int64_t d = dayOfYear - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0);
  return CalendarDate{static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

CalendarDate CalendarDate::fromUnixMillis(double millis) {
  constexpr double kMillisPerDay = 86400000.0;
  return fromDaysSinceEpoch(static_cast<std::int64_t>(std::floor(millis / kMillisPerDay)));
}

// By hand: snprintf would link printf's floating-point formatting (and its
// 128-bit long double arithmetic) into the wasm, several KB for four digits.
std::string CalendarDate::toString() const {
  std::string text = "0000-00-00";
  const auto put = [&](std::size_t end, int value, int width) {
    for (int i = 0; i < width; ++i, value /= 10) text[end - static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
  };
  put(3, year, 4);
  put(6, month, 2);
  put(9, day, 2);
  return text;
}

}  // namespace kindred
