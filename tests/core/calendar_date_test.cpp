#include "kindred/calendar_date.hpp"

#include <gtest/gtest.h>

namespace kindred {
namespace {

TEST(CalendarDate, ParsesRealDays) {
  const auto date = CalendarDate::parse("2028-02-29");
  ASSERT_TRUE(date);
  EXPECT_EQ(date->year, 2028);
  EXPECT_EQ(date->month, 2);
  EXPECT_EQ(date->day, 29);
}

TEST(CalendarDate, RejectsDaysThatDoNotExist) {
  for (const char* text : {"2026-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10",
                           "2026-01-00", "2026-1-01", "2026/01/01", "20260101", "2026-01-01T00:00",
                           "", "abcd-ef-gh", "２０２６-01-01"})
    EXPECT_FALSE(CalendarDate::parse(text)) << text;
  EXPECT_TRUE(CalendarDate::parse("2000-02-29"));  // divisible by 400: a leap year
}

TEST(CalendarDate, DaysSinceEpochRoundTripsAcrossCenturies) {
  EXPECT_EQ(CalendarDate::parse("1970-01-01")->daysSinceEpoch(), 0);
  EXPECT_EQ(CalendarDate::parse("2000-03-01")->daysSinceEpoch(), 11017);
  // Every 997th day from 0000-01-01 to 9999-12-31, the years YYYY can write.
  for (std::int64_t days = -719528; days <= 2932896; days += 997) {
    const auto date = CalendarDate::fromDaysSinceEpoch(days);
    ASSERT_EQ(date.daysSinceEpoch(), days);
    const auto reparsed = CalendarDate::parse(date.toString());
    ASSERT_TRUE(reparsed) << date.toString();
    ASSERT_EQ(reparsed->daysSinceEpoch(), days) << date.toString();
  }
}

TEST(CalendarDate, UnixMillisFallOnTheUtcDay) {
  EXPECT_EQ(CalendarDate::fromUnixMillis(0).toString(), "1970-01-01");
  EXPECT_EQ(CalendarDate::fromUnixMillis(-1).toString(), "1969-12-31");
  // 2026-12-31T23:59:59.999Z and one millisecond later.
  EXPECT_EQ(CalendarDate::fromUnixMillis(1798761599999.0).toString(), "2026-12-31");
  EXPECT_EQ(CalendarDate::fromUnixMillis(1798761600000.0).toString(), "2027-01-01");
}

}  // namespace
}  // namespace kindred
