#include "game_catalog.hpp"

#include <utility>

#include "json_response.hpp"

namespace {

constexpr kindred::GameKind kKinds[] = {kindred::GameKind::Wheel, kindred::GameKind::Scratch,
                                        kindred::GameKind::Memory, kindred::GameKind::Quiz,
                                        kindred::GameKind::CheckIn};

// Options are stored as a JSON array of strings: always read and written whole.
std::string optionsText(const std::vector<std::string>& options) {
  return dumpJson(nlohmann::ordered_json(options));
}

std::vector<std::string> optionsFrom(const std::string& text) {
  const nlohmann::json parsed = nlohmann::json::parse(text, nullptr, false);
  std::vector<std::string> options;
  if (!parsed.is_array()) throw DatabaseError("a quiz question's options are not a JSON array");
  for (const nlohmann::json& option : parsed) {
    if (!option.is_string()) throw DatabaseError("a quiz question's option is not a string");
    options.push_back(option.get<std::string>());
  }
  return options;
}

// Reads the columns both game queries select, in this order, and the
// game's prizes, questions and streak rewards.
GameRecord readGame(Database& db, const Statement& row) {
  GameRecord game;
  game.id = row.text(0);
  game.position = row.int64(1);
  const auto kind = gameKindNamed(row.text(2));
  if (!kind) throw DatabaseError("game " + game.id + " has an unknown kind");
  game.kind = *kind;
  game.title = row.text(3);
  game.description = row.text(4);
  game.cost = row.int64(5);
  game.playsPerDay = row.int64(6);
  game.cooldownSeconds = row.int64(7);
  game.pairs = static_cast<int>(row.optionalInt64(8).value_or(0));
  game.pointsPerCorrect = row.optionalInt64(9).value_or(0);
  game.pointsPerCheckIn = row.optionalInt64(10).value_or(0);

  Statement prizes = db.prepare(
      "SELECT id, label, points, weight, non_points FROM game_prizes WHERE game_id = ?1"
      " ORDER BY position");
  prizes.bind(1, game.id);
  while (prizes.step()) {
    game.prizes.push_back({prizes.text(0), prizes.text(1), prizes.int64(2),
                           static_cast<std::uint32_t>(prizes.int64(3))});
    if (prizes.int64(4) != 0) game.nonPointsPrizeIds.insert(prizes.text(0));
  }
  Statement questions = db.prepare(
      "SELECT id, text, options, correct_option, time_limit_seconds FROM game_questions"
      " WHERE game_id = ?1 ORDER BY position");
  questions.bind(1, game.id);
  while (questions.step()) {
    game.questions.push_back({{questions.text(0), questions.text(1), optionsFrom(questions.text(2)),
                               static_cast<int>(questions.int64(4))},
                              static_cast<int>(questions.int64(3))});
  }
  Statement rewards = db.prepare(
      "SELECT day, points, label FROM game_streak_rewards WHERE game_id = ?1 ORDER BY day");
  rewards.bind(1, game.id);
  while (rewards.step()) {
    game.streakRewards.push_back(
        {static_cast<int>(rewards.int64(0)), rewards.int64(1), rewards.text(2)});
  }
  return game;
}

std::optional<std::int64_t> onlyFor(bool applies, std::int64_t value) {
  return applies ? std::optional<std::int64_t>(value) : std::nullopt;
}

}  // namespace

std::optional<kindred::GameKind> gameKindNamed(std::string_view name) {
  for (const kindred::GameKind kind : kKinds) {
    if (name == kindred::gameKindName(kind)) return kind;
  }
  return std::nullopt;
}

void insertGame(Database& db, const GameRecord& game) {
  using kindred::GameKind;
  db.prepare(
        "INSERT INTO games (id, position, kind, title, description, cost, plays_per_day,"
        " cooldown_seconds, pairs, points_per_correct, points_per_check_in)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
      .bind(1, game.id)
      .bind(2, game.position)
      .bind(3, std::string_view(kindred::gameKindName(game.kind)))
      .bind(4, game.title)
      .bind(5, game.description)
      .bind(6, game.cost)
      .bind(7, game.playsPerDay)
      .bind(8, game.cooldownSeconds)
      .bindNullable(9, onlyFor(game.kind == GameKind::Memory, game.pairs))
      .bindNullable(10, onlyFor(game.kind == GameKind::Quiz, game.pointsPerCorrect))
      .bindNullable(11, onlyFor(game.kind == GameKind::CheckIn, game.pointsPerCheckIn))
      .run();

  Statement prize = db.prepare(
      "INSERT INTO game_prizes (game_id, position, id, label, points, weight, non_points)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  for (std::size_t i = 0; i < game.prizes.size(); ++i) {
    const kindred::Prize& p = game.prizes[i];
    prize.bind(1, game.id)
        .bind(2, static_cast<std::int64_t>(i))
        .bind(3, p.id)
        .bind(4, p.label)
        .bind(5, p.points)
        .bind(6, std::int64_t{p.weight})
        .bind(7, std::int64_t{game.nonPointsPrizeIds.count(p.id) > 0 ? 1 : 0});
    prize.run();
    prize.reset();
  }
  Statement question = db.prepare(
      "INSERT INTO game_questions (game_id, position, id, text, options, correct_option,"
      " time_limit_seconds) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  for (std::size_t i = 0; i < game.questions.size(); ++i) {
    const GameQuestion& q = game.questions[i];
    question.bind(1, game.id)
        .bind(2, static_cast<std::int64_t>(i))
        .bind(3, q.question.id)
        .bind(4, q.question.text)
        .bind(5, optionsText(q.question.options))
        .bind(6, std::int64_t{q.correctOption})
        .bind(7, std::int64_t{q.question.timeLimitSeconds});
    question.run();
    question.reset();
  }
  Statement reward = db.prepare(
      "INSERT INTO game_streak_rewards (game_id, day, points, label) VALUES (?1, ?2, ?3, ?4)");
  for (const kindred::StreakReward& r : game.streakRewards) {
    reward.bind(1, game.id).bind(2, std::int64_t{r.day}).bind(3, r.points).bind(4, r.label);
    reward.run();
    reward.reset();
  }
}

std::optional<GameRecord> loadGame(Database& db, std::string_view id) {
  Statement query = db.prepare(
      "SELECT id, position, kind, title, description, cost, plays_per_day,"
      " cooldown_seconds, pairs, points_per_correct, points_per_check_in"
      " FROM games WHERE id = ?1");
  if (!query.bind(1, id).step()) return std::nullopt;
  return readGame(db, query);
}

std::vector<GameRecord> listGames(Database& db) {
  Statement query = db.prepare(
      "SELECT id, position, kind, title, description, cost, plays_per_day,"
      " cooldown_seconds, pairs, points_per_correct, points_per_check_in"
      " FROM games ORDER BY position");
  std::vector<GameRecord> games;
  while (query.step()) games.push_back(readGame(db, query));
  return games;
}

std::int64_t nextGamePosition(Database& db) {
  Statement query = db.prepare("SELECT COALESCE(MAX(position) + 1, 0) FROM games");
  return query.step() ? query.int64(0) : 0;
}

nlohmann::ordered_json prizeJson(const kindred::Prize& prize) {
  return {
      {"id", prize.id},
      {"label", prize.label},
      {"points", prize.points},
      {"weight", prize.weight},
  };
}
