#include "schema.hpp"

#include <string>

namespace {

// Version 1: the program document as the brand published it, the members
// (`position` keeps the seed file's order for the demo's member switcher) and
// their expiring point buckets.
constexpr const char* kVersion1[] = {
    "CREATE TABLE program ("
    "  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),"
    "  document TEXT NOT NULL)",
    "CREATE TABLE members ("
    "  position INTEGER PRIMARY KEY,"
    "  id TEXT NOT NULL UNIQUE,"
    "  name TEXT NOT NULL,"
    "  points INTEGER NOT NULL,"
    "  pending_points INTEGER NOT NULL,"
    "  lifetime_points INTEGER NOT NULL,"
    "  qualifying_points INTEGER NOT NULL,"
    "  tier_window_end TEXT)",  // YYYY-MM-DD, or NULL when the tier has no window
    "CREATE TABLE expiring_points ("
    "  member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,"
    "  date TEXT NOT NULL,"  // YYYY-MM-DD: the last day the points can be spent
    "  points INTEGER NOT NULL CHECK (points > 0))",
    "CREATE INDEX expiring_points_by_member ON expiring_points(member_id, date)",
    "PRAGMA user_version = 1",
};

}  // namespace

int schemaVersion(Database& db) {
  Statement query = db.prepare("PRAGMA user_version");
  return query.step() ? static_cast<int>(query.int64(0)) : 0;
}

void migrateSchema(Database& db) {
  db.prepare("PRAGMA journal_mode = WAL").run();

  // Inside the write lock, so two servers starting on one new file cannot
  // both create the tables.
  Transaction transaction(db);
  const int version = schemaVersion(db);
  if (version > kSchemaVersion) {
    throw DatabaseError("the database has schema version " + std::to_string(version) +
                        " but this server only knows up to " + std::to_string(kSchemaVersion) +
                        "; use a newer server or a new --db");
  }
  if (version < 1) {
    for (const char* sql : kVersion1) db.prepare(sql).run();
  }
  transaction.commit();
}
