#include "kindred/catalog.hpp"

#include <algorithm>
#include <numeric>
#include <string_view>

#include "kindred/text_folding.hpp"

namespace kindred {
namespace {

constexpr CatalogSort kSorts[] = {CatalogSort::CostAscending, CatalogSort::CostDescending,
                                  CatalogSort::Popularity,    CatalogSort::Newest,
                                  CatalogSort::ClosestToAffordable, CatalogSort::ForYou};

int tierRankOf(const Shopper& shopper, const std::string& tierId) {
  for (std::size_t i = 0; i < shopper.tierIds.size(); ++i)
    if (shopper.tierIds[i] == tierId) return static_cast<int>(i);
  return static_cast<int>(shopper.tierIds.size());  // unknown: above every tier, so locked
}

// Seconds since 1970 of a validated "YYYY-MM-DDTHH:MM:SSZ".
std::int64_t unixSeconds(const std::string& timestamp) {
  const auto date = CalendarDate::parse(std::string_view(timestamp).substr(0, 10));
  const auto two = [&](std::size_t at) { return (timestamp[at] - '0') * 10 + (timestamp[at + 1] - '0'); };
  return (date ? date->daysSinceEpoch() : 0) * 86400 + two(11) * 3600 + two(14) * 60 + two(17);
}

// (group, primary) then id, as SortKey orders them, without copying the id.
int compareKey(int group, std::int64_t primary, std::string_view id, const SortKey& key) {
  if (group != key.group) return group < key.group ? -1 : 1;
  if (primary != key.primary) return primary < key.primary ? -1 : 1;
  const int byId = id.compare(key.id);
  return byId < 0 ? -1 : byId > 0 ? 1 : 0;
}

std::string encodeCursor(CatalogSort sort, const SortKey& key) {
  return std::string("k1.") + sortName(sort) + "." + std::to_string(key.group) + "." +
         std::to_string(key.primary) + "." + key.id;
}

std::optional<SortKey> decodeCursor(const std::string& cursor, CatalogSort sort) {
  const std::string prefix = std::string("k1.") + sortName(sort) + ".";
  if (cursor.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
  std::size_t at = prefix.size();
  const auto number = [&](std::int64_t& out) {
    const std::size_t dot = cursor.find('.', at);
    if (dot == std::string::npos || dot == at || dot - at > 20) return false;
    bool negative = cursor[at] == '-';
    std::int64_t value = 0;
    for (std::size_t i = at + (negative ? 1 : 0); i < dot; ++i) {
      if (cursor[i] < '0' || cursor[i] > '9') return false;
      if (value > (INT64_MAX - 9) / 10) return false;
      value = value * 10 + (cursor[i] - '0');
    }
    out = negative ? -value : value;
    at = dot + 1;
    return true;
  };
  std::int64_t group = 0;
  SortKey key;
  if (!number(group) || group < 0 || group > 1 || !number(key.primary)) return std::nullopt;
  key.group = static_cast<int>(group);
  key.id = cursor.substr(at);
  if (key.id.empty()) return std::nullopt;
  return key;
}

}  // namespace

bool operator<(const SortKey& a, const SortKey& b) {
  return compareKey(a.group, a.primary, a.id, b) < 0;
}
bool operator==(const SortKey& a, const SortKey& b) {
  return a.group == b.group && a.primary == b.primary && a.id == b.id;
}

const char* sortName(CatalogSort sort) {
  switch (sort) {
    case CatalogSort::CostAscending: return "cost-asc";
    case CatalogSort::CostDescending: return "cost-desc";
    case CatalogSort::Popularity: return "popular";
    case CatalogSort::Newest: return "newest";
    case CatalogSort::ClosestToAffordable: return "closest";
    case CatalogSort::ForYou: return "for-you";
  }
  return "popular";
}

std::optional<CatalogSort> parseSortName(std::string_view name) {
  for (CatalogSort sort : kSorts)
    if (name == sortName(sort)) return sort;
  return std::nullopt;
}

void Catalog::upsert(std::vector<Reward> rewards) {
  for (auto& reward : rewards) {
    const auto found = byId_.find(reward.id);
    if (found != byId_.end()) {
      rewards_[found->second] = std::move(reward);
    } else {
      byId_.emplace(reward.id, rewards_.size());
      rewards_.push_back(std::move(reward));
    }
  }
  indexed_ = false;
}

void Catalog::clear() {
  rewards_.clear();
  byId_.clear();
  indexed_ = false;
}

const Reward* Catalog::find(const std::string& id) const {
  const auto found = byId_.find(id);
  return found == byId_.end() ? nullptr : &rewards_[found->second];
}

void Catalog::ensureIndexed() const {
  if (indexed_) return;
  const auto count = static_cast<std::uint32_t>(rewards_.size());

  // Words: interned while scanning in order, so each posting list comes out
  // ascending and unique without sorting it.
  std::unordered_map<std::string, std::uint32_t> wordIds;
  std::vector<std::string> words;
  std::vector<std::vector<std::uint32_t>> postings;
  for (std::uint32_t i = 0; i < count; ++i) {
    const Reward& reward = rewards_[i];
    for (const auto& word : searchWords(reward.name + " " + reward.description)) {
      const auto [it, added] = wordIds.emplace(word, static_cast<std::uint32_t>(words.size()));
      if (added) {
        words.push_back(word);
        postings.emplace_back();
      }
      auto& list = postings[it->second];
      if (list.empty() || list.back() != i) list.push_back(i);
    }
  }
  std::vector<std::uint32_t> wordOrder(words.size());
  std::iota(wordOrder.begin(), wordOrder.end(), 0u);
  std::sort(wordOrder.begin(), wordOrder.end(), [&](auto a, auto b) { return words[a] < words[b]; });
  words_.clear();
  postings_.clear();
  for (auto w : wordOrder) {
    words_.push_back(std::move(words[w]));
    postings_.push_back(std::move(postings[w]));
  }

  maxPopularity_ = 0;
  for (const auto& reward : rewards_) maxPopularity_ = std::max(maxPopularity_, reward.popularity);

  const auto sortedBy = [&](CatalogSort sort) {
    std::vector<std::uint32_t> order(count);
    std::iota(order.begin(), order.end(), 0u);
    const Shopper nobody;  // these orders do not depend on the shopper
    std::vector<SortKey> keys;
    keys.reserve(count);
    for (const auto& reward : rewards_) keys.push_back(sortKey(reward, sort, nobody, maxPopularity_));
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return keys[a] < keys[b]; });
    return order;
  };
  byCostAscending_ = sortedBy(CatalogSort::CostAscending);
  byCostDescending_ = sortedBy(CatalogSort::CostDescending);
  byPopularity_ = sortedBy(CatalogSort::Popularity);
  byNewest_ = sortedBy(CatalogSort::Newest);
  indexed_ = true;
}

