#include "seed.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engagement_config.hpp"
#include "engagement_seed.hpp"
#include "event_type_record.hpp"
#include "event_type_seed.hpp"
#include "game_seed.hpp"
#include "kindred/program.hpp"
#include "ledger.hpp"
#include "local_date.hpp"
#include "moment_config.hpp"
#include "moment_seed.hpp"
#include "reward_seed.hpp"
#include "stored_program.hpp"
#include "surprise_seed.hpp"
#include "synthetic_rewards.hpp"
#include "utc_time.hpp"

namespace {

using nlohmann::json;

bool holdsData(Database& db) {
  Statement query =
      db.prepare("SELECT EXISTS (SELECT 1 FROM program) OR EXISTS (SELECT 1 FROM members)");
  return query.step() && query.int64(0) != 0;
}

bool hasRewards(Database& db) { return db.prepare("SELECT 1 FROM rewards LIMIT 1").step(); }

bool hasGames(Database& db) { return db.prepare("SELECT 1 FROM games LIMIT 1").step(); }

constexpr std::int64_t kSecondsPerDay = 86400;

kindred::Program insertProgram(Database& db, const std::filesystem::path& seedDir) {
  const std::string document = readSeedFile(seedDir / "program.json");
  kindred::Result<kindred::Program> program = kindred::parseProgram(document);
  if (!program.ok()) throw SeedError("program.json: " + program.error().message());
  db.prepare("INSERT INTO program (singleton, document) VALUES (1, ?1)").bind(1, document).run();
  return std::move(program).value();
}

// A member's "activity" and the ledger entries of their seeded surprises,
// written oldest first so that ledger ids (which order GET /v1/activity)
// follow their dates. None is later than the seeding instant, so anything
// the member does after seeding is newer.
void insertActivity(Database& db, const SeedReader& member, const std::string& memberId,
                    kindred::CalendarDate today, std::vector<LedgerEntry> entries) {
  const std::size_t count = member.has("activity") ? member.arraySize("activity") : 0;
  for (std::size_t j = 0; j < count; ++j) {
    const SeedReader item = member.element("activity", j);
    LedgerEntry entry;
    entry.kind = item.string("kind");
    // A surprise's entry comes with the surprise itself ("surprises"), which
    // GET /v1/moments lists; an entry alone would be a gift nobody announced.
    if (!isLedgerKind(entry.kind) || entry.kind == "surprise") {
      item.fail("kind",
                "must be earn, redemption, game_play, game_prize, check_in, expiration or "
                "adjustment");
    }
    entry.points = item.integer("points", -kMaxSafeInteger);
    const bool gain =
        entry.kind == "earn" || entry.kind == "game_prize" || entry.kind == "check_in";
    const bool loss =
        entry.kind == "redemption" || entry.kind == "game_play" || entry.kind == "expiration";
    if (entry.points == 0 || (gain && entry.points < 0) || (loss && entry.points > 0)) {
      item.fail("points",
                "must be non-zero: positive for earn, game_prize and check_in, negative for "
                "redemption, game_play and expiration");
    }
    entry.description = item.string("description");
    entry.createdAt =
        dateInDays(today, item.dayOffset("inDays", -kMaxDayOffset, -1)) + "T12:00:00Z";
    entries.push_back(std::move(entry));
  }
  // RFC 3339 UTC times of one format compare correctly as text.
  std::stable_sort(entries.begin(), entries.end(), [](const LedgerEntry& a, const LedgerEntry& b) {
    return a.createdAt < b.createdAt;
  });
  for (const LedgerEntry& entry : entries) appendLedgerEntry(db, memberId, entry);
}

// Days the member checked in, as offsets from their local day at `nowUnix`
// (not the UTC day): the seed means "checked in yesterday" in the member's
// own calendar, which decides their streak.
void insertCheckIns(Database& db, const SeedReader& member, const std::string& memberId,
                    const std::string& timeZone, std::int64_t nowUnix) {
  if (!member.has("checkIns")) return;
  const kindred::CalendarDate localToday = localDateOrUtc(timeZone, nowUnix);
  Statement insert = db.prepare("INSERT INTO check_ins (member_id, local_date) VALUES (?1, ?2)");
  std::set<std::int64_t> seen;
  for (std::size_t j = 0; j < member.arraySize("checkIns"); ++j) {
    const SeedReader item = member.element("checkIns", j);
    const std::int64_t inDays = item.dayOffset("inDays", -kMaxDayOffset, 0);
    if (!seen.insert(inDays).second) item.fail("inDays", "repeats " + std::to_string(inDays));
    insert.bind(1, memberId).bind(2, dateInDays(localToday, inDays));
    insert.run();
    insert.reset();
  }
}

// "birthMonthFromNow": the member's birth month as months after the month
// the seeding instant falls in on their own calendar (0: that month, -1: the
// month before), so a demo seeded on any day has a birthday to show. Stored
// as the absolute month, 1 to 12.
std::optional<std::int64_t> birthMonth(const SeedReader& member, const std::string& timeZone,
                                       std::int64_t nowUnix) {
  const std::optional<std::int64_t> fromNow = member.optionalInteger("birthMonthFromNow", -11, 11);
  if (!fromNow) return std::nullopt;
  const int month = localDateOrUtc(timeZone, nowUnix).month;  // 1..12
  return (month - 1 + *fromNow + 12) % 12 + 1;
}

void insertMembers(Database& db, const std::filesystem::path& seedDir, std::int64_t nowUnix) {
  const kindred::CalendarDate today = utcDateOf(nowUnix);
  const json list = readSeedList(readSeedFile(seedDir / "members.json"), "members.json", "members");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const SeedReader m(list[i], "members.json", "members[" + std::to_string(i) + "]");
    const std::string id = m.string("id");
    if (!seen.insert(id).second) m.fail("id", "repeats \"" + id + "\"");
    std::optional<std::string> windowEnd;
    if (m.has("tierWindowEndInDays"))
      windowEnd = dateInDays(today, m.dayOffset("tierWindowEndInDays"));
    const std::string timeZone = m.optionalString("timeZone").value_or("UTC");
    if (!isKnownTimeZone(timeZone)) {
      m.fail("timeZone",
             "names no time zone in " + std::string(kZoneInfoDirectory) + ": \"" + timeZone + "\"");
    }

    db.prepare(
          "INSERT INTO members (position, id, name, points, pending_points, lifetime_points,"
          " qualifying_points, tier_window_end, time_zone, birth_month)"
          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
        .bind(1, static_cast<std::int64_t>(i))
        .bind(2, id)
        .bind(3, m.string("name"))
        .bind(4, m.integer("points", 0))
        .bind(5, m.integer("pendingPoints", 0))
        .bind(6, m.integer("lifetimePoints", 0))
        .bind(7, m.integer("qualifyingPoints", 0))
        .bindNullable(8, windowEnd)
        .bind(9, timeZone)
        .bindNullable(10, birthMonth(m, timeZone, nowUnix))
        .run();

    if (m.has("expiring")) {
      for (std::size_t j = 0; j < m.arraySize("expiring"); ++j) {
        const SeedReader bucket = m.element("expiring", j);
        db.prepare("INSERT INTO expiring_points (member_id, date, points) VALUES (?1, ?2, ?3)")
            .bind(1, id)
            .bind(2, dateInDays(today, bucket.dayOffset("inDays")))
            .bind(3, bucket.integer("points", 1))  // the widget's core rejects empty buckets
            .run();
      }
    }
    insertActivity(db, m, id, today, insertSeedSurprises(db, m, id, timeZone, nowUnix));
    insertCheckIns(db, m, id, timeZone, nowUnix);
  }
}

}  // namespace

