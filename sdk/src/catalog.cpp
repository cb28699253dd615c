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

// The indices of `items` (a vector) in the order of their elements. Every
// order in the catalog goes through this one std::sort, comparing through a
// function pointer: each std::sort instantiation costs the wasm about 1.7 KB,
// 0.4 KB of it gzipped.
using IndexLess = bool (*)(const void* items, std::uint32_t a, std::uint32_t b);

std::vector<std::uint32_t> indexOrder(std::size_t count, const void* items, IndexLess less) {
  std::vector<std::uint32_t> order(count);
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return less(items, a, b); });
  return order;
}

template <class T>
bool elementLess(const void* items, std::uint32_t a, std::uint32_t b) {
  const auto& elements = *static_cast<const std::vector<T>*>(items);
  return elements[a] < elements[b];
}

std::vector<std::uint32_t> textOrder(const std::vector<std::string>& texts) {
  return indexOrder(texts.size(), &texts, elementLess<std::string>);
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

std::vector<std::string> Catalog::categories() const {
  ensureIndexed();
  std::vector<std::string> names;
  for (const auto i : textOrder(categoryNames_)) names.push_back(categoryNames_[i]);
  return names;
}

void Catalog::ensureIndexed() const {
  if (indexed_) return;
  const auto count = static_cast<std::uint32_t>(rewards_.size());

  // Words: interned while scanning in order, so each posting list comes out
  // ascending and unique without sorting it.
  std::map<std::string, std::uint32_t, std::less<>> wordIds;
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
  words_.clear();
  postings_.clear();
  for (auto w : textOrder(words)) {
    words_.push_back(std::move(words[w]));
    postings_.push_back(std::move(postings[w]));
  }

  maxPopularity_ = 0;
  for (const auto& reward : rewards_) maxPopularity_ = std::max(maxPopularity_, reward.popularity);

  std::vector<std::string> rewardIds;
  for (const auto& reward : rewards_) rewardIds.push_back(reward.id);
  const std::vector<std::uint32_t> idOrder = textOrder(rewardIds);
  sortedIds_.clear();
  rows_.assign(count, HotRow{});
  for (std::uint32_t rank = 0; rank < count; ++rank) {
    rows_[idOrder[rank]].idRank = rank;
    sortedIds_.push_back(std::move(rewardIds[idOrder[rank]]));
  }
  categoryNames_.clear();
  tierNames_.clear();
  std::map<std::string, std::uint16_t, std::less<>> categoryIds, tierIds;
  const auto intern = [](std::map<std::string, std::uint16_t, std::less<>>& ids, std::vector<std::string>& names,
                         const std::string& name) {
    const auto [it, added] = ids.emplace(name, static_cast<std::uint16_t>(names.size()));
    if (added) names.push_back(name);
    return it->second;
  };
  for (std::uint32_t i = 0; i < count; ++i) {
    const Reward& reward = rewards_[i];
    HotRow& row = rows_[i];
    row.cost = reward.cost;
    row.popularity = reward.popularity;
    row.outOfStock = reward.stock && *reward.stock == 0;
    row.category = intern(categoryIds, categoryNames_, reward.category);
    if (reward.tierRequired) row.tierRequired = intern(tierIds, tierNames_, *reward.tierRequired);
    if (reward.earlyAccess) {
      row.earlyAccessTier = intern(tierIds, tierNames_, reward.earlyAccess->tierId);
      row.earlyAccessUntil = static_cast<std::int32_t>(reward.earlyAccess->until.daysSinceEpoch());
    }
  }

  const auto sortedBy = [&](CatalogSort sort) {
    const Shopper nobody;  // these orders do not depend on the shopper
    std::vector<SortKey> keys;
    keys.reserve(count);
    for (const auto& reward : rewards_) keys.push_back(sortKey(reward, sort, nobody, maxPopularity_));
    return indexOrder(count, &keys, elementLess<SortKey>);
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

struct Catalog::Plan {
  const CatalogQuery& query;
  const Shopper& shopper;
  std::vector<int> tierRank;                 // per interned tier name
  std::vector<std::uint8_t> categoryAllowed; // per interned category; empty: all
  std::vector<std::uint8_t> textHit;         // per reward; empty: no search
  std::vector<std::int64_t> affinity;        // per interned category, for "for you"
  std::int64_t todayDays = 0;
};

// The same rules as the public availabilityOf(Reward, Shopper), on a HotRow.
Availability Catalog::availabilityOf(const HotRow& row, const Plan& plan) const {
  if (row.outOfStock) return Availability::OutOfStock;
  if (row.tierRequired != kNoTier && plan.tierRank[row.tierRequired] > plan.shopper.tierRank)
    return Availability::TierLocked;
  if (row.earlyAccessTier != kNoTier && row.earlyAccessUntil >= plan.todayDays &&
      plan.tierRank[row.earlyAccessTier] > plan.shopper.tierRank)
    return Availability::EarlyAccessLocked;
  return row.cost <= plan.shopper.points ? Availability::Redeemable : Availability::PointsAway;
}

// The same "for you" score as the public forYouScore(), on a HotRow.
std::int64_t Catalog::forYouScore(const HotRow& row, const Plan& plan) const {
  const Availability availability = availabilityOf(row, plan);
  std::int64_t score = plan.affinity[row.category];
  score += std::min<std::int64_t>(1000, row.popularity / std::max<std::int64_t>(1, maxPopularity_ / 1000));
  if (availability == Availability::Redeemable) score += 500;
  if (availability == Availability::TierLocked || availability == Availability::EarlyAccessLocked ||
      availability == Availability::OutOfStock)
    score -= 2000;
  const bool forMyTier = plan.shopper.tierRank >= 0 &&
      ((row.tierRequired != kNoTier && plan.tierRank[row.tierRequired] == plan.shopper.tierRank) ||
       (row.earlyAccessTier != kNoTier && availability != Availability::EarlyAccessLocked &&
        row.earlyAccessUntil >= plan.todayDays));
  if (forMyTier) score += 400;
  return score;
}

Result<CatalogPage> Catalog::query(const CatalogQuery& query, const Shopper& shopper) const {
  ensureIndexed();
  std::optional<SortKey> after;
  if (!query.cursor.empty()) {
    after = decodeCursor(query.cursor, query.sort);
    if (!after) return InputError{"cursor", "is not a cursor of this catalog and sort"};
  }

  Plan plan{query, shopper, {}, {}, {}, {}, shopper.today.daysSinceEpoch()};
  for (const auto& name : tierNames_) plan.tierRank.push_back(tierRankOf(shopper, name));
  if (!query.categories.empty()) {
    plan.categoryAllowed.assign(categoryNames_.size(), 0);
    for (std::size_t c = 0; c < categoryNames_.size(); ++c)
      for (const auto& wanted : query.categories)
        if (categoryNames_[c] == wanted) plan.categoryAllowed[c] = 1;
  }
  if (!searchWords(query.text).empty()) plan.textHit = textMatches(query.text);
  if (query.sort == CatalogSort::ForYou) {
    std::int64_t history = 0;
    for (const auto& [category, count] : shopper.redemptionsByCategory) history += count;
    plan.affinity.assign(categoryNames_.size(), 0);
    for (std::size_t c = 0; c < categoryNames_.size() && history > 0; ++c) {
      const auto liked = shopper.redemptionsByCategory.find(categoryNames_[c]);
      if (liked != shopper.redemptionsByCategory.end()) plan.affinity[c] = 3000 * liked->second / history;
    }
  }

  const auto accepts = [&](std::uint32_t i, Availability& availability) {
    const HotRow& row = rows_[i];
    if (!plan.textHit.empty() && !plan.textHit[i]) return false;
    if (!plan.categoryAllowed.empty() && !plan.categoryAllowed[row.category]) return false;
    if (query.inStockOnly && row.outOfStock) return false;
    availability = availabilityOf(row, plan);
    if (query.affordableOnly && availability != Availability::Redeemable) return false;
    if (query.eligibleOnly &&
        (availability == Availability::TierLocked || availability == Availability::EarlyAccessLocked))
      return false;
    return true;
  };

  // Where the cursor's id falls among all ids, so items compare to it by rank.
  std::uint32_t cursorRank = 0;
  bool cursorIdExists = false;
  if (after) {
    const auto at = std::lower_bound(sortedIds_.begin(), sortedIds_.end(), after->id);
    cursorRank = static_cast<std::uint32_t>(at - sortedIds_.begin());
    cursorIdExists = at != sortedIds_.end() && *at == after->id;
  }
  const auto isAfterCursor = [&](std::uint32_t i, std::pair<int, std::int64_t> key) {
    if (key.first != after->group) return key.first > after->group;
    if (key.second != after->primary) return key.second > after->primary;
    const std::uint32_t rank = rows_[i].idRank;
    return rank > cursorRank || (rank == cursorRank && !cursorIdExists);
  };
  // The (group, primary) of an item in a presorted order, to resume after a cursor.
  const auto presortedKey = [&](std::uint32_t i) -> std::pair<int, std::int64_t> {
    const SortKey key = sortKey(rewards_[i], query.sort, shopper, maxPopularity_);
    return {key.group, key.primary};
  };

  CatalogPage page;
  const std::size_t limit = std::max<std::size_t>(1, query.limit);
  bool more = false;
  std::optional<std::uint32_t> last;
  const auto push = [&](std::uint32_t i, Availability availability) {
    const Reward& reward = rewards_[i];
    page.items.push_back({&reward, availability,
                          availability == Availability::PointsAway ? reward.cost - shopper.points : 0});
    last = i;
  };

  if (query.sort == CatalogSort::ForYou) {
    // The one order that depends on the shopper: score the matches, then
    // order only as many as the page shows.
    struct Scored {
      std::int64_t key;
      std::uint32_t idRank;
      std::uint32_t index;
      Availability availability;
    };
    std::vector<Scored> candidates;
    for (std::uint32_t i = 0; i < rows_.size(); ++i) {
      Availability availability{};
      if (!accepts(i, availability)) continue;
      ++page.total;
      const std::pair<int, std::int64_t> key{0, -forYouScore(rows_[i], plan)};
      if (after && !isAfterCursor(i, key)) continue;
      candidates.push_back({key.second, rows_[i].idRank, i, availability});
    }
    const auto before = [](const Scored& a, const Scored& b) {
      return a.key != b.key ? a.key < b.key : a.idRank < b.idRank;
    };
    const std::size_t shown = std::min(limit, candidates.size());
    std::partial_sort(candidates.begin(), candidates.begin() + static_cast<long>(shown), candidates.end(), before);
    for (std::size_t k = 0; k < shown; ++k) push(candidates[k].index, candidates[k].availability);
    more = candidates.size() > shown;
  } else {
    const auto walk = [&](const std::vector<std::uint32_t>& order, std::size_t from, std::size_t to) {
      for (std::size_t at = from; at < to; ++at) {
        const std::uint32_t i = order[at];
        Availability availability{};
        if (!accepts(i, availability)) continue;
        ++page.total;
        if (more) continue;  // the page is full; only counting now
        if (after && !isAfterCursor(i, presortedKey(i))) continue;
        if (page.items.size() == limit) more = true;
        else push(i, availability);
      }
    };
    if (query.sort == CatalogSort::ClosestToAffordable) {
      // Both halves are slices of the cost orders, split where cost passes the balance.
      const auto isAffordable = [&](std::uint32_t i) { return rows_[i].cost <= shopper.points; };
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
  if (more && last) page.nextCursor = encodeCursor(query.sort, sortKey(rewards_[*last], query.sort, shopper, maxPopularity_));
  return page;
}

}  // namespace kindred
