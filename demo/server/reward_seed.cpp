#include "reward_seed.hpp"

#include <set>
#include <string>

#include "reward_record.hpp"
#include "seed_reader.hpp"

namespace {

std::string tierId(const SeedReader& reader, const char* key, const kindred::Program& program) {
  std::string id = reader.string(key);
  if (!program.findTier(id)) reader.fail(key, "names no tier of the program: \"" + id + "\"");
  return id;
}

}  // namespace

std::int64_t nextRewardPosition(Database& db) {
  Statement query = db.prepare("SELECT COALESCE(MAX(position) + 1, 0) FROM rewards");
  return query.step() ? query.int64(0) : 0;
}

std::int64_t insertSeedRewards(Database& db, const std::filesystem::path& seedDir,
                               const kindred::Program& program, kindred::CalendarDate today) {
  const std::filesystem::path path = seedDir / "rewards.json";
  if (!std::filesystem::exists(path)) return 0;
  const nlohmann::json list = readSeedList(readSeedFile(path), "rewards.json", "rewards");

  const std::int64_t first = nextRewardPosition(db);
  Statement insert = insertRewardStatement(db);
  std::set<std::string> seen;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const SeedReader r(list[i], "rewards.json", "rewards[" + std::to_string(i) + "]");
    RewardRecord reward;
    reward.id = r.string("id");
    if (!seen.insert(reward.id).second) r.fail("id", "repeats \"" + reward.id + "\"");
    reward.position = first + static_cast<std::int64_t>(i);
    reward.name = r.string("name");
    reward.description = r.string("description");
    reward.cost = r.integer("cost", 0);
    reward.category = r.string("category");
    // Categories end up in CSS classes and URLs on the store's side.
    if (!isSlug(reward.category)) r.fail("category", "must be lower-case words joined by hyphens");
    reward.imageUrl = r.optionalString("imageUrl");
    reward.stock = r.optionalInteger("stock", 0);
    reward.popularity = r.integer("popularity", 0);
    // Rewards were added in the past, at the start of a (UTC) working day.
    reward.createdAt =
        dateInDays(today, r.dayOffset("createdInDays", -kMaxDayOffset, 0)) + "T09:00:00Z";
    if (r.has("tierRequired")) reward.tierRequired = tierId(r, "tierRequired", program);
    if (r.has("earlyAccess")) {
      const SeedReader early = r.object("earlyAccess");
      reward.earlyAccess = EarlyAccess{tierId(early, "tierId", program),
                                       dateInDays(today, early.dayOffset("untilInDays"))};
    }
    bindReward(insert, reward);
    insert.run();
    insert.reset();
  }
  return static_cast<std::int64_t>(list.size());
}
