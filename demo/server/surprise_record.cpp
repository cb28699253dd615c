#include "surprise_record.hpp"

void insertSurprise(Database& db, std::string_view memberId, const SurpriseRecord& surprise) {
  db.prepare(
        "INSERT INTO surprises (member_id, id, points, message, granted_on, granted_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
      .bind(1, memberId)
      .bind(2, surprise.id)
      .bind(3, surprise.points)
      .bind(4, surprise.message)
      .bind(5, surprise.grantedOn)
      .bind(6, surprise.grantedAt)
      .run();
}

std::vector<SurpriseRecord> listUnacknowledgedSurprises(Database& db, std::string_view memberId,
                                                        std::int64_t limit) {
  // events_by_member (member_id, type, ...) finds the member's
  // acknowledgements without reading their other events.
  Statement query = db.prepare(
      "SELECT id, points, message, granted_on, granted_at FROM surprises"
      " WHERE member_id = ?1 AND NOT EXISTS ("
      "  SELECT 1 FROM events WHERE events.member_id = ?1 AND events.type = 'moment-acknowledged'"
      "  AND events.subject = 'surprise:' || surprises.id)"
      " ORDER BY granted_at, rowid LIMIT ?2");
  query.bind(1, memberId).bind(2, limit);
  std::vector<SurpriseRecord> surprises;
  while (query.step()) {
    surprises.push_back(
        {query.text(0), query.int64(1), query.text(2), query.text(3), query.text(4)});
  }
  return surprises;
}

nlohmann::ordered_json surpriseJson(const SurpriseRecord& surprise) {
  return {
      {"id", surprise.id},
      {"points", surprise.points},
      {"message", surprise.message},
      {"grantedOn", surprise.grantedOn},
  };
}
