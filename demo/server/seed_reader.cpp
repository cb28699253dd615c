#include "seed_reader.hpp"

#include <fstream>
#include <sstream>
#include <utility>

#include "character_count.hpp"

using nlohmann::json;

std::string readSeedFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw SeedError("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

json readSeedList(const std::string& text, const std::string& file, const char* key) {
  json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded()) throw SeedError(file + ": is not valid JSON");
  const auto list = doc.is_object() ? doc.find(key) : doc.end();
  if (list == doc.end() || !list->is_array()) {
    throw SeedError(file + ": expected an object with a \"" + key + "\" array");
  }
  return std::move(*list);
}

json readSeedObject(const std::string& text, const std::string& file) {
  json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded()) throw SeedError(file + ": is not valid JSON");
  if (!doc.is_object()) throw SeedError(file + ": expected an object");
  return doc;
}

bool isSlug(const std::string& text) {
  if (text.empty() || text.front() == '-' || text.back() == '-') return false;
  for (const char c : text) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

bool isIdentifier(const std::string& text) {
  if (text.empty() || text.size() > 64) return false;
  for (const char c : text) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
          c == '-')) {
      return false;
    }
  }
  return true;
}

std::string dateInDays(kindred::CalendarDate today, std::int64_t days) {
  return kindred::CalendarDate::fromDaysSinceEpoch(today.daysSinceEpoch() + days).toString();
}

SeedReader::SeedReader(const json& object, std::string file, std::string path)
    : object_(object), file_(std::move(file)), path_(std::move(path)) {
  if (!object_.is_object()) fail("", "must be an object");
}

std::string SeedReader::string(const char* key) const {
  const json& value = field(key);
  if (!value.is_string() || value.get_ref<const std::string&>().empty()) {
    fail(key, "must be a non-empty string");
  }
  return value.get<std::string>();
}

std::string SeedReader::text(const char* key, std::size_t maxCharacters) const {
  const std::string mustBe =
      "must be a string of 1 to " + std::to_string(maxCharacters) + " characters";
  const json& value = field(key);
  if (!value.is_string() || value.get_ref<const std::string&>().empty()) fail(key, mustBe);
  const std::size_t length = characterCount(value.get_ref<const std::string&>());
  if (length > maxCharacters) fail(key, mustBe + ", not " + std::to_string(length));
  return value.get<std::string>();
}

std::optional<std::string> SeedReader::optionalString(const char* key) const {
  if (!has(key)) return std::nullopt;
  return string(key);
}

std::int64_t SeedReader::integer(const char* key, std::int64_t min, std::int64_t max) const {
  const json& value = field(key);
  if (!value.is_number_integer()) fail(key, "must be an integer");
  const bool tooLarge = value.is_number_unsigned()
                            ? value.get<std::uint64_t>() > static_cast<std::uint64_t>(max)
                            : value.get<std::int64_t>() > max;
  if (tooLarge || value.get<std::int64_t>() < min) {
    fail(key, "must be between " + std::to_string(min) + " and " + std::to_string(max));
  }
  return value.get<std::int64_t>();
}

std::optional<std::int64_t> SeedReader::optionalInteger(const char* key, std::int64_t min,
                                                        std::int64_t max) const {
  if (!has(key)) return std::nullopt;
  return integer(key, min, max);
}

std::int64_t SeedReader::dayOffset(const char* key, std::int64_t min, std::int64_t max) const {
  return integer(key, min, max);
}

bool SeedReader::flag(const char* key) const {
  if (!has(key)) return false;
  const json& value = field(key);
  if (!value.is_boolean()) fail(key, "must be true or false");
  return value.get<bool>();
}

bool SeedReader::has(const char* key) const {
  const auto found = object_.find(key);
  return found != object_.end() && !found->is_null();
}

const json& SeedReader::field(const char* key) const {
  const auto found = object_.find(key);
  if (found == object_.end()) fail(key, "is required");
  return *found;
}

SeedReader SeedReader::object(const char* key) const {
  return SeedReader(field(key), file_, pathOf(key));
}

std::size_t SeedReader::arraySize(const char* key) const {
  const json& list = field(key);
  if (!list.is_array()) fail(key, "must be an array");
  return list.size();
}

SeedReader SeedReader::element(const char* key, std::size_t index) const {
  const json& list = field(key);
  if (!list.is_array() || index >= list.size()) fail(key, "must be an array");
  return SeedReader(list[index], file_, pathOf(key) + "[" + std::to_string(index) + "]");
}

void SeedReader::fail(const std::string& key, const std::string& problem) const {
  throw SeedError(file_ + ": " + (key.empty() ? path_ : pathOf(key)) + " " + problem);
}

std::string SeedReader::pathOf(const std::string& key) const {
  return path_.empty() ? key : path_ + "." + key;
}
