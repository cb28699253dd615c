#include "page_cursor.hpp"

#include <charconv>

#include "base64url.hpp"

std::string encodePageCursor(std::string_view list, std::int64_t key) {
  return base64UrlEncode(std::string(list) + ":" + std::to_string(key));
}

std::optional<std::int64_t> decodePageCursor(std::string_view list, std::string_view cursor) {
  const std::optional<std::string> decoded = base64UrlDecode(cursor);
  if (!decoded || decoded->size() <= list.size() + 1 ||
      decoded->compare(0, list.size(), list) != 0 || (*decoded)[list.size()] != ':') {
    return std::nullopt;
  }
  const std::string_view digits = std::string_view(*decoded).substr(list.size() + 1);
  // One spelling per key, as encodePageCursor writes it: no sign, no leading zeros.
  if (digits[0] < '0' || digits[0] > '9' || (digits[0] == '0' && digits.size() > 1)) {
    return std::nullopt;
  }
  std::int64_t key = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), key);
  if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return key;
}
