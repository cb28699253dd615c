#pragma once
// What the moment and tier hub tests share: a core with the sample moments,
// a moment event through the core, its answer, and a problem+json body.

#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "kindred/core.hpp"
#include "sample_payloads.hpp"

namespace kindred::testing {

// The sample program, member, rewards and moments.
inline Core momentsCore() {
  Core core = loadedCore();
  EXPECT_FALSE(core.ingest("moments", kMomentsJson));
  return core;
}

// A card's acknowledgement or dismissal, a sign-up, or (with a value) a rating.
inline nlohmann::json event(Core& core, const char* key, const char* action, int value, const char* nonce) {
  return nlohmann::json::parse(core.momentEventJson(key, action, value, nonce));
}
inline nlohmann::json event(Core& core, const char* key, const char* action, const char* nonce) {
  return event(core, key, action, 0, nonce);
}

inline nlohmann::json answer(Core& core, const char* key, int status, const std::string& body = "") {
  return nlohmann::json::parse(core.momentEventAnswerJson(key, status, body));
}

inline std::string problem(const char* slug, int status, const char* detail) {
  return nlohmann::json{{"type", std::string("urn:kindred:problem:") + slug}, {"title", slug}, {"status", status},
                        {"detail", detail}}
      .dump();
}

}  // namespace kindred::testing
