// Embind surface of kindred::Core. Thin on purpose: strings in, strings out,
// one call per payload or per screen; the shim (web/) wraps it in a friendly API.
#include <string>

#include <emscripten/bind.h>

#include "kindred/core.hpp"

namespace {

std::string ingest(kindred::Core& core, const std::string& resource, const std::string& json) {
  return core.ingestJson(resource, json);
}

std::string progressView(const kindred::Core& core, const std::string& todayIso) {
  return core.progressViewJson(todayIso);
}

std::string catalogView(const kindred::Core& core, const std::string& queryJson, const std::string& todayIso) {
  return core.catalogViewJson(queryJson, todayIso);
}

std::string redeem(kindred::Core& core, const std::string& rewardId, const std::string& nonce,
                   const std::string& todayIso) {
  return core.redeemJson(rewardId, nonce, todayIso);
}

std::string redemptionAnswer(kindred::Core& core, const std::string& rewardId, int status, const std::string& body) {
  return core.redemptionAnswerJson(rewardId, status, body);
}

std::string redemptionView(const kindred::Core& core, const std::string& rewardId) {
  return core.redemptionViewJson(rewardId);
}

std::string activityView(const kindred::Core& core) { return core.activityViewJson(); }

std::string gamesView(const kindred::Core& core) { return core.gamesViewJson(); }

std::string play(kindred::Core& core, const std::string& gameId, const std::string& clientSeed, const std::string& nonce) {
  return core.playJson(gameId, clientSeed, nonce);
}

std::string playAnswer(kindred::Core& core, const std::string& gameId, int status, const std::string& body) {
  return core.playAnswerJson(gameId, status, body);
}

std::string playView(const kindred::Core& core, const std::string& gameId) { return core.playViewJson(gameId); }

bool quizStart(kindred::Core& core, const std::string& gameId, double nowMs) { return core.arcade().quizStart(gameId, nowMs); }
bool quizAnswer(kindred::Core& core, int option, double nowMs) { return core.arcade().quizAnswer(option, nowMs); }
void quizTick(kindred::Core& core, double nowMs) { core.arcade().quizTick(nowMs); }
bool quizExtend(kindred::Core& core, double nowMs) { return core.arcade().quizExtend(nowMs); }
void quizTimer(kindred::Core& core, bool enabled, double nowMs) { core.arcade().quizTimer(enabled, nowMs); }
std::string quizView(const kindred::Core& core, double nowMs) { return core.arcade().quizViewJson(nowMs); }

bool memoryDeal(kindred::Core& core, const std::string& gameId) { return core.arcade().memoryDeal(gameId); }
int memoryFlip(kindred::Core& core, int index, double nowMs) { return core.arcade().memoryFlip(index, nowMs); }
void memoryTick(kindred::Core& core, double nowMs) { core.arcade().memoryTick(nowMs); }
std::string memoryView(const kindred::Core& core) { return core.arcade().memoryViewJson(); }

std::string momentsView(const kindred::Core& core, const std::string& todayIso) { return core.momentsViewJson(todayIso); }

std::string momentEvent(kindred::Core& core, const std::string& momentKey, const std::string& action, int value,
                        const std::string& nonce) {
  return core.momentEventJson(momentKey, action, value, nonce);
}

std::string tierHubView(const kindred::Core& core, const std::string& todayIso) { return core.tierHubViewJson(todayIso); }

std::string momentEventAnswer(kindred::Core& core, const std::string& momentKey, int status, const std::string& body) {
  return core.momentEventAnswerJson(momentKey, status, body);
}

std::string intentSnapshot(const kindred::Core& core, const std::string& kind, const std::string& subject) {
  return core.intentSnapshot(kind, subject);
}

std::string resume(kindred::Core& core, const std::string& snapshot) { return core.resumeJson(snapshot); }

}  // namespace

EMSCRIPTEN_BINDINGS(kindred_core) {
  emscripten::class_<kindred::Core>("Core")
      .constructor<>()
      .function("ingest", &ingest)
      .function("progressView", &progressView)
      .function("catalogView", &catalogView)
      .function("redeem", &redeem)
      .function("redemptionAnswer", &redemptionAnswer)
      .function("redemptionView", &redemptionView)
      .function("activityView", &activityView)
      .function("gamesView", &gamesView)
      .function("play", &play)
      .function("playAnswer", &playAnswer)
      .function("playView", &playView)
      .function("quizStart", &quizStart)
      .function("quizAnswer", &quizAnswer)
      .function("quizTick", &quizTick)
      .function("quizExtend", &quizExtend)
      .function("quizTimer", &quizTimer)
      .function("quizView", &quizView)
      .function("memoryDeal", &memoryDeal)
      .function("memoryFlip", &memoryFlip)
      .function("memoryTick", &memoryTick)
      .function("memoryView", &memoryView)
      .function("momentsView", &momentsView)
      .function("momentEvent", &momentEvent)
      .function("momentEventAnswer", &momentEventAnswer)
      .function("tierHubView", &tierHubView)
      .function("intentSnapshot", &intentSnapshot)
      .function("resumeJson", &resume);
}