// One byte per reward: 1 where every word of `text` starts a word of it.
std::vector<std::uint8_t> Catalog::textMatches(const std::string& text) const {
  std::vector<std::uint8_t> all(rewards_.size(), 1);
  std::vector<std::uint8_t> thisWord(rewards_.size());
  for (const auto& prefix : searchWords(text)) {
    std::fill(thisWord.begin(), thisWord.end(), 0);
    for (auto it = std::lower_bound(words_.begin(), words_.end(), prefix);
         it != words_.end() && it->compare(0, prefix.size(), prefix) == 0; ++it) {
      for (auto reward : postings_[static_cast<std::size_t>(it - words_.begin())]) thisWord[reward] = 1;
    }
    for (std::size_t i = 0; i < all.size(); ++i) all[i] &= thisWord[i];
  }
  return all;
}

Availability Catalog::availabilityOf(const Reward& reward, const Shopper& shopper) {
  if (reward.stock && *reward.stock == 0) return Availability::OutOfStock;
  if (reward.tierRequired && tierRankOf(shopper, *reward.tierRequired) > shopper.tierRank)
    return Availability::TierLocked;
  if (reward.earlyAccess && !(reward.earlyAccess->until < shopper.today) &&
      tierRankOf(shopper, reward.earlyAccess->tierId) > shopper.tierRank)
    return Availability::EarlyAccessLocked;
  return reward.cost <= shopper.points ? Availability::Redeemable : Availability::PointsAway;
}

std::int64_t Catalog::forYouScore(const Reward& reward, const Shopper& shopper, std::int64_t maxPopularity) {
  std::int64_t history = 0;
  for (const auto& [category, count] : shopper.redemptionsByCategory) history += count;
  const auto liked = shopper.redemptionsByCategory.find(reward.category);
  // Categories the member redeems in weigh most, then popularity, then
  // what they can have now and what their tier opens for them.
  std::int64_t score = 0;
  if (history > 0 && liked != shopper.redemptionsByCategory.end()) score += 3000 * liked->second / history;
  score += std::min<std::int64_t>(1000, reward.popularity / std::max<std::int64_t>(1, maxPopularity / 1000));
  const Availability availability = availabilityOf(reward, shopper);
  if (availability == Availability::Redeemable) score += 500;
  if (availability == Availability::TierLocked || availability == Availability::EarlyAccessLocked ||
      availability == Availability::OutOfStock)
    score -= 2000;
  const bool forMyTier = shopper.tierRank >= 0 &&
      ((reward.tierRequired && tierRankOf(shopper, *reward.tierRequired) == shopper.tierRank) ||
       (reward.earlyAccess && availability != Availability::EarlyAccessLocked &&
        !(reward.earlyAccess->until < shopper.today)));
  if (forMyTier) score += 400;
  return score;
}

