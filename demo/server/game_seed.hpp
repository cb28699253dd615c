#pragma once
// The demo's games from games.json: listing order is file order, and every
// setting is checked as it is read, including what the core would refuse
// (prize weights that add up to 0 or more than 2^31, a memory game of 13
// pairs), so a game the widget cannot run never reaches it. Labels are
// stored exactly as written, whatever characters they hold.

#include <cstdint>
#include <filesystem>

#include "database.hpp"

// Appends the file's games after any already there and returns how many. A
// seed directory without games.json (one written before games existed)
// seeds none; an invalid one throws SeedError.
std::int64_t insertSeedGames(Database& db, const std::filesystem::path& seedDir);
