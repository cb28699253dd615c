#include "kindred/problem_answer.hpp"

#include "json_reader.hpp"

namespace kindred {

ProblemAnswer readProblemAnswer(std::string_view body) {
  ProblemAnswer answer;
  // Through the core's one parser (json::parse() would link a second one).
  JsonValue problem;
  if (parseJsonDocument(body, "problem", problem) || !problem.isObject()) return answer;
  const JsonValue* type = problem.find("type");
  if (type && type->isString()) answer.type = type->text();
  const JsonValue* detail = problem.find("detail");
  if (detail && detail->isString()) answer.detail = detail->text();
  return answer;
}

}  // namespace kindred
