#include "kindred/catalog.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include "kindred/text_folding.hpp"

namespace kindred {
namespace {

Reward reward(std::string id, std::string name, std::int64_t cost, std::string category = "gear") {
  Reward r;
  r.id = std::move(id);
  r.name = std::move(name);
  r.cost = cost;
  r.category = std::move(category);
  r.createdAt = "2026-10-01T09:00:00Z";
  return r;
}

Shopper shopperWith(std::int64_t points, int tierRank = 1) {
  Shopper shopper;
  shopper.points = points;
  shopper.tierIds = {"explorer", "trailblazer", "summit", "peak"};
  shopper.tierRank = tierRank;
  shopper.today = {2026, 11, 23};
  return shopper;
}

std::vector<std::string> ids(const CatalogPage& page) {
  std::vector<std::string> out;
  for (const auto& item : page.items) out.push_back(item.reward->id);
  return out;
}

TEST(Catalog, SearchFoldsAccentsAndMatchesWordStarts) {
  Catalog catalog;
  catalog.upsert({reward("r1", "Café Crème thermos", 300), reward("r2", "Trail mix", 100),
                  reward("r3", "Screme", 100)});
  CatalogQuery query;
  query.sort = CatalogSort::CostAscending;
  query.text = "cafe";
  EXPECT_EQ(ids(catalog.query(query, shopperWith(0)).value()), (std::vector<std::string>{"r1"}));
  query.text = "CRÈM";
  EXPECT_EQ(ids(catalog.query(query, shopperWith(0)).value()), (std::vector<std::string>{"r1"}));
  query.text = "reme";  // inside a word, not at its start
  EXPECT_TRUE(catalog.query(query, shopperWith(0)).value().items.empty());
  query.text = "therm caf";  // every word, in any order
  EXPECT_EQ(ids(catalog.query(query, shopperWith(0)).value()), (std::vector<std::string>{"r1"}));
  query.text = "  ";  // no words: everything
  EXPECT_EQ(catalog.query(query, shopperWith(0)).value().total, 3u);
}

TEST(Catalog, EachItemSaysWhyItCanOrCannotBeRedeemed) {
  Reward locked = reward("locked", "Summit jacket", 100);
  locked.tierRequired = "summit";
  Reward early = reward("early", "New boots", 100);
  early.earlyAccess = EarlyAccess{"peak", {2026, 12, 1}};
  Reward gone = reward("gone", "Mug", 100);
  gone.stock = 0;
  Catalog catalog;
  catalog.upsert({reward("cheap", "Socks", 100), reward("dear", "Tent", 5000), locked, early, gone});
  CatalogQuery query;
  query.sort = CatalogSort::CostAscending;
  query.limit = 10;
  const auto page = catalog.query(query, shopperWith(1200, /*trailblazer*/ 1)).value();
  std::map<std::string, std::pair<Availability, std::int64_t>> seen;
  for (const auto& item : page.items) seen[item.reward->id] = {item.availability, item.pointsAway};
  EXPECT_EQ(seen["cheap"].first, Availability::Redeemable);
  EXPECT_EQ(seen["dear"], std::make_pair(Availability::PointsAway, std::int64_t{3800}));
  EXPECT_EQ(seen["locked"].first, Availability::TierLocked);
  EXPECT_EQ(seen["early"].first, Availability::EarlyAccessLocked);
  EXPECT_EQ(seen["gone"].first, Availability::OutOfStock);

  // After early access ends, everyone may redeem it; a Peak member always could.
  Shopper later = shopperWith(1200, 1);
  later.today = {2026, 12, 2};
  EXPECT_EQ(Catalog::availabilityOf(early, later), Availability::Redeemable);
  EXPECT_EQ(Catalog::availabilityOf(early, shopperWith(1200, 3)), Availability::Redeemable);
  EXPECT_EQ(Catalog::availabilityOf(early, shopperWith(1200, 1)), Availability::EarlyAccessLocked);
}

TEST(Catalog, ClosestToAffordableShowsWhatIsJustOutOfReachFirst) {
  Catalog catalog;
  catalog.upsert({reward("a", "A", 900), reward("b", "B", 1300), reward("c", "C", 1100),
                  reward("d", "D", 5000), reward("e", "E", 1000)});
  CatalogQuery query;
  query.sort = CatalogSort::ClosestToAffordable;
  query.limit = 10;
  EXPECT_EQ(ids(catalog.query(query, shopperWith(1000)).value()),
            (std::vector<std::string>{"c", "b", "d", "e", "a"}));
}

TEST(Catalog, ForYouRanksTheMembersFavouriteCategoriesFirst) {
  Catalog catalog;
  Reward popular = reward("popular", "Tent", 100, "gear");
  popular.popularity = 1000;
  Reward favourite = reward("favourite", "Trail day", 100, "experiences");
  favourite.popularity = 10;
  catalog.upsert({popular, favourite});
  Shopper shopper = shopperWith(1000);
  CatalogQuery query;
  query.sort = CatalogSort::ForYou;
  EXPECT_EQ(ids(catalog.query(query, shopper).value()).front(), "popular");
  shopper.redemptionsByCategory = {{"experiences", 3}, {"gear", 1}};
  EXPECT_EQ(ids(catalog.query(query, shopper).value()).front(), "favourite");
}

TEST(Catalog, UpsertReplacesById) {
  Catalog catalog;
  catalog.upsert({reward("r1", "Old name", 100)});
  catalog.upsert({reward("r1", "New name", 200)});
  EXPECT_EQ(catalog.size(), 1u);
  EXPECT_EQ(catalog.find("r1")->name, "New name");
  CatalogQuery query;
  query.text = "old";
  EXPECT_EQ(catalog.query(query, shopperWith(0)).value().total, 0u);  // the index was rebuilt
}

TEST(Catalog, ForeignCursorsAreRejected) {
  Catalog catalog;
  catalog.upsert({reward("r1", "A", 1), reward("r2", "B", 2)});
  CatalogQuery query;
  query.limit = 1;
  query.sort = CatalogSort::CostAscending;
  const auto first = catalog.query(query, shopperWith(0)).value();
  ASSERT_TRUE(first.nextCursor);
  query.sort = CatalogSort::Newest;  // a cursor of another sort
  query.cursor = *first.nextCursor;
  ASSERT_FALSE(catalog.query(query, shopperWith(0)));
  for (const char* garbage : {"x", "k1.newest.", "k1.newest.2.5.id", "k1.newest.0.99999999999999999999.a",
                              "k1.newest.0.1.", "k1.newest.0.1x.a"}) {
    query.cursor = garbage;
    const auto result = catalog.query(query, shopperWith(0));
    ASSERT_FALSE(result) << garbage;
    EXPECT_EQ(result.error().path, "cursor");
  }
}

// ---- Property test: the engine against a brute-force reference ----------

const std::vector<std::string> kVocabulary = {"Café", "crème", "trail", "Trailblazer", "mix", "tent",
                                              "Piñata", "sock", "socks", "mug", "Ærø", "day", "pass",
                                              "summit", "jacket", "boot", "boots", "抹茶"};
const std::vector<std::string> kCategories = {"gear", "apparel", "experiences", "shipping", "donations", "gift-cards"};

Reward randomReward(std::mt19937& rng, int index) {
  const auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  Reward r;
  r.id = "r" + std::to_string(index);
  for (int w = 0, words = 1 + pick(3); w < words; ++w)
    r.name += (w ? " " : "") + kVocabulary[static_cast<std::size_t>(pick(static_cast<int>(kVocabulary.size())))];
  if (pick(2)) r.description = kVocabulary[static_cast<std::size_t>(pick(static_cast<int>(kVocabulary.size())))];
  r.cost = 100 * pick(30);                 // many ties on purpose
  r.category = kCategories[static_cast<std::size_t>(pick(6))];
  r.popularity = pick(8);                  // many ties on purpose
  r.createdAt = "2026-1" + std::to_string(pick(2)) + "-0" + std::to_string(1 + pick(9)) + "T0" +
                std::to_string(pick(10)) + ":00:00Z";
  const int stock = pick(4);
  if (stock == 0) r.stock = 0;
  if (stock == 1) r.stock = pick(5) + 1;
  if (pick(6) == 0) r.tierRequired = std::vector<std::string>{"explorer", "trailblazer", "summit", "peak", "gold"}[static_cast<std::size_t>(pick(5))];
  if (pick(6) == 0) r.earlyAccess = EarlyAccess{std::vector<std::string>{"summit", "peak"}[static_cast<std::size_t>(pick(2))],
                                                CalendarDate{2026, 11, 20 + pick(8)}};
  return r;
}

bool bruteForceTextMatch(const Reward& r, const std::string& text) {
  const auto haystack = searchWords(r.name + " " + r.description);
  for (const auto& needle : searchWords(text)) {
    const bool found = std::any_of(haystack.begin(), haystack.end(),
                                   [&](const std::string& word) { return word.rfind(needle, 0) == 0; });
    if (!found) return false;
  }
  return true;
}

// The expected order, written independently of Catalog::sortKey.
bool bruteForceBefore(const Reward& a, const Reward& b, CatalogSort sort, const Shopper& s, std::int64_t maxPop) {
  const auto byId = [&] { return a.id < b.id; };
  switch (sort) {
    case CatalogSort::CostAscending: return a.cost != b.cost ? a.cost < b.cost : byId();
    case CatalogSort::CostDescending: return a.cost != b.cost ? a.cost > b.cost : byId();
    case CatalogSort::Popularity: return a.popularity != b.popularity ? a.popularity > b.popularity : byId();
    case CatalogSort::Newest: return a.createdAt != b.createdAt ? a.createdAt > b.createdAt : byId();
    case CatalogSort::ClosestToAffordable: {
      const bool aIn = a.cost <= s.points, bIn = b.cost <= s.points;
      if (aIn != bIn) return !aIn;
      if (a.cost != b.cost) return aIn ? a.cost > b.cost : a.cost < b.cost;
      return byId();
    }
    case CatalogSort::ForYou: {
      const auto sa = Catalog::forYouScore(a, s, maxPop), sb = Catalog::forYouScore(b, s, maxPop);
      return sa != sb ? sa > sb : byId();
    }
  }
  return byId();
}

TEST(CatalogProperty, PagesEqualABruteForceReferenceOnRandomCatalogs) {
  constexpr std::uint32_t kSeed = 20261123;
  constexpr int kCatalogs = 1500;
  std::mt19937 rng(kSeed);
  for (int round = 0; round < kCatalogs; ++round) {
    const std::uint32_t roundSeed = rng();
    std::mt19937 local(roundSeed);
    SCOPED_TRACE("seed " + std::to_string(kSeed) + ", round " + std::to_string(round) +
                 ", round seed " + std::to_string(roundSeed));
    const auto pick = [&](int n) { return static_cast<int>(local() % static_cast<unsigned>(n)); };

    std::vector<Reward> rewards;
    for (int i = 0, n = pick(120); i < n; ++i) rewards.push_back(randomReward(local, i));
    Catalog catalog;
    // Sometimes in two batches with overlapping ids, as paged ingest does.
    if (!rewards.empty() && pick(2)) {
      catalog.upsert(std::vector<Reward>(rewards.begin(), rewards.begin() + static_cast<long>(rewards.size() / 2)));
    }
    catalog.upsert(rewards);

    Shopper shopper = shopperWith(100 * pick(30), pick(5) - 1);
    shopper.today = {2026, 11, 20 + pick(10)};
    if (pick(2)) shopper.redemptionsByCategory = {{kCategories[static_cast<std::size_t>(pick(6))], 1 + pick(4)},
                                                   {kCategories[static_cast<std::size_t>(pick(6))], 1 + pick(2)}};
    CatalogQuery query;
    query.sort = static_cast<CatalogSort>(pick(6));
    if (pick(2)) {
      query.text = kVocabulary[static_cast<std::size_t>(pick(static_cast<int>(kVocabulary.size())))];
      query.text = query.text.substr(0, 1 + static_cast<std::size_t>(pick(static_cast<int>(query.text.size()))));
      if (pick(4) == 0) query.text += " " + kVocabulary[static_cast<std::size_t>(pick(static_cast<int>(kVocabulary.size())))];
    }
    if (pick(3) == 0) query.categories = {kCategories[static_cast<std::size_t>(pick(6))], kCategories[static_cast<std::size_t>(pick(6))]};
    query.affordableOnly = pick(4) == 0;
    query.eligibleOnly = pick(4) == 0;
    query.inStockOnly = pick(4) == 0;
    query.limit = 1 + static_cast<std::size_t>(pick(15));

    std::int64_t maxPop = 0;
    for (const auto& r : rewards) maxPop = std::max(maxPop, r.popularity);
    std::vector<const Reward*> expected;
    for (const auto& r : rewards) {
      const Availability a = Catalog::availabilityOf(r, shopper);
      if (!query.text.empty() && !bruteForceTextMatch(r, query.text)) continue;
      if (!query.categories.empty() &&
          std::find(query.categories.begin(), query.categories.end(), r.category) == query.categories.end()) continue;
      if (query.inStockOnly && r.stock && *r.stock == 0) continue;
      if (query.affordableOnly && a != Availability::Redeemable) continue;
      if (query.eligibleOnly && (a == Availability::TierLocked || a == Availability::EarlyAccessLocked)) continue;
      expected.push_back(&r);
    }
    std::sort(expected.begin(), expected.end(),
              [&](const Reward* a, const Reward* b) { return bruteForceBefore(*a, *b, query.sort, shopper, maxPop); });

    std::vector<std::string> got;
    for (int pageNumber = 0;; ++pageNumber) {
      ASSERT_LT(pageNumber, 1000) << "pagination does not end";
      const auto page = catalog.query(query, shopper);
      ASSERT_TRUE(page) << page.error().message();
      ASSERT_EQ(page.value().total, expected.size());
      ASSERT_LE(page.value().items.size(), query.limit);
      for (const auto& item : page.value().items) {
        got.push_back(item.reward->id);
        ASSERT_EQ(item.availability, Catalog::availabilityOf(*item.reward, shopper));
      }
      if (!page.value().nextCursor) break;
      query.cursor = *page.value().nextCursor;
    }
    std::vector<std::string> want;
    for (const auto* r : expected) want.push_back(r->id);
    ASSERT_EQ(got, want) << "sort " << sortName(query.sort) << ", text '" << query.text << "'";
  }
}

}  // namespace
}  // namespace kindred
