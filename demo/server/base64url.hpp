#pragma once
// base64url without padding (RFC 4648 section 5), as member tokens use it.

#include <optional>
#include <string>
#include <string_view>

std::string base64UrlEncode(std::string_view bytes);

// Only the canonical encoding decodes: no padding, no characters outside the
// url-safe alphabet, no stray low bits in the last character. Every byte
// string therefore has exactly one accepted spelling, so a token cannot be
// altered into a different string that still verifies.
std::optional<std::string> base64UrlDecode(std::string_view text);
