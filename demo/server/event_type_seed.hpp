#pragma once
// The demo's event types from event_types.json:
//   {"eventTypes": [{"id": "preview-rated", "description": "...",
//                    "subject": "required" | "optional",   (default optional)
//                    "value": {"min": 1, "max": 5}}]}       (absent: optional, any)
// Ids are slugs, unique; a value range lies within what JavaScript holds
// exactly and has min <= max.

#include <cstdint>
#include <filesystem>

#include "database.hpp"

// Writes the file's event types and returns how many. A seed directory
// without event_types.json (one written before events existed) seeds none;
// an invalid one throws SeedError.
std::int64_t insertSeedEventTypes(Database& db, const std::filesystem::path& seedDir);
