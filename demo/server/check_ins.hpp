#pragma once
// A member's daily check-ins (table check_ins): the days, local to the
// member, they checked in on. The primary key allows one a day.

#include <string_view>
#include <vector>

#include "database.hpp"
#include "kindred/calendar_date.hpp"

// Oldest first.
std::vector<kindred::CalendarDate> loadCheckIns(Database& db, std::string_view memberId);

void insertCheckIn(Database& db, std::string_view memberId, kindred::CalendarDate localDate);
