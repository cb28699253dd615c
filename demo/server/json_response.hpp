#pragma once
// Writing JSON bodies. Responses are ordered_json so fields go out in the
// order the API documents them. kindred_core builds nlohmann/json with
// JSON_NOEXCEPTION (a throw would abort), so every dump goes through here
// with invalid UTF-8 replaced rather than thrown on.

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>

inline constexpr const char* kJsonContentType = "application/json; charset=utf-8";

std::string dumpJson(const nlohmann::ordered_json& value);

void sendJson(httplib::Response& res, const nlohmann::ordered_json& body, int status = 200);
