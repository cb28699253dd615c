#pragma once
// The calendar day an instant falls on in a member's time zone (IANA names
// such as "America/New_York", from the system's tzdata), which is the "day"
// of a game's daily limit, of the daily check-in, of a challenge's week and
// of a year in review.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kindred/calendar_date.hpp"

inline constexpr const char* kZoneInfoDirectory = "/usr/share/zoneinfo";

// A name made of [A-Za-z0-9_+-/] (no "..", no leading or doubled "/") that
// names a compiled zone file (it starts with "TZif") under
// /usr/share/zoneinfo. Everything else, including the directory's index
// files (zone.tab), is unknown.
bool isKnownTimeZone(std::string_view ianaZone);

// Call once at startup, before other threads exist. Conversions change the
// TZ environment variable for a moment (see local_date.cpp); this makes sure
// it already exists, keeping the meaning it had (unset means
// /etc/localtime), so that afterwards its value is only ever replaced in
// place. glibc never frees a replaced value, so a getenv() on another thread
// (SQLite and OpenSSL read a few variables) cannot see the environment
// half-changed, which adding or removing a variable could make it see.
void prepareLocalDates();

// nullopt for a zone isKnownTimeZone refuses. Safe to call from any thread.
std::optional<kindred::CalendarDate> localDateIn(const std::string& ianaZone,
                                                 std::int64_t unixSeconds);

// The zone a member's days are counted in: theirs, or "UTC" should the one
// stored for them not (or no longer) be known, so a bad zone never blocks a play.
std::string zoneOrUtc(const std::string& ianaZone);

// The day in zoneOrUtc(ianaZone).
kindred::CalendarDate localDateOrUtc(const std::string& ianaZone, std::int64_t unixSeconds);

// localDateOrUtc of each instant, in order, with the zone loaded once rather
// than once per instant: what a challenge's window or a year in review
// converts by the hundred.
std::vector<kindred::CalendarDate> localDatesOrUtc(const std::string& ianaZone,
                                                   const std::vector<std::int64_t>& unixSeconds);
