#include "utf8.hpp"

namespace kindred {

std::size_t utf8SequenceLength(std::string_view text, std::size_t at, std::size_t& prefix) {
  const auto lead = static_cast<unsigned char>(text[at]);
  const std::size_t length = lead < 0xC2 ? 0 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF5 ? 4 : 0;
  // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
  const unsigned char low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
  const unsigned char high = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
  prefix = 1;
  while (prefix < length && at + prefix < text.size()) {
    const auto next = static_cast<unsigned char>(text[at + prefix]);
    if (next < (prefix == 1 ? low : 0x80) || next > (prefix == 1 ? high : 0xBF)) break;
    ++prefix;
  }
  return prefix == length ? length : 0;
}

void appendUtf8(std::string& out, std::uint32_t code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
    return;
  }
  const int continuation = code < 0x800 ? 1 : code < 0x10000 ? 2 : 3;
  out += static_cast<char>(((0xFF00 >> (continuation + 1)) & 0xFF) | (code >> (6 * continuation)));  // 110x, 1110, 11110
  for (int shift = 6 * (continuation - 1); shift >= 0; shift -= 6) out += static_cast<char>(0x80 | ((code >> shift) & 0x3F));
}

}  // namespace kindred
