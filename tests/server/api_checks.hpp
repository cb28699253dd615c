#pragma once
// Reading an ApiResponse in tests: a header's value, the body as ordered
// JSON (so field order is compared too), and a problem's slug and detail.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "api_response.hpp"

namespace api_checks {

inline std::optional<std::string> header(const ApiResponse& response, const std::string& name) {
  for (const auto& [key, value] : response.headers) {
    if (key == name) return value;
  }
  return std::nullopt;
}

inline nlohmann::ordered_json parsed(const ApiResponse& response) {
  return nlohmann::ordered_json::parse(response.body, nullptr, false);
}

// The slug of a problem response, or "" if it is not one.
inline std::string problemSlug(const ApiResponse& response) {
  const auto body = parsed(response);
  if (response.contentType != "application/problem+json" || !body.is_object() ||
      !body.contains("type") || !body["type"].is_string()) {
    return "";
  }
  return body["type"].get<std::string>().substr(std::string("urn:kindred:problem:").size());
}

inline std::string detailOf(const ApiResponse& response) {
  const auto body = parsed(response);
  return body.is_object() && body.contains("detail") && body["detail"].is_string()
             ? body["detail"].get<std::string>()
             : "";
}

}  // namespace api_checks
