// RFC 3339 UTC times as the API writes them, and reading them back strictly
// (POST /v1/events' occurredAt).

#include "utc_time.hpp"

#include <gtest/gtest.h>

namespace {

constexpr std::int64_t kNoon = 1'772'366'400;  // 2026-03-01T12:00:00Z

TEST(UtcTime, ParsesWhatItFormats) {
  EXPECT_EQ(formatRfc3339Utc(kNoon), "2026-03-01T12:00:00Z");
  EXPECT_EQ(parseRfc3339Utc("2026-03-01T12:00:00Z"), kNoon);
  EXPECT_EQ(parseRfc3339Utc("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(parseRfc3339Utc("1969-12-31T23:59:59Z"), -1);
  EXPECT_EQ(parseRfc3339Utc("2028-02-29T23:59:59Z"), 1'835'481'599);
  for (const std::int64_t t :
       {std::int64_t{0}, kNoon, kNoon + 86'399, std::int64_t{4'102'444'800}}) {
    EXPECT_EQ(parseRfc3339Utc(formatRfc3339Utc(t)), t) << t;
  }
}

TEST(UtcTime, RefusesEveryOtherSpelling) {
  for (const char* text :
       {"", "2026-03-01", "2026-03-01T12:00Z", "2026-03-01T12:00:00", "2026-03-01 12:00:00Z",
        "2026-03-01t12:00:00z", "2026-03-01T12:00:00+00:00", "2026-03-01T12:00:00.000Z",
        "2026-03-01T24:00:00Z", "2026-03-01T12:60:00Z", "2026-03-01T12:00:60Z",
        "2026-02-29T12:00:00Z", "2026-13-01T12:00:00Z", "2026-03-01T1a:00:00Z",
        "2026-03-01T-1:00:00Z", " 2026-03-01T12:00:00Z", "2026-03-01T12:00:00Z ",
        "+026-03-01T12:00:00Z"}) {
    EXPECT_EQ(parseRfc3339Utc(text), std::nullopt) << text;
  }
}

}  // namespace
