#include "local_date.hpp"

#include <time.h>

#include <cstdlib>
#include <fstream>
#include <mutex>
#include <vector>

#include "utc_time.hpp"

namespace {

bool isZoneNameCharacter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '+' || c == '-' || c == '/';
}

// glibc offers no per-call time zone: localtime_r reads the process-wide zone
// that tzset() loads from $TZ, and GCC 12's libstdc++ has no C++20 tzdb
// (std::chrono::locate_zone). So a conversion sets TZ, reloads, converts and
// puts TZ back, all under this mutex, which makes the process's zone
// effectively ours while we hold it. This is sound because nothing else in
// the server reads local time: it formats and computes every date in UTC by
// arithmetic (utc_time.cpp), and neither cpp-httplib nor kindred_core calls
// localtime, mktime or strftime.
std::mutex zoneMutex;

// What glibc does when TZ is unset, spelt out (TZDEFAULT).
constexpr const char* kDefaultTz = ":/etc/localtime";

}  // namespace

void prepareLocalDates() {
  const std::lock_guard<std::mutex> lock(zoneMutex);
  if (!std::getenv("TZ")) setenv("TZ", kDefaultTz, 1);
}

bool isKnownTimeZone(std::string_view ianaZone) {
  if (ianaZone.empty() || ianaZone.size() > 64 || ianaZone.front() == '/' ||
      ianaZone.back() == '/' || ianaZone.find("..") != std::string_view::npos ||
      ianaZone.find("//") != std::string_view::npos) {
    return false;
  }
  for (const char c : ianaZone) {
    if (!isZoneNameCharacter(c)) return false;
  }
  // glibc quietly falls back to UTC for a TZ it cannot load, so the file is
  // checked here: it must be a compiled zone, not a directory or an index.
  std::ifstream file(std::string(kZoneInfoDirectory) + "/" + std::string(ianaZone),
                     std::ios::binary);
  char magic[4] = {};
  return file.read(magic, sizeof magic) && std::string_view(magic, sizeof magic) == "TZif";
}

namespace {

// The local days of `instants` in a zone isKnownTimeZone accepted, under one
// switch of TZ; nullopt where glibc cannot convert one.
std::vector<std::optional<kindred::CalendarDate>> convertIn(
    const std::string& ianaZone, const std::vector<std::int64_t>& instants) {
  std::vector<std::optional<kindred::CalendarDate>> dates;
  dates.reserve(instants.size());
  const std::lock_guard<std::mutex> lock(zoneMutex);
  const char* previous = std::getenv("TZ");
  // A copy: setenv may replace the string `previous` points into.
  const std::string saved = previous ? previous : kDefaultTz;
  // ":" and an absolute path: the file, never a POSIX rule string such as "EST5EDT".
  setenv("TZ", (":" + std::string(kZoneInfoDirectory) + "/" + ianaZone).c_str(), 1);
  tzset();  // localtime_r, unlike localtime, need not reread TZ
  for (const std::int64_t unixSeconds : instants) {
    const time_t instant = static_cast<time_t>(unixSeconds);
    struct tm local {};
    if (localtime_r(&instant, &local)) {
      dates.push_back(kindred::CalendarDate{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday});
    } else {
      dates.push_back(std::nullopt);
    }
  }
  // Never unsetenv: see prepareLocalDates.
  setenv("TZ", saved.c_str(), 1);
  tzset();
  return dates;
}

}  // namespace

std::optional<kindred::CalendarDate> localDateIn(const std::string& ianaZone,
                                                 std::int64_t unixSeconds) {
  if (!isKnownTimeZone(ianaZone)) return std::nullopt;
  return convertIn(ianaZone, {unixSeconds}).front();
}

std::string zoneOrUtc(const std::string& ianaZone) {
  return isKnownTimeZone(ianaZone) ? ianaZone : "UTC";
}

kindred::CalendarDate localDateOrUtc(const std::string& ianaZone, std::int64_t unixSeconds) {
  return localDateIn(ianaZone, unixSeconds).value_or(utcDateOf(unixSeconds));
}

std::vector<kindred::CalendarDate> localDatesOrUtc(const std::string& ianaZone,
                                                   const std::vector<std::int64_t>& unixSeconds) {
  std::vector<kindred::CalendarDate> dates;
  dates.reserve(unixSeconds.size());
  if (unixSeconds.empty()) return dates;
  const std::string zone = zoneOrUtc(ianaZone);
  const std::vector<std::optional<kindred::CalendarDate>> local = convertIn(zone, unixSeconds);
  for (std::size_t i = 0; i < local.size(); ++i) {
    dates.push_back(local[i].value_or(utcDateOf(unixSeconds[i])));
  }
  return dates;
}
