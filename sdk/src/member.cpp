#include "kindred/member.hpp"

#include "json_reader.hpp"
#include "member_reader.hpp"

namespace kindred {

std::optional<InputError> readMember(const JsonValue& node, const std::string& path, Member& member) {
  JsonReader r(node, path);
  r.string("id", member.id, Presence::Required);
  r.string("name", member.name, Presence::Optional, /*allowEmpty=*/true);
  r.integer("points", member.points, Presence::Required);
  r.integer("pendingPoints", member.pendingPoints, Presence::Optional);
  r.integer("lifetimePoints", member.lifetimePoints, Presence::Optional);
  r.integer("qualifyingPoints", member.qualifyingPoints, Presence::Required);
  r.nullableString("tierId", member.tierId);
  r.date("tierWindowEnd", member.tierWindowEnd, Presence::Optional);
  r.array("expiring", Presence::Optional,
          [&](const JsonValue& item, const std::string& itemPath) -> std::optional<InputError> {
            JsonReader bucket(item, itemPath);
            ExpiringPoints expiring;
            std::optional<CalendarDate> date;
            bucket.integer("points", expiring.points, Presence::Required, 1);
            bucket.date("date", date, Presence::Required);
            if (!bucket.ok()) return bucket.error();
            expiring.date = *date;
            member.expiring.push_back(expiring);
            return std::nullopt;
          });
  return r.error();
}

Result<Member> parseMember(std::string_view json) {
  JsonValue doc;
  if (auto syntax = parseJsonDocument(json, "member", doc)) return *syntax;
  Member member;
  if (auto problem = readMember(doc, "member", member)) return *problem;
  return member;
}

}  // namespace kindred
