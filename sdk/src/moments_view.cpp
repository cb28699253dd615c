#include "kindred/moments_view.hpp"

#include <algorithm>
#include <cstdint>

#include "kindred/catalog_view.hpp"
#include "kindred/progress.hpp"
#include "json_writer.hpp"
#include "moment_event_json.hpp"

namespace kindred {
namespace {

constexpr std::int64_t kMaxPoints = 9007199254740991;  // sums stay exact in JavaScript

// How many rewards the member could redeem right now: what points about to
// expire could still become. Null without a catalog.
std::optional<std::int64_t> affordableCount(const Catalog* catalog, const Program& program, const Member& member,
                                            CalendarDate today) {
  if (!catalog) return std::nullopt;
  CatalogQuery query;
  query.affordableOnly = true;
  query.limit = 1;  // only the total is read
  const auto page = catalog->query(query, shopperFor(program, member, today));
  if (!page) return std::nullopt;
  return static_cast<std::int64_t>(page.value().total);
}

// The offer of the member's tier, or of the highest tier below it that has one.
const BirthdayOffer* birthdayOfferFor(const Moments& moments, const Program& program, const Tier* tier) {
  for (auto index = tier ? tier - program.tiers.data() : -1; index >= 0; --index) {
    const std::string& tierId = program.tiers[static_cast<std::size_t>(index)].id;
    for (const BirthdayOffer& offer : moments.birthdayOffers)
      if (offer.id == tierId) return &offer;
  }
  return nullptr;
}

class CardWriter {
 public:
  CardWriter(JsonWriter& out, const Moments& moments, const std::vector<MomentEventIntent>& events,
             std::vector<std::string>* shownKeys)
      : out_(out), moments_(moments), events_(events), shownKeys_(shownKeys) {}

  // Starts the card "<kind>:<about>" and its message "moment.<kind><variant>",
  // up to the open params object, unless the card is hidden (then returns
  // false and writes nothing). Keys and message keys are built here, once.
  bool open(const char* kind, std::string_view about, const char* variant = "") {
    std::string key = kind;
    key += ':';
    key += about;
    const MomentEventIntent* event = findMomentEvent(events_, key);
    if (std::find(moments_.dismissed.begin(), moments_.dismissed.end(), key) != moments_.dismissed.end() ||
        (event && event->state != MomentEventState::Failed))
      return false;
    if (shownKeys_) shownKeys_->push_back(key);
    const bool surprise = std::string_view(kind) == "surprise";
    out_.beginObject()
        .field("key", key)
        .field("kind", kind)
        .field("action", surprise ? "acknowledge" : "dismiss")
        .field("dismissible", !surprise)
        .field("celebrate", surprise)
        .key("eventFailure");
    writeEventFailure(out_, event);  // shown at all, an event is a refused one
    std::string messageKey = "moment.";
    messageKey += kind;
    messageKey += variant;
    out_.key("message").beginObject().field("key", messageKey).key("params").beginObject();
    return true;
  }

  // Ends the params and the message; the card's own fields follow.
  JsonWriter& closeMessage() { return out_.endObject().endObject(); }

