// Median time of catalog queries (search + filter + sort, first page) over a
// synthetic catalog of 100,000 rewards, and the one-off index build.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "kindred/catalog.hpp"

namespace {

using Clock = std::chrono::steady_clock;

std::vector<kindred::Reward> syntheticRewards(int count) {
  const char* adjectives[] = {"Alpine", "Café", "Crème", "Summit", "Trail", "Piñata", "Coastal", "Forest", "Rapid", "Ultra"};
  const char* nouns[] = {"jacket", "thermos", "tent", "boots", "socks", "mug", "pack", "lantern", "map", "voucher"};
  const char* categories[] = {"gear", "apparel", "experiences", "shipping", "donations", "gift-cards"};
  std::mt19937 rng(7);
  std::vector<kindred::Reward> rewards;
  rewards.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    kindred::Reward r;
    r.id = "r" + std::to_string(i);
    r.name = std::string(adjectives[rng() % 10]) + " " + adjectives[rng() % 10] + " " + nouns[rng() % 10] + " " + std::to_string(i % 97);
    r.description = std::string("Made for ") + nouns[rng() % 10];
    r.cost = 100 + static_cast<std::int64_t>(rng() % 6000);
    r.category = categories[rng() % 6];
    r.popularity = static_cast<std::int64_t>(rng() % 100000);
    r.createdAt = "2026-" + std::string(rng() % 2 ? "10" : "11") + "-1" + std::to_string(rng() % 10) + "T12:00:00Z";
    if (rng() % 10 == 0) r.stock = 0;
    if (rng() % 12 == 0) r.tierRequired = "summit";
    rewards.push_back(std::move(r));
  }
  return rewards;
}

double medianMs(std::vector<double> samples) {
  std::sort(samples.begin(), samples.end());
  return samples[samples.size() / 2];
}

}  // namespace

int main() {
  kindred::Catalog catalog;
  catalog.upsert(syntheticRewards(100000));
  kindred::Shopper shopper;
  shopper.points = 1800;
  shopper.tierIds = {"explorer", "trailblazer", "summit", "peak"};
  shopper.tierRank = 1;
  shopper.today = {2026, 11, 23};
  shopper.redemptionsByCategory = {{"gear", 3}, {"experiences", 1}};

  kindred::CatalogQuery warm;
  const auto buildStart = Clock::now();
  (void)catalog.query(warm, shopper);  // builds the indexes
  const double buildMs = std::chrono::duration<double, std::milli>(Clock::now() - buildStart).count();
  std::printf("catalog of %zu rewards: index build %.1f ms (once per change)\n", catalog.size(), buildMs);

  struct Case { const char* label; kindred::CatalogQuery query; };
  std::vector<Case> cases;
  const auto add = [&](const char* label, std::string text, std::vector<std::string> categories, bool affordable,
                       bool inStock, kindred::CatalogSort sort) {
    kindred::CatalogQuery q;
    q.text = std::move(text);
    q.categories = std::move(categories);
    q.affordableOnly = affordable;
    q.inStockOnly = inStock;
    q.sort = sort;
    cases.push_back({label, q});
  };
  add("search 'cafe' + gear + in stock, popular", "cafe", {"gear"}, false, true, kindred::CatalogSort::Popularity);
  add("search 'tr' (broad prefix), cost ascending", "tr", {}, false, false, kindred::CatalogSort::CostAscending);
  add("affordable now, closest to affordable", "", {}, true, false, kindred::CatalogSort::ClosestToAffordable);
  add("search 'summit jack', newest", "summit jack", {}, false, false, kindred::CatalogSort::Newest);
  add("everything, for you (scored and sorted)", "", {}, false, false, kindred::CatalogSort::ForYou);

  for (const auto& [label, query] : cases) {
    std::vector<double> samples;
    std::size_t total = 0;
    for (int run = 0; run < 31; ++run) {
      const auto start = Clock::now();
      const auto page = catalog.query(query, shopper);
      samples.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
      total = page.value().total;
    }
    std::printf("  %-46s median %6.2f ms  (%zu matches)\n", label, medianMs(samples), total);
  }
  return 0;
}
