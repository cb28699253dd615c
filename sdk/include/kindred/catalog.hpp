#pragma once
// The rewards catalog engine: search (folded, prefix on word starts), filters,
// sorts and stable keyset pagination over up to 100,000 rewards. Indexes are
// built once after the rewards change (lazily, on the next query), so a query
// is a walk over a presorted order with no sorting, except "for you", whose
// order depends on the shopper.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kindred/calendar_date.hpp"
#include "kindred/result.hpp"
#include "kindred/reward.hpp"

namespace kindred {

enum class CatalogSort { CostAscending, CostDescending, Popularity, Newest, ClosestToAffordable, ForYou };

struct CatalogQuery {
  std::string text;                     // every word must start a word of the name or description
  std::vector<std::string> categories;  // any of these; empty: all
  bool affordableOnly = false;          // redeemable right now
  bool eligibleOnly = false;            // not locked to a higher tier, nor in someone else's early access
  bool inStockOnly = false;
  CatalogSort sort = CatalogSort::Popularity;
  std::size_t limit = 20;
  std::string cursor;                   // nextCursor of the previous page; empty for the first
};

// Who is looking: what decides affordability, locks and "for you".
struct Shopper {
  std::int64_t points = 0;
  std::vector<std::string> tierIds;     // the program's tiers, lowest first
  int tierRank = -1;                    // the member's index in tierIds; -1 for none
  CalendarDate today;
  std::map<std::string, int> redemptionsByCategory;  // the member's history
};

enum class Availability { Redeemable, PointsAway, TierLocked, EarlyAccessLocked, OutOfStock };

struct CatalogItem {
  const Reward* reward = nullptr;       // points into the Catalog; valid until it changes
  Availability availability = Availability::Redeemable;
  std::int64_t pointsAway = 0;          // > 0 only for PointsAway
};

struct CatalogPage {
  std::vector<CatalogItem> items;
  std::size_t total = 0;                // matches of the query, across all pages
  std::optional<std::string> nextCursor;
};

// Where an item sits in a sort: the order is (group, primary, id) ascending.
struct SortKey {
  int group = 0;
  std::int64_t primary = 0;
  std::string id;
  friend bool operator<(const SortKey& a, const SortKey& b);
  friend bool operator==(const SortKey& a, const SortKey& b);
};

class Catalog {
 public:
  // Adds rewards, replacing any with the same id.
  void upsert(std::vector<Reward> rewards);
  void clear();
  std::size_t size() const { return rewards_.size(); }
  const Reward* find(const std::string& id) const;
  // Every category in the catalog, sorted by name (for the filter chips).
  std::vector<std::string> categories() const;

  // Fails only for a cursor that is not one of ours (the path is "cursor").
  Result<CatalogPage> query(const CatalogQuery& query, const Shopper& shopper) const;

  static Availability availabilityOf(const Reward& reward, const Shopper& shopper);
  static SortKey sortKey(const Reward& reward, CatalogSort sort, const Shopper& shopper,
                         std::int64_t maxPopularity);
  // The "for you" score: higher first. Integer arithmetic, so native and
  // wasm rank identically.
  static std::int64_t forYouScore(const Reward& reward, const Shopper& shopper, std::int64_t maxPopularity);

 private:
  // What a query reads of each reward, packed (32 bytes instead of a ~300
  // byte Reward with its strings), so walking 100,000 of them in a sort
  // order stays in cache. Tier and category names are interned.
  struct HotRow {
    std::int64_t cost = 0;
    std::int64_t popularity = 0;
    std::uint32_t idRank = 0;          // the id's place among all ids: a tie-break without strings
    std::int32_t earlyAccessUntil = 0; // days since 1970
    std::uint16_t category = 0;
    std::uint16_t tierRequired = kNoTier;
    std::uint16_t earlyAccessTier = kNoTier;
    bool outOfStock = false;
  };
  static constexpr std::uint16_t kNoTier = 0xFFFF;
  struct Plan;  // one query's filters and shopper, resolved against the interned names

  void ensureIndexed() const;
  std::vector<std::uint8_t> textMatches(const std::string& text) const;
  Availability availabilityOf(const HotRow& row, const Plan& plan) const;
  std::int64_t forYouScore(const HotRow& row, const Plan& plan) const;

  std::vector<Reward> rewards_;
  std::map<std::string, std::size_t, std::less<>> byId_;  // std::map: hash tables cost the wasm KBs

  // Built by ensureIndexed() after a change.
  mutable bool indexed_ = false;
  mutable std::vector<std::string> words_;                  // sorted, unique
  mutable std::vector<std::vector<std::uint32_t>> postings_;  // per word: rewards, ascending
  mutable std::vector<std::uint32_t> byCostAscending_, byCostDescending_, byPopularity_, byNewest_;
  mutable std::int64_t maxPopularity_ = 0;
  mutable std::vector<HotRow> rows_;
  mutable std::vector<std::string> sortedIds_;
  mutable std::vector<std::string> categoryNames_;  // interned: HotRow::category indexes these
  mutable std::vector<std::string> tierNames_;      // interned: HotRow tier fields index these
};

const char* sortName(CatalogSort sort);
std::optional<CatalogSort> parseSortName(std::string_view name);

}  // namespace kindred
