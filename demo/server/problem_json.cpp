#include "problem_json.hpp"

#include "json_response.hpp"

std::string problemBody(int status, std::string_view slug, std::string_view title,
                        std::string_view detail) {
  const nlohmann::ordered_json body = {
      {"type", "urn:kindred:problem:" + std::string(slug)},
      {"title", title},
      {"status", status},
      {"detail", detail},
  };
  return dumpJson(body);
}

void sendProblem(httplib::Response& res, int status, std::string_view slug, std::string_view title,
                 std::string_view detail) {
  res.status = status;
  res.set_content(problemBody(status, slug, title, detail), kProblemContentType);
}
