#include "check_ins.hpp"

std::vector<kindred::CalendarDate> loadCheckIns(Database& db, std::string_view memberId) {
  // YYYY-MM-DD with four-digit years: text order is date order.
  Statement query =
      db.prepare("SELECT local_date FROM check_ins WHERE member_id = ?1 ORDER BY local_date");
  query.bind(1, memberId);
  std::vector<kindred::CalendarDate> days;
  while (query.step()) {
    const auto day = kindred::CalendarDate::parse(query.text(0));
    if (!day) throw DatabaseError("a check-in has no valid date");
    days.push_back(*day);
  }
  return days;
}

void insertCheckIn(Database& db, std::string_view memberId, kindred::CalendarDate localDate) {
  db.prepare("INSERT INTO check_ins (member_id, local_date) VALUES (?1, ?2)")
      .bind(1, memberId)
      .bind(2, localDate.toString())
      .run();
}
