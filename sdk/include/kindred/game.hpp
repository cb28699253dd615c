#pragma once
// A game as GET /v1/games describes it: what it costs, how often it can be
// played, and per kind what the widget needs to run it. Chance games carry
// the commitment for the member's next play, which the widget keeps so it
// can check the play against it afterwards (fairness.hpp).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kindred/calendar_date.hpp"
#include "kindred/fairness.hpp"
#include "kindred/quiz_session.hpp"
#include "kindred/result.hpp"

namespace kindred {

enum class GameKind { Wheel, Scratch, Memory, Quiz, CheckIn };

const char* gameKindName(GameKind kind);
// Wheel, scratch card and memory match: the prize is drawn, provably fairly.
bool isChanceGame(GameKind kind);

struct CheckInRules {
  CalendarDate today;                  // in the member's time zone, as the backend says
  std::string timeZone;
  std::vector<CalendarDate> checkIns;  // local days
  std::int64_t pointsPerCheckIn = 0;
  struct Bonus { int day = 0; std::int64_t points = 0; std::string label; };
  std::vector<Bonus> streakRewards;
};

struct Game {
  std::string id;
  GameKind kind = GameKind::Wheel;
  std::string title;
  std::string description;
  std::int64_t cost = 0;
  std::int64_t playsLeft = 0;
  std::int64_t playsPerDay = 0;
  std::int64_t cooldownSeconds = 0;
  std::optional<std::string> nextPlayAt;  // RFC 3339, during a cooldown

  GameCommitment commitment;  // chance games: prizes, their hash, commitment, nonce
  int pairs = 0;              // memory
  std::int64_t pointsPerCorrect = 0;  // quiz
  std::vector<QuizQuestion> questions;
  std::optional<CheckInRules> checkIn;
};

// The whole GET /v1/games document. Every field is checked; a game of a kind
// this widget does not know is an error rather than silently hidden, so a
// backend newer than the widget is noticed.
Result<std::vector<Game>> parseGames(std::string_view json);

}  // namespace kindred
