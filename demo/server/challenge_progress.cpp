#include "challenge_progress.hpp"

#include <limits>
#include <optional>
#include <set>

#include "challenge_window.hpp"
#include "local_date.hpp"
#include "utc_time.hpp"

namespace {

using nlohmann::ordered_json;

constexpr std::int64_t kSecondsPerDay = 86400;
// No zone is more than 26 hours from UTC, so the events of a window of
// local days all lie within its UTC days and two more on either side.
constexpr std::int64_t kZoneMarginDays = 2;

struct CountedEvent {
  std::optional<std::string> subject;
  std::int64_t occurredAtUnix = 0;
};

std::vector<CountedEvent> eventsBetween(Database& db, std::string_view memberId,
                                        std::string_view type, std::int64_t fromUnix,
                                        std::int64_t untilUnix) {
  Statement query = db.prepare(
      "SELECT subject, occurred_at_unix FROM events WHERE member_id = ?1 AND type = ?2"
      " AND occurred_at_unix BETWEEN ?3 AND ?4");
  query.bind(1, memberId).bind(2, type).bind(3, fromUnix).bind(4, untilUnix);
  std::vector<CountedEvent> events;
  while (query.step()) events.push_back({query.optionalText(0), query.int64(1)});
  return events;
}

std::vector<Challenge> challengesCounting(Database& db, std::string_view eventType) {
  Statement query = db.prepare(
      "SELECT id, title, description, event_type, steps, time_window, distinct_by, badge_id,"
      " badge_title FROM challenges WHERE event_type = ?1 ORDER BY position");
  query.bind(1, eventType);
  std::vector<Challenge> challenges;
  while (query.step()) {
    challenges.push_back({query.text(0), query.text(1), query.text(2), query.text(3),
                          query.int64(4), query.text(5), query.text(6), query.text(7),
                          query.text(8)});
  }
  return challenges;
}

}  // namespace

std::int64_t challengeProgress(Database& db, std::string_view memberId, const Challenge& challenge,
                               const std::string& timeZone, std::int64_t atUnix) {
  const std::optional<DayRange> window =
      challengeWindowHolding(challenge.window, localDateOrUtc(timeZone, atUnix));
  const std::int64_t fromUnix =
      window ? (window->first.daysSinceEpoch() - kZoneMarginDays) * kSecondsPerDay
             : std::numeric_limits<std::int64_t>::min();
  const std::int64_t untilUnix =
      window ? (window->last.daysSinceEpoch() + 1 + kZoneMarginDays) * kSecondsPerDay
             : std::numeric_limits<std::int64_t>::max();
  const std::vector<CountedEvent> events =
      eventsBetween(db, memberId, challenge.eventType, fromUnix, untilUnix);

  // Local days only when something needs them: each costs a time zone lookup.
  std::vector<kindred::CalendarDate> days;
  if (window || challenge.distinctBy == "day") {
    std::vector<std::int64_t> instants;
    instants.reserve(events.size());
    for (const CountedEvent& event : events) instants.push_back(event.occurredAtUnix);
    days = localDatesOrUtc(timeZone, instants);
  }

  std::int64_t counted = 0;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (window && !window->holds(days[i])) continue;
    if (challenge.distinctBy == "day") {
      seen.insert(days[i].toString());
    } else if (challenge.distinctBy == "subject") {
      if (events[i].subject) seen.insert(*events[i].subject);
    } else {
      ++counted;
    }
  }
  counted += static_cast<std::int64_t>(seen.size());
  return std::min(counted, challenge.steps);
}

bool awardBadge(Database& db, std::string_view memberId, std::string_view badgeId,
                const std::string& timeZone, std::int64_t earnedAtUnix) {
  db.prepare(
        "INSERT INTO badges (member_id, badge_id, earned_at, earned_on) VALUES (?1, ?2, ?3, ?4)"
        " ON CONFLICT (member_id, badge_id) DO NOTHING")
      .bind(1, memberId)
      .bind(2, badgeId)
      .bind(3, formatRfc3339Utc(earnedAtUnix))
      .bind(4, localDateOrUtc(timeZone, earnedAtUnix).toString())
      .run();
  return db.changes() > 0;
}

void awardCompletedBadges(Database& db, std::string_view memberId, std::string_view eventType,
                          const std::string& timeZone, std::int64_t occurredAtUnix,
                          std::int64_t nowUnix) {
  for (const Challenge& challenge : challengesCounting(db, eventType)) {
    if (challengeProgress(db, memberId, challenge, timeZone, occurredAtUnix) >= challenge.steps) {
      awardBadge(db, memberId, challenge.badgeId, timeZone, nowUnix);
    }
  }
}

ordered_json challengesJson(Database& db, std::string_view memberId,
                            const std::vector<Challenge>& challenges, const std::string& timeZone,
                            std::int64_t nowUnix) {
  const kindred::CalendarDate today = localDateOrUtc(timeZone, nowUnix);
  ordered_json list = ordered_json::array();
  for (const Challenge& challenge : challenges) {
    const std::optional<DayRange> window = challengeWindowHolding(challenge.window, today);
    const std::int64_t progress = challengeProgress(db, memberId, challenge, timeZone, nowUnix);
    list.push_back({
        {"id", challenge.id},
        {"title", challenge.title},
        {"description", challenge.description},
        {"eventType", challenge.eventType},
        {"steps", challenge.steps},
        {"progress", progress},
        {"window", challenge.window},
        {"windowEndsOn", window ? ordered_json(window->last.toString()) : ordered_json(nullptr)},
        {"badge", {{"id", challenge.badgeId}, {"title", challenge.badgeTitle}}},
        {"completed", progress >= challenge.steps},
    });
  }
  return list;
}

ordered_json badgesJson(Database& db, std::string_view memberId) {
  // A member holds at most one badge per challenge, so the shelf is short.
  Statement query = db.prepare(
      "SELECT b.badge_id, c.badge_title, b.earned_at FROM badges b"
      " JOIN challenges c ON c.badge_id = b.badge_id WHERE b.member_id = ?1"
      " ORDER BY b.earned_at DESC, b.rowid DESC");
  query.bind(1, memberId);
  ordered_json badges = ordered_json::array();
  while (query.step()) {
    badges.push_back(
        {{"id", query.text(0)}, {"title", query.text(1)}, {"earnedAt", query.text(2)}});
  }
  return badges;
}