SortKey Catalog::sortKey(const Reward& reward, CatalogSort sort, const Shopper& shopper,
                         std::int64_t maxPopularity) {
  SortKey key;
  key.id = reward.id;
  switch (sort) {
    case CatalogSort::CostAscending: key.primary = reward.cost; break;
    case CatalogSort::CostDescending: key.primary = -reward.cost; break;
    case CatalogSort::Popularity: key.primary = -reward.popularity; break;
    case CatalogSort::Newest: key.primary = -unixSeconds(reward.createdAt); break;
    case CatalogSort::ClosestToAffordable:
      // What is just out of reach first, nearest first; then what is in
      // reach, most valuable first.
      if (reward.cost > shopper.points) {
        key.group = 0;
        key.primary = reward.cost - shopper.points;
      } else {
        key.group = 1;
        key.primary = -reward.cost;
      }
      break;
    case CatalogSort::ForYou: key.primary = -forYouScore(reward, shopper, maxPopularity); break;
  }
  return key;
}

Result<CatalogPage> Catalog::query(const CatalogQuery& query, const Shopper& shopper) const {
  ensureIndexed();
  std::optional<SortKey> after;
  if (!query.cursor.empty()) {
    after = decodeCursor(query.cursor, query.sort);
    if (!after) return InputError{"cursor", "is not a cursor of this catalog and sort"};
  }
  const bool searching = !searchWords(query.text).empty();
  const std::vector<std::uint8_t> textHit = searching ? textMatches(query.text) : std::vector<std::uint8_t>{};

  const auto accepts = [&](std::uint32_t i, Availability& availability) {
    const Reward& reward = rewards_[i];
    if (searching && !textHit[i]) return false;
    if (!query.categories.empty() &&
        std::find(query.categories.begin(), query.categories.end(), reward.category) == query.categories.end())
      return false;
    if (query.inStockOnly && reward.stock && *reward.stock == 0) return false;
    availability = availabilityOf(reward, shopper);
    if (query.affordableOnly && availability != Availability::Redeemable) return false;
    if (query.eligibleOnly &&
        (availability == Availability::TierLocked || availability == Availability::EarlyAccessLocked))
      return false;
    return true;
  };

  CatalogPage page;
  const std::size_t limit = std::max<std::size_t>(1, query.limit);
  bool more = false;
  SortKey lastKey;
  const auto take = [&](std::uint32_t i, Availability availability, const SortKey* key) {
    ++page.total;
    if (after) {
      const SortKey computed = key ? SortKey{} : sortKey(rewards_[i], query.sort, shopper, maxPopularity_);
      const SortKey& k = key ? *key : computed;
      if (compareKey(k.group, k.primary, k.id, *after) <= 0) return;
    }
    if (page.items.size() == limit) {
      more = true;
      return;
    }
    const Reward& reward = rewards_[i];
    page.items.push_back({&reward, availability,
                          availability == Availability::PointsAway ? reward.cost - shopper.points : 0});
    lastKey = key ? *key : sortKey(reward, query.sort, shopper, maxPopularity_);
  };

  if (query.sort == CatalogSort::ForYou) {
    // The one order that depends on the shopper: score the matches, sort them.
    std::vector<std::pair<SortKey, std::pair<std::uint32_t, Availability>>> scored;
    for (std::uint32_t i = 0; i < rewards_.size(); ++i) {
      Availability availability{};
      if (accepts(i, availability))
        scored.push_back({sortKey(rewards_[i], query.sort, shopper, maxPopularity_), {i, availability}});
    }
    std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [key, item] : scored) take(item.first, item.second, &key);
  } else {
    const auto walk = [&](const std::vector<std::uint32_t>& order, std::size_t from, std::size_t to) {
      for (std::size_t at = from; at < to; ++at) {
        Availability availability{};
        if (accepts(order[at], availability)) take(order[at], availability, nullptr);
      }
    };
    if (query.sort == CatalogSort::ClosestToAffordable) {
      // Both halves are slices of the cost orders, split where cost passes the balance.
      const auto isAffordable = [&](std::uint32_t i) { return rewards_[i].cost <= shopper.points; };
      const auto firstOutOfReach = static_cast<std::size_t>(
          std::partition_point(byCostAscending_.begin(), byCostAscending_.end(), isAffordable) -
          byCostAscending_.begin());
      const auto firstInReach = static_cast<std::size_t>(
          std::partition_point(byCostDescending_.begin(), byCostDescending_.end(),
                               [&](std::uint32_t i) { return !isAffordable(i); }) -
          byCostDescending_.begin());
      walk(byCostAscending_, firstOutOfReach, byCostAscending_.size());
      walk(byCostDescending_, firstInReach, byCostDescending_.size());
    } else {
      const auto& order = query.sort == CatalogSort::CostAscending    ? byCostAscending_
                          : query.sort == CatalogSort::CostDescending ? byCostDescending_
                          : query.sort == CatalogSort::Popularity     ? byPopularity_
                                                                      : byNewest_;
      walk(order, 0, order.size());
    }
  }
  if (more) page.nextCursor = encodeCursor(query.sort, lastKey);
  return page;
}

}  // namespace kindred
