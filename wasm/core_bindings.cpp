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
      .function("activityView", &activityView);
}
