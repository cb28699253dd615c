#pragma once
// The games as the database holds them, with what each kind needs: a chance
// game's prize table, a quiz's questions with their correct options (which
// only the server knows until the member has answered), a check-in's streak
// rewards. Kinds, prizes, questions and streak rewards are the core's types,
// so the backend draws and judges with the definitions the widget checks.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "database.hpp"
#include "kindred/checkin_streak.hpp"
#include "kindred/fairness.hpp"
#include "kindred/game.hpp"
#include "kindred/quiz_session.hpp"

struct GameQuestion {
  kindred::QuizQuestion question;  // as GET /v1/games shows it
  int correctOption = 0;           // an index into question.options
};

struct GameRecord {
  std::string id;
  std::int64_t position = 0;  // listing order
  kindred::GameKind kind = kindred::GameKind::Wheel;
  std::string title;
  std::string description;
  std::int64_t cost = 0;  // points debited per play
  std::int64_t playsPerDay = 1;
  std::int64_t cooldownSeconds = 0;                  // between one play and the next
  std::vector<kindred::Prize> prizes;                // wheel, scratch, memory
  int pairs = 0;                                     // memory
  std::int64_t pointsPerCorrect = 0;                 // quiz
  std::vector<GameQuestion> questions;               // quiz
  std::int64_t pointsPerCheckIn = 0;                 // checkin
  std::vector<kindred::StreakReward> streakRewards;  // checkin, by day
  // Wheel, scratch, memory: the prizes worth no points that are still
  // prizes (free shipping), unlike "try again"; a play that draws one is a
  // game won (year in review). Not part of the table the draw and its hash read.
  std::set<std::string> nonPointsPrizeIds;
};

// "wheel" -> GameKind::Wheel; nullopt for a name the core does not know.
std::optional<kindred::GameKind> gameKindNamed(std::string_view name);

// Writes the game and its prizes, questions or streak rewards.
void insertGame(Database& db, const GameRecord& game);

std::optional<GameRecord> loadGame(Database& db, std::string_view id);

// Every game, in listing order.
std::vector<GameRecord> listGames(Database& db);

// The position after the last game (0 when there are none).
std::int64_t nextGamePosition(Database& db);

// {"id","label","points","weight"}, as GET /v1/games lists a prize and a play
// names the one it won.
nlohmann::ordered_json prizeJson(const kindred::Prize& prize);
