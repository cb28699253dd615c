#include "kindred/arcade.hpp"

#include <algorithm>

#include "kindred/checkin_streak.hpp"
#include "kindred/memory_match.hpp"
#include "kindred/problem_answer.hpp"
#include "intent_answer.hpp"
#include "json_writer.hpp"
#include "prize_json.hpp"

namespace kindred {
namespace {

bool isLowerHex(std::string_view text, std::size_t minSize, std::size_t maxSize) {
  if (text.size() < minSize || text.size() > maxSize) return false;
  return std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

std::vector<StreakReward> streakRewardsOf(const CheckInRules& rules) {
  std::vector<StreakReward> rewards;
  for (const auto& bonus : rules.streakRewards) rewards.push_back({bonus.day, bonus.points, bonus.label});
  return rewards;
}

void writeCheckIn(JsonWriter& out, const CheckInRules& rules) {
  const CheckInSummary summary = summarizeCheckIns(rules.checkIns, rules.today, streakRewardsOf(rules));
  out.beginObject()
      .field("today", rules.today.toString())
      .field("timeZone", rules.timeZone)
      .field("pointsPerCheckIn", rules.pointsPerCheckIn)
      .field("checkedInToday", summary.checkedInToday)
      .field("currentStreak", summary.currentStreak)
      .field("longestStreak", summary.longestStreak)
      .key("nextReward");
  if (summary.nextReward) {
    out.beginObject()
        .field("day", summary.nextReward->streakDay)
        .field("points", summary.nextReward->reward.points)
        .field("label", summary.nextReward->reward.label)
        .field("checkInsToGo", summary.nextReward->checkInsToGo)
        .endObject();
  } else {
    out.null();
  }
  out.key("strip").beginArray();
  for (const StreakDay& day : summary.strip) {
    out.beginObject()
        .field("date", day.date.toString())
        .field("checkedIn", day.checkedIn)
        .field("isToday", day.isToday)
        .field("isFuture", day.isFuture)
        .field("streakDay", day.streakDay)
        .field("rewardPoints", day.rewardPoints)
        .endObject();
  }
  out.endArray().endObject();
}

// Why a new play of `game` cannot start now, or nullptr.
const char* blockedReason(const Game& game, std::optional<std::int64_t> balance) {
  if (game.kind == GameKind::CheckIn && game.checkIn && !canCheckIn(game.checkIn->checkIns, game.checkIn->today))
    return "already-checked-in";
  if (game.playsLeft <= 0) return "no-plays-left";
  if (game.nextPlayAt) return "cooldown";
  if (balance && game.cost > *balance) return "points-short";
  return nullptr;
}

const char* stateName(PlayState state) {
  switch (state) {
    case PlayState::Pending: return "pending";
    case PlayState::Succeeded: return "succeeded";
    case PlayState::Failed: return "failed";
  }
  return "none";
}

}  // namespace

Game* Arcade::find(std::string_view gameId) {
  for (Game& game : games_) {
    if (game.id == gameId) return &game;
  }
  return nullptr;
}

const Game* Arcade::find(std::string_view gameId) const { return const_cast<Arcade*>(this)->find(gameId); }

std::optional<InputError> Arcade::ingest(std::string_view payload) {
  auto parsed = parseGames(payload);
  if (!parsed) return parsed.error();
  games_ = std::move(parsed).value();
  loaded_ = true;
  return std::nullopt;
}

std::string Arcade::gamesViewJson(const std::optional<InputError>& error, std::optional<std::int64_t> balance) const {
  JsonWriter out;
  out.beginObject().field("screen", "games").field("status", loaded_ ? "ready" : "loading").key("error");
  if (error) out.beginObject().field("path", error->path).field("problem", error->problem).endObject();
  else out.null();
  out.key("games").beginArray();
  for (const Game& game : games_) {
    const char* blocked = blockedReason(game, balance);
    out.beginObject()
        .field("id", game.id)
        .field("kind", gameKindName(game.kind))
        .field("title", game.title)
        .field("description", game.description)
        .field("cost", game.cost)
        .field("playsLeft", game.playsLeft)
        .field("playsPerDay", game.playsPerDay)
        .field("canPlay", blocked == nullptr)
        .key("blockedReason");
    if (blocked) out.string(blocked); else out.null();
    out.key("nextPlayAt");
    if (game.nextPlayAt) out.string(*game.nextPlayAt); else out.null();
    if (isChanceGame(game.kind)) {
      out.key("prizes").beginArray();
      for (const Prize& prize : game.commitment.prizes) writePrize(out, prize);
      out.endArray().field("commitment", game.commitment.commitment);
      if (game.kind == GameKind::Memory) out.field("pairs", game.pairs);
    } else if (game.kind == GameKind::Quiz) {
      out.field("questionCount", static_cast<std::int64_t>(game.questions.size()))
          .field("pointsPerCorrect", game.pointsPerCorrect)
          .key("questions")
          .beginArray();
      for (const QuizQuestion& question : game.questions) {
        out.beginObject().field("id", question.id).field("text", question.text).key("options").beginArray();
        for (const std::string& option : question.options) out.string(option);
        out.endArray().endObject();
      }
      out.endArray();
    } else if (game.checkIn) {
      writeCheckIn(out.key("checkIn"), *game.checkIn);
    }
    out.endObject();
  }
  return out.endArray().endObject().take();
}

std::string Arcade::playJson(std::string_view gameId, std::string_view clientSeed, std::string_view nonce,
                             std::optional<std::int64_t> balance) {
  if (!isIntentNonce(nonce)) return refusalJson("invalid", "nonce: expected 8 to 64 letters, digits, - or _");
  const Game* game = find(gameId);
  if (!game) return refusalJson("unknown-game", "That game is not available.");

  auto existing = plays_.find(gameId);
  const bool unfinished = existing != plays_.end() && existing->second.unfinished();
  if (!unfinished) {
    // Checked only for a new play: one already sent must be allowed to finish.
    if (const char* blocked = blockedReason(*game, balance)) return refusalJson(blocked, "This game cannot be played right now.");
    PlayIntent intent;
    intent.gameId = game->id;
    intent.kind = game->kind;
    intent.idempotencyKey = "play-" + std::string(nonce);
    if (isChanceGame(game->kind)) {
      if (!isLowerHex(clientSeed, 32, 128)) return refusalJson("invalid", "clientSeed: expected 32 to 128 lower-case hex digits");
      intent.clientSeed = std::string(clientSeed);
      intent.committed = game->commitment;
      intent.body = JsonWriter().beginObject().field("clientSeed", intent.clientSeed)
                        .field("commitment", intent.committed.commitment).endObject().take();
    } else if (game->kind == GameKind::Quiz) {
      if (!quiz_ || quizGameId_ != game->id || !quiz_->finished()) return refusalJson("quiz-unfinished", "Answer every question first.");
      intent.body = JsonWriter().beginObject().integers("answers", quiz_->answers()).endObject().take();
    } else {
      intent.body = "{}";
    }
    existing = plays_.insert_or_assign(game->id, std::move(intent)).first;
  }
  PlayIntent& intent = existing->second;
  intent.state = PlayState::Pending;
  intent.failure = PlayFailure::None;
  return postCommandJson("/v1/games/" + intent.gameId + "/plays", intent.idempotencyKey, intent.body);
}

void Arcade::applySuccess(PlayIntent& intent, const PlayReceipt& receipt) {
  intent.state = PlayState::Succeeded;
  if (isChanceGame(intent.kind)) intent.fairness = verifyReceipt(intent, receipt);
  Game* game = find(intent.gameId);
  if (!game) return;
  game->playsLeft = receipt.playsLeft;
  if (isChanceGame(intent.kind)) {
    // The next play is committed to already; until GET /v1/games is read
    // again the widget plays against it.
    game->commitment.commitment = receipt.nextCommitment;
    game->commitment.nonce = intent.committed.nonce + 1;
  } else if (intent.kind == GameKind::Quiz && quiz_ && quizGameId_ == intent.gameId) {
    quiz_->applyResult(static_cast<int>(receipt.score), receipt.correctOptions);
  } else if (intent.kind == GameKind::CheckIn && game->checkIn && receipt.date) {
    game->checkIn->checkIns.push_back(*receipt.date);
  }
}

std::optional<Member> Arcade::answer(std::string_view gameId, int status, std::string_view body,
                                     std::optional<InputError>& unreadable) {
  const auto found = plays_.find(gameId);
  if (found == plays_.end() || !found->second.unfinished()) return std::nullopt;
  PlayIntent& intent = found->second;

  if (status == 200 || status == 201) {
    auto receipt = parsePlayReceipt(body, intent.kind);
    if (!receipt) {
      // Applied, but unreadable: stay pending, so asking again with the same
      // key fetches the stored answer instead of playing twice.
      unreadable = receipt.error();
      return std::nullopt;
    }
    applySuccess(intent, receipt.value());
    intent.receipt = std::move(receipt).value();
    return intent.receipt->member;
  }
  const ProblemAnswer problem = readProblemAnswer(body);
  intent.detail = problem.detail;
  if (const auto failure = playFailureForAnswer(status, problem.type)) {
    intent.state = PlayState::Failed;
    intent.failure = *failure;
  } else {
    // Not applied, or not known to be: the same intent may be sent again.
    intent.state = PlayState::Failed;
    intent.failure = PlayFailure::Network;
  }
  return std::nullopt;
}

std::string Arcade::playViewJson(std::string_view gameId) const {
  JsonWriter out;
  out.beginObject().field("gameId", gameId);
  const auto found = plays_.find(gameId);
  if (found == plays_.end()) return out.field("state", "none").endObject().take();
  const PlayIntent& intent = found->second;
  out.field("kind", gameKindName(intent.kind)).field("state", stateName(intent.state)).key("reason");
  if (intent.failure == PlayFailure::None) out.null(); else out.string(playFailureName(intent.failure));
  out.field("detail", intent.detail);
  if (intent.state != PlayState::Succeeded || !intent.receipt) return out.endObject().take();

  const PlayReceipt& receipt = *intent.receipt;
  out.field("pointsSpent", receipt.pointsSpent)
      .field("pointsWon", receipt.pointsWon)
      .field("playsLeft", receipt.playsLeft)
      .field("balance", receipt.member.points);
  if (isChanceGame(intent.kind)) {
    const Sha256Digest digest = outcomeDigest(receipt.proof.serverSeed, receipt.proof.clientSeed, receipt.proof.nonce);
    out.field("prizeIndex", receipt.proof.prizeIndex).key("prize");
    writePrize(out, *receipt.prize);
    out.field("fairness", fairnessCheckName(intent.fairness))
        .key("proof")
        .beginObject()
        .field("serverSeed", receipt.proof.serverSeed)
        .field("clientSeed", receipt.proof.clientSeed)
        .field("nonce", static_cast<std::int64_t>(receipt.proof.nonce))
        .field("commitment", intent.committed.commitment)
        .field("prizeTableHash", intent.committed.prizeTableHash)
        .field("outcome", toHex(digest))
        .field("drawnIndex", drawPrizeIndex(digest, intent.committed.prizes))
        .endObject();
    // Where in its segment the wheel stops: from the play's digest, so it is
    // the same on every replay of the animation and needs no client choice.
    out.key("landingFraction").decimal(digest[31] / 255.0, 4);
    if (intent.kind == GameKind::Memory) {
      const Game* game = find(intent.gameId);
      out.integers("deck", shuffledDeck(game ? game->pairs : 0, digest));
    }
  } else if (intent.kind == GameKind::Quiz) {
    out.field("score", receipt.score).integers("correctOptions", receipt.correctOptions);
  } else {
    out.key("date");
    if (receipt.date) out.string(receipt.date->toString()); else out.null();
    out.field("streak", receipt.streak);
  }
  return out.endObject().take();
}

bool Arcade::quizStart(std::string_view gameId, double nowMs) {
  const Game* game = find(gameId);
  if (!game || game->kind != GameKind::Quiz) return false;
  quiz_.emplace(game->questions);
  quizGameId_ = game->id;
  quiz_->start(nowMs);
  return true;
}

bool Arcade::quizAnswer(int option, double nowMs) { return quiz_ && quiz_->answer(option, nowMs); }
void Arcade::quizTick(double nowMs) { if (quiz_) quiz_->tick(nowMs); }
bool Arcade::quizExtend(double nowMs) { return quiz_ && quiz_->extendTime(nowMs); }
void Arcade::quizTimer(bool enabled, double nowMs) { if (quiz_) quiz_->setTimerEnabled(enabled, nowMs); }

std::string Arcade::quizViewJson(double nowMs) const {
  JsonWriter out;
  out.beginObject();
  if (!quiz_) return out.key("gameId").null().field("state", "none").endObject().take();
  const QuizSession& quiz = *quiz_;
  const int index = quiz.currentIndex();
  const auto count = static_cast<int>(quiz.questions().size());
  out.field("gameId", quizGameId_)
      .field("state", quiz.judged() ? "judged" : quiz.finished() ? "finished" : "running")
      .field("index", index)
      .field("count", count)
      .field("timerEnabled", quiz.timerEnabled())
      .field("extensionsLeft", quiz.extensionsLeft())
      .integers("answers", quiz.answers());
  if (index < count) {
    const QuizQuestion& question = quiz.questions()[static_cast<std::size_t>(index)];
    out.key("question").beginObject().field("id", question.id).field("text", question.text).key("options").beginArray();
    for (const std::string& option : question.options) out.string(option);
    out.endArray().endObject().field("timeLimitMs", question.timeLimitSeconds * 1000).key("timeRemainingMs");
    const double remaining = quiz.timeRemainingMs(nowMs);
    if (remaining == QuizSession::kNoTimeLimit) out.null(); else out.decimal(remaining, 0);
  }
  if (quiz.judged()) out.field("score", quiz.score()).integers("correctOptions", quiz.correctOptions());
  return out.endObject().take();
}

bool Arcade::memoryDeal(std::string_view gameId) {
  const auto found = plays_.find(gameId);
  const Game* game = find(gameId);
  if (!game || game->kind != GameKind::Memory || found == plays_.end() || !found->second.receipt) return false;
  const PlayProof& proof = found->second.receipt->proof;
  memory_.emplace(shuffledDeck(game->pairs, outcomeDigest(proof.serverSeed, proof.clientSeed, proof.nonce)));
  return true;
}

int Arcade::memoryFlip(int index, double nowMs) {
  return memory_ ? static_cast<int>(memory_->flip(index, nowMs)) : 0;
}

void Arcade::memoryTick(double nowMs) { if (memory_) memory_->tick(nowMs); }

std::string Arcade::memoryViewJson() const {
  JsonWriter out;
  out.beginObject().key("cards").beginArray();
  const int cards = memory_ ? memory_->cardCount() : 0;
  for (int i = 0; i < cards; ++i) {
    const CardFace face = memory_->face(i);
    out.beginObject().field("face", face == CardFace::Down ? "down" : face == CardFace::Up ? "up" : "matched").key("value");
    if (face == CardFace::Down) out.null(); else out.integer(memory_->value(i));
    out.endObject();
  }
  out.endArray();
  if (!memory_) return out.field("won", false).endObject().take();
  return out.field("moves", memory_->moves())
      .field("matchedPairs", memory_->matchedPairs())
      .field("pairs", memory_->cardCount() / 2)
      .field("won", memory_->won())
      .endObject()
      .take();
}

const PlayIntent* Arcade::playOf(std::string_view gameId) const {
  const auto found = plays_.find(gameId);
  return found == plays_.end() ? nullptr : &found->second;
}

void Arcade::resume(PlayIntent intent) {
  intent.state = PlayState::Pending;
  intent.failure = PlayFailure::None;
  const std::string gameId = intent.gameId;
  plays_.insert_or_assign(gameId, std::move(intent));
}

}  // namespace kindred
