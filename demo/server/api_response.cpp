#include "api_response.hpp"

#include "json_response.hpp"
#include "problem_json.hpp"

ApiResponse jsonResponse(const nlohmann::ordered_json& body, int status) {
  return ApiResponse{status, kJsonContentType, dumpJson(body), {}};
}

ApiResponse problemResponse(int status, std::string_view slug, std::string_view title,
                            std::string_view detail) {
  return ApiResponse{status, kProblemContentType, problemBody(status, slug, title, detail), {}};
}

void sendApiResponse(httplib::Response& res, const ApiResponse& response) {
  res.status = response.status;
  for (const auto& [name, value] : response.headers) res.set_header(name, value);
  res.set_content(response.body, response.contentType);
}
