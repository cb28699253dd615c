#include "synthetic_rewards.hpp"

#include <cstdio>
#include <iterator>
#include <optional>
#include <string>

#include "reward_record.hpp"
#include "reward_seed.hpp"
#include "utc_time.hpp"

namespace {

constexpr std::uint64_t kSeed = 0x4b696e6472656421;  // "Kindred!"
constexpr std::int64_t kSecondsPerDay = 86400;
constexpr std::int64_t kCatalogAgeDays = 730;

// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, fully specified.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
    z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
    return z ^ (z >> 31);
  }
  // In [0, n). The modulo bias is below 1e-15 for these small n.
  std::int64_t below(std::int64_t n) {
    return static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(n));
  }
  template <std::size_t N>
  const char* pick(const char* const (&words)[N]) {
    return words[below(static_cast<std::int64_t>(N))];
  }

 private:
  std::uint64_t state_;
};

constexpr const char* kAdjectives[] = {
    "Alpine",  "Backcountry", "Boreal",   "Canyon",   "Coastal", "Desert", "Glacier",
    "Granite", "Highland",    "Lakeside", "Meadow",   "Nordic",  "Ridge",  "Summit",
    "Tundra",  "Valley",      "Woodland", "Midnight", "Aurora",  "Ember",  "Frost"};
constexpr const char* kMaterials[] = {"Merino",       "Ripstop", "Titanium",  "Down",
                                      "Waxed canvas", "Fleece",  "Bamboo",    "Recycled",
                                      "Cedar",        "Hemp",    "Softshell", "Wool"};
struct CategoryWords {
  const char* category;
  const char* items[6];
};
constexpr CategoryWords kCategories[] = {
    {"gear", {"headlamp", "trekking poles", "water filter", "camp stove", "dry bag", "hammock"}},
    {"apparel", {"beanie", "hiking socks", "rain shell", "base layer", "sun hoodie", "gloves"}},
    {"experiences",
     {"guided hike", "kayak lesson", "climbing session", "stargazing night", "map workshop",
      "trail run clinic"}},
    {"shipping",
     {"express shipping pass", "free returns pass", "shipping upgrade", "weekend delivery",
      "gift wrapping", "carbon-neutral delivery"}},
    {"donations",
     {"trail restoration gift", "tree planting gift", "river cleanup gift", "park access gift",
      "youth outdoors gift", "wildlife corridor gift"}},
    {"gift-cards",
     {"gift card", "e-gift card", "rental voucher", "repair voucher", "class voucher",
      "partner voucher"}},
};

std::string formatId(std::int64_t n) {
  char id[32];
  std::snprintf(id, sizeof id, "syn-%06lld", static_cast<long long>(n));
  return id;
}

}  // namespace

void insertSyntheticRewards(Database& db, std::int64_t count, const kindred::Program& program,
                            kindred::CalendarDate today) {
  if (count <= 0) return;
  SplitMix64 random(kSeed);
  const std::int64_t first = nextRewardPosition(db);
  // Every reward was added before the seeding day, some time in the last two years.
  const std::int64_t startOfToday = today.daysSinceEpoch() * kSecondsPerDay;
  Statement insert = insertRewardStatement(db);
  RewardRecord reward;
  for (std::int64_t n = 1; n <= count; ++n) {
    const CategoryWords& words =
        kCategories[random.below(static_cast<std::int64_t>(std::size(kCategories)))];
    const char* adjective = random.pick(kAdjectives);
    const char* material = random.pick(kMaterials);
    const char* item = words.items[random.below(static_cast<std::int64_t>(std::size(words.items)))];

    reward.id = formatId(n);
    reward.position = first + n - 1;
    reward.name = std::string(adjective) + " " + material + " " + item;
    reward.description =
        "A synthetic " + std::string(item) + " reward for benchmarks (#" + std::to_string(n) + ").";
    reward.category = words.category;
    reward.cost = 100 + random.below(119) * 50;  // 100 to 6000, in steps of 50
    reward.popularity = random.below(10000);
    reward.createdAt =
        formatRfc3339Utc(startOfToday - 1 - random.below(kCatalogAgeDays * kSecondsPerDay));
    const std::int64_t roll = random.below(100);
    reward.stock = roll < 3    ? std::optional<std::int64_t>(0)                     // out of stock
                   : roll < 15 ? std::optional<std::int64_t>(1 + random.below(25))  // scarce
                               : std::nullopt;                                      // unlimited
    reward.tierRequired.reset();
    if (program.tiers.size() > 1 && random.below(100) < 8) {
      reward.tierRequired =
          program.tiers[1 + random.below(static_cast<std::int64_t>(program.tiers.size()) - 1)].id;
    }
    bindReward(insert, reward);
    insert.run();
    insert.reset();
  }
}
