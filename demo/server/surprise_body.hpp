#pragma once
// The body of POST /demo/surprises, read strictly: exactly these fields,
// each of its type, or the request is refused (400) before anything is
// looked up.
//   {"memberId": "m_grace", "points": <1 to 1000000>,
//    "message": "<1 to 120 characters>"}
// Whether the member exists is the grant's question (grant_surprise.hpp).

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

struct SurpriseBody {
  std::string memberId;
  std::int64_t points = 0;  // 1..kMaxSurprisePoints
  std::string message;      // 1..kMaxSurpriseMessageCharacters characters
};

// The body, or what is wrong with it (the detail of a 400 invalid-request).
std::variant<SurpriseBody, std::string> parseSurpriseBody(std::string_view body);
