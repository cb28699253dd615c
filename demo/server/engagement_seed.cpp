#include "engagement_seed.hpp"

#include <set>
#include <string>

#include "engagement_config.hpp"
#include "engagement_member_seed.hpp"
#include "event_type_record.hpp"
#include "moment_seed.hpp"
#include "seed_reader.hpp"
#include "utc_time.hpp"

namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

std::string identifier(const SeedReader& r, std::set<std::string>& seen) {
  const std::string id = r.string("id");
  // Events name them in their subject, and the widget keys cards by them.
  if (!isIdentifier(id)) r.fail("id", "must be 1 to 64 letters, digits, '_' and '-'");
  if (!seen.insert(id).second) r.fail("id", "repeats \"" + id + "\"");
  return id;
}

std::string tierOf(const SeedReader& r, const kindred::Program& program) {
  const std::string tierId = r.string("tierId");
  if (!program.findTier(tierId)) {
    r.fail("tierId", "names no tier of the program: \"" + tierId + "\"");
  }
  return tierId;
}

// Seconds into the day of "HH:MM".
std::int64_t timeOfDay(const SeedReader& r, const char* key) {
  const std::string text = r.string(key);
  const auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
  const bool shaped =
      text.size() == 5 && digit(0) && digit(1) && text[2] == ':' && digit(3) && digit(4);
  const int hours = shaped ? (text[0] - '0') * 10 + (text[1] - '0') : 99;
  const int minutes = shaped ? (text[3] - '0') * 10 + (text[4] - '0') : 99;
  if (hours > 23 || minutes > 59) r.fail(key, "must be a time of day like \"17:30\"");
  return hours * 3600 + minutes * 60;
}

std::int64_t startsAt(const SeedReader& r, kindred::CalendarDate today) {
  if (r.has("startsAt") && r.has("startsInDays")) {
    r.fail("startsInDays", "cannot be given with startsAt");
  }
  if (r.has("startsInDays")) {
    return (today.daysSinceEpoch() + r.dayOffset("startsInDays")) * kSecondsPerDay +
           timeOfDay(r, "timeUtc");
  }
  if (!r.has("startsAt")) r.fail("startsAt", "is required, or startsInDays with timeUtc");
  const std::string text = r.string("startsAt");
  const std::optional<std::int64_t> instant = parseRfc3339Utc(text);
  if (!instant) r.fail("startsAt", "must be a UTC time like \"2026-12-05T17:00:00Z\"");
  return *instant;
}

std::string releaseDate(const SeedReader& r, kindred::CalendarDate today) {
  if (r.has("releaseDate") && r.has("releaseInDays")) {
    r.fail("releaseInDays", "cannot be given with releaseDate");
  }
  if (r.has("releaseInDays")) return dateInDays(today, r.dayOffset("releaseInDays"));
  if (!r.has("releaseDate")) r.fail("releaseDate", "is required, or releaseInDays");
  const std::optional<kindred::CalendarDate> date =
      kindred::CalendarDate::parse(r.string("releaseDate"));
  // A four-digit year keeps release dates comparable as text.
  if (!date || date->year < 1000 || date->year > 9999) {
    r.fail("releaseDate", "must be a date like \"2026-12-05\"");
  }
  return date->toString();
}

void readImpact(const SeedReader& file, EngagementConfig& config) {
  if (!file.has("impact")) return;
  const SeedReader r = file.object("impact");
  config.impact =
      ImpactCounter{r.text("label", kMaxImpactLabelCharacters), r.integer("pointsPerUnit", 1),
                    r.integer("communityBase", 0, kMaxCommunityBase)};
}

