#pragma once
// A reward of the catalog as the database holds it, and its GET /v1/rewards
// form. Stock and the tier rules are checked again at redemption time; the
// list only reports them.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "database.hpp"

struct EarlyAccess {
  std::string tierId;  // during early access, members of this tier or above only
  std::string until;   // YYYY-MM-DD, the last day of early access
};

struct RewardRecord {
  std::string id;
  std::int64_t position = 0;  // catalog order
  std::string name;
  std::string description;
  std::int64_t cost = 0;
  std::string category;
  std::optional<std::string> imageUrl;
  std::optional<std::int64_t> stock;  // nullopt: unlimited
  std::int64_t popularity = 0;
  std::string createdAt;  // RFC 3339 UTC
  std::optional<std::string> tierRequired;
  std::optional<EarlyAccess> earlyAccess;
};

// Writes a new reward. Seeding uses insertRewardStatement() and bindReward()
// to write many through one prepared statement.
Statement insertRewardStatement(Database& db);
void bindReward(Statement& insert, const RewardRecord& reward);

std::optional<RewardRecord> loadReward(Database& db, std::string_view id);

// Up to `count` rewards in catalog order, starting after `afterPosition`.
std::vector<RewardRecord> listRewards(Database& db, std::optional<std::int64_t> afterPosition,
                                      int count);

nlohmann::ordered_json rewardJson(const RewardRecord& reward);
