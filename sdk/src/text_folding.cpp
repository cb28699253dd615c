#include "kindred/text_folding.hpp"

#include <cstdint>

namespace kindred {
namespace {

// U+00C0..U+00FF, Latin-1 Supplement letters, to their base letters.
// '\0' marks a code point that separates words (U+00D7 ×, U+00F7 ÷).
constexpr const char* kLatin1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "y"};

// U+0100..U+017F, Latin Extended-A, mostly upper/lower pairs of one base letter.
constexpr const char* kLatinExtendedA[128] = {
    "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",     // 0100
    "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",     // 0110
    "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",     // 0120
    "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",   // 0130
    "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",     // 0140
    "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",   // 0150
    "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",     // 0160
    "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s"};    // 0170

// Decodes one UTF-8 sequence at text[i]; advances i. Malformed bytes decode
// to U+FFFD one byte at a time (ingest has already rejected invalid UTF-8,
// but the folding is total anyway).
char32_t decode(std::string_view text, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<std::uint8_t>(text[k]); };
  const std::uint8_t lead = byte(i);
  int length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || i + static_cast<std::size_t>(length) > text.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = length == 1 ? lead : lead & (0x7F >> length);
  for (int k = 1; k < length; ++k) {
    const std::uint8_t next = byte(i + static_cast<std::size_t>(k));
    if ((next >> 6) != 0x2) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (next & 0x3F);
  }
  i += static_cast<std::size_t>(length);
  return cp;
}

void appendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool isCombiningMark(char32_t cp) { return cp >= 0x0300 && cp <= 0x036F; }

// Punctuation, symbols and spaces of ASCII and Latin-1, and the general
// punctuation block, end a word; every other code point is part of one.
bool isSeparator(char32_t cp) {
  if (cp < 0x80) return !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9'));
  if (cp < 0xC0) return true;
  if (cp == 0xD7 || cp == 0xF7) return true;
  return (cp >= 0x2000 && cp <= 0x206F) || cp == 0x3000 || cp == 0xFFFD;
}

}  // namespace

std::string foldForSearch(std::string_view utf8) {
  std::string folded;
  folded.reserve(utf8.size());
  bool pendingSpace = false;
  for (std::size_t i = 0; i < utf8.size();) {
    const char32_t cp = decode(utf8, i);
    if (isCombiningMark(cp)) continue;  // "e" + U+0301 folds like "é"
    if (isSeparator(cp)) {
      pendingSpace = !folded.empty();
      continue;
    }
    if (pendingSpace) {
      folded += ' ';
      pendingSpace = false;
    }
    if (cp >= 'A' && cp <= 'Z') folded += static_cast<char>(cp - 'A' + 'a');
    else if (cp < 0x80) folded += static_cast<char>(cp);
    else if (cp >= 0xC0 && cp <= 0xFF) folded += kLatin1[cp - 0xC0];
    else if (cp >= 0x100 && cp <= 0x17F) folded += kLatinExtendedA[cp - 0x100];
    else appendUtf8(folded, cp);
  }
  return folded;
}

std::vector<std::string> searchWords(std::string_view utf8) {
  std::vector<std::string> words;
  const std::string folded = foldForSearch(utf8);
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    words.push_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

}  // namespace kindred
