#include "json_reader.hpp"

#include <cmath>

namespace kindred {
namespace {

// Builds the document and, if the syntax breaks, remembers where. One pass
// through one parser instantiation: json::parse() would instantiate two DOM
// builders, and a second parse for the position a third, all of it shipped
// in the wasm. nlohmann/json reports the error with an exception object it
// builds but, with allow_exceptions off, does not throw.
class DocumentBuilder {
 public:
  using json = nlohmann::json;
  explicit DocumentBuilder(json& out) : dom_(out, /*allow_exceptions=*/false) {}

  bool null() { return dom_.null(); }
  bool boolean(bool value) { return dom_.boolean(value); }
  bool number_integer(json::number_integer_t value) { return dom_.number_integer(value); }
  bool number_unsigned(json::number_unsigned_t value) { return dom_.number_unsigned(value); }
  bool number_float(json::number_float_t value, const json::string_t& text) {
    return dom_.number_float(value, text);
  }
  bool string(json::string_t& value) { return dom_.string(value); }
  bool binary(json::binary_t& value) { return dom_.binary(value); }
  bool start_object(std::size_t size) { return dom_.start_object(size); }
  bool key(json::string_t& value) { return dom_.key(value); }
  bool end_object() { return dom_.end_object(); }
  bool start_array(std::size_t size) { return dom_.start_array(size); }
  bool end_array() { return dom_.end_array(); }
  bool parse_error(std::size_t position, const std::string& lastToken,
                   const nlohmann::detail::exception& error) {
    // what() reads "[json.exception.parse_error.101] parse error at line 1,
    // column 5: syntax error while parsing value - invalid literal; last read: 'tru'".
    const std::string what = error.what();
    const auto detail = what.find("syntax error");
    problem = "is not valid JSON (byte " + std::to_string(position) + ": " +
              (detail == std::string::npos ? what : what.substr(detail)) + ")";
    return dom_.parse_error(position, lastToken, error);
  }

  std::string problem = "is not valid JSON";

 private:
  nlohmann::detail::json_sax_dom_parser<json> dom_;
};

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

std::optional<InputError> parseJsonDocument(std::string_view text, const std::string& resource,
                                            nlohmann::json& out) {
  DocumentBuilder builder(out);
  if (nlohmann::json::sax_parse(text.begin(), text.end(), &builder)) return std::nullopt;
  out = nullptr;
  return InputError{resource, builder.problem};
}

JsonReader::JsonReader(const nlohmann::json& object, std::string path)
    : object_(object), path_(std::move(path)) {
  if (!object_.is_object()) error_ = InputError{path_, "expected an object"};
}

std::string JsonReader::fieldPath(const char* key) const { return path_ + "." + key; }

bool JsonReader::walkArray(const char* key, Presence presence, ItemReader each) {
  const nlohmann::json* field = find(key, presence);
  if (!field) return ok();
  if (!field->is_array()) return fail(key, "expected an array");
  const std::string prefix = fieldPath(key) + "[";
  std::size_t index = 0;
  for (const auto& item : field->get_ref<const nlohmann::json::array_t&>()) {
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

const nlohmann::json* JsonReader::find(const char* key, Presence presence) {
  if (error_) return nullptr;
  const auto it = object_.find(key);
  if (it == object_.end()) {
    if (presence == Presence::Required) fail(key, "is required");
    return nullptr;
  }
  return &*it;
}

bool JsonReader::string(const char* key, std::string& out, Presence presence, bool allowEmpty) {
  const nlohmann::json* field = find(key, presence);
  if (!field) return ok();
  if (!field->is_string()) return fail(key, "expected a string");
  const auto& text = field->get_ref<const std::string&>();
  if (!allowEmpty && text.empty()) return fail(key, "must not be empty");
  out = text;
  return true;
}

bool JsonReader::nullableString(const char* key, std::optional<std::string>& out) {
  const nlohmann::json* field = find(key, Presence::Optional);
  if (!field || field->is_null()) return ok();
  if (!field->is_string() || field->get_ref<const std::string&>().empty())
    return fail(key, "expected a non-empty string or null");
  out = field->get_ref<const std::string&>();
  return true;
}

bool JsonReader::integer(const char* key, std::int64_t& out, Presence presence, std::int64_t min,
                         std::int64_t max) {
  const nlohmann::json* field = find(key, presence);
  if (!field) return ok();
  const std::string range =
      "expected an integer from " + std::to_string(min) + " to " + std::to_string(max);
  // 12.0 is an integer written as a float; 12.5, 1e400 and NaN are not.
  if (field->is_number_unsigned()) {
    const auto value = field->get<std::uint64_t>();
    if (value > static_cast<std::uint64_t>(max)) return fail(key, range);
    out = static_cast<std::int64_t>(value);
  } else if (field->is_number_integer()) {
    const auto value = field->get<std::int64_t>();
    if (value < min || value > max) return fail(key, range);
    out = value;
  } else if (field->is_number_float()) {
    const double value = field->get<double>();
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
  const nlohmann::json* field = find(key, Presence::Required);
  if (!field || field->is_null()) return ok();
  std::int64_t value = 0;
  if (!integer(key, value, Presence::Required, min, max)) return false;
  out = value;
  return true;
}

bool JsonReader::boolean(const char* key, bool& out, Presence presence) {
  const nlohmann::json* field = find(key, presence);
  if (!field) return ok();
  if (!field->is_boolean()) return fail(key, "expected true or false");
  out = field->get<bool>();
  return true;
}

bool JsonReader::date(const char* key, std::optional<CalendarDate>& out, Presence presence) {
  const nlohmann::json* field = find(key, presence);
  if (!field || (presence == Presence::Optional && field->is_null())) return ok();
  std::optional<CalendarDate> parsed;
  if (field->is_string()) parsed = CalendarDate::parse(field->get_ref<const std::string&>());
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
