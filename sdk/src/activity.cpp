#include "kindred/activity.hpp"

#include "json_reader.hpp"

namespace kindred {
namespace {

constexpr const char* kKinds[] = {"earn", "redemption", "game_play", "game_prize", "check_in", "expiration", "adjustment",
                                "surprise"};

std::optional<InputError> readEntry(const JsonValue& item, const std::string& path, ActivityEntry& entry) {
  JsonReader r(item, path);
  if (r.ok()) {
    const JsonValue* id = item.find("id");
    if (!id) return InputError{path + ".id", "is required"};
    if (id->isInteger() && id->integer() >= 0) entry.id = std::to_string(id->integer());
    else if (id->isString() && !id->text().empty()) entry.id = id->text();
    else return InputError{path + ".id", "expected a non-empty string or a non-negative integer"};
  }
  if (r.string("kind", entry.kind, Presence::Required)) {
    bool known = false;
    for (const char* kind : kKinds) known = known || entry.kind == kind;
    if (!known) r.fail("kind", "expected one of earn, redemption, game_play, game_prize, check_in, expiration, adjustment, surprise");
  }
  r.integer("points", entry.points, Presence::Required, -kMaxSafeInteger, kMaxSafeInteger);
  r.string("description", entry.description, Presence::Optional, /*allowEmpty=*/true);
  r.string("createdAt", entry.createdAt, Presence::Required);
  r.nullableString("rewardId", entry.rewardId);
  return r.error();
}

}  // namespace

Result<ActivityPage> parseActivityPage(std::string_view json) {
  JsonValue doc;
  if (auto syntax = parseJsonDocument(json, "activity", doc)) return *syntax;
  ActivityPage page;
  JsonReader r(doc, "activity");
  r.array("items", Presence::Required,
          [&](const JsonValue& item, const std::string& path) -> std::optional<InputError> {
            ActivityEntry entry;
            if (auto problem = readEntry(item, path, entry)) return problem;
            page.items.push_back(std::move(entry));
            return std::nullopt;
          });
  r.nullableString("nextCursor", page.nextCursor);
  if (!r.ok()) return *r.error();
  return page;
}

}  // namespace kindred