 private:
  JsonWriter& out_;
  const Moments& moments_;
  const std::vector<MomentEventIntent>& events_;
  std::vector<std::string>* shownKeys_;
};

void writeCards(JsonWriter& out, const Moments& moments, const Program& program, const Member& member,
                CalendarDate today, const std::vector<MomentEventIntent>& events, const Catalog* catalog,
                std::vector<std::string>* shownKeys) {
  CardWriter card(out, moments, events, shownKeys);
  const std::int64_t todayDays = today.daysSinceEpoch();
  const TierProgress progress = computeProgress(program, member, today);

  for (const Surprise& surprise : moments.surprises) {
    if (!card.open("surprise", surprise.id)) continue;
    out.field("points", surprise.points).field("message", surprise.text).field("grantedOn", surprise.date.toString());
    card.closeMessage().field("points", surprise.points).endObject();
  }

  std::optional<CalendarDate> expiry;
  for (const ExpiringPoints& bucket : member.expiring) {
    const std::int64_t daysLeft = bucket.date.daysSinceEpoch() - todayDays;
    if (daysLeft < 0 || daysLeft > moments.expiryReminderDays) continue;  // gone, or not worth a card yet
    if (!expiry || bucket.date < *expiry) expiry = bucket.date;
  }
  if (expiry) {
    std::int64_t points = 0;  // buckets of one day are one reminder
    for (const ExpiringPoints& bucket : member.expiring)
      if (bucket.date == *expiry) points = std::min(points + bucket.points, kMaxPoints);
    const std::int64_t daysLeft = expiry->daysSinceEpoch() - todayDays;
    const std::string date = expiry->toString();
    const auto affordable = affordableCount(catalog, program, member, today);
    const bool canRedeem = affordable && *affordable > 0;
    if (card.open("expiring", date, canRedeem ? "_affordable" : "")) {
      out.field("points", points).field("date", date).field("daysLeft", daysLeft);
      if (canRedeem) out.field("affordableCount", *affordable);
      card.closeMessage().field("points", points).field("daysLeft", daysLeft).field("affordableCount", affordable)
          .endObject();
    }
  }

  const std::int64_t windowDaysLeft =
      member.tierWindowEnd ? member.tierWindowEnd->daysSinceEpoch() - todayDays : -1;
  if (progress.next && progress.pointsToNext > 0 && windowDaysLeft >= 0 && windowDaysLeft <= kCountdownDays &&
      card.open("countdown", member.tierWindowEnd->toString())) {
    out.field("tier", progress.next->name)
        .field("pointsToNext", progress.pointsToNext)
        .field("daysLeft", windowDaysLeft)
        .field("spend", spendToEarn(program, progress.pointsToNext))
        .field("moneyCurrency", program.moneyCurrency);
    card.closeMessage().field("daysLeft", windowDaysLeft).endObject();
  }

  const BirthdayOffer* offer =
      moments.birthMonth == today.month ? birthdayOfferFor(moments, program, progress.current) : nullptr;
  const std::string month = today.toString().substr(0, 7);
  if (offer && card.open("birthday", month)) {
    // The month's last day: the day before the first of the next.
    const CalendarDate firstOfNext = today.month == 12 ? CalendarDate{today.year + 1, 1, 1}
                                                       : CalendarDate{today.year, today.month + 1, 1};
    out.field("title", offer->text)
        .field("description", offer->description)
        .field("validFrom", month + "-01")
        .field("validUntil", CalendarDate::fromDaysSinceEpoch(firstOfNext.daysSinceEpoch() - 1).toString());
    card.closeMessage().endObject();
  }

  const Incentive* goal = nullptr;
  for (const Incentive& incentive : moments.incentives)
    if (incentive.points > member.points && (!goal || incentive.points < goal->points)) goal = &incentive;
  if (goal && card.open("incentive", goal->id)) {
    const std::int64_t pointsToGo = goal->points - member.points;
    out.field("label", goal->text)
        .field("pointsToGo", pointsToGo)
        .field("spend", spendToEarn(program, pointsToGo))
        .field("moneyCurrency", program.moneyCurrency);
    card.closeMessage().endObject();
  }
}

// Challenges still open, the nearest deadline first (one that ends today
// before one with a week left, those with none last), then the ones done.
// A window that is over and not completed is the backend's stale count:
// its next window starts from zero, so it is left out rather than shown lost.
void writeChallenges(JsonWriter& out, const std::vector<Challenge>& challenges, CalendarDate today) {
  const std::int64_t todayDay = today.daysSinceEpoch();
  constexpr std::int64_t kDone = INT64_MAX, kNoDeadline = INT64_MAX - 1;
  std::vector<std::pair<std::int64_t, const Challenge*>> order;
  for (const Challenge& challenge : challenges) {
    const std::int64_t ends = challenge.windowEndsOn ? challenge.windowEndsOn->daysSinceEpoch() : kNoDeadline;
    if (ends < todayDay && !challenge.completed()) continue;
    // Inserted in order (stable: the backend's order among equals); at most
    // 20 of them, and no sort instantiation for the wasm to carry.
    const std::int64_t rank = challenge.completed() ? kDone : ends;
    const auto at = std::find_if(order.begin(), order.end(), [&](const auto& entry) { return entry.first > rank; });
    order.emplace(at, rank, &challenge);
  }
  for (const auto& [ends, challenge] : order) {
    out.beginObject()
        .field("id", challenge->id)
        .field("title", challenge->title)
        .field("description", challenge->description)
        .field("steps", challenge->steps)
        .field("progress", challenge->progress)
        .field("completed", challenge->completed())
        .field("badgeTitle", challenge->badgeTitle)
        .key("daysLeft");
    if (challenge->completed() || !challenge->windowEndsOn) out.null();
    else out.integer(ends - todayDay);
    out.endObject();
  }
}

// The year so far, with tier names for the journey (a tier the program no
// longer has is left out of it) and the impact counter's label.
void writeYear(JsonWriter& out, const YearInReview& year, const Moments& moments, const Program& program) {
  out.beginObject()
      .field("year", year.year)
      .field("pointsEarned", year.pointsEarned)
      .field("rewardsRedeemed", year.rewardsRedeemed)
      .field("gamesWon", year.gamesWon)
      .field("badges", year.badges)
      .field("empty", year.pointsEarned == 0 && year.rewardsRedeemed == 0 && year.gamesWon == 0 &&
                          year.badges == 0 && year.tierJourney.empty())
      .key("impact");
  if (year.impactUnits && moments.impact)
    out.beginObject().field("units", *year.impactUnits).field("label", moments.impact->label).endObject();
  else
    out.null();
  out.key("journey").beginArray();
  for (const TierStep& step : year.tierJourney)
    if (const Tier* tier = program.findTier(step.tierId))
      out.beginObject().field("tierName", tier->name).field("reachedOn", step.reachedOn.toString()).endObject();
  out.endArray().endObject();
}

}  // namespace

std::string momentsViewJson(const Moments* moments, const Program* program, const Member* member,
                            CalendarDate today, const std::vector<MomentEventIntent>& events,
                            const Catalog* catalog, const std::optional<InputError>& lastError,
                            std::vector<std::string>* shownKeys) {
  const bool ready = moments && program && member;
  JsonWriter out;
  out.beginObject().field("screen", "moments").field("status", ready ? "ready" : "loading").key("error");
  writeError(out, lastError);
  out.key("cards").beginArray();
  if (ready) writeCards(out, *moments, *program, *member, today, events, catalog, shownKeys);
  out.endArray().key("impact");
  const Impact* impact = ready && moments->impact ? &*moments->impact : nullptr;
  if (impact) {
    out.beginObject()
        .field("label", impact->label)
        .field("memberUnits", impact->memberUnits)
        .field("communityUnits", impact->communityUnits)
        .endObject();
  } else {
    out.null();
  }
  out.key("challenges").beginArray();
  if (ready) writeChallenges(out, moments->challenges, today);
  out.endArray().key("badges").beginArray();
  if (ready)
    for (const Badge& badge : moments->badges) out.beginObject().field("id", badge.id).field("title", badge.title).endObject();
  out.endArray().key("yearInReview");
  if (ready && moments->yearInReview) writeYear(out, *moments->yearInReview, *moments, *program);
  else out.null();
  return out.endObject().take();
}

}  // namespace kindred
