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

// Version 2: the reward catalog, redemptions, the points ledger behind
// GET /v1/activity, and Idempotency-Key records for POST /v1/redemptions.
//
// members.points has no CHECK (points >= 0): SQLite cannot add a constraint
// to an existing table without rebuilding it. Nothing needs one, because
// points are only ever spent by "UPDATE members SET points = points - ?
// WHERE id = ? AND points >= ?", which cannot take a balance below zero.
constexpr const char* kVersion2[] = {
    // `position` is the catalog order (the seed file's), and what the list's
    // cursor points at: new rewards get higher positions, so a cursor stays
    // valid while rewards are added.
    "CREATE TABLE rewards ("
    "  id TEXT PRIMARY KEY,"
    "  position INTEGER NOT NULL UNIQUE,"
    "  name TEXT NOT NULL,"
    "  description TEXT NOT NULL,"
    "  cost INTEGER NOT NULL CHECK (cost >= 0),"
    "  category TEXT NOT NULL,"
    "  image_url TEXT,"
    "  stock INTEGER CHECK (stock IS NULL OR stock >= 0),"  // NULL: unlimited
    "  popularity INTEGER NOT NULL CHECK (popularity >= 0),"
    "  created_at TEXT NOT NULL,"  // RFC 3339 UTC, 2026-10-01T09:00:00Z
    "  tier_required TEXT,"        // a tier id of the program, or NULL
    "  early_access_tier TEXT,"    // during early access, this tier or above only
    "  early_access_until TEXT,"   // YYYY-MM-DD, the last day of early access
    "  CHECK ((early_access_tier IS NULL) = (early_access_until IS NULL)))",
    "CREATE TABLE redemptions ("
    "  id TEXT PRIMARY KEY,"
    "  member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,"
    "  reward_id TEXT NOT NULL REFERENCES rewards(id),"
    "  points_spent INTEGER NOT NULL CHECK (points_spent >= 0),"
    "  code TEXT NOT NULL UNIQUE,"
    "  status TEXT NOT NULL CHECK (status IN ('issued')),"
    "  created_at TEXT NOT NULL)",
    "CREATE INDEX redemptions_by_member ON redemptions(member_id, created_at)",
    // Every change to a member's points, newest last. AUTOINCREMENT: an id is
    // never reused, so an activity cursor cannot come to point at another entry.
    "CREATE TABLE ledger ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,"
    "  kind TEXT NOT NULL"
    "    CHECK (kind IN ('earn', 'redemption', 'game_prize', 'expiration', 'adjustment')),"
    "  points INTEGER NOT NULL,"  // signed: negative when points leave the balance
    "  description TEXT NOT NULL,"
    "  reference TEXT,"  // e.g. the redemption id
    "  created_at TEXT NOT NULL)",
    "CREATE INDEX ledger_by_member ON ledger(member_id, id)",
    // One row per (member, Idempotency-Key): 'running' while the first request
    // with the key executes, then 'done' with the response every retry gets.
    "CREATE TABLE idempotency_keys ("
    "  member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,"
    "  key TEXT NOT NULL,"
    "  request_hash TEXT NOT NULL,"
    "  state TEXT NOT NULL CHECK (state IN ('running', 'done')),"
    "  status INTEGER,"
    "  response_body TEXT,"
    "  content_type TEXT,"
    "  created_at_unix INTEGER NOT NULL,"
    "  PRIMARY KEY (member_id, key),"
    "  CHECK ((state = 'done') = (status IS NOT NULL)))",
    "PRAGMA user_version = 2",
};

}  // namespace

int schemaVersion(Database& db) {
  Statement query = db.prepare("PRAGMA user_version");
  return query.step() ? static_cast<int>(query.int64(0)) : 0;
}

void migrateSchema(Database& db, int targetVersion) {
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
  if (version < 1 && targetVersion >= 1) {
    for (const char* sql : kVersion1) db.prepare(sql).run();
  }
  if (version < 2 && targetVersion >= 2) {
    for (const char* sql : kVersion2) db.prepare(sql).run();
  }
  transaction.commit();
}
