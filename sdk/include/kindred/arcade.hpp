#pragma once
// The member's games inside the core: the list from GET /v1/games, each
// game's play under way (one intent per game, see game_play.hpp) and the quiz
// being answered. It decides nothing about outcomes: it builds the requests,
// checks the answers (fairness.hpp) and says what the widget should show.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kindred/game.hpp"
#include "kindred/game_play.hpp"
#include "kindred/input_error.hpp"
#include "kindred/memory_match.hpp"
#include "kindred/member.hpp"
#include "kindred/quiz_session.hpp"

namespace kindred {

class Arcade {
 public:
  // Takes GET /v1/games. Plays under way keep what they committed to.
  std::optional<InputError> ingest(std::string_view json);
  bool loaded() const { return loaded_; }

  // {"screen":"games","status","error","games":[...]}: each game with what it
  // costs, plays left, whether it can be played now and why not, its prize
  // table, and the check-in strip for the check-in game.
  std::string gamesViewJson(const std::optional<InputError>& error, std::optional<std::int64_t> balance) const;

  // Starts a play of `gameId`, or repeats the unfinished one with the same
  // key and body: {"ok":true,"command":{...}} or {"ok":false,"reason","message"}.
  // `clientSeed` (chance games, 32-128 hex digits from a CSPRNG) is kept with
  // the intent; `nonce` makes a new intent's key unique.
  std::string playJson(std::string_view gameId, std::string_view clientSeed, std::string_view nonce,
                       std::optional<std::int64_t> balance);

  // The backend's answer (status 0 when none came). Returns the member as the
  // backend left them after a successful play; `unreadable` is set when a
  // success could not be read (the play then stays pending, to be asked again).
  std::optional<Member> answer(std::string_view gameId, int status, std::string_view body,
                               std::optional<InputError>& unreadable);

  // {"gameId","kind","state":"none"|"pending"|"succeeded"|"failed","reason","detail",
  //  "pointsSpent","pointsWon","playsLeft","prizeIndex","prize","fairness","proof",
  //  "landingFraction","deck","score","correctOptions","date","streak"}
  std::string playViewJson(std::string_view gameId) const;

  // The play under way or last made for `gameId`, if any.
  const PlayIntent* playOf(std::string_view gameId) const;
  // Takes back a play from an intent snapshot (intent_snapshot.hpp), pending.
  void resume(PlayIntent intent);

  // The quiz being answered (one at a time). Times are the host's clock in ms.
  bool quizStart(std::string_view gameId, double nowMs);
  bool quizAnswer(int option, double nowMs);
  void quizTick(double nowMs);
  bool quizExtend(double nowMs);
  void quizTimer(bool enabled, double nowMs);
  // {"gameId","state":"none"|"running"|"finished"|"judged","index","count","question":{"text","options"},
  //  "timeLimitMs","timeRemainingMs" (null without a limit),"timerEnabled","extensionsLeft","answers","score","correctOptions"}
  std::string quizViewJson(double nowMs) const;

  // The memory game of a play that succeeded: dealt from the play's deck.
  bool memoryDeal(std::string_view gameId);
  // FlipResult as a number: 0 ignored, 1 first up, 2 matched, 3 mismatched, 4 won.
  int memoryFlip(int index, double nowMs);
  void memoryTick(double nowMs);
  // {"cards":[{"face":"down"|"up"|"matched","value"}],"moves","matchedPairs","pairs","won"};
  // a face-down card's value is null, so nothing drawn from the view (DOM, accessible
  // names) can show a card before it is turned.
  std::string memoryViewJson() const;

 private:
  Game* find(std::string_view gameId);
  const Game* find(std::string_view gameId) const;
  void applySuccess(PlayIntent& intent, const PlayReceipt& receipt);

  std::vector<Game> games_;
  bool loaded_ = false;
  std::map<std::string, PlayIntent, std::less<>> plays_;  // by game id
  std::optional<QuizSession> quiz_;
  std::string quizGameId_;
  std::optional<MemoryMatch> memory_;
};

}  // namespace kindred
