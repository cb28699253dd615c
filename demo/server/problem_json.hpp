#pragma once
// RFC 9457 problem details, the one error shape of every /v1 and /demo
// response: {"type":"urn:kindred:problem:<slug>","title","status","detail"}.
// `title` is fixed per slug; `detail` says what happened this time and, where
// there is one, what to do about it.

#include <httplib.h>

#include <string>
#include <string_view>

inline constexpr const char* kProblemContentType = "application/problem+json";

// The body alone, for a problem that is stored before it is sent (an
// idempotent request's result).
std::string problemBody(int status, std::string_view slug, std::string_view title,
                        std::string_view detail);

void sendProblem(httplib::Response& res, int status, std::string_view slug, std::string_view title,
                 std::string_view detail);
