#pragma once
// A response as a value: status, body and extra headers, built without
// httplib. The redemption service returns one so GoogleTest can check it, and
// an idempotent request's result is stored as one and replayed verbatim.

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct ApiResponse {
  int status = 200;
  std::string contentType;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // besides Content-Type
};

ApiResponse jsonResponse(const nlohmann::ordered_json& body, int status = 200);

// An RFC 9457 problem, as sendProblem writes it.
ApiResponse problemResponse(int status, std::string_view slug, std::string_view title,
                            std::string_view detail);

void sendApiResponse(httplib::Response& res, const ApiResponse& response);
