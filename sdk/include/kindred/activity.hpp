#pragma once
// The member's points ledger as GET /v1/activity pages it, newest first:
// earns, redemptions, game prizes, expirations.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kindred/result.hpp"

namespace kindred {

struct ActivityEntry {
  std::string id;                     // the backend's id, as text (it may send a number)
  std::string kind;  // "earn" | "redemption" | "game_play" | "game_prize" | "check_in" | "expiration" | "adjustment" | "surprise"
  std::int64_t points = 0;            // signed: spending is negative
  std::string description;
  std::string createdAt;              // YYYY-MM-DDTHH:MM:SSZ
  std::optional<std::string> rewardId;  // for redemptions, when the backend says which
};

struct ActivityPage {
  std::vector<ActivityEntry> items;
  std::optional<std::string> nextCursor;
};

Result<ActivityPage> parseActivityPage(std::string_view json);

}  // namespace kindred
