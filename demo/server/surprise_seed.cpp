#include "surprise_seed.hpp"

#include <set>

#include "grant_surprise.hpp"
#include "local_date.hpp"
#include "surprise_record.hpp"
#include "utc_time.hpp"

namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

}  // namespace

std::vector<LedgerEntry> insertSeedSurprises(Database& db, const SeedReader& member,
                                             const std::string& memberId,
                                             const std::string& timeZone, std::int64_t nowUnix) {
  std::vector<LedgerEntry> entries;
  if (!member.has("surprises")) return entries;
  std::set<std::string> ids;
  for (std::size_t i = 0; i < member.arraySize("surprises"); ++i) {
    const SeedReader s = member.element("surprises", i);
    SurpriseRecord surprise;
    surprise.id = s.string("id");
    if (!isIdentifier(surprise.id)) s.fail("id", "must be 1 to 64 letters, digits, '_' and '-'");
    if (!ids.insert(surprise.id).second) s.fail("id", "repeats \"" + surprise.id + "\"");
    surprise.points = s.integer("points", 1, kMaxSurprisePoints);
    surprise.message = s.text("message", kMaxSurpriseMessageCharacters);
    // Never after the seeding instant, so whatever the member does later is newer.
    const std::int64_t grantedAt =
        nowUnix + s.dayOffset("grantedInDays", -kMaxDayOffset, 0) * kSecondsPerDay;
    surprise.grantedOn = localDateOrUtc(timeZone, grantedAt).toString();
    surprise.grantedAt = formatRfc3339Utc(grantedAt);
    insertSurprise(db, memberId, surprise);
    entries.push_back(surpriseLedgerEntry(surprise));
  }
  return entries;
}