void readExperiences(const SeedReader& file, const kindred::Program& program,
                     kindred::CalendarDate today, EngagementConfig& config) {
  const std::size_t count = file.has("experiences") ? file.arraySize("experiences") : 0;
  if (count > kMaxExperiences) {
    file.fail("experiences",
              "must hold at most " + std::to_string(kMaxExperiences) + " experiences");
  }
  std::set<std::string> ids;
  for (std::size_t i = 0; i < count; ++i) {
    const SeedReader r = file.element("experiences", i);
    Experience experience;
    experience.id = identifier(r, ids);
    experience.tierId = tierOf(r, program);
    experience.title = r.text("title", kMaxMomentTitleCharacters);
    experience.description = r.text("description", kMaxMomentDescriptionCharacters);
    experience.startsAtUnix = startsAt(r, today);
    experience.startsAt = formatRfc3339Utc(experience.startsAtUnix);
    experience.seats = r.integer("seats", 1, kMaxExperienceSeats);
    config.experiences.push_back(std::move(experience));
  }
}

void readPreviews(const SeedReader& file, const kindred::Program& program,
                  kindred::CalendarDate today, EngagementConfig& config) {
  const std::size_t count = file.has("previews") ? file.arraySize("previews") : 0;
  if (count > kMaxPreviews) {
    file.fail("previews", "must hold at most " + std::to_string(kMaxPreviews) + " previews");
  }
  std::set<std::string> ids;
  for (std::size_t i = 0; i < count; ++i) {
    const SeedReader r = file.element("previews", i);
    Preview preview;
    preview.id = identifier(r, ids);
    preview.tierId = tierOf(r, program);
    preview.title = r.text("title", kMaxMomentTitleCharacters);
    preview.description = r.text("description", kMaxMomentDescriptionCharacters);
    preview.releaseDate = releaseDate(r, today);
    config.previews.push_back(std::move(preview));
  }
}

std::string oneOf(const SeedReader& r, const char* key, const std::set<std::string>& allowed,
                  const char* mustBe) {
  const std::string value = r.string(key);
  if (!allowed.count(value)) r.fail(key, mustBe);
  return value;
}

void readChallenges(Database& db, const SeedReader& file, EngagementConfig& config) {
  const std::size_t count = file.has("challenges") ? file.arraySize("challenges") : 0;
  if (count > kMaxChallenges) {
    file.fail("challenges", "must hold at most " + std::to_string(kMaxChallenges) + " challenges");
  }
  std::set<std::string> ids;
  std::set<std::string> badgeIds;
  for (std::size_t i = 0; i < count; ++i) {
    const SeedReader r = file.element("challenges", i);
    Challenge challenge;
    challenge.id = identifier(r, ids);
    challenge.title = r.text("title", kMaxMomentTitleCharacters);
    challenge.description = r.text("description", kMaxMomentDescriptionCharacters);
    challenge.eventType = r.string("eventType");
    if (!loadEventType(db, challenge.eventType)) {
      r.fail("eventType",
             "names no event type of event_types.json: \"" + challenge.eventType + "\"");
    }
    challenge.steps = r.integer("steps", kMinChallengeSteps, kMaxChallengeSteps);
    challenge.window = oneOf(r, "window", {"week", "month", "ever"}, "must be week, month or ever");
    challenge.distinctBy =
        oneOf(r, "distinct", {"day", "subject", "none"}, "must be day, subject or none");
    const SeedReader badge = r.object("badge");
    challenge.badgeId = identifier(badge, badgeIds);
    challenge.badgeTitle = badge.text("title", kMaxMomentTitleCharacters);
    config.challenges.push_back(std::move(challenge));
  }
}

}  // namespace

bool insertSeedEngagement(Database& db, const std::filesystem::path& seedDir,
                          const kindred::Program& program, std::int64_t nowUnix) {
  const std::filesystem::path path = seedDir / "moments.json";
  if (!std::filesystem::exists(path)) return false;
  const nlohmann::json doc = readSeedObject(readSeedFile(path), "moments.json");
  const SeedReader file(doc, "moments.json", "");
  const kindred::CalendarDate today = utcDateOf(nowUnix);

  EngagementConfig config;
  readImpact(file, config);
  readExperiences(file, program, today, config);
  readPreviews(file, program, today, config);
  readChallenges(db, file, config);
  insertEngagementConfig(db, config);
  insertSeedMemberEngagement(db, seedDir, program, nowUnix);
  return true;
}
