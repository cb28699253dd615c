#pragma once
// The server's clock, read in one place. Token and member code takes the time
// as a parameter instead, so tests can pick any instant.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kindred/calendar_date.hpp"

std::int64_t unixNowSeconds();
kindred::CalendarDate todayUtc();

// The UTC day that holds this instant.
kindred::CalendarDate utcDateOf(std::int64_t unixSeconds);

// RFC 3339 in UTC, "2026-03-01T12:00:00Z".
std::string formatRfc3339Utc(std::int64_t unixSeconds);

// The instant `text` names, when it is exactly what formatRfc3339Utc writes
// ("2026-03-01T12:00:00Z": a real day, 00:00:00 to 23:59:59, Z); otherwise
// nullopt. No offsets, fractions or leap seconds: one spelling per instant.
std::optional<std::int64_t> parseRfc3339Utc(std::string_view text);
