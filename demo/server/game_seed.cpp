#include "game_seed.hpp"

#include <set>
#include <string>

#include "game_catalog.hpp"
#include "seed_reader.hpp"

namespace {

using kindred::GameKind;

constexpr std::int64_t kMaxTotalWeight = std::int64_t{1} << 31;  // as kindred::drawPrizeIndex
constexpr std::size_t kMaxPrizes = 64;
constexpr std::size_t kMaxQuestions = 50;
constexpr std::size_t kMaxOptions = 10;
// Large enough for a free game a brand leaves open all day (and the 10,000-play
// memory test); beyond it is a typo.
constexpr std::int64_t kMaxPlaysPerDay = 100000;
constexpr std::int64_t kMaxCooldownSeconds = 7 * 24 * 60 * 60;
// The widget's limits (kindred/game.hpp): a question's timer and a streak day.
constexpr std::int64_t kMinTimeLimitSeconds = 5;
constexpr std::int64_t kMaxTimeLimitSeconds = 3600;
constexpr std::int64_t kMaxStreakDay = 366;

// A setting of another kind is a mistake in the file, not something to ignore.
void refuseFieldsOfOtherKinds(const SeedReader& g, GameKind kind) {
  const bool chance = kindred::isChanceGame(kind);
  const struct {
    const char* key;
    bool allowed;
    const char* kinds;
  } fields[] = {
      {"prizes", chance, "wheel, scratch and memory games"},
      {"pairs", kind == GameKind::Memory, "memory games"},
      {"questions", kind == GameKind::Quiz, "quiz games"},
      {"pointsPerCorrect", kind == GameKind::Quiz, "quiz games"},
      {"pointsPerCheckIn", kind == GameKind::CheckIn, "checkin games"},
      {"streakRewards", kind == GameKind::CheckIn, "checkin games"},
  };
  for (const auto& field : fields) {
    if (!field.allowed && g.has(field.key))
      g.fail(field.key, std::string("is only for ") + field.kinds);
  }
}

void readPrizes(const SeedReader& g, GameRecord& game) {
  const std::size_t count = g.arraySize("prizes");
  if (count == 0 || count > kMaxPrizes) {
    g.fail("prizes", "must hold 1 to " + std::to_string(kMaxPrizes) + " prizes");
  }
  std::set<std::string> seen;
  std::int64_t total = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const SeedReader p = g.element("prizes", i);
    kindred::Prize prize;
    prize.id = p.string("id");
    if (!seen.insert(prize.id).second) p.fail("id", "repeats \"" + prize.id + "\"");
    prize.label = p.string("label");
    prize.points = p.integer("points", 0);
    prize.weight = static_cast<std::uint32_t>(p.integer("weight", 0, kMaxTotalWeight));
    // "nonPoints": a prize of 0 points that is still a prize (free shipping),
    // which nothing else in the table tells from "try again".
    if (p.flag("nonPoints")) {
      if (prize.points > 0) p.fail("nonPoints", "is only for prizes of 0 points");
      game.nonPointsPrizeIds.insert(prize.id);
    }
    total += prize.weight;
    game.prizes.push_back(std::move(prize));
  }
  if (total == 0 || total > kMaxTotalWeight) g.fail("prizes", "weights must add up to 1..2^31");
}

void readQuestions(const SeedReader& g, GameRecord& game) {
  const std::size_t count = g.arraySize("questions");
  if (count == 0 || count > kMaxQuestions) {
    g.fail("questions", "must hold 1 to " + std::to_string(kMaxQuestions) + " questions");
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < count; ++i) {
    const SeedReader q = g.element("questions", i);
    GameQuestion question;
    question.question.id = q.string("id");
    if (!seen.insert(question.question.id).second) {
      q.fail("id", "repeats \"" + question.question.id + "\"");
    }
    question.question.text = q.string("text");
    const std::size_t options = q.arraySize("options");
    if (options < 2 || options > kMaxOptions) {
      q.fail("options", "must hold 2 to " + std::to_string(kMaxOptions) + " options");
    }
    for (const nlohmann::json& option : q.field("options")) {
      if (!option.is_string() || option.get_ref<const std::string&>().empty()) {
        q.fail("options", "must be non-empty strings");
      }
      question.question.options.push_back(option.get<std::string>());
    }
    question.correctOption =
        static_cast<int>(q.integer("correctOption", 0, static_cast<std::int64_t>(options) - 1));
    question.question.timeLimitSeconds =
        static_cast<int>(q.integer("timeLimitSeconds", kMinTimeLimitSeconds, kMaxTimeLimitSeconds));
    game.questions.push_back(std::move(question));
  }
}

void readStreakRewards(const SeedReader& g, GameRecord& game) {
  if (!g.has("streakRewards")) return;
  std::set<int> days;
  for (std::size_t i = 0; i < g.arraySize("streakRewards"); ++i) {
    const SeedReader r = g.element("streakRewards", i);
    kindred::StreakReward reward;
    reward.day = static_cast<int>(r.integer("day", 1, kMaxStreakDay));
    if (!days.insert(reward.day).second) r.fail("day", "repeats " + std::to_string(reward.day));
    reward.points = r.integer("points", 0);
    reward.label = r.string("label");
    game.streakRewards.push_back(std::move(reward));
  }
}

}  // namespace

std::int64_t insertSeedGames(Database& db, const std::filesystem::path& seedDir) {
  const std::filesystem::path path = seedDir / "games.json";
  if (!std::filesystem::exists(path)) return 0;
  const nlohmann::json list = readSeedList(readSeedFile(path), "games.json", "games");

  const std::int64_t first = nextGamePosition(db);
  std::set<std::string> seen;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const SeedReader g(list[i], "games.json", "games[" + std::to_string(i) + "]");
    GameRecord game;
    game.id = g.string("id");
    // The id is a path segment: /v1/games/{gameId}/plays.
    if (!isSlug(game.id)) g.fail("id", "must be lower-case words joined by hyphens");
    if (!seen.insert(game.id).second) g.fail("id", "repeats \"" + game.id + "\"");
    game.position = first + static_cast<std::int64_t>(i);
    const std::string kindName = g.string("kind");
    const auto kind = gameKindNamed(kindName);
    if (!kind) g.fail("kind", "must be wheel, scratch, memory, quiz or checkin");
    game.kind = *kind;
    refuseFieldsOfOtherKinds(g, game.kind);
    game.title = g.string("title");
    game.description = g.string("description");
    game.cost = g.integer("cost", 0);
    game.playsPerDay = g.integer("playsPerDay", 1, kMaxPlaysPerDay);
    game.cooldownSeconds = g.optionalInteger("cooldownSeconds", 0, kMaxCooldownSeconds).value_or(0);

    if (kindred::isChanceGame(game.kind)) readPrizes(g, game);
    switch (game.kind) {
      case GameKind::Memory:
        game.pairs = static_cast<int>(g.integer("pairs", 2, 12));  // kindred::shuffledDeck's range
        break;
      case GameKind::Quiz:
        game.pointsPerCorrect = g.integer("pointsPerCorrect", 0);
        readQuestions(g, game);
        break;
      case GameKind::CheckIn:
        // One check-in a day is what the game is; the limit is not a setting.
        if (game.playsPerDay != 1) g.fail("playsPerDay", "must be 1 for a checkin game");
        game.pointsPerCheckIn = g.integer("pointsPerCheckIn", 0);
        readStreakRewards(g, game);
        break;
      default:
        break;
    }
    insertGame(db, game);
  }
  return static_cast<std::int64_t>(list.size());
}
