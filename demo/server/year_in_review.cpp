#include "year_in_review.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "local_date.hpp"
#include "utc_time.hpp"

namespace {

using kindred::CalendarDate;
using nlohmann::ordered_json;

struct YearEntry {
  std::string kind;
  std::int64_t points = 0;
  CalendarDate day;  // local
};

// Local January 1 begins at most 14 hours before UTC's; from two days
// earlier, every instant of the local year is among those fetched.
std::string fetchFrom(int year) {
  return CalendarDate::fromDaysSinceEpoch(CalendarDate{year, 1, 1}.daysSinceEpoch() - 2)
             .toString() +
         "T00:00:00Z";
}

// The local days of the RFC 3339 UTC times, in order.
std::vector<CalendarDate> localDaysOf(const std::string& timeZone,
                                      const std::vector<std::string>& times) {
  std::vector<std::int64_t> instants;
  instants.reserve(times.size());
  for (const std::string& time : times) instants.push_back(parseRfc3339Utc(time).value_or(0));
  return localDatesOrUtc(timeZone, instants);
}

// The member's ledger entries of the local year, oldest first.
std::vector<YearEntry> ledgerOfYear(Database& db, const MemberRecord& member,
                                    const std::string& timeZone, int year) {
  Statement query = db.prepare(
      "SELECT kind, points, created_at FROM ledger WHERE member_id = ?1 AND created_at >= ?2"
      " ORDER BY id");
  query.bind(1, member.id).bind(2, fetchFrom(year));
  std::vector<YearEntry> entries;
  std::vector<std::string> times;
  while (query.step()) {
    entries.push_back({query.text(0), query.int64(1), {}});
    times.push_back(query.text(2));
  }
  const std::vector<CalendarDate> days = localDaysOf(timeZone, times);
  std::vector<YearEntry> ofYear;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (days[i].year != year) continue;
    entries[i].day = days[i];
    ofYear.push_back(std::move(entries[i]));
  }
  return ofYear;
}

std::int64_t redemptionsOfYear(Database& db, const MemberRecord& member,
                               const std::string& timeZone, int year) {
  Statement query =
      db.prepare("SELECT created_at FROM redemptions WHERE member_id = ?1 AND created_at >= ?2");
  query.bind(1, member.id).bind(2, fetchFrom(year));
  std::vector<std::string> times;
  while (query.step()) times.push_back(query.text(0));
  std::int64_t count = 0;
  for (const CalendarDate& day : localDaysOf(timeZone, times)) count += day.year == year ? 1 : 0;
  return count;
}

std::int64_t gamesWonInYear(Database& db, const MemberRecord& member, int year) {
  // A play's local_date is already the member's day; prize_index is the
  // position of the prize a chance game drew.
  Statement query = db.prepare(
      "SELECT COUNT(*) FROM plays p JOIN games g ON g.id = p.game_id"
      " LEFT JOIN game_prizes z ON z.game_id = p.game_id AND z.position = p.prize_index"
      " WHERE p.member_id = ?1 AND p.local_date BETWEEN ?2 AND ?3 AND g.kind <> 'checkin'"
      " AND (p.points_won > 0 OR z.non_points = 1)");
  query.bind(1, member.id)
      .bind(2, CalendarDate{year, 1, 1}.toString())
      .bind(3, CalendarDate{year, 12, 31}.toString());
  query.step();
  return query.int64(0);
}

std::int64_t badgesOfYear(Database& db, const MemberRecord& member, int year) {
  Statement query = db.prepare(
      "SELECT COUNT(*) FROM badges WHERE member_id = ?1 AND earned_on BETWEEN ?2 AND ?3");
  query.bind(1, member.id)
      .bind(2, CalendarDate{year, 1, 1}.toString())
      .bind(3, CalendarDate{year, 12, 31}.toString());
  query.step();
  return query.int64(0);
}

ordered_json tierJourney(const kindred::Program& program, const MemberRecord& member,
                         const std::vector<YearEntry>& entries) {
  std::vector<const YearEntry*> purchases;
  for (const YearEntry& entry : entries) {
    if (entry.kind == "earn") purchases.push_back(&entry);
  }
  // totals[i]: the qualifying total before purchase i; totals.back(): now.
  std::vector<std::int64_t> totals(purchases.size() + 1);
  totals.back() = member.qualifyingPoints;
  for (std::size_t i = purchases.size(); i-- > 0;) {
    totals[i] = std::max<std::int64_t>(0, totals[i + 1] - purchases[i]->points);
  }
  ordered_json journey = ordered_json::array();
  std::set<std::string> reached;
  for (std::size_t i = 0; i < purchases.size(); ++i) {
    for (const kindred::Tier& tier : program.tiers) {
      if (tier.threshold <= totals.front() || reached.count(tier.id)) continue;
      if (totals[i] < tier.threshold && tier.threshold <= totals[i + 1]) {
        reached.insert(tier.id);
        journey.push_back({{"tierId", tier.id}, {"reachedOn", purchases[i]->day.toString()}});
      }
    }
  }
  return journey;
}

}  // namespace

ordered_json yearInReviewJson(Database& db, const kindred::Program& program,
                              const MemberRecord& member, std::optional<std::int64_t> impactUnits,
                              std::int64_t nowUnix) {
  const std::string timeZone = zoneOrUtc(member.timeZone);
  const int year = localDateOrUtc(timeZone, nowUnix).year;
  const std::vector<YearEntry> entries = ledgerOfYear(db, member, timeZone, year);
  std::int64_t pointsEarned = 0;
  for (const YearEntry& entry : entries) pointsEarned += entry.points > 0 ? entry.points : 0;
  return {
      {"year", year},
      {"pointsEarned", pointsEarned},
      {"rewardsRedeemed", redemptionsOfYear(db, member, timeZone, year)},
      {"gamesWon", gamesWonInYear(db, member, year)},
      {"badges", badgesOfYear(db, member, year)},
      {"impactUnits", impactUnits ? ordered_json(*impactUnits) : ordered_json(nullptr)},
      {"tierJourney", tierJourney(program, member, entries)},
  };
}
