#include "kindred/game.hpp"

#include "json_reader.hpp"
#include "prize_json.hpp"

namespace kindred {
namespace {

constexpr std::int64_t kMaxTotalWeight = std::int64_t{1} << 31;

struct KindName { GameKind kind; const char* name; };
constexpr KindName kKindNames[] = {{GameKind::Wheel, "wheel"},   {GameKind::Scratch, "scratch"},
                                   {GameKind::Memory, "memory"}, {GameKind::Quiz, "quiz"},
                                   {GameKind::CheckIn, "checkin"}};

bool readKind(JsonReader& r, GameKind& kind) {
  std::string name;
  if (!r.string("kind", name, Presence::Required)) return false;
  for (const KindName& known : kKindNames) {
    if (name == known.name) {
      kind = known.kind;
      return true;
    }
  }
  return r.fail("kind", "expected one of wheel, scratch, memory, quiz, checkin");
}

bool readChanceGame(JsonReader& r, Game& game) {
  std::int64_t total = 0;
  r.array("prizes", Presence::Required, [&](const JsonValue& prizeJson, const std::string& path) {
    Prize prize;
    auto problem = readPrize(prizeJson, path, prize);
    if (!problem) {
      total += prize.weight;
      game.commitment.prizes.push_back(std::move(prize));
    }
    return problem;
  });
  if (r.ok() && (total == 0 || total > kMaxTotalWeight)) r.fail("prizes", "expected weights that add up to 1..2^31");
  r.string("prizeTableHash", game.commitment.prizeTableHash, Presence::Required);
  r.string("commitment", game.commitment.commitment, Presence::Required);
  std::int64_t nonce = 0;
  if (r.integer("nonce", nonce, Presence::Required)) game.commitment.nonce = static_cast<std::uint64_t>(nonce);
  if (game.kind == GameKind::Memory) {
    std::int64_t pairs = 0;
    if (r.integer("pairs", pairs, Presence::Required, 2, 12)) game.pairs = static_cast<int>(pairs);
  }
  return r.ok();
}

bool readQuiz(JsonReader& r, Game& game) {
  r.integer("pointsPerCorrect", game.pointsPerCorrect, Presence::Required);
  r.array("questions", Presence::Required, [&](const JsonValue& item, const std::string& path) {
    QuizQuestion question;
    JsonReader q(item, path);
    q.string("id", question.id, Presence::Required);
    q.string("text", question.text, Presence::Required);
    std::int64_t limit = 0;
    if (q.integer("timeLimitSeconds", limit, Presence::Required, 1, 3600)) question.timeLimitSeconds = static_cast<int>(limit);
    q.array("options", Presence::Required, [&](const JsonValue& option, const std::string& optionPath) -> std::optional<InputError> {
      if (!option.isString()) return InputError{optionPath, "expected a string"};
      question.options.push_back(option.text());
      return std::nullopt;
    });
    if (q.ok() && question.options.size() < 2) q.fail("options", "expected at least 2 options");
    if (q.ok()) game.questions.push_back(std::move(question));
    return q.error();
  });
  if (r.ok() && game.questions.empty()) r.fail("questions", "expected at least one question");
  return r.ok();
}

bool readCheckIn(JsonReader& r, Game& game) {
  CheckInRules rules;
  std::optional<CalendarDate> today;
  if (r.date("today", today, Presence::Required)) rules.today = *today;
  r.string("timeZone", rules.timeZone, Presence::Required);
  r.integer("pointsPerCheckIn", rules.pointsPerCheckIn, Presence::Required);
  r.array("checkIns", Presence::Required, [&](const JsonValue& item, const std::string& path) -> std::optional<InputError> {
    std::optional<CalendarDate> date = item.isString() ? CalendarDate::parse(item.text()) : std::nullopt;
    if (!date) return InputError{path, "expected a date as YYYY-MM-DD"};
    rules.checkIns.push_back(*date);
    return std::nullopt;
  });
  r.array("streakRewards", Presence::Required, [&](const JsonValue& item, const std::string& path) {
    CheckInRules::Bonus bonus;
    JsonReader b(item, path);
    std::int64_t day = 0;
    if (b.integer("day", day, Presence::Required, 1, 366)) bonus.day = static_cast<int>(day);
    b.integer("points", bonus.points, Presence::Required);
    b.string("label", bonus.label, Presence::Required, /*allowEmpty=*/true);
    rules.streakRewards.push_back(std::move(bonus));
    return b.error();
  });
  if (r.ok()) game.checkIn = std::move(rules);
  return r.ok();
}

std::optional<InputError> readGame(const JsonValue& item, const std::string& path, Game& game) {
  JsonReader r(item, path);
  r.string("id", game.id, Presence::Required);
  readKind(r, game.kind);
  r.string("title", game.title, Presence::Required);
  r.string("description", game.description, Presence::Optional, /*allowEmpty=*/true);
  r.integer("cost", game.cost, Presence::Required);
  r.integer("playsLeft", game.playsLeft, Presence::Required);
  r.integer("playsPerDay", game.playsPerDay, Presence::Required, 1);
  r.integer("cooldownSeconds", game.cooldownSeconds, Presence::Optional);
  r.nullableString("nextPlayAt", game.nextPlayAt);
  if (!r.ok()) return r.error();
  if (isChanceGame(game.kind)) readChanceGame(r, game);
  else if (game.kind == GameKind::Quiz) readQuiz(r, game);
  else readCheckIn(r, game);
  return r.error();
}

}  // namespace

const char* gameKindName(GameKind kind) {
  for (const KindName& known : kKindNames) {
    if (known.kind == kind) return known.name;
  }
  return "unknown";
}

bool isChanceGame(GameKind kind) {
  return kind == GameKind::Wheel || kind == GameKind::Scratch || kind == GameKind::Memory;
}

Result<std::vector<Game>> parseGames(std::string_view json) {
  JsonValue doc;
  if (auto syntax = parseJsonDocument(json, "games", doc)) return *syntax;
  std::vector<Game> games;
  JsonReader r(doc, "games");
  r.array("games", Presence::Required, [&](const JsonValue& item, const std::string& path) -> std::optional<InputError> {
    Game game;
    if (auto problem = readGame(item, path, game)) return problem;
    for (const Game& earlier : games) {
      if (earlier.id == game.id) return InputError{path + ".id", "repeats the id of an earlier game"};
    }
    games.push_back(std::move(game));
    return std::nullopt;
  });
  if (!r.ok()) return *r.error();
  return games;
}

}  // namespace kindred
