#pragma once
// Reads a member from an already-parsed JSON node: GET /v1/member's document,
// and the same document embedded in a redemption or play receipt, checked the
// same way without writing it out and parsing it again.

#include <optional>
#include <string>

#include "json_value.hpp"

#include "kindred/input_error.hpp"
#include "kindred/member.hpp"

namespace kindred {

// `path` names the node in errors: "member", or "redemption.member".
std::optional<InputError> readMember(const JsonValue& node, const std::string& path, Member& member);

}  // namespace kindred
