#include "kindred/brand.hpp"

#include "brand_reader.hpp"
#include "json_reader.hpp"

namespace kindred {
namespace {

int hexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// A logo goes into an <img src>: an https URL, or a path on the backend
// ("/brand/logo.svg"), in plain printable ASCII. Nothing that could end an
// attribute or a CSS url() even where someone pasted it into one.
bool isLogoUrl(const std::string& url) {
  constexpr std::string_view kHttps = "https://";
  const bool https = url.compare(0, kHttps.size(), kHttps) == 0 && url.size() > kHttps.size();
  const bool path = url.size() > 1 && url[0] == '/' && url[1] != '/';
  if ((!https && !path) || url.size() > 2048) return false;
  for (char c : url) {
    if (c <= ' ' || c > '~') return false;
    if (std::string_view("\"'<>\\()`").find(c) != std::string_view::npos) return false;
  }
  return true;
}

// Font names as CSS can quote them with nothing to escape: letters, digits,
// spaces and hyphens ("Source Sans 3", "Noto Sans JP").
bool isFontFamily(const std::string& name) {
  if (name.empty() || name.size() > 64 || name.front() == ' ' || name.back() == ' ') return false;
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' || c == '-';
    if (!ok) return false;
  }
  return true;
}

constexpr const char* kColorForm = "expected a colour as \"#rrggbb\"";

}  // namespace

std::optional<Rgb> parseHexColor(std::string_view text) {
  if (text.size() != 7 || text[0] != '#') return std::nullopt;
  int channels[3];
  for (int i = 0; i < 3; ++i) {
    const int high = hexDigit(text[1 + 2 * i]), low = hexDigit(text[2 + 2 * i]);
    if (high < 0 || low < 0) return std::nullopt;
    channels[i] = high * 16 + low;
  }
  return Rgb{static_cast<std::uint8_t>(channels[0]), static_cast<std::uint8_t>(channels[1]),
             static_cast<std::uint8_t>(channels[2])};
}

std::string hexColor(Rgb color) {
  constexpr char kDigits[] = "0123456789abcdef";
  std::string text = "#";
  for (std::uint8_t channel : {color.r, color.g, color.b}) {
    text += kDigits[channel >> 4];
    text += kDigits[channel & 15];
  }
  return text;
}

std::optional<InputError> readBrand(const JsonValue& node, const std::string& path, Brand& brand) {
  JsonReader r(node, path);
  for (auto [key, color] : {std::pair{"accent", &brand.accent}, std::pair{"accentDark", &brand.accentDark}}) {
    std::string text;
    if (r.string(key, text, Presence::Optional) && !text.empty()) {
      *color = parseHexColor(text);
      if (!*color) r.fail(key, kColorForm);
    }
  }
  if (r.string("logoUrl", brand.logoUrl, Presence::Optional) && !brand.logoUrl.empty() &&
      !isLogoUrl(brand.logoUrl))
    r.fail("logoUrl", "expected an https URL or a path on the backend, in printable ASCII");
  r.array("fontFamilies", Presence::Optional,
          [&](const JsonValue& item, const std::string& itemPath) -> std::optional<InputError> {
            if (brand.fontFamilies.size() == 4) return InputError{itemPath, "at most 4 fonts"};
            if (!item.isString() || !isFontFamily(item.text()))
              return InputError{itemPath, "expected a font name of letters, digits, spaces and hyphens (at most 64)"};
            brand.fontFamilies.push_back(item.text());
            return std::nullopt;
          });
  std::int64_t radius = 0;
  if (node.find("cornerRadius") && r.integer("cornerRadius", radius, Presence::Required, 0, 32))
    brand.cornerRadius = radius;
  return r.error();
}

}  // namespace kindred
