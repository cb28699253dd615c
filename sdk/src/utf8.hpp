#pragma once
// UTF-8 as the core reads and writes it: where a well-formed sequence ends,
// and a code point's bytes.

#include <cstdint>
#include <string>
#include <string_view>

namespace kindred {

// Bytes of the well-formed UTF-8 sequence that starts text[at], or, for a
// malformed one, 0 and in `prefix` how many of its bytes to skip: the lead and
// the continuation bytes that were still possible (the maximal subpart that
// Unicode turns into one U+FFFD). Overlong forms, surrogates and code points
// past U+10FFFF are malformed.
std::size_t utf8SequenceLength(std::string_view text, std::size_t at, std::size_t& prefix);

// Appends `code` (at most U+10FFFF, not a surrogate) as UTF-8.
void appendUtf8(std::string& out, std::uint32_t code);

}  // namespace kindred
