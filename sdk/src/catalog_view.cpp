#include "kindred/catalog_view.hpp"

#include <algorithm>
#include <set>

#include "json_reader.hpp"
#include "json_writer.hpp"
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

// The tier that unlocks a locked item, by id and (when the program knows it) name.
void writeTier(JsonWriter& out, const Program& program, const std::string& tierId) {
  const Tier* tier = program.findTier(tierId);
  out.beginObject().field("id", tierId).field("name", tier ? tier->name : tierId).endObject();
}

void writeItem(JsonWriter& out, const CatalogItem& item, const Program& program) {
  const Reward& reward = *item.reward;
  out.beginObject()
      .field("id", reward.id)
      .field("name", reward.name)
      .field("description", reward.description)
      .field("cost", reward.cost)
      .field("category", reward.category)
      .field("imageUrl", reward.imageUrl)
      .field("stock", reward.stock)
      .field("availability", availabilityName(item.availability))
      .field("pointsAway", item.pointsAway)
      .key("tier");
  if (item.availability == Availability::TierLocked && reward.tierRequired)
    writeTier(out, program, *reward.tierRequired);
  else if (item.availability == Availability::EarlyAccessLocked && reward.earlyAccess)
    writeTier(out, program, reward.earlyAccess->tierId);
  else
    out.null();
  out.key("earlyAccessUntil");
  if (reward.earlyAccess) out.string(reward.earlyAccess->until.toString()); else out.null();
  out.endObject();
}

}  // namespace

Result<CatalogQuery> parseCatalogQuery(std::string_view json) {
  JsonValue doc;
  if (auto syntax = parseJsonDocument(json, "query", doc)) return *syntax;
  CatalogQuery query;
  JsonReader r(doc, "query");
  r.string("text", query.text, Presence::Optional, /*allowEmpty=*/true);
  r.array("categories", Presence::Optional,
          [&](const JsonValue& item, const std::string& path) -> std::optional<InputError> {
            if (!item.isString()) return InputError{path, "expected a string"};
            query.categories.push_back(item.text());
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
  JsonWriter out;
  out.beginObject().field("screen", "catalog");
  if (!program || !member || !rewardsLoaded) {
    writeError(out.field("status", "loading").key("error"), error);
    return out.endObject().take();
  }
  out.field("status", "ready").key("error");
  const auto query = parseCatalogQuery(queryJson);
  if (!query) {
    // A bad query is the host's mistake, not the backend's: say so, show nothing wrong.
    writeError(out, query.error());
    return out.key("items").beginArray().endArray()
        .field("total", 0)
        .key("nextCursor").null()
        .key("categories").beginArray().endArray()
        .endObject()
        .take();
  }
  const auto page = catalog.query(query.value(), shopperFor(*program, *member, today, redeemedCategories));
  writeError(out, page ? error : page.error());
  out.field("sort", sortName(query.value().sort)).key("items").beginArray();
  if (page) {
    for (const auto& item : page.value().items) writeItem(out, item, *program);
  }
  out.endArray()
      .field("total", page ? static_cast<std::int64_t>(page.value().total) : 0)
      .field("nextCursor", page ? page.value().nextCursor : std::nullopt)
      .key("categories")
      .beginArray();
  for (const std::string& category : catalog.categories()) out.string(category);
  return out.endArray().endObject().take();
}

}  // namespace kindred
