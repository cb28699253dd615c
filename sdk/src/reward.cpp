#include "kindred/reward.hpp"

#include "json_reader.hpp"

namespace kindred {
namespace {

std::optional<InputError> readReward(const JsonValue& item, const std::string& path, Reward& reward) {
  JsonReader r(item, path);
  r.string("id", reward.id, Presence::Required);
  r.string("name", reward.name, Presence::Required);
  r.string("description", reward.description, Presence::Optional, /*allowEmpty=*/true);
  r.integer("cost", reward.cost, Presence::Required);
  r.string("category", reward.category, Presence::Required);
  r.nullableString("imageUrl", reward.imageUrl);
  const JsonValue* stockField = r.ok() ? item.find("stock") : nullptr;
  if (stockField && !stockField->isNull()) {
    std::int64_t stock = 0;
    if (r.integer("stock", stock, Presence::Required)) reward.stock = stock;
  }
  r.integer("popularity", reward.popularity, Presence::Optional);
  r.timestamp("createdAt", reward.createdAt, Presence::Required);
  r.nullableString("tierRequired", reward.tierRequired);
  const JsonValue* earlyField = r.ok() ? item.find("earlyAccess") : nullptr;
  if (earlyField && !earlyField->isNull()) {
    JsonReader early(*earlyField, r.fieldPath("earlyAccess"));
    EarlyAccess access;
    std::optional<CalendarDate> until;
    early.string("tierId", access.tierId, Presence::Required);
    early.date("until", until, Presence::Required);
    if (!early.ok()) return early.error();
    access.until = *until;
    reward.earlyAccess = access;
  }
  return r.error();
}

}  // namespace

Result<RewardPage> parseRewardPage(std::string_view json) {
  JsonValue doc;
  if (auto syntax = parseJsonDocument(json, "rewards", doc)) return *syntax;
  RewardPage page;
  JsonReader r(doc, "rewards");
  r.array("items", Presence::Required,
          [&](const JsonValue& item, const std::string& path) -> std::optional<InputError> {
            Reward reward;
            if (auto problem = readReward(item, path, reward)) return problem;
            page.items.push_back(std::move(reward));
            return std::nullopt;
          });
  r.nullableString("nextCursor", page.nextCursor);
  if (!r.ok()) return *r.error();
  return page;
}

}  // namespace kindred
