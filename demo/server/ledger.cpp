#include "ledger.hpp"

#include <limits>

bool isLedgerKind(std::string_view kind) {
  return kind == "earn" || kind == "redemption" || kind == "game_play" || kind == "game_prize" ||
         kind == "check_in" || kind == "surprise" || kind == "expiration" || kind == "adjustment";
}

std::int64_t appendLedgerEntry(Database& db, std::string_view memberId, const LedgerEntry& entry) {
  Statement insert = db.prepare(
      "INSERT INTO ledger (member_id, kind, points, description, reference, created_at)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id");
  insert.bind(1, memberId)
      .bind(2, entry.kind)
      .bind(3, entry.points)
      .bind(4, entry.description)
      .bindNullable(5, entry.reference)
      .bind(6, entry.createdAt);
  if (!insert.step()) throw DatabaseError("the ledger insert returned no id");
  const std::int64_t id = insert.int64(0);
  insert.run();  // the row is written on the first step; this finishes the statement
  return id;
}

std::vector<LedgerEntry> listLedger(Database& db, std::string_view memberId,
                                    std::optional<std::int64_t> beforeId, int count) {
  // The reward of a redemption entry comes along: the widget's "for you"
  // ranking learns the member's favourite categories from it.
  Statement query = db.prepare(
      "SELECT ledger.id, ledger.kind, ledger.points, ledger.description, ledger.reference,"
      " ledger.created_at, redemptions.reward_id FROM ledger"
      " LEFT JOIN redemptions ON ledger.kind = 'redemption' AND redemptions.id = ledger.reference"
      " WHERE ledger.member_id = ?1 AND ledger.id < ?2 ORDER BY ledger.id DESC LIMIT ?3");
  query.bind(1, memberId)
      .bind(2, beforeId.value_or(std::numeric_limits<std::int64_t>::max()))
      .bind(3, std::int64_t{count});
  std::vector<LedgerEntry> entries;
  while (query.step()) {
    entries.push_back({query.int64(0), query.text(1), query.int64(2), query.text(3),
                       query.optionalText(4), query.text(5), query.optionalText(6)});
  }
  return entries;
}

nlohmann::ordered_json ledgerEntryJson(const LedgerEntry& entry) {
  return {
      {"id", entry.id},
      {"kind", entry.kind},
      {"points", entry.points},
      {"description", entry.description},
      {"createdAt", entry.createdAt},
      {"rewardId", entry.rewardId ? nlohmann::ordered_json(*entry.rewardId) : nlohmann::ordered_json(nullptr)},
  };
}
