#include "seed.hpp"

#include <cstdint>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <utility>

#include "kindred/program.hpp"

namespace {

using nlohmann::json;

// Day offsets stay within a century, so every date keeps a four-digit year
// and dates compare correctly as text.
constexpr std::int64_t kMaxDayOffset = 36500;
// Point counts travel to JavaScript as doubles; the widget rejects larger ones.
constexpr std::int64_t kMaxSafeInteger = (std::int64_t{1} << 53) - 1;

std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw SeedError("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Reads one member of members.json, naming the offending field on failure.
class MemberReader {
 public:
  MemberReader(const json& member, std::string path) : member_(member), path_(std::move(path)) {
    if (!member_.is_object()) fail("", "must be an object");
  }

  std::string string(const char* key) const {
    const json& value = field(key);
    if (!value.is_string() || value.get_ref<const std::string&>().empty()) {
      fail(key, "must be a non-empty string");
    }
    return value.get<std::string>();
  }

  std::int64_t integer(const char* key, std::int64_t min,
                       std::int64_t max = kMaxSafeInteger) const {
    const json& value = field(key);
    if (!value.is_number_integer()) fail(key, "must be an integer");
    const bool tooLarge = value.is_number_unsigned()
                              ? value.get<std::uint64_t>() > static_cast<std::uint64_t>(max)
                              : value.get<std::int64_t>() > max;
    if (tooLarge || value.get<std::int64_t>() < min) {
      fail(key, "must be between " + std::to_string(min) + " and " + std::to_string(max));
    }
    return value.get<std::int64_t>();
  }

  std::int64_t dayOffset(const char* key) const {
    return integer(key, -kMaxDayOffset, kMaxDayOffset);
  }

  bool has(const char* key) const {
    const auto found = member_.find(key);
    return found != member_.end() && !found->is_null();
  }

  const json& field(const char* key) const {
    const auto found = member_.find(key);
    if (found == member_.end()) fail(key, "is required");
    return *found;
  }

  [[noreturn]] void fail(const std::string& key, const std::string& problem) const {
    throw SeedError("members.json: " + path_ + (key.empty() ? "" : "." + key) + " " + problem);
  }

 private:
  const json& member_;
  std::string path_;
};

std::string dateInDays(kindred::CalendarDate today, std::int64_t days) {
  return kindred::CalendarDate::fromDaysSinceEpoch(today.daysSinceEpoch() + days).toString();
}

bool holdsData(Database& db) {
  Statement query =
      db.prepare("SELECT EXISTS (SELECT 1 FROM program) OR EXISTS (SELECT 1 FROM members)");
  return query.step() && query.int64(0) != 0;
}

void insertProgram(Database& db, const std::filesystem::path& seedDir) {
  const std::string document = readFile(seedDir / "program.json");
  const kindred::Result<kindred::Program> program = kindred::parseProgram(document);
  if (!program.ok()) throw SeedError("program.json: " + program.error().message());
  db.prepare("INSERT INTO program (singleton, document) VALUES (1, ?1)").bind(1, document).run();
}

void insertMembers(Database& db, const std::filesystem::path& seedDir,
                   kindred::CalendarDate today) {
  const json doc = json::parse(readFile(seedDir / "members.json"), nullptr, false);
  if (doc.is_discarded()) throw SeedError("members.json: is not valid JSON");
  const auto list = doc.is_object() ? doc.find("members") : doc.end();
  if (list == doc.end() || !list->is_array()) {
    throw SeedError("members.json: expected an object with a \"members\" array");
  }

  std::set<std::string> seen;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const MemberReader m((*list)[i], "members[" + std::to_string(i) + "]");
    const std::string id = m.string("id");
    if (!seen.insert(id).second) m.fail("id", "repeats \"" + id + "\"");
    std::optional<std::string> windowEnd;
    if (m.has("tierWindowEndInDays"))
      windowEnd = dateInDays(today, m.dayOffset("tierWindowEndInDays"));

    db.prepare(
          "INSERT INTO members (position, id, name, points, pending_points, lifetime_points,"
          " qualifying_points, tier_window_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .bind(1, static_cast<std::int64_t>(i))
        .bind(2, id)
        .bind(3, m.string("name"))
        .bind(4, m.integer("points", 0))
        .bind(5, m.integer("pendingPoints", 0))
        .bind(6, m.integer("lifetimePoints", 0))
        .bind(7, m.integer("qualifyingPoints", 0))
        .bindNullable(8, windowEnd)
        .run();

    if (!m.has("expiring")) continue;
    const json& expiring = m.field("expiring");
    if (!expiring.is_array()) m.fail("expiring", "must be an array");
    for (std::size_t j = 0; j < expiring.size(); ++j) {
      const MemberReader bucket(
          expiring[j], "members[" + std::to_string(i) + "].expiring[" + std::to_string(j) + "]");
      db.prepare("INSERT INTO expiring_points (member_id, date, points) VALUES (?1, ?2, ?3)")
          .bind(1, id)
          .bind(2, dateInDays(today, bucket.dayOffset("inDays")))
          .bind(3, bucket.integer("points", 1))  // the widget's core rejects empty buckets
          .run();
    }
  }
}

}  // namespace

bool seedIfEmpty(Database& db, const std::filesystem::path& seedDir, kindred::CalendarDate today) {
  // The write lock makes check-then-insert atomic when two servers start on one file.
  Transaction transaction(db);
  if (holdsData(db)) return false;
  insertProgram(db, seedDir);
  insertMembers(db, seedDir, today);
  transaction.commit();
  return true;
}
