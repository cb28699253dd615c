#include "grant_surprise.hpp"

#include "local_date.hpp"
#include "member_points.hpp"
#include "random_codes.hpp"
#include "utc_time.hpp"

std::optional<SurpriseRecord> grantSurprise(Database& db, std::string_view memberId,
                                            std::int64_t points, const std::string& message,
                                            std::int64_t nowUnix) {
  Transaction transaction(db);
  Statement member = db.prepare("SELECT time_zone FROM members WHERE id = ?1");
  if (!member.bind(1, memberId).step()) return std::nullopt;
  const std::string timeZone = member.text(0);

  SurpriseRecord surprise;
  surprise.id = newSurpriseId();
  surprise.points = points;
  surprise.message = message;
  // The member's own day: the card says when they were given it.
  surprise.grantedOn = localDateOrUtc(timeZone, nowUnix).toString();
  surprise.grantedAt = formatRfc3339Utc(nowUnix);
  insertSurprise(db, memberId, surprise);
  creditPoints(db, memberId, points);
  appendLedgerEntry(db, memberId, surpriseLedgerEntry(surprise));
  transaction.commit();
  return surprise;
}

LedgerEntry surpriseLedgerEntry(const SurpriseRecord& surprise) {
  LedgerEntry entry;
  entry.kind = "surprise";
  entry.points = surprise.points;
  entry.description = "Surprise: " + surprise.message;
  entry.reference = surprise.id;
  entry.createdAt = surprise.grantedAt;
  return entry;
}
