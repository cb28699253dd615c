#include "kindred/catalog_view.hpp"

#include <algorithm>
#include <set>

#include "json_reader.hpp"
#include "kindred/progress.hpp"

namespace kindred {
namespace {

const char* availabilityName(Availability availability) {
  switch (availability) {
    case Availability::Redeemable: return "redeemable";
    case Availability::PointsAway: return "points-away";
    case Availability::TierLocked: return "tier-locked";
    case Availability::EarlyAccessLocked: return "early-access";
    case Availability::OutOfStock: return "out-of-stock";
  }
  return "redeemable";
}

nlohmann::json tierJson(const Program& program, const std::string& tierId) {
  const Tier* tier = program.findTier(tierId);
  return {{"id", tierId}, {"name", tier ? tier->name : tierId}};
}

nlohmann::json itemJson(const CatalogItem& item, const Program& program) {
  const Reward& reward = *item.reward;
  nlohmann::json tier = nullptr;
  if (item.availability == Availability::TierLocked && reward.tierRequired) tier = tierJson(program, *reward.tierRequired);
  if (item.availability == Availability::EarlyAccessLocked && reward.earlyAccess)
    tier = tierJson(program, reward.earlyAccess->tierId);
  return {{"id", reward.id},
          {"name", reward.name},
          {"description", reward.description},
          {"cost", reward.cost},
          {"category", reward.category},
          {"imageUrl", reward.imageUrl ? nlohmann::json(*reward.imageUrl) : nlohmann::json(nullptr)},
          {"stock", reward.stock ? nlohmann::json(*reward.stock) : nlohmann::json(nullptr)},
          {"availability", availabilityName(item.availability)},
          {"pointsAway", item.pointsAway},
          {"tier", std::move(tier)},
          {"earlyAccessUntil", reward.earlyAccess ? nlohmann::json(reward.earlyAccess->until.toString())
                                                  : nlohmann::json(nullptr)}};
}

nlohmann::json errorJson(const InputError& error) {
  return {{"path", error.path}, {"problem", error.problem}, {"message", error.message()}};
}

}  // namespace

Result<CatalogQuery> parseCatalogQuery(std::string_view json) {
  nlohmann::json doc;
  if (auto syntax = parseJsonDocument(json, "query", doc)) return *syntax;
  CatalogQuery query;
  JsonReader r(doc, "query");
  r.string("text", query.text, Presence::Optional, /*allowEmpty=*/true);
  r.array("categories", Presence::Optional,
          [&](const nlohmann::json& item, const std::string& path) -> std::optional<InputError> {
            if (!item.is_string()) return InputError{path, "expected a string"};
            query.categories.push_back(item.get<std::string>());
            return std::nullopt;
          });
  r.boolean("affordable", query.affordableOnly, Presence::Optional);
  r.boolean("eligible", query.eligibleOnly, Presence::Optional);
  r.boolean("inStock", query.inStockOnly, Presence::Optional);
  std::string sort = sortName(query.sort);
  if (r.string("sort", sort, Presence::Optional)) {
    if (const auto parsed = parseSortName(sort)) query.sort = *parsed;
    else r.fail("sort", "expected one of cost-asc, cost-desc, popular, newest, closest, for-you");
  }
  std::int64_t limit = static_cast<std::int64_t>(query.limit);
  if (r.integer("limit", limit, Presence::Optional, 1, 100)) query.limit = static_cast<std::size_t>(limit);
  r.string("cursor", query.cursor, Presence::Optional, /*allowEmpty=*/true);
  if (!r.ok()) return *r.error();
  return query;
}

Shopper shopperFor(const Program& program, const Member& member, CalendarDate today,
                   const std::map<std::string, int>& redeemedCategories) {
  Shopper shopper;
  shopper.redemptionsByCategory = redeemedCategories;
  shopper.points = member.points;
  shopper.today = today;
  for (const auto& tier : program.tiers) shopper.tierIds.push_back(tier.id);
  if (const Tier* current = computeProgress(program, member, today).current)
    shopper.tierRank = static_cast<int>(current - program.tiers.data());
  return shopper;
}

std::string catalogViewJson(const Catalog& catalog, bool rewardsLoaded,
                            const std::optional<Program>& program, const std::optional<Member>& member,
                            const std::optional<InputError>& error, std::string_view queryJson,
                            CalendarDate today, const std::map<std::string, int>& redeemedCategories) {
  nlohmann::json view = {{"screen", "catalog"}, {"error", error ? errorJson(*error) : nlohmann::json(nullptr)}};
  if (!program || !member || !rewardsLoaded) {
    view["status"] = "loading";
    return view.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  const auto query = parseCatalogQuery(queryJson);
  if (!query) {
    // A bad query is the host's mistake, not the backend's: say so, show nothing wrong.
    view["status"] = "ready";
    view["error"] = errorJson(query.error());
    view["items"] = nlohmann::json::array();
    view["total"] = 0;
    view["nextCursor"] = nullptr;
    view["categories"] = nlohmann::json::array();
    return view.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  const auto page = catalog.query(query.value(), shopperFor(*program, *member, today, redeemedCategories));
  view["status"] = "ready";
  view["sort"] = sortName(query.value().sort);
  nlohmann::json items = nlohmann::json::array();
  if (page) {
    for (const auto& item : page.value().items) items.push_back(itemJson(item, *program));
    view["total"] = page.value().total;
    view["nextCursor"] = page.value().nextCursor ? nlohmann::json(*page.value().nextCursor) : nlohmann::json(nullptr);
  } else {
    view["error"] = errorJson(page.error());
    view["total"] = 0;
    view["nextCursor"] = nullptr;
  }
  view["items"] = std::move(items);
  view["categories"] = catalog.categories();
  return view.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace kindred
