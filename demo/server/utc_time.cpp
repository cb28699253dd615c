#include "utc_time.hpp"

#include <chrono>
#include <cstdio>
#include <optional>

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

std::optional<std::int64_t> parseRfc3339Utc(std::string_view text) {
  // YYYY-MM-DDTHH:MM:SSZ
  if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
      text[19] != 'Z') {
    return std::nullopt;
  }
  const std::optional<kindred::CalendarDate> date =
      kindred::CalendarDate::parse(text.substr(0, 10));
  if (!date) return std::nullopt;
  int fields[3] = {};  // hour, minute, second
  for (int i = 0; i < 3; ++i) {
    const char tens = text[11 + 3 * i];
    const char ones = text[12 + 3 * i];
    if (tens < '0' || tens > '9' || ones < '0' || ones > '9') return std::nullopt;
    fields[i] = (tens - '0') * 10 + (ones - '0');
  }
  if (fields[0] > 23 || fields[1] > 59 || fields[2] > 59) return std::nullopt;
  return date->daysSinceEpoch() * kSecondsPerDay + fields[0] * 3600 + fields[1] * 60 + fields[2];
}
