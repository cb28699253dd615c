#include "play_body.hpp"

#include <nlohmann/json.hpp>

#include "json_fields.hpp"

namespace {

using nlohmann::json;

constexpr std::size_t kMinClientSeed = 32;
constexpr std::size_t kMaxClientSeed = 128;

std::string shapeOf(const GameRecord& game) {
  switch (game.kind) {
    case kindred::GameKind::Quiz:
      return R"({"answers":[...]} with one option index per question (-1 for none))";
    case kindred::GameKind::CheckIn:
      return "{}";
    default:
      return R"({"clientSeed":"<32 to 128 lower-case hex digits>","commitment":"<the game's current commitment>"})";
  }
}

std::string mustBe(const GameRecord& game, const std::string& problem) {
  return "The body for " + game.id + " must be " + shapeOf(game) + "; " + problem + ".";
}

std::variant<PlayBody, std::string> parseChance(const GameRecord& game, const json& doc) {
  const auto seed = doc.find("clientSeed");
  if (seed == doc.end() || !seed->is_string()) return mustBe(game, "clientSeed is missing");
  const auto commitment = doc.find("commitment");
  if (commitment == doc.end() || !commitment->is_string()) {
    return mustBe(game, "commitment is missing");
  }
  PlayBody body;
  body.clientSeed = seed->get<std::string>();
  if (!isValidClientSeed(body.clientSeed)) {
    return mustBe(game, "clientSeed is not 32 to 128 lower-case hex digits");
  }
  body.commitment = commitment->get<std::string>();
  return body;
}

std::variant<PlayBody, std::string> parseQuiz(const GameRecord& game, const json& doc) {
  const auto answers = doc.find("answers");
  if (answers == doc.end() || !answers->is_array()) return mustBe(game, "answers is missing");
  if (answers->size() != game.questions.size()) {
    return mustBe(game, "the quiz has " + std::to_string(game.questions.size()) +
                            " questions but answers has " + std::to_string(answers->size()));
  }
  PlayBody body;
  for (std::size_t i = 0; i < answers->size(); ++i) {
    const json& answer = (*answers)[i];
    const auto options = static_cast<std::int64_t>(game.questions[i].question.options.size());
    if (!answer.is_number_integer() || answer.get<std::int64_t>() < -1 ||
        answer.get<std::int64_t>() >= options) {
      return mustBe(game, "answers[" + std::to_string(i) + "] is not -1 or an option index below " +
                              std::to_string(options));
    }
    body.answers.push_back(answer.get<int>());
  }
  return body;
}

}  // namespace

bool isValidClientSeed(std::string_view seed) {
  if (seed.size() < kMinClientSeed || seed.size() > kMaxClientSeed) return false;
  for (const char c : seed) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

std::variant<PlayBody, std::string> parsePlayBody(const GameRecord& game, std::string_view body) {
  const json doc = json::parse(body, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return mustBe(game, "the body is not a JSON object");
  const bool chance = kindred::isChanceGame(game.kind);
  const bool quiz = game.kind == kindred::GameKind::Quiz;
  const std::string unexpected = chance ? unexpectedField(doc, {"clientSeed", "commitment"})
                                 : quiz ? unexpectedField(doc, {"answers"})
                                        : unexpectedField(doc, {});
  if (!unexpected.empty()) {
    return mustBe(game, "\"" + unexpected + "\" is not a field of it");
  }
  if (chance) return parseChance(game, doc);
  if (quiz) return parseQuiz(game, doc);
  return PlayBody{};
}
