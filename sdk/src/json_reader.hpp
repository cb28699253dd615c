#pragma once
// Reads a backend payload field by field, keeping the JSON path of where it
// is, so a rejection says exactly what was wrong and where. The first problem
// wins; once one is recorded, later reads do nothing and report failure.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>


#include "kindred/calendar_date.hpp"
#include "kindred/input_error.hpp"
#include "json_value.hpp"

namespace kindred {

// Integers travel to JavaScript as doubles; beyond 2^53 - 1 they lose digits.
inline constexpr std::int64_t kMaxSafeInteger = 9007199254740991;

// Parses `text` without throwing. On a syntax error the InputError names
// `resource` and says where the syntax broke.
std::optional<InputError> parseJsonDocument(std::string_view text, const std::string& resource, JsonValue& out);

enum class Presence { Required, Optional };

class JsonReader {
 public:
  // `object` must outlive the reader. Fails at once unless it is a JSON object.
  JsonReader(const JsonValue& object, std::string path);

  bool ok() const { return !error_; }
  const std::optional<InputError>& error() const { return error_; }

  // Each read leaves `out` untouched when the field is absent and optional,
  // and returns false when the field (or an earlier one) is wrong.
  bool string(const char* key, std::string& out, Presence presence, bool allowEmpty = false);
  bool nullableString(const char* key, std::optional<std::string>& out);
  bool integer(const char* key, std::int64_t& out, Presence presence,
               std::int64_t min = 0, std::int64_t max = kMaxSafeInteger);
  // Required, but null says "none": `out` is then left empty.
  bool nullableInteger(const char* key, std::optional<std::int64_t>& out,
                       std::int64_t min = 0, std::int64_t max = kMaxSafeInteger);
  bool date(const char* key, std::optional<CalendarDate>& out, Presence presence);
  // A UTC time as "YYYY-MM-DDTHH:MM:SSZ", the one shape the contract allows,
  // so that text order is time order; kept as the text.
  bool timestamp(const char* key, std::string& out, Presence presence);
  bool boolean(const char* key, bool& out, Presence presence);

  // Calls `each(item, itemPath)` for each element of an array field; `each`
  // returns the element's error, if any, which stops the walk.
  template <class Each>
  bool array(const char* key, Presence presence, Each each) {
    return walkArray(key, presence, ItemReader(each));
  }

  // Records a problem found by the caller (a cross-field rule) against `key`.
  bool fail(const char* key, std::string problem);

  std::string fieldPath(const char* key) const;

 private:
  // `each` of array(), borrowed: the walk below is compiled once rather than
  // inlined into each of its 15 callers, with the item paths it builds: 1.6 KB
  // of the gzipped wasm.
  class ItemReader {
   public:
    template <class Each>
    explicit ItemReader(Each& each)
        : each_(&each), call_([](void* callable, const JsonValue& item, const std::string& path) {
            return std::optional<InputError>((*static_cast<Each*>(callable))(item, path));
          }) {}
    std::optional<InputError> operator()(const JsonValue& item, const std::string& path) const {
      return call_(each_, item, path);
    }

   private:
    void* each_;
    std::optional<InputError> (*call_)(void*, const JsonValue&, const std::string&);
  };
  bool walkArray(const char* key, Presence presence, ItemReader each);

  // The field, or nullptr when it is absent (an error if required) or after a failure.
  const JsonValue* find(const char* key, Presence presence);

  const JsonValue& object_;
  std::string path_;
  std::optional<InputError> error_;
};

}  // namespace kindred