bool seedIfEmpty(Database& db, const std::filesystem::path& seedDir, kindred::CalendarDate today,
                 std::int64_t syntheticRewards) {
  return seedIfEmptyAt(db, seedDir, today.daysSinceEpoch() * kSecondsPerDay + kSecondsPerDay / 2,
                       syntheticRewards);
}

bool seedIfEmptyAt(Database& db, const std::filesystem::path& seedDir, std::int64_t nowUnix,
                   std::int64_t syntheticRewards) {
  const kindred::CalendarDate today = utcDateOf(nowUnix);
  // The write lock makes check-then-insert atomic when two servers start on one file.
  Transaction transaction(db);
  bool seeded = false;
  std::optional<kindred::Program> program;
  if (!holdsData(db)) {
    program = insertProgram(db, seedDir);
    insertMembers(db, seedDir, nowUnix);
    seeded = true;
  }
  if (!hasRewards(db)) {
    if (!program) program = loadStoredProgram(db).program;
    const std::int64_t fromFile = insertSeedRewards(db, seedDir, *program, today);
    insertSyntheticRewards(db, syntheticRewards, *program, today);
    seeded = seeded || fromFile > 0 || syntheticRewards > 0;
  }
  if (!hasGames(db)) seeded = insertSeedGames(db, seedDir) > 0 || seeded;
  if (!hasEventTypes(db)) seeded = insertSeedEventTypes(db, seedDir) > 0 || seeded;
  if (!hasMomentConfig(db)) {
    if (!program) program = loadStoredProgram(db).program;
    seeded = insertSeedMoments(db, seedDir, *program) || seeded;
  }
  // After the event types and the members, which challenges and the
  // members' sign-ups, badges and events refer to.
  if (!hasEngagementConfig(db)) {
    if (!program) program = loadStoredProgram(db).program;
    seeded = insertSeedEngagement(db, seedDir, *program, nowUnix) || seeded;
  }
  if (!seeded) return false;
  transaction.commit();
  return true;
}
