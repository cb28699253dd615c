#pragma once
// The database layout and its version. PRAGMA user_version records which
// migrations a file has had, so an older file is brought forward on startup
// and a file from a newer server is refused rather than misread.

#include "database.hpp"

inline constexpr int kSchemaVersion = 6;

// Switches the file to WAL (readers never wait for the writer) and applies
// any missing migrations in one transaction. Run once at startup. Tests pass
// an older `targetVersion` to make the file an older server would have left.
void migrateSchema(Database& db, int targetVersion = kSchemaVersion);

int schemaVersion(Database& db);
