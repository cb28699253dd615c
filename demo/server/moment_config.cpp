#include "moment_config.hpp"

void insertMomentConfig(Database& db, const MomentConfig& config) {
  db.prepare("INSERT INTO moment_settings (singleton, expiry_reminder_days) VALUES (1, ?1)")
      .bind(1, config.expiryReminderDays)
      .run();
  Statement incentive =
      db.prepare("INSERT INTO moment_incentives (id, points, label) VALUES (?1, ?2, ?3)");
  for (const MomentIncentive& item : config.incentives) {
    incentive.bind(1, item.id).bind(2, item.points).bind(3, item.label).run();
    incentive.reset();
  }
  Statement offer = db.prepare(
      "INSERT INTO birthday_offers (tier_id, position, title, description)"
      " VALUES (?1, ?2, ?3, ?4)");
  for (std::size_t i = 0; i < config.birthdayOffers.size(); ++i) {
    const BirthdayOffer& o = config.birthdayOffers[i];
    offer.bind(1, o.tierId)
        .bind(2, static_cast<std::int64_t>(i))
        .bind(3, o.title)
        .bind(4, o.description)
        .run();
    offer.reset();
  }
}

MomentConfig loadMomentConfig(Database& db) {
  MomentConfig config;
  Statement settings = db.prepare("SELECT expiry_reminder_days FROM moment_settings");
  if (settings.step()) config.expiryReminderDays = settings.int64(0);
  Statement incentives =
      db.prepare("SELECT id, points, label FROM moment_incentives ORDER BY points");
  while (incentives.step()) {
    config.incentives.push_back({incentives.text(0), incentives.int64(1), incentives.text(2)});
  }
  Statement offers =
      db.prepare("SELECT tier_id, title, description FROM birthday_offers ORDER BY position");
  while (offers.step()) {
    config.birthdayOffers.push_back({offers.text(0), offers.text(1), offers.text(2)});
  }
  return config;
}

bool hasMomentConfig(Database& db) { return db.prepare("SELECT 1 FROM moment_settings").step(); }
