#include "reward_record.hpp"

#include <limits>

// Every column, in the order readReward reads and bindReward binds them. A
// macro so each statement's SQL is still one literal.
#define KINDRED_REWARD_COLUMNS                                                     \
  "id, position, name, description, cost, category, image_url, stock, popularity," \
  " created_at, tier_required, early_access_tier, early_access_until"

namespace {

RewardRecord readReward(const Statement& row) {
  RewardRecord reward;
  reward.id = row.text(0);
  reward.position = row.int64(1);
  reward.name = row.text(2);
  reward.description = row.text(3);
  reward.cost = row.int64(4);
  reward.category = row.text(5);
  reward.imageUrl = row.optionalText(6);
  reward.stock = row.optionalInt64(7);
  reward.popularity = row.int64(8);
  reward.createdAt = row.text(9);
  reward.tierRequired = row.optionalText(10);
  // The table's CHECK keeps the two early access columns both set or both NULL.
  if (auto tier = row.optionalText(11)) reward.earlyAccess = EarlyAccess{*tier, row.text(12)};
  return reward;
}

}  // namespace

Statement insertRewardStatement(Database& db) {
  return db.prepare("INSERT INTO rewards (" KINDRED_REWARD_COLUMNS
                    ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
}

void bindReward(Statement& insert, const RewardRecord& reward) {
  const std::optional<std::string> earlyTier =
      reward.earlyAccess ? std::optional(reward.earlyAccess->tierId) : std::nullopt;
  const std::optional<std::string> earlyUntil =
      reward.earlyAccess ? std::optional(reward.earlyAccess->until) : std::nullopt;
  insert.bind(1, reward.id)
      .bind(2, reward.position)
      .bind(3, reward.name)
      .bind(4, reward.description)
      .bind(5, reward.cost)
      .bind(6, reward.category)
      .bindNullable(7, reward.imageUrl)
      .bindNullable(8, reward.stock)
      .bind(9, reward.popularity)
      .bind(10, reward.createdAt)
      .bindNullable(11, reward.tierRequired)
      .bindNullable(12, earlyTier)
      .bindNullable(13, earlyUntil);
}

std::optional<RewardRecord> loadReward(Database& db, std::string_view id) {
  Statement query = db.prepare("SELECT " KINDRED_REWARD_COLUMNS " FROM rewards WHERE id = ?1");
  if (!query.bind(1, id).step()) return std::nullopt;
  return readReward(query);
}

std::vector<RewardRecord> listRewards(Database& db, std::optional<std::int64_t> afterPosition,
                                      int count) {
  Statement query = db.prepare("SELECT " KINDRED_REWARD_COLUMNS
                               " FROM rewards WHERE position > ?1 ORDER BY position LIMIT ?2");
  query.bind(1, afterPosition.value_or(std::numeric_limits<std::int64_t>::min()))
      .bind(2, std::int64_t{count});
  std::vector<RewardRecord> rewards;
  while (query.step()) rewards.push_back(readReward(query));
  return rewards;
}

nlohmann::ordered_json rewardJson(const RewardRecord& reward) {
  using nlohmann::ordered_json;
  return {
      {"id", reward.id},
      {"name", reward.name},
      {"description", reward.description},
      {"cost", reward.cost},
      {"category", reward.category},
      {"imageUrl", reward.imageUrl ? ordered_json(*reward.imageUrl) : ordered_json(nullptr)},
      {"stock", reward.stock ? ordered_json(*reward.stock) : ordered_json(nullptr)},
      {"popularity", reward.popularity},
      {"createdAt", reward.createdAt},
      {"tierRequired",
       reward.tierRequired ? ordered_json(*reward.tierRequired) : ordered_json(nullptr)},
      {"earlyAccess", reward.earlyAccess ? ordered_json{{"tierId", reward.earlyAccess->tierId},
                                                        {"until", reward.earlyAccess->until}}
                                         : ordered_json(nullptr)},
  };
}
