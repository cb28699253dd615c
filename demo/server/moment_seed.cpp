#include "moment_seed.hpp"

#include <set>
#include <string>

#include "moment_config.hpp"
#include "seed_reader.hpp"

namespace {

void readIncentives(const SeedReader& file, MomentConfig& config) {
  const std::size_t count = file.arraySize("incentives");
  if (count > kMaxIncentives) {
    file.fail("incentives", "must hold at most " + std::to_string(kMaxIncentives) + " incentives");
  }
  std::set<std::string> ids;
  std::set<std::int64_t> points;
  for (std::size_t i = 0; i < count; ++i) {
    const SeedReader r = file.element("incentives", i);
    MomentIncentive incentive;
    incentive.id = r.string("id");
    // The widget keys the card "incentive:<id>", and a dismissal names it.
    if (!isIdentifier(incentive.id)) {
      r.fail("id", "must be 1 to 64 letters, digits, '_' and '-'");
    }
    if (!ids.insert(incentive.id).second) r.fail("id", "repeats \"" + incentive.id + "\"");
    incentive.points = r.integer("points", 1);
    // The widget nudges toward the smallest incentive above the balance;
    // two at one balance would make its label a guess.
    if (!points.insert(incentive.points).second) {
      r.fail("points", "repeats " + std::to_string(incentive.points));
    }
    incentive.label = r.text("label", kMaxMomentTitleCharacters);
    config.incentives.push_back(std::move(incentive));
  }
}

void readBirthdayOffers(const SeedReader& file, const kindred::Program& program,
                        MomentConfig& config) {
  std::set<std::string> tiers;
  for (std::size_t i = 0; i < file.arraySize("birthdayOffers"); ++i) {
    const SeedReader r = file.element("birthdayOffers", i);
    BirthdayOffer offer;
    offer.tierId = r.string("tierId");
    if (!program.findTier(offer.tierId)) {
      r.fail("tierId", "names no tier of the program: \"" + offer.tierId + "\"");
    }
    // A member gets their tier's offer; two would make it a guess.
    if (!tiers.insert(offer.tierId).second) r.fail("tierId", "repeats \"" + offer.tierId + "\"");
    offer.title = r.text("title", kMaxMomentTitleCharacters);
    offer.description = r.text("description", kMaxMomentDescriptionCharacters);
    config.birthdayOffers.push_back(std::move(offer));
  }
}

}  // namespace

bool insertSeedMoments(Database& db, const std::filesystem::path& seedDir,
                       const kindred::Program& program) {
  const std::filesystem::path path = seedDir / "moments.json";
  if (!std::filesystem::exists(path)) return false;
  const nlohmann::json doc = readSeedObject(readSeedFile(path), "moments.json");
  const SeedReader file(doc, "moments.json", "");

  MomentConfig config;
  readIncentives(file, config);
  readBirthdayOffers(file, program, config);
  config.expiryReminderDays = file.integer("expiryReminderDays", 1, 365);
  insertMomentConfig(db, config);
  return true;
}
