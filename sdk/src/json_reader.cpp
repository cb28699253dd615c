#include "json_reader.hpp"

#include <cmath>

namespace kindred {
namespace {

bool isUtcTimestamp(const std::string& text) {
  if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z')
    return false;
  if (!CalendarDate::parse(std::string_view(text).substr(0, 10))) return false;
  const auto twoDigits = [&](std::size_t at, int max) {
    if (text[at] < '0' || text[at] > '9' || text[at + 1] < '0' || text[at + 1] > '9') return false;
    return (text[at] - '0') * 10 + (text[at + 1] - '0') <= max;
  };
  return twoDigits(11, 23) && twoDigits(14, 59) && twoDigits(17, 59);
}

}  // namespace

std::optional<InputError> parseJsonDocument(std::string_view text, const std::string& resource, JsonValue& out) {
  auto problem = parseJson(text, out);
  if (!problem) return std::nullopt;
  return InputError{resource, "is not valid JSON (" + *problem + ")"};
}

JsonReader::JsonReader(const JsonValue& object, std::string path)
    : object_(object), path_(std::move(path)) {
  if (!object_.isObject()) error_ = InputError{path_, "expected an object"};
}

std::string JsonReader::fieldPath(const char* key) const { return path_ + "." + key; }

bool JsonReader::walkArray(const char* key, Presence presence, ItemReader each) {
  const JsonValue* field = find(key, presence);
  if (!field) return ok();
  if (!field->isArray()) return fail(key, "expected an array");
  const std::string prefix = fieldPath(key) + "[";
  std::size_t index = 0;
  for (const JsonValue& item : field->items()) {
    if (auto problem = each(item, prefix + std::to_string(index) + "]")) {
      error_ = std::move(problem);
      return false;
    }
    ++index;
  }
  return true;
}

bool JsonReader::fail(const char* key, std::string problem) {
  if (!error_) error_ = InputError{fieldPath(key), std::move(problem)};
  return false;
}

const JsonValue* JsonReader::find(const char* key, Presence presence) {
  if (error_) return nullptr;
  const JsonValue* field = object_.find(key);
  if (!field && presence == Presence::Required) fail(key, "is required");
  return field;
}

bool JsonReader::string(const char* key, std::string& out, Presence presence, bool allowEmpty) {
  const JsonValue* field = find(key, presence);
  if (!field) return ok();
  if (!field->isString()) return fail(key, "expected a string");
  const std::string& text = field->text();
  if (!allowEmpty && text.empty()) return fail(key, "must not be empty");
  out = text;
  return true;
}

bool JsonReader::nullableString(const char* key, std::optional<std::string>& out) {
  const JsonValue* field = find(key, Presence::Optional);
  if (!field || field->isNull()) return ok();
  if (!field->isString() || field->text().empty()) return fail(key, "expected a non-empty string or null");
  out = field->text();
  return true;
}

bool JsonReader::integer(const char* key, std::int64_t& out, Presence presence, std::int64_t min,
                         std::int64_t max) {
  const JsonValue* field = find(key, presence);
  if (!field) return ok();
  const std::string range =
      "expected an integer from " + std::to_string(min) + " to " + std::to_string(max);
  // 12.0 is an integer written as a float; 12.5, 1e400 and NaN are not.
  if (field->isInteger()) {
    if (field->integer() < min || field->integer() > max) return fail(key, range);
    out = field->integer();
  } else if (field->isNumber()) {
    const double value = field->number();
    if (!std::isfinite(value) || std::floor(value) != value ||
        value < static_cast<double>(min) || value > static_cast<double>(max))
      return fail(key, range);
    out = static_cast<std::int64_t>(value);
  } else {
    return fail(key, range);
  }
  if (out < min) return fail(key, range);
  return true;
}

bool JsonReader::nullableInteger(const char* key, std::optional<std::int64_t>& out, std::int64_t min,
                                 std::int64_t max) {
  const JsonValue* field = find(key, Presence::Required);
  if (!field || field->isNull()) return ok();
  std::int64_t value = 0;
  if (!integer(key, value, Presence::Required, min, max)) return false;
  out = value;
  return true;
}

bool JsonReader::boolean(const char* key, bool& out, Presence presence) {
  const JsonValue* field = find(key, presence);
  if (!field) return ok();
  if (!field->isBoolean()) return fail(key, "expected true or false");
  out = field->boolean();
  return true;
}

bool JsonReader::date(const char* key, std::optional<CalendarDate>& out, Presence presence) {
  const JsonValue* field = find(key, presence);
  if (!field || (presence == Presence::Optional && field->isNull())) return ok();
  std::optional<CalendarDate> parsed;
  if (field->isString()) parsed = CalendarDate::parse(field->text());
  if (!parsed) return fail(key, "expected a date as YYYY-MM-DD");
  out = parsed;
  return true;
}

bool JsonReader::timestamp(const char* key, std::string& out, Presence presence) {
  std::string text;
  if (!string(key, text, presence) || text.empty()) return ok();
  if (!isUtcTimestamp(text)) return fail(key, "expected a UTC time as YYYY-MM-DDTHH:MM:SSZ");
  out = std::move(text);
  return true;
}

}  // namespace kindred
