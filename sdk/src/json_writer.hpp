#pragma once
// Writes a JSON document straight into a string, for the view models the
// core hands the widget. Building an nlohmann::json tree first costs a
// node allocation per field and, in the wasm, a few hundred bytes of
// inlined construction code per initializer list; views are written once per
// screen and never read back, so they are streamed instead.
//
// The caller keeps the structure right (begin/end pairs, a key before each
// value inside an object); commas are placed here. Quotes, backslashes and
// control characters are escaped. Strings are UTF-8, as everything parsed by
// the core is, except that a syntax error quotes the payload's bytes as they
// came: malformed sequences are written as U+FFFD, one per maximal subpart,
// as nlohmann's dump() with error_handler_t::replace did.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kindred/input_error.hpp"

namespace kindred {

class JsonWriter {
 public:
  JsonWriter& beginObject();
  JsonWriter& endObject();
  JsonWriter& beginArray();
  JsonWriter& endArray();
  JsonWriter& key(std::string_view name);

  JsonWriter& string(std::string_view text);
  JsonWriter& integer(std::int64_t number);
  // `number` rounded to `places` decimals (0 to 9), trailing zeros dropped:
  // 0.88, 19000. Non-finite, or too large for that many places to be exact
  // (|number| * 10^places beyond 2^53), as null. The views' few fractions
  // need no more, and a shortest round-trip formatter costs the wasm 0.8 KB.
  JsonWriter& decimal(double number, int places);
  JsonWriter& boolean(bool value);
  JsonWriter& null();
  // A document written elsewhere (already valid JSON), inserted as one value.
  JsonWriter& raw(std::string_view json);

  // key(name) followed by the value, for the common case.
  JsonWriter& field(std::string_view name, std::string_view text) { return key(name).string(text); }
  JsonWriter& field(std::string_view name, const char* text) { return key(name).string(text); }
  JsonWriter& field(std::string_view name, const std::string& text) { return key(name).string(text); }
  JsonWriter& field(std::string_view name, std::int64_t number) { return key(name).integer(number); }
  JsonWriter& field(std::string_view name, int number) { return key(name).integer(number); }
  JsonWriter& field(std::string_view name, bool value) { return key(name).boolean(value); }
  // Absent optionals are written as null.
  JsonWriter& field(std::string_view name, const std::optional<std::string>& text);
  JsonWriter& field(std::string_view name, const std::optional<std::int64_t>& number);
  JsonWriter& integers(std::string_view name, const std::vector<int>& numbers);

  std::string take() { return std::move(out_); }

 private:
  void separate();

  std::string out_;
  bool afterValue_ = false;  // a comma goes before the next value or key
};

// A rejected payload as every view reports it: {"path","problem","message"},
// or null when there is none.
void writeError(JsonWriter& out, const std::optional<InputError>& error);

}  // namespace kindred
