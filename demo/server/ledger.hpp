#pragma once
// The points ledger: one entry for every change to a member's balance
// (earned with an order, spent on a reward or a game, won in a game, given
// for a daily check-in or as a surprise, expired, adjusted by staff), and
// its GET /v1/activity form. Entries are only ever appended; their ids
// ascend in the order they were written.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "database.hpp"

// The kinds the ledger table's CHECK allows.
bool isLedgerKind(std::string_view kind);

struct LedgerEntry {
  std::int64_t id = 0;
  // earn, redemption, game_play, game_prize, check_in, surprise, expiration, adjustment
  std::string kind;
  std::int64_t points = 0;  // signed: negative when points leave the balance
  std::string description;
  std::optional<std::string> reference;  // the redemption, play or surprise id
  std::string createdAt;                 // RFC 3339 UTC
  std::optional<std::string> rewardId;   // for redemptions: what was redeemed (read, never written)
};

// Writes `entry` (its id is ignored) and returns the id it got.
std::int64_t appendLedgerEntry(Database& db, std::string_view memberId, const LedgerEntry& entry);

// Up to `count` of the member's entries, newest first, starting after (that
// is, older than) the entry `beforeId`.
std::vector<LedgerEntry> listLedger(Database& db, std::string_view memberId,
                                    std::optional<std::int64_t> beforeId, int count);

nlohmann::ordered_json ledgerEntryJson(const LedgerEntry& entry);
