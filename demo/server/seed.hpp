#pragma once
// First-run data for the demo: program.json and members.json from the seed
// directory. Member dates are offsets from the seeding day ("inDays"), fixed
// to calendar dates as they are written, so a fresh demo never starts stale.

#include <filesystem>
#include <stdexcept>

#include "database.hpp"
#include "kindred/calendar_date.hpp"

// The seed files are missing or invalid; the message names the file and the field.
class SeedError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Seeds a database that holds neither a program nor members and returns true.
// A database with data is left alone (its seed directory is not even read)
// and false is returned. The program is checked with the core's parseProgram.
bool seedIfEmpty(Database& db, const std::filesystem::path& seedDir, kindred::CalendarDate today);
