#include "kindred/moments.hpp"

#include <algorithm>

#include "json_reader.hpp"

namespace kindred {
namespace {

// What the entries of one list look like. The lists share one walker and
// one reader: every instantiation of JsonReader::array, and every reader,
// costs the wasm about half a KB.
struct ListShape {
  const char* key;
  std::size_t maxItems;
  const char* tooMany;
  const char* idKey;    // nullptr: the entries are strings (dismissed)
  const char* textKey;
  bool points = false;
  bool description = false;
  bool date = false;
};

constexpr ListShape kIncentives{"incentives", Moments::kMaxIncentives, "is more than the 50 incentives allowed",
                                "id", "label", true};
constexpr ListShape kSurprises{"surprises", Moments::kMaxSurprises, "is more than the 20 surprises allowed",
                               "id", "message", true, false, true};
constexpr ListShape kBirthdayOffers{"birthdayOffers", SIZE_MAX, "", "tierId", "title", false, true};
constexpr ListShape kDismissed{"dismissed", SIZE_MAX, "", nullptr, nullptr};

std::optional<InputError> readItem(const JsonValue& node, const std::string& path, const ListShape& shape,
                                   std::vector<MomentItem>& items) {
  MomentItem& item = items.emplace_back();
  JsonReader r(node, path);
  // Ids key the cards and their dismissals, so each names one thing (and a
  // tier with two birthday offers would make the member's a guess).
  if (r.string(shape.idKey, item.id, Presence::Required)) {
    const bool earlier = std::any_of(items.begin(), items.end() - 1, [&](const MomentItem& e) { return e.id == item.id; });
    if (shape.points && item.id.size() > Moments::kMaxIdBytes) r.fail(shape.idKey, "expected at most 100 bytes");
    else if (earlier) r.fail(shape.idKey, "duplicates an earlier entry");
  }
  if (shape.points) r.integer("points", item.points, Presence::Required, 1);
  r.string(shape.textKey, item.text, Presence::Required);
  if (shape.description) r.string("description", item.description, Presence::Required, /*allowEmpty=*/true);
  std::optional<CalendarDate> date;
  if (shape.date && r.date("grantedOn", date, Presence::Required)) item.date = *date;
  return r.error();
}

void readList(JsonReader& r, const ListShape& shape, std::vector<MomentItem>* items, std::vector<std::string>* strings) {
  std::size_t count = 0;
  r.array(shape.key, Presence::Required,
          [&](const JsonValue& node, const std::string& path) -> std::optional<InputError> {
            if (count++ == shape.maxItems) return InputError{path, shape.tooMany};
            if (items) return readItem(node, path, shape, *items);
            if (!node.isString() || node.text().empty())
              return InputError{path, "expected a non-empty string"};
            strings->push_back(node.text());
            return std::nullopt;
          });
}

std::optional<InputError> readImpact(const JsonValue& node, Impact& impact) {
  JsonReader r(node, "moments.impact");
  r.string("label", impact.label, Presence::Required);
  r.integer("memberUnits", impact.memberUnits, Presence::Required);
  if (r.integer("communityUnits", impact.communityUnits, Presence::Required) &&
      impact.communityUnits < impact.memberUnits)
    r.fail("communityUnits", "is less than memberUnits (the community includes the member)");
  return r.error();
}

std::optional<InputError> readChallenge(const JsonValue& node, const std::string& path, Challenge& challenge) {
  JsonReader r(node, path);
  r.string("id", challenge.id, Presence::Required);
  r.string("title", challenge.title, Presence::Required);
  r.string("description", challenge.description, Presence::Required, /*allowEmpty=*/true);
  r.integer("steps", challenge.steps, Presence::Required, 1, 1000);
  r.integer("progress", challenge.progress, Presence::Required, 0, challenge.steps);
  // Null or absent: the challenge has no deadline ("ever"). The backend's
  // "completed" is not read: it is progress == steps, which the core checks.
  r.date("windowEndsOn", challenge.windowEndsOn, Presence::Optional);
  const JsonValue* badge = r.ok() ? node.find("badge") : nullptr;
  if (!badge) {
    r.fail("badge", "is required");
  } else {
    JsonReader b(*badge, r.fieldPath("badge"));
    b.string("title", challenge.badgeTitle, Presence::Required);
    if (!b.ok()) return b.error();
  }
  return r.error();
}

// The badge shelf and the challenges, when the backend sends them (the
// cards above work without).
std::optional<InputError> readChallengesAndBadges(JsonReader& r, Moments& moments) {
  r.array("challenges", Presence::Optional, [&](const JsonValue& node, const std::string& path) {
    if (moments.challenges.size() == Moments::kMaxChallenges)
      return std::optional<InputError>(InputError{path, "is more than the 20 challenges allowed"});
    return readChallenge(node, path, moments.challenges.emplace_back());
  });
  r.array("badges", Presence::Optional, [&](const JsonValue& node, const std::string& path) {
    if (moments.badges.size() == Moments::kMaxBadges)
      return std::optional<InputError>(InputError{path, "is more than the 200 badges allowed"});
    Badge& badge = moments.badges.emplace_back();
    JsonReader b(node, path);
    b.string("id", badge.id, Presence::Required);
    b.string("title", badge.title, Presence::Required);
    return b.error();
  });
  return r.error();
}

// An experience when `experience`, else a preview: the fields they share,
// then their own. Ids are subjects of events and keys of their intents.
std::optional<InputError> readInsiderItem(const JsonValue& node, const std::string& path, bool experience,
                                          std::vector<InsiderItem>& items) {
  if (items.size() == Moments::kMaxInsiderItems) return InputError{path, "is more than the 50 allowed"};
  InsiderItem& item = items.emplace_back();
  JsonReader r(node, path);
  if (r.string("id", item.id, Presence::Required) && item.id.size() > Moments::kMaxIdBytes)
    r.fail("id", "expected at most 100 bytes");
  else if (r.ok() && std::any_of(items.begin(), items.end() - 1, [&](const InsiderItem& e) { return e.id == item.id; }))
    r.fail("id", "duplicates an earlier entry");
  r.string("tierId", item.tierId, Presence::Required);
  r.string("title", item.title, Presence::Required);
  r.string("description", item.description, Presence::Required, /*allowEmpty=*/true);
  if (experience) {
    r.timestamp("startsAt", item.startsAt, Presence::Required);
    r.integer("seatsLeft", item.seatsLeft, Presence::Required, 0, 10000);
    r.boolean("signedUp", item.signedUp, Presence::Required);
    return r.error();
  }
  std::optional<CalendarDate> release;
  if (r.date("releaseDate", release, Presence::Required)) item.releaseDate = *release;
  r.nullableInteger("myRating", item.myRating, 1, 5);  // null: not rated yet
  return r.error();
}

std::optional<InputError> readYearInReview(const JsonValue& node, YearInReview& year) {
  JsonReader r(node, "moments.yearInReview");
  r.integer("year", year.year, Presence::Required, 1970, 9999);
  r.integer("pointsEarned", year.pointsEarned, Presence::Required);
  r.integer("rewardsRedeemed", year.rewardsRedeemed, Presence::Required);
  r.integer("gamesWon", year.gamesWon, Presence::Required);
  r.integer("badges", year.badges, Presence::Required);
  r.nullableInteger("impactUnits", year.impactUnits);
  r.array("tierJourney", Presence::Required, [&](const JsonValue& item, const std::string& path) {
    if (year.tierJourney.size() == 20) return std::optional<InputError>(InputError{path, "is more than the 20 tiers allowed"});
    TierStep& step = year.tierJourney.emplace_back();
    JsonReader s(item, path);
    std::optional<CalendarDate> reached;
    s.string("tierId", step.tierId, Presence::Required);
    if (s.date("reachedOn", reached, Presence::Required)) step.reachedOn = *reached;
    return s.error();
  });
  return r.error();
}

// The tier hub's lists and the year, when the backend sends them.
std::optional<InputError> readTierMoments(const JsonValue& doc, JsonReader& r, Moments& moments) {
  r.array("experiences", Presence::Optional, [&](const JsonValue& node, const std::string& path) {
    return readInsiderItem(node, path, true, moments.experiences);
  });
  r.array("previews", Presence::Optional, [&](const JsonValue& node, const std::string& path) {
    return readInsiderItem(node, path, false, moments.previews);
  });
  if (!r.ok()) return r.error();
  const JsonValue* year = doc.find("yearInReview");
  if (year && !year->isNull()) return readYearInReview(*year, moments.yearInReview.emplace());
  return std::nullopt;
}

}  // namespace

Result<Moments> parseMoments(std::string_view json) {
  JsonValue doc;
  if (auto syntax = parseJsonDocument(json, "moments", doc)) return *syntax;

  Moments moments;
  JsonReader r(doc, "moments");
  readList(r, kIncentives, &moments.incentives, nullptr);
  readList(r, kSurprises, &moments.surprises, nullptr);
  std::optional<std::int64_t> birthMonth;  // null: the member never told us
  if (r.nullableInteger("birthMonth", birthMonth, 1, 12) && birthMonth) moments.birthMonth = static_cast<int>(*birthMonth);
  readList(r, kBirthdayOffers, &moments.birthdayOffers, nullptr);
  r.integer("expiryReminderDays", moments.expiryReminderDays, Presence::Required, 1, 365);
  readList(r, kDismissed, nullptr, &moments.dismissed);
  if (!r.ok()) return *r.error();
  const JsonValue* impact = doc.find("impact");
  if (impact && !impact->isNull())
    if (auto problem = readImpact(*impact, moments.impact.emplace())) return *problem;
  if (auto problem = readChallengesAndBadges(r, moments)) return *problem;
  if (auto problem = readTierMoments(doc, r, moments)) return *problem;
  return moments;
}

}  // namespace kindred
