#pragma once
// The parts of an RFC 9457 problem+json answer the core acts on: its type
// (what went wrong, for the failure mapping) and its detail (shown to the
// shopper). Anything unreadable reads as an empty problem.

#include <string>
#include <string_view>

namespace kindred {

struct ProblemAnswer {
  std::string type;
  std::string detail;
};

ProblemAnswer readProblemAnswer(std::string_view body);

}  // namespace kindred
