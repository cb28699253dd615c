#include "event_type_record.hpp"

void insertEventType(Database& db, const EventTypeRecord& type) {
  db.prepare(
        "INSERT INTO event_types (id, description, subject_required, value_min, value_max)"
        " VALUES (?1, ?2, ?3, ?4, ?5)")
      .bind(1, type.id)
      .bind(2, type.description)
      .bind(3, std::int64_t{type.subjectRequired ? 1 : 0})
      .bindNullable(4, type.valueMin)
      .bindNullable(5, type.valueMax)
      .run();
}

std::optional<EventTypeRecord> loadEventType(Database& db, std::string_view id) {
  Statement query = db.prepare(
      "SELECT id, description, subject_required, value_min, value_max FROM event_types"
      " WHERE id = ?1");
  if (!query.bind(1, id).step()) return std::nullopt;
  return EventTypeRecord{query.text(0), query.text(1), query.int64(2) != 0, query.optionalInt64(3),
                         query.optionalInt64(4)};
}

bool hasEventTypes(Database& db) { return db.prepare("SELECT 1 FROM event_types LIMIT 1").step(); }
