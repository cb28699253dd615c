#include "engagement_config.hpp"

namespace {

Experience readExperience(const Statement& row) {
  return {row.text(0), row.text(1),  row.text(2), row.text(3),
          row.text(4), row.int64(5), row.int64(6)};
}

Preview readPreview(const Statement& row) {
  return {row.text(0), row.text(1), row.text(2), row.text(3), row.text(4)};
}

}  // namespace

void insertEngagementConfig(Database& db, const EngagementConfig& config) {
  const auto& impact = config.impact;
  db.prepare(
        "INSERT INTO engagement_settings (singleton, impact_label, impact_points_per_unit,"
        " impact_community_base) VALUES (1, ?1, ?2, ?3)")
      .bindNullable(1, impact ? std::optional<std::string>(impact->label) : std::nullopt)
      .bindNullable(2, impact ? std::optional<std::int64_t>(impact->pointsPerUnit) : std::nullopt)
      .bindNullable(3, impact ? std::optional<std::int64_t>(impact->communityBase) : std::nullopt)
      .run();

  Statement experience = db.prepare(
      "INSERT INTO experiences (id, position, tier_id, title, description, starts_at,"
      " starts_at_unix, seats) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  for (std::size_t i = 0; i < config.experiences.size(); ++i) {
    const Experience& e = config.experiences[i];
    experience.bind(1, e.id)
        .bind(2, static_cast<std::int64_t>(i))
        .bind(3, e.tierId)
        .bind(4, e.title)
        .bind(5, e.description)
        .bind(6, e.startsAt)
        .bind(7, e.startsAtUnix)
        .bind(8, e.seats)
        .run();
    experience.reset();
  }

  Statement preview = db.prepare(
      "INSERT INTO previews (id, position, tier_id, title, description, release_date)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  for (std::size_t i = 0; i < config.previews.size(); ++i) {
    const Preview& p = config.previews[i];
    preview.bind(1, p.id)
        .bind(2, static_cast<std::int64_t>(i))
        .bind(3, p.tierId)
        .bind(4, p.title)
        .bind(5, p.description)
        .bind(6, p.releaseDate)
        .run();
    preview.reset();
  }

  Statement challenge = db.prepare(
      "INSERT INTO challenges (id, position, title, description, event_type, steps, time_window,"
      " distinct_by, badge_id, badge_title) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  for (std::size_t i = 0; i < config.challenges.size(); ++i) {
    const Challenge& c = config.challenges[i];
    challenge.bind(1, c.id)
        .bind(2, static_cast<std::int64_t>(i))
        .bind(3, c.title)
        .bind(4, c.description)
        .bind(5, c.eventType)
        .bind(6, c.steps)
        .bind(7, c.window)
        .bind(8, c.distinctBy)
        .bind(9, c.badgeId)
        .bind(10, c.badgeTitle)
        .run();
    challenge.reset();
  }
}

EngagementConfig loadEngagementConfig(Database& db) {
  EngagementConfig config;
  Statement settings = db.prepare(
      "SELECT impact_label, impact_points_per_unit, impact_community_base"
      " FROM engagement_settings WHERE impact_label IS NOT NULL");
  if (settings.step()) {
    config.impact = ImpactCounter{settings.text(0), settings.int64(1), settings.int64(2)};
  }
  Statement experiences = db.prepare(
      "SELECT id, tier_id, title, description, starts_at, starts_at_unix, seats FROM experiences"
      " ORDER BY position");
  while (experiences.step()) config.experiences.push_back(readExperience(experiences));
  Statement previews = db.prepare(
      "SELECT id, tier_id, title, description, release_date FROM previews ORDER BY position");
  while (previews.step()) config.previews.push_back(readPreview(previews));
  Statement challenges = db.prepare(
      "SELECT id, title, description, event_type, steps, time_window, distinct_by, badge_id,"
      " badge_title FROM challenges ORDER BY position");
  while (challenges.step()) {
    config.challenges.push_back({challenges.text(0), challenges.text(1), challenges.text(2),
                                 challenges.text(3), challenges.int64(4), challenges.text(5),
                                 challenges.text(6), challenges.text(7), challenges.text(8)});
  }
  return config;
}

bool hasEngagementConfig(Database& db) {
  return db.prepare("SELECT 1 FROM engagement_settings").step();
}

std::optional<Experience> findExperience(Database& db, std::string_view id) {
  Statement query = db.prepare(
      "SELECT id, tier_id, title, description, starts_at, starts_at_unix, seats FROM experiences"
      " WHERE id = ?1");
  if (!query.bind(1, id).step()) return std::nullopt;
  return readExperience(query);
}

std::optional<Preview> findPreview(Database& db, std::string_view id) {
  Statement query = db.prepare(
      "SELECT id, tier_id, title, description, release_date FROM previews WHERE id = ?1");
  if (!query.bind(1, id).step()) return std::nullopt;
  return readPreview(query);
}
