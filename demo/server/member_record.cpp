#include "member_record.hpp"

#include <utility>

#include "kindred/progress.hpp"

namespace {

// Reads the columns both member queries select, in this order.
MemberRecord readMember(const Statement& row) {
  MemberRecord member;
  member.id = row.text(0);
  member.name = row.text(1);
  member.points = row.int64(2);
  member.pendingPoints = row.int64(3);
  member.lifetimePoints = row.int64(4);
  member.qualifyingPoints = row.int64(5);
  member.tierWindowEnd = row.optionalText(6);
  member.timeZone = row.text(7);
  return member;
}

}  // namespace

bool memberExists(Database& db, std::string_view id) {
  return db.prepare("SELECT 1 FROM members WHERE id = ?1").bind(1, id).step();
}

std::optional<MemberRecord> loadMember(Database& db, std::string_view id,
                                       kindred::CalendarDate today) {
  Statement query = db.prepare(
      "SELECT id, name, points, pending_points, lifetime_points, qualifying_points,"
      " tier_window_end, time_zone FROM members WHERE id = ?1");
  if (!query.bind(1, id).step()) return std::nullopt;
  MemberRecord member = readMember(query);

  // Dates are YYYY-MM-DD with four-digit years, so text order is date order.
  Statement buckets = db.prepare(
      "SELECT points, date FROM expiring_points WHERE member_id = ?1 AND date >= ?2"
      " ORDER BY date, rowid");
  buckets.bind(1, id).bind(2, today.toString());
  while (buckets.step()) member.expiring.push_back({buckets.int64(0), buckets.text(1)});
  return member;
}

std::vector<MemberRecord> listMembers(Database& db) {
  Statement query = db.prepare(
      "SELECT id, name, points, pending_points, lifetime_points, qualifying_points,"
      " tier_window_end, time_zone FROM members ORDER BY position");
  std::vector<MemberRecord> members;
  while (query.step()) members.push_back(readMember(query));
  return members;
}

nlohmann::ordered_json tierIdJson(const kindred::Program& program, std::int64_t qualifyingPoints) {
  const kindred::Tier* tier = kindred::tierForQualifyingPoints(program, qualifyingPoints);
  return tier ? nlohmann::ordered_json(tier->id) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json memberJson(const MemberRecord& member, const kindred::Program& program) {
  nlohmann::ordered_json expiring = nlohmann::ordered_json::array();
  for (const ExpiringBucket& bucket : member.expiring) {
    expiring.push_back({{"points", bucket.points}, {"date", bucket.date}});
  }
  return {
      {"id", member.id},
      {"name", member.name},
      {"points", member.points},
      {"pendingPoints", member.pendingPoints},
      {"lifetimePoints", member.lifetimePoints},
      {"qualifyingPoints", member.qualifyingPoints},
      {"tierId", tierIdJson(program, member.qualifyingPoints)},
      {"tierWindowEnd",
       member.tierWindowEnd ? nlohmann::ordered_json(*member.tierWindowEnd) : nullptr},
      {"expiring", std::move(expiring)},
  };
}
