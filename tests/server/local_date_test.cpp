// A member's local day (localDateIn): the same instant falls on different
// days in New York and Tokyo around UTC midnight, daylight saving time moves
// the local midnight by an hour, a year ends at different instants, and only
// real zone files are accepted. Conversions from many threads at once stay
// correct, and the process's TZ is left as it was.

#include "local_date.hpp"

#include <gtest/gtest.h>
#include <time.h>

#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "utc_time.hpp"

namespace {

// Seconds since 1970 of a UTC date and time.
std::int64_t utc(int year, int month, int day, int hour, int minute = 0, int second = 0) {
  return kindred::CalendarDate{year, month, day}.daysSinceEpoch() * 86400 + hour * 3600 +
         minute * 60 + second;
}

std::string localDay(const std::string& zone, std::int64_t instant) {
  const auto date = localDateIn(zone, instant);
  return date ? date->toString() : "nullopt";
}

TEST(LocalDateTest, NewYorkAndTokyoAreOnDifferentDaysAroundUtcMidnight) {
  // 23:30 UTC on 28 February: 18:30 in New York (EST), 08:30 on 1 March in Tokyo.
  EXPECT_EQ(localDay("America/New_York", utc(2026, 2, 28, 23, 30)), "2026-02-28");
  EXPECT_EQ(localDay("Asia/Tokyo", utc(2026, 2, 28, 23, 30)), "2026-03-01");
  EXPECT_EQ(localDay("UTC", utc(2026, 2, 28, 23, 30)), "2026-02-28");
  // 00:30 UTC on 1 March: still 28 February in New York (19:30).
  EXPECT_EQ(localDay("America/New_York", utc(2026, 3, 1, 0, 30)), "2026-02-28");
  EXPECT_EQ(localDay("Asia/Tokyo", utc(2026, 3, 1, 0, 30)), "2026-03-01");
  // Tokyo's midnight is 15:00 UTC, to the second.
  EXPECT_EQ(localDay("Asia/Tokyo", utc(2026, 3, 1, 14, 59, 59)), "2026-03-01");
  EXPECT_EQ(localDay("Asia/Tokyo", utc(2026, 3, 1, 15)), "2026-03-02");
  // New York's midnight (EST) is 05:00 UTC.
  EXPECT_EQ(localDay("America/New_York", utc(2026, 3, 2, 4, 59, 59)), "2026-03-01");
  EXPECT_EQ(localDay("America/New_York", utc(2026, 3, 2, 5)), "2026-03-02");
}

TEST(LocalDateTest, DaylightSavingTimeMovesLocalMidnightByAnHour) {
  // New York springs forward on 8 March 2026: midnight is 05:00 UTC before, 04:00 after.
  EXPECT_EQ(localDay("America/New_York", utc(2026, 3, 8, 4, 30)), "2026-03-07");  // 23:30 EST
  EXPECT_EQ(localDay("America/New_York", utc(2026, 3, 9, 4, 30)), "2026-03-09");  // 00:30 EDT
  EXPECT_EQ(localDay("America/New_York", utc(2026, 3, 9, 3, 59, 59)), "2026-03-08");
  // ... and falls back on 1 November 2026.
  EXPECT_EQ(localDay("America/New_York", utc(2026, 11, 1, 4, 30)), "2026-11-01");  // 00:30 EDT
  EXPECT_EQ(localDay("America/New_York", utc(2026, 11, 2, 4, 30)), "2026-11-01");  // 23:30 EST
  // London moves to BST on 29 March 2026: 23:30 UTC is already the next day.
  EXPECT_EQ(localDay("Europe/London", utc(2026, 3, 28, 23, 30)), "2026-03-28");  // GMT
  EXPECT_EQ(localDay("Europe/London", utc(2026, 3, 29, 23, 30)), "2026-03-30");  // BST
  // The southern hemisphere's summer time runs the other way round (AEDT until 5 April).
  EXPECT_EQ(localDay("Australia/Sydney", utc(2026, 1, 15, 13)), "2026-01-16");  // UTC+11
  EXPECT_EQ(localDay("Australia/Sydney", utc(2026, 7, 15, 13)), "2026-07-15");  // UTC+10: 23:00
}

TEST(LocalDateTest, TheYearEndsAtDifferentInstants) {
  EXPECT_EQ(localDay("Asia/Tokyo", utc(2026, 12, 31, 15)), "2027-01-01");
  EXPECT_EQ(localDay("America/New_York", utc(2026, 12, 31, 23, 59, 59)), "2026-12-31");
  EXPECT_EQ(localDay("America/New_York", utc(2027, 1, 1, 4, 59, 59)), "2026-12-31");
  EXPECT_EQ(localDay("America/New_York", utc(2027, 1, 1, 5)), "2027-01-01");
  EXPECT_EQ(localDay("America/Los_Angeles", utc(2027, 1, 1, 7, 59, 59)), "2026-12-31");
  // The first and last zones to see a new year: UTC+14 and UTC-11.
  EXPECT_EQ(localDay("Pacific/Kiritimati", utc(2026, 12, 31, 10)), "2027-01-01");
  EXPECT_EQ(localDay("Pacific/Pago_Pago", utc(2027, 1, 1, 10, 59)), "2026-12-31");
  // Offsets that are not whole hours.
  EXPECT_EQ(localDay("Asia/Kolkata", utc(2026, 12, 31, 18, 29, 59)), "2026-12-31");
  EXPECT_EQ(localDay("Asia/Kolkata", utc(2026, 12, 31, 18, 30)), "2027-01-01");
  EXPECT_EQ(localDay("Asia/Kathmandu", utc(2026, 12, 31, 18, 15)), "2027-01-01");
  // Leap day, and an instant before 1970.
  EXPECT_EQ(localDay("Asia/Tokyo", utc(2028, 2, 28, 15)), "2028-02-29");
  EXPECT_EQ(localDay("UTC", -1), "1969-12-31");
}

TEST(LocalDateTest, OnlyRealZoneFilesAreKnown) {
  for (const char* zone : {"UTC", "Europe/London", "America/Argentina/Buenos_Aires", "Etc/GMT+5",
                           "Etc/GMT-14", "America/Port-au-Prince"}) {
    EXPECT_TRUE(isKnownTimeZone(zone)) << zone;
  }
  for (const char* zone :
       {"", "Mars/Olympus_Mons", "../../etc/passwd", "America/../../../etc/passwd",
        "/usr/share/zoneinfo/UTC", "/etc/localtime", "America/", "America//New_York", "America",
        "zone.tab", "tzdata.zi", "Europe/London ", "Europe/London\n", "EST5EDT,M3.2.0,M11.1.0",
        "Europe\\London", ":UTC"}) {
    EXPECT_FALSE(isKnownTimeZone(zone)) << zone;
    EXPECT_FALSE(localDateIn(zone, 0)) << zone;
  }
  EXPECT_FALSE(isKnownTimeZone(std::string(100, 'A')));
  EXPECT_FALSE(isKnownTimeZone(std::string_view("UTC\0", 4)));
  // A member whose stored zone is unknown gets UTC days rather than an error.
  EXPECT_EQ(localDateOrUtc("Mars/Olympus_Mons", utc(2026, 3, 1, 23, 30)).toString(), "2026-03-01");
  EXPECT_EQ(localDateOrUtc("Asia/Tokyo", utc(2026, 3, 1, 23, 30)).toString(), "2026-03-02");
}

TEST(LocalDateTest, LeavesTheProcessTimeZoneAsItWas) {
  setenv("TZ", "Asia/Tokyo", 1);
  tzset();
  EXPECT_EQ(localDay("America/New_York", utc(2026, 3, 1, 0, 30)), "2026-02-28");
  EXPECT_STREQ(std::getenv("TZ"), "Asia/Tokyo");
  const time_t instant = static_cast<time_t>(utc(2026, 3, 1, 0, 30));
  struct tm local {};
  localtime_r(&instant, &local);
  EXPECT_EQ(local.tm_hour, 9);  // Tokyo's, not New York's

  unsetenv("TZ");
  prepareLocalDates();  // an unset TZ is pinned to what unset means
  EXPECT_STREQ(std::getenv("TZ"), ":/etc/localtime");
  EXPECT_EQ(localDay("Asia/Tokyo", utc(2026, 3, 1, 15)), "2026-03-02");
  EXPECT_STREQ(std::getenv("TZ"), ":/etc/localtime");
  unsetenv("TZ");
  tzset();
}

TEST(LocalDateTest, ConversionsOnManyThreadsAtOnceStayCorrect) {
  struct Case {
    const char* zone;
    std::int64_t instant;
    const char* day;
  };
  const std::vector<Case> cases = {
      {"America/New_York", utc(2026, 3, 1, 0, 30), "2026-02-28"},
      {"Asia/Tokyo", utc(2026, 3, 1, 0, 30), "2026-03-01"},
      {"Pacific/Kiritimati", utc(2026, 12, 31, 10), "2027-01-01"},
      {"Pacific/Pago_Pago", utc(2026, 12, 31, 10), "2026-12-30"},
  };
  std::vector<std::thread> threads;
  std::vector<int> wrong(8, 0);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) {
        const Case& c = cases[static_cast<std::size_t>((i + t) % 4)];
        if (localDay(c.zone, c.instant) != c.day) ++wrong[static_cast<std::size_t>(t)];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 0; t < 8; ++t) EXPECT_EQ(wrong[static_cast<std::size_t>(t)], 0) << "thread " << t;
}

}  // namespace
