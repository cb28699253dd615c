#pragma once
// Turns "Authorization: Bearer <member token>" into a member id, or answers
// 401 with a problem that says exactly what was wrong with the token.

#include <httplib.h>

#include <optional>
#include <string>

#include "backend.hpp"
#include "database.hpp"

enum class TokenRejection { Missing, Malformed, BadSignature, Expired, UnknownMember };

void sendTokenRejection(httplib::Response& res, TokenRejection reason);

// The member the request is for, or nullopt after a 401 has been written.
std::optional<std::string> authenticateMember(const httplib::Request& req, httplib::Response& res,
                                              const Backend& backend, Database& db);
