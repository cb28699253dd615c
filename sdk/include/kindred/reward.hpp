#pragma once
// A reward of the brand's catalog, and a page of them as GET /v1/rewards
// returns it ({"items": [...], "nextCursor": "..." | null}).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kindred/calendar_date.hpp"
#include "kindred/result.hpp"

namespace kindred {

struct EarlyAccess {
  std::string tierId;  // members at this tier or above may redeem early
  CalendarDate until;  // the last day of early access
};

struct Reward {
  std::string id;
  std::string name;
  std::string description;
  std::int64_t cost = 0;
  std::string category;
  std::optional<std::string> imageUrl;
  std::optional<std::int64_t> stock;  // nullopt: unlimited
  std::int64_t popularity = 0;
  std::string createdAt;              // RFC 3339 UTC, "2026-10-01T09:00:00Z": sorts as text
  std::optional<std::string> tierRequired;
  std::optional<EarlyAccess> earlyAccess;
};

struct RewardPage {
  std::vector<Reward> items;
  std::optional<std::string> nextCursor;
};

Result<RewardPage> parseRewardPage(std::string_view json);

}  // namespace kindred
