#include "moments_listing.hpp"

#include <optional>
#include <string>
#include <vector>

#include "challenge_progress.hpp"
#include "engagement_config.hpp"
#include "experience_seats.hpp"
#include "impact_counter.hpp"
#include "local_date.hpp"
#include "member_record.hpp"
#include "moment_config.hpp"
#include "preview_access.hpp"
#include "surprise_record.hpp"
#include "utc_time.hpp"
#include "year_in_review.hpp"

namespace {

using nlohmann::ordered_json;

std::optional<std::int64_t> birthMonthOf(Database& db, std::string_view memberId) {
  Statement query = db.prepare("SELECT birth_month FROM members WHERE id = ?1");
  return query.bind(1, memberId).step() ? query.optionalInt64(0) : std::nullopt;
}

ordered_json dismissedJson(Database& db, std::string_view memberId) {
  // A moment dismissed on two devices is one dismissal, dated by the later.
  Statement query = db.prepare(
      "SELECT subject FROM events WHERE member_id = ?1"
      " AND type IN ('moment-acknowledged', 'moment-dismissed') AND subject IS NOT NULL"
      " GROUP BY subject ORDER BY MAX(occurred_at_unix) DESC, MAX(rowid) DESC LIMIT ?2");
  query.bind(1, memberId).bind(2, kDismissedListed);
  ordered_json subjects = ordered_json::array();
  while (query.step()) subjects.push_back(query.text(0));
  return subjects;
}

}  // namespace

ordered_json momentsJson(Database& db, const kindred::Program& program, std::string_view memberId,
                         std::int64_t nowUnix) {
  const ReadTransaction snapshot(db);
  const MomentConfig config = loadMomentConfig(db);
  const EngagementConfig engagement = loadEngagementConfig(db);
  // A member removed since their token was checked is answered as a new one.
  MemberRecord member = loadMember(db, memberId, utcDateOf(nowUnix)).value_or(MemberRecord{});
  member.id = std::string(memberId);
  const std::string timeZone = zoneOrUtc(member.timeZone);
  const kindred::CalendarDate localToday = localDateOrUtc(timeZone, nowUnix);

  ordered_json incentives = ordered_json::array();
  for (const MomentIncentive& incentive : config.incentives) {
    incentives.push_back(
        {{"id", incentive.id}, {"points", incentive.points}, {"label", incentive.label}});
  }
  ordered_json surprises = ordered_json::array();
  for (const SurpriseRecord& surprise :
       listUnacknowledgedSurprises(db, memberId, kSurprisesListed)) {
    surprises.push_back(surpriseJson(surprise));
  }
  const std::optional<std::int64_t> birthMonth = birthMonthOf(db, memberId);
  ordered_json offers = ordered_json::array();
  for (const BirthdayOffer& offer : config.birthdayOffers) {
    offers.push_back(
        {{"tierId", offer.tierId}, {"title", offer.title}, {"description", offer.description}});
  }
  const std::optional<std::int64_t> impactUnits =
      engagement.impact
          ? std::optional<std::int64_t>(memberImpactUnits(db, *engagement.impact, memberId))
          : std::nullopt;
  return {
      {"incentives", std::move(incentives)},
      {"surprises", std::move(surprises)},
      {"birthMonth", birthMonth ? ordered_json(*birthMonth) : ordered_json(nullptr)},
      {"birthdayOffers", std::move(offers)},
      {"expiryReminderDays", config.expiryReminderDays},
      {"dismissed", dismissedJson(db, memberId)},
      {"impact", engagement.impact ? impactJson(db, *engagement.impact, *impactUnits)
                                   : ordered_json(nullptr)},
      {"experiences", experiencesJson(db, memberId, nowUnix)},
      {"previews", previewsJson(db, engagement.previews, program, memberId, member.qualifyingPoints,
                                localToday)},
      {"challenges", challengesJson(db, memberId, engagement.challenges, timeZone, nowUnix)},
      {"badges", badgesJson(db, memberId)},
      {"yearInReview", yearInReviewJson(db, program, member, impactUnits, nowUnix)},
  };
}
