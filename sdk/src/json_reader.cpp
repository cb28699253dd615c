#include "json_reader.hpp"

#include <cmath>

namespace kindred {
namespace {

// Collects where a syntax error happened. nlohmann/json reports it to the SAX
// handler with an exception object it builds but does not throw.
class SyntaxErrorProbe : public nlohmann::json_sax<nlohmann::json> {
 public:
  std::string problem = "is not valid JSON";

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t position, const std::string& /*lastToken*/,
                   const nlohmann::detail::exception& error) override {
    // what() reads "[json.exception.parse_error.101] parse error at line 1,
    // column 5: syntax error while parsing value - invalid literal; last read: 'tru'".
    std::string what = error.what();
    const auto detail = what.find("syntax error");
    problem = "is not valid JSON (byte " + std::to_string(position) + ": " +
              (detail == std::string::npos ? what : what.substr(detail)) + ")";
    return false;
  }
};

}  // namespace

std::optional<InputError> parseJsonDocument(std::string_view text, const std::string& resource,
                                            nlohmann::json& out) {
  out = nlohmann::json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (!out.is_discarded()) return std::nullopt;
  // Parse again only to learn where it broke; the happy path parses once.
  SyntaxErrorProbe probe;
  nlohmann::json::sax_parse(text.begin(), text.end(), &probe);
  return InputError{resource, probe.problem};
}

JsonReader::JsonReader(const nlohmann::json& object, std::string path)
    : object_(object), path_(std::move(path)) {
  if (!object_.is_object()) error_ = InputError{path_, "expected an object"};
}

std::string JsonReader::fieldPath(const char* key) const { return path_ + "." + key; }

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
  std::optional<double> asDouble;
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

bool JsonReader::date(const char* key, std::optional<CalendarDate>& out, Presence presence) {
  const nlohmann::json* field = find(key, presence);
  if (!field || (presence == Presence::Optional && field->is_null())) return ok();
  std::optional<CalendarDate> parsed;
  if (field->is_string()) parsed = CalendarDate::parse(field->get_ref<const std::string&>());
  if (!parsed) return fail(key, "expected a date as YYYY-MM-DD");
  out = parsed;
  return true;
}

}  // namespace kindred
