#include "kindred/problem_answer.hpp"

#include "json_reader.hpp"

namespace kindred {

ProblemAnswer readProblemAnswer(std::string_view body) {
  ProblemAnswer answer;
  // Through the core's one parser (json::parse() would link a second one).
  nlohmann::json problem;
  if (parseJsonDocument(body, "problem", problem) || !problem.is_object()) return answer;
  const auto type = problem.find("type");
  if (type != problem.end() && type->is_string()) answer.type = type->get<std::string>();
  const auto detail = problem.find("detail");
  if (detail != problem.end() && detail->is_string()) answer.detail = detail->get<std::string>();
  return answer;
}

}  // namespace kindred
