#pragma once
// Text lengths as people count them: a limit on a message or a subject is
// in characters, so "é" or "👋" counts once, not as the two or four bytes
// UTF-8 spends on it.

#include <cstddef>
#include <string_view>

// The code points of `utf8`, which must be well formed (nlohmann's parser
// has checked every string read from JSON): bytes that do not continue a
// sequence.
std::size_t characterCount(std::string_view utf8);
