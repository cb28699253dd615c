#include "engagement_member_seed.hpp"

#include <optional>
#include <set>
#include <string>

#include "challenge_progress.hpp"
#include "engagement_config.hpp"
#include "event_body.hpp"
#include "event_type_record.hpp"
#include "experience_seats.hpp"
#include "local_date.hpp"
#include "member_record.hpp"
#include "preview_access.hpp"
#include "record_event.hpp"
#include "seed_reader.hpp"
#include "utc_time.hpp"

namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

bool isBadge(Database& db, const std::string& badgeId) {
  return db.prepare("SELECT 1 FROM challenges WHERE badge_id = ?1").bind(1, badgeId).step();
}

void insertBadges(Database& db, const SeedReader& m, const MemberRecord& member,
                  std::int64_t nowUnix) {
  if (!m.has("badges")) return;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < m.arraySize("badges"); ++i) {
    const SeedReader b = m.element("badges", i);
    const std::string id = b.string("id");
    if (!isBadge(db, id)) b.fail("id", "names no challenge's badge: \"" + id + "\"");
    if (!seen.insert(id).second) b.fail("id", "repeats \"" + id + "\"");
    const std::int64_t earnedAt =
        nowUnix + b.dayOffset("earnedInDays", -kMaxDayOffset, 0) * kSecondsPerDay;
    awardBadge(db, member.id, id, member.timeZone, earnedAt);
  }
}

void insertSignUps(Database& db, const SeedReader& m, const kindred::Program& program,
                   const MemberRecord& member, std::int64_t nowUnix) {
  if (!m.has("experienceSignUps")) return;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < m.arraySize("experienceSignUps"); ++i) {
    const SeedReader s = m.element("experienceSignUps", i);
    const std::string id = s.string("id");
    if (!seen.insert(id).second) s.fail("id", "repeats \"" + id + "\"");
    if (const std::optional<SignUpRefusal> refusal =
            signUpForExperience(db, program, member.id, member.qualifyingPoints, id, nowUnix)) {
      s.fail("id", "cannot take a seat: " + refusal->detail);
    }
  }
}

void insertEvents(Database& db, const SeedReader& m, const kindred::Program& program,
                  const MemberRecord& member, std::int64_t nowUnix) {
  if (!m.has("events")) return;
  const kindred::CalendarDate localToday = localDateOrUtc(member.timeZone, nowUnix);
  for (std::size_t i = 0; i < m.arraySize("events"); ++i) {
    const SeedReader e = m.element("events", i);
    const std::string typeId = e.string("type");
    const std::optional<EventTypeRecord> type = loadEventType(db, typeId);
    if (!type) e.fail("type", "names no event type of event_types.json: \"" + typeId + "\"");
    if (type->id == "experience-signup") {
      e.fail("type", "experience-signup events are seeded as experienceSignUps, which take a seat");
    }
    std::optional<std::string> subject;
    if (e.has("subject")) subject = e.text("subject", kMaxEventSubjectCharacters);
    if (!subject && (type->subjectRequired || type->id == "preview-rated")) {
      e.fail("subject", "is required for events of type " + type->id);
    }
    std::optional<std::int64_t> value;
    if (type->valueMin) {
      value = e.integer("value", *type->valueMin, *type->valueMax);
    } else if (e.has("value")) {
      value = e.integer("value", -kMaxEventValue, kMaxEventValue);
    }
    if (type->id == "preview-rated") {
      const std::optional<Preview> preview = findPreview(db, *subject);
      if (!preview || !previewShownTo(*preview, program, member.qualifyingPoints, localToday)) {
        e.fail("subject", "names no preview " + member.id + " is shown: \"" + *subject + "\"");
      }
    }
    const std::int64_t occurredAt =
        nowUnix + e.dayOffset("inDays", -kMaxDayOffset, 0) * kSecondsPerDay;
    insertEvent(db, member.id, type->id, subject, value, occurredAt, nowUnix);
    awardCompletedBadges(db, member.id, type->id, member.timeZone, occurredAt, nowUnix);
  }
}

}  // namespace

void insertSeedMemberEngagement(Database& db, const std::filesystem::path& seedDir,
                                const kindred::Program& program, std::int64_t nowUnix) {
  const std::filesystem::path path = seedDir / "members.json";
  if (!std::filesystem::exists(path)) return;
  const nlohmann::json list = readSeedList(readSeedFile(path), "members.json", "members");
  for (std::size_t i = 0; i < list.size(); ++i) {
    const SeedReader m(list[i], "members.json", "members[" + std::to_string(i) + "]");
    std::optional<MemberRecord> member = loadMember(db, m.string("id"), utcDateOf(nowUnix));
    if (!member) continue;  // not seeded from this file
    member->timeZone = zoneOrUtc(member->timeZone);
    insertBadges(db, m, *member, nowUnix);
    insertSignUps(db, m, program, *member, nowUnix);
    insertEvents(db, m, program, *member, nowUnix);
  }
}
