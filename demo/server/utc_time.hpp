#pragma once
// The server's clock, read in one place. Token and member code takes the time
// as a parameter instead, so tests can pick any instant.

#include <cstdint>
#include <string>

#include "kindred/calendar_date.hpp"

std::int64_t unixNowSeconds();
kindred::CalendarDate todayUtc();

// The UTC day that holds this instant.
kindred::CalendarDate utcDateOf(std::int64_t unixSeconds);

// RFC 3339 in UTC, "2026-03-01T12:00:00Z".
std::string formatRfc3339Utc(std::int64_t unixSeconds);
