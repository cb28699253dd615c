#include "schema.hpp"

#include <string>

namespace {

// Version 1: the program document as the brand published it, the members
// (`position` keeps the seed file's order for the demo's member switcher) and
// their expiring point buckets.
constexpr SqlText kVersion1[] = {
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
constexpr SqlText kVersion2[] = {
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

// Version 3: games. Their configuration (prize tables, quiz questions with
// their answers, check-in streak rewards) lives here rather than in a file
// the server reads, so the answers stay server-side and every play is
// checked against the table the member was shown. Also each member's time
// zone (the games' "per day" is the member's local day), and the ledger
// rebuilt to allow the 'game_play' and 'check_in' kinds.
constexpr SqlText kVersion3[] = {
    // An IANA name ("Europe/London"); an unknown one is treated as UTC.
    "ALTER TABLE members ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC'",
    // `position` is the order GET /v1/games lists them in (the seed file's).
    // The kind-specific settings are NULL for the other kinds.
    "CREATE TABLE games ("
    "  id TEXT PRIMARY KEY,"
    "  position INTEGER NOT NULL UNIQUE,"
    "  kind TEXT NOT NULL CHECK (kind IN ('wheel', 'scratch', 'memory', 'quiz', 'checkin')),"
    "  title TEXT NOT NULL,"
    "  description TEXT NOT NULL,"
    "  cost INTEGER NOT NULL CHECK (cost >= 0),"
    "  plays_per_day INTEGER NOT NULL CHECK (plays_per_day >= 1),"
    "  cooldown_seconds INTEGER NOT NULL CHECK (cooldown_seconds >= 0),"
    "  pairs INTEGER CHECK (pairs BETWEEN 2 AND 12),"
    "  points_per_correct INTEGER CHECK (points_per_correct >= 0),"
    "  points_per_check_in INTEGER CHECK (points_per_check_in >= 0),"
    "  CHECK ((kind = 'memory') = (pairs IS NOT NULL)),"
    "  CHECK ((kind = 'quiz') = (points_per_correct IS NOT NULL)),"
    "  CHECK ((kind = 'checkin') = (points_per_check_in IS NOT NULL)))",
    // The prize table of a chance game (wheel, scratch, memory), in the
    // order its hash and the draw read it.
    "CREATE TABLE game_prizes ("
    "  game_id TEXT NOT NULL REFERENCES games(id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  id TEXT NOT NULL,"
    "  label TEXT NOT NULL,"
    "  points INTEGER NOT NULL CHECK (points >= 0),"
    "  weight INTEGER NOT NULL CHECK (weight BETWEEN 0 AND 2147483648),"
    "  PRIMARY KEY (game_id, position),"
    "  UNIQUE (game_id, id))",
    // A quiz's questions. correct_option never leaves the server before the
    // member has answered. `options` is a JSON array of strings, always read
    // and written whole.
    "CREATE TABLE game_questions ("
    "  game_id TEXT NOT NULL REFERENCES games(id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  id TEXT NOT NULL,"
    "  text TEXT NOT NULL,"
    "  options TEXT NOT NULL,"
    "  correct_option INTEGER NOT NULL CHECK (correct_option >= 0),"
    "  time_limit_seconds INTEGER NOT NULL CHECK (time_limit_seconds >= 1),"
    "  PRIMARY KEY (game_id, position),"
    "  UNIQUE (game_id, id))",
    // A check-in game's bonuses for reaching a streak length.
    "CREATE TABLE game_streak_rewards ("
    "  game_id TEXT NOT NULL REFERENCES games(id) ON DELETE CASCADE,"
    "  day INTEGER NOT NULL CHECK (day >= 1),"
    "  points INTEGER NOT NULL CHECK (points >= 0),"
    "  label TEXT NOT NULL,"
    "  PRIMARY KEY (game_id, day))",
    // The server seed each member's next play of a chance game will use,
    // committed to (by its SHA-256) before the member picks a client seed.
    // Revealed and replaced by that play; `nonce` counts the member's plays.
    "CREATE TABLE game_seeds ("
    "  member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,"
    "  game_id TEXT NOT NULL REFERENCES games(id) ON DELETE CASCADE,"
    "  server_seed TEXT NOT NULL,"
    "  nonce INTEGER NOT NULL CHECK (nonce >= 0),"
    "  PRIMARY KEY (member_id, game_id))",
    // Every play. Chance games keep what proves the draw (nonce, both seeds,
    // the index drawn), the quiz its score. `local_date` is the member's day
    // when they played, which the daily limit counts in.
    "CREATE TABLE plays ("
    "  id TEXT PRIMARY KEY,"
    "  member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,"
    "  game_id TEXT NOT NULL REFERENCES games(id),"
    "  nonce INTEGER,"
    "  client_seed TEXT,"
    "  server_seed TEXT,"
    "  prize_index INTEGER,"
    "  score INTEGER,"
    "  points_spent INTEGER NOT NULL CHECK (points_spent >= 0),"
    "  points_won INTEGER NOT NULL CHECK (points_won >= 0),"
    "  local_date TEXT NOT NULL,"           // YYYY-MM-DD in the member's time zone
    "  created_at TEXT NOT NULL,"           // RFC 3339 UTC
    "  created_at_unix INTEGER NOT NULL)",  // for the cooldown
    "CREATE INDEX plays_by_day ON plays(member_id, game_id, local_date)",
    "CREATE INDEX plays_by_time ON plays(member_id, game_id, created_at_unix)",
    // The member's check-in days, local: at most one a day.
    "CREATE TABLE check_ins ("
    "  member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,"
    "  local_date TEXT NOT NULL,"
    "  PRIMARY KEY (member_id, local_date))",
    // SQLite cannot alter a CHECK, so the ledger is copied into a table with
    // the new one. Ids are copied as they are, and so is the AUTOINCREMENT
    // counter: an id deleted before the migration (with its member) must not
    // come back. Nothing references the ledger, so dropping it is safe with
    // foreign keys on.
    "CREATE TABLE ledger_v3 ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,"
    "  kind TEXT NOT NULL"
    "    CHECK (kind IN ('earn', 'redemption', 'game_play', 'game_prize', 'check_in',"
    "                    'expiration', 'adjustment')),"
    "  points INTEGER NOT NULL,"
    "  description TEXT NOT NULL,"
    "  reference TEXT,"  // the redemption or play id
    "  created_at TEXT NOT NULL)",
    "INSERT INTO ledger_v3 (id, member_id, kind, points, description, reference, created_at)"
    " SELECT id, member_id, kind, points, description, reference, created_at FROM ledger"
    " ORDER BY id",
    "DELETE FROM sqlite_sequence WHERE name = 'ledger_v3'",
    "INSERT INTO sqlite_sequence (name, seq)"
    " SELECT 'ledger_v3', seq FROM sqlite_sequence WHERE name = 'ledger'",
    "DROP TABLE ledger",
    "ALTER TABLE ledger_v3 RENAME TO ledger",  // renames its sqlite_sequence row too
    "CREATE INDEX ledger_by_member ON ledger(member_id, id)",
    "PRAGMA user_version = 3",
};

// Version 4: engagement events (POST /v1/events) and the types they may
// have. Events never change points: they are facts that other features
// (micro-moments, challenges) read, so nothing here touches the ledger.
constexpr SqlText kVersion4[] = {
    // Seeded from event_types.json. Both value bounds set: every event of
    // the type has a value within them; both NULL: a value is optional.
    "CREATE TABLE event_types ("
    "  id TEXT PRIMARY KEY,"
    "  description TEXT NOT NULL,"
    "  subject_required INTEGER NOT NULL CHECK (subject_required IN (0, 1)),"
    "  value_min INTEGER,"
    "  value_max INTEGER,"
    "  CHECK ((value_min IS NULL) = (value_max IS NULL)),"
    "  CHECK (value_min <= value_max))",
    "CREATE TABLE events ("
    "  id TEXT PRIMARY KEY,"
    "  member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,"
    "  type TEXT NOT NULL REFERENCES event_types(id),"
    "  subject TEXT,"
    "  value INTEGER,"
    "  occurred_at TEXT NOT NULL,"           // RFC 3339 UTC: when it happened, as the client said
    "  received_at TEXT NOT NULL,"           // RFC 3339 UTC: when the backend recorded it
    "  occurred_at_unix INTEGER NOT NULL)",  // for "in the last N days" questions
    "CREATE INDEX events_by_member ON events(member_id, type, occurred_at_unix)",
    "PRAGMA user_version = 4",
};

// Version 5: micro-moments (GET /v1/moments). The program's side (point
// milestones worth a nudge, a birthday offer per tier, how early an expiry
// is worth a reminder) is seeded from moments.json; each member's birth
// month; surprise bonuses, credited when granted and listed until the member
// acknowledges them; and the ledger rebuilt, as in version 3, to allow the
// 'surprise' kind.
constexpr SqlText kVersion5[] = {
    // NULL: the member never told us. A new column may carry a CHECK: every
    // existing row gets NULL, which passes it.
    "ALTER TABLE members ADD COLUMN birth_month INTEGER CHECK (birth_month BETWEEN 1 AND 12)",
    // One row once moments.json has been seeded; without it GET /v1/moments
    // sends the widget's default lead.
    "CREATE TABLE moment_settings ("
    "  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),"
    "  expiry_reminder_days INTEGER NOT NULL CHECK (expiry_reminder_days BETWEEN 1 AND 365))",
    // Balances worth something ("500 points: a $10 reward"), listed by points.
    "CREATE TABLE moment_incentives ("
    "  id TEXT PRIMARY KEY,"
    "  points INTEGER NOT NULL UNIQUE CHECK (points > 0),"
    "  label TEXT NOT NULL)",
    // At most one per tier (the member gets their tier's), listed in the
    // seed file's order. tier_id names a tier of the program document, which
    // a foreign key cannot reach: seeding checks it.
    "CREATE TABLE birthday_offers ("
    "  tier_id TEXT PRIMARY KEY,"
    "  position INTEGER NOT NULL UNIQUE,"
    "  title TEXT NOT NULL,"
    "  description TEXT NOT NULL)",
    // Points given for no transaction. Ids are the member's own (the widget
    // keys a surprise's card "surprise:<id>"), so they are unique per member.
    // Whether one was acknowledged is not stored here: it is a
    // moment-acknowledged event, which every device reads alike.
    "CREATE TABLE surprises ("
    "  member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,"
    "  id TEXT NOT NULL,"
    "  points INTEGER NOT NULL CHECK (points > 0),"
    "  message TEXT NOT NULL,"
    "  granted_on TEXT NOT NULL,"  // YYYY-MM-DD in the member's time zone
    "  granted_at TEXT NOT NULL,"  // RFC 3339 UTC, which orders them
    "  PRIMARY KEY (member_id, id))",
    "CREATE INDEX surprises_by_time ON surprises(member_id, granted_at)",
    // As in version 3: copied into a table with the new CHECK, ids and the
    // AUTOINCREMENT counter included.
    "CREATE TABLE ledger_v5 ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,"
    "  kind TEXT NOT NULL"
    "    CHECK (kind IN ('earn', 'redemption', 'game_play', 'game_prize', 'check_in',"
    "                    'surprise', 'expiration', 'adjustment')),"
    "  points INTEGER NOT NULL,"
    "  description TEXT NOT NULL,"
    "  reference TEXT,"  // the redemption, play or surprise id
    "  created_at TEXT NOT NULL)",
    "INSERT INTO ledger_v5 (id, member_id, kind, points, description, reference, created_at)"
    " SELECT id, member_id, kind, points, description, reference, created_at FROM ledger"
    " ORDER BY id",
    "DELETE FROM sqlite_sequence WHERE name = 'ledger_v5'",
    "INSERT INTO sqlite_sequence (name, seq)"
    " SELECT 'ledger_v5', seq FROM sqlite_sequence WHERE name = 'ledger'",
    "DROP TABLE ledger",
    "ALTER TABLE ledger_v5 RENAME TO ledger",
    "CREATE INDEX ledger_by_member ON ledger(member_id, id)",
    "PRAGMA user_version = 5",
};

// Version 6: the rest of the micro-moments (GET /v1/moments): a purpose
// counter ("trees planted"), tier-only experiences with their seats and
// sign-ups, insider previews, challenges with the badges they award, and a
// flag that tells a prize of no points (free shipping) from "try again",
// which the year in review counts as a game won.
constexpr SqlText kVersion6[] = {
    // One row once the new sections of moments.json have been seeded: a
    // version-5 database seeded its moments without them, and gets them at
    // the next start. The impact counter is optional: all three NULL when
    // the program has none.
    "CREATE TABLE engagement_settings ("
    "  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),"
    "  impact_label TEXT,"
    "  impact_points_per_unit INTEGER CHECK (impact_points_per_unit > 0),"
    "  impact_community_base INTEGER CHECK (impact_community_base >= 0),"
    "  CHECK ((impact_label IS NULL) = (impact_points_per_unit IS NULL)),"
    "  CHECK ((impact_label IS NULL) = (impact_community_base IS NULL)))",
    // Events and sessions for a tier and above. tier_id names a tier of the
    // program document, which seeding checks (as for birthday offers).
    "CREATE TABLE experiences ("
    "  id TEXT PRIMARY KEY,"
    "  position INTEGER NOT NULL UNIQUE,"
    "  tier_id TEXT NOT NULL,"
    "  title TEXT NOT NULL,"
    "  description TEXT NOT NULL,"
    "  starts_at TEXT NOT NULL,"          // RFC 3339 UTC
    "  starts_at_unix INTEGER NOT NULL,"  // what "not started yet" compares
    "  seats INTEGER NOT NULL CHECK (seats BETWEEN 1 AND 10000))",
    // One seat per member and experience: the key is what makes a second
    // sign-up keep the first seat rather than take another.
    "CREATE TABLE experience_signups ("
    "  member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,"
    "  experience_id TEXT NOT NULL REFERENCES experiences(id) ON DELETE CASCADE,"
    "  signed_up_at TEXT NOT NULL,"  // RFC 3339 UTC
    "  PRIMARY KEY (member_id, experience_id))",
    "CREATE INDEX experience_signups_by_experience ON experience_signups(experience_id)",
    // Unreleased items shown to a tier and above until their release day.
    "CREATE TABLE previews ("
    "  id TEXT PRIMARY KEY,"
    "  position INTEGER NOT NULL UNIQUE,"
    "  tier_id TEXT NOT NULL,"
    "  title TEXT NOT NULL,"
    "  description TEXT NOT NULL,"
    "  release_date TEXT NOT NULL)",  // YYYY-MM-DD
    // Multi-step challenges counted from the member's events of one type.
    // (WINDOW and DISTINCT are SQL keywords, hence the longer names.)
    "CREATE TABLE challenges ("
    "  id TEXT PRIMARY KEY,"
    "  position INTEGER NOT NULL UNIQUE,"
    "  title TEXT NOT NULL,"
    "  description TEXT NOT NULL,"
    "  event_type TEXT NOT NULL REFERENCES event_types(id),"
    "  steps INTEGER NOT NULL CHECK (steps BETWEEN 2 AND 30),"
    "  time_window TEXT NOT NULL CHECK (time_window IN ('week', 'month', 'ever')),"
    "  distinct_by TEXT NOT NULL CHECK (distinct_by IN ('day', 'subject', 'none')),"
    "  badge_id TEXT NOT NULL UNIQUE,"
    "  badge_title TEXT NOT NULL)",
    // A badge is earned once, whatever the windows completed after.
    "CREATE TABLE badges ("
    "  member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,"
    "  badge_id TEXT NOT NULL REFERENCES challenges(badge_id),"
    "  earned_at TEXT NOT NULL,"  // RFC 3339 UTC, which orders the shelf
    "  earned_on TEXT NOT NULL,"  // YYYY-MM-DD in the member's time zone
    "  PRIMARY KEY (member_id, badge_id))",
    // 1: a prize worth no points that is still a prize (free shipping). A
    // version-5 database cannot tell those from "try again", so its 0-point
    // prizes all count as no win.
    "ALTER TABLE game_prizes ADD COLUMN non_points INTEGER NOT NULL DEFAULT 0"
    "  CHECK (non_points IN (0, 1))",
    // Sign-ups are events of this type. Event types are seeded only into an
    // empty table, so a database that has them gets this one here.
    "INSERT INTO event_types (id, description, subject_required)"
    " SELECT 'experience-signup', 'The member signed up for a tier experience; subject: the"
    " experience''s id.', 1"
    " WHERE EXISTS (SELECT 1 FROM event_types)"
    " AND NOT EXISTS (SELECT 1 FROM event_types WHERE id = 'experience-signup')",
    "PRAGMA user_version = 6",
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
    for (const SqlText sql : kVersion1) db.prepare(sql).run();
  }
  if (version < 2 && targetVersion >= 2) {
    for (const SqlText sql : kVersion2) db.prepare(sql).run();
  }
  if (version < 3 && targetVersion >= 3) {
    for (const SqlText sql : kVersion3) db.prepare(sql).run();
  }
  if (version < 4 && targetVersion >= 4) {
    for (const SqlText sql : kVersion4) db.prepare(sql).run();
  }
  if (version < 5 && targetVersion >= 5) {
    for (const SqlText sql : kVersion5) db.prepare(sql).run();
  }
  if (version < 6 && targetVersion >= 6) {
    for (const SqlText sql : kVersion6) db.prepare(sql).run();
  }
  transaction.commit();
}
