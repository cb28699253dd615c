#include "utc_time.hpp"

#include <chrono>
#include <cstdio>

namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

// Floor division, so instants before 1970 land on the right day.
std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a / b - (a % b < 0 ? 1 : 0); }

}  // namespace

std::int64_t unixNowSeconds() {
  using namespace std::chrono;
  return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

kindred::CalendarDate todayUtc() { return utcDateOf(unixNowSeconds()); }

kindred::CalendarDate utcDateOf(std::int64_t unixSeconds) {
  return kindred::CalendarDate::fromDaysSinceEpoch(floorDiv(unixSeconds, kSecondsPerDay));
}

std::string formatRfc3339Utc(std::int64_t unixSeconds) {
  const std::int64_t days = floorDiv(unixSeconds, kSecondsPerDay);
  const std::int64_t second = unixSeconds - days * kSecondsPerDay;
  char time[16];
  std::snprintf(time, sizeof time, "T%02d:%02d:%02dZ", static_cast<int>(second / 3600),
                static_cast<int>(second / 60 % 60), static_cast<int>(second % 60));
  return kindred::CalendarDate::fromDaysSinceEpoch(days).toString() + time;
}
