#pragma once
// Reading the seed files (demo/seed/*.json): one object at a time, each field
// type-checked before it is read (nlohmann/json is built without exceptions),
// and every failure a SeedError naming the file and the field's path, e.g.
// "members.json: members[0].expiring[0].points must be between 1 and ...".

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>

#include "kindred/calendar_date.hpp"

// The seed files are missing or invalid; the message names the file and the field.
class SeedError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Day offsets stay within a century, so every date keeps a four-digit year
// and dates compare correctly as text.
inline constexpr std::int64_t kMaxDayOffset = 36500;
// Point counts travel to JavaScript as doubles; the widget rejects larger ones.
inline constexpr std::int64_t kMaxSafeInteger = (std::int64_t{1} << 53) - 1;

std::string readSeedFile(const std::filesystem::path& path);

// The object that is the whole of `file`'s text (moments.json), for a
// SeedReader with an empty path.
nlohmann::json readSeedObject(const std::string& text, const std::string& file);

// The array under `key` of the object in `file`'s text, e.g. the "members"
// of members.json.
nlohmann::json readSeedList(const std::string& text, const std::string& file, const char* key);

// Lower-case words joined by hyphens ("gift-cards", "spin-wheel"): safe in
// URLs and CSS classes as it is.
bool isSlug(const std::string& text);

// 1 to 64 ASCII letters, digits, '_' and '-' ("sg_01", "reward-10"): an id
// that can be part of a moment key ("surprise:sg_01") in an event's subject
// and a URL as it is.
bool isIdentifier(const std::string& text);

// `today` plus `days`, as YYYY-MM-DD.
std::string dateInDays(kindred::CalendarDate today, std::int64_t days);

class SeedReader {
 public:
  // `path` locates the object in its file, as "members[2]"; "" for the
  // file's top-level object.
  SeedReader(const nlohmann::json& object, std::string file, std::string path);

  std::string string(const char* key) const;                         // required, non-empty
  std::optional<std::string> optionalString(const char* key) const;  // absent, null or non-empty
  // Required text a member reads (a label, a message): 1 to `maxCharacters`
  // characters (not bytes), any of them.
  std::string text(const char* key, std::size_t maxCharacters) const;
  std::int64_t integer(const char* key, std::int64_t min, std::int64_t max = kMaxSafeInteger) const;
  std::optional<std::int64_t> optionalInteger(const char* key, std::int64_t min,
                                              std::int64_t max = kMaxSafeInteger) const;
  std::int64_t dayOffset(const char* key, std::int64_t min = -kMaxDayOffset,
                         std::int64_t max = kMaxDayOffset) const;

  // Absent or null: false; otherwise true or false, and nothing else.
  bool flag(const char* key) const;

  bool has(const char* key) const;  // present and not null
  const nlohmann::json& field(const char* key) const;
  // A reader for the object at field `key` (which must be one).
  SeedReader object(const char* key) const;
  // The length of the array at field `key` (which must be one).
  std::size_t arraySize(const char* key) const;
  // A reader for element `index` (below arraySize) of the array at field `key`.
  SeedReader element(const char* key, std::size_t index) const;

  [[noreturn]] void fail(const std::string& key, const std::string& problem) const;

 private:
  std::string pathOf(const std::string& key) const;

  const nlohmann::json& object_;
  std::string file_;
  std::string path_;
};
