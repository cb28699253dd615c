#pragma once
// What was wrong with a backend payload: where (a JSON path) and what.

#include <string>

namespace kindred {

struct InputError {
  std::string path;     // "member.expiring[1].date", or the resource name for a syntax error
  std::string problem;  // "expected a date as YYYY-MM-DD"

  // "member.expiring[1].date: expected a date as YYYY-MM-DD"
  std::string message() const { return path + ": " + problem; }
};

}  // namespace kindred
