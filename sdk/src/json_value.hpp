#pragma once
// A parsed JSON document, and the strict parser that builds it (RFC 8259:
// one value, UTF-8 only, no comments, no trailing commas, no leading zeros).
//
// Why not nlohmann/json's DOM, as the core first had: in the wasm it was
// about 15 KB of code (its SAX parser, the lexer's error objects, a std::map
// per object, a bit vector of nesting states), a seventh of the engine and
// more than the widget's size budget had left. The core only ever reads a
// payload once, field by field (json_reader.hpp), so this keeps what that
// needs: types, exact integers, strings, items in order, members by key.
// nlohmann/json stays where it serves well: the tests and the backend.
// JSONTestSuite (../shared/corpora) is the parser's test: every y_ file is
// accepted and every n_ file rejected (tests/core/json_value_test.cpp).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kindred {

class JsonValue {
 public:
  enum class Type : std::uint8_t { Null, Boolean, Integer, Float, String, Array, Object };

  Type type() const { return type_; }
  bool isNull() const { return type_ == Type::Null; }
  bool isBoolean() const { return type_ == Type::Boolean; }
  // An integer literal (no fraction, no exponent) that fits in 64 bits.
  bool isInteger() const { return type_ == Type::Integer; }
  bool isNumber() const { return type_ == Type::Integer || type_ == Type::Float; }
  bool isString() const { return type_ == Type::String; }
  bool isArray() const { return type_ == Type::Array; }
  bool isObject() const { return type_ == Type::Object; }

  bool boolean() const { return integer_ != 0; }
  std::int64_t integer() const { return integer_; }
  // Any number as a double (an integer beyond 2^53 rounds).
  double number() const { return type_ == Type::Integer ? static_cast<double>(integer_) : float_; }
  const std::string& text() const { return text_; }
  // An array's elements, or an object's member values, in document order.
  const std::vector<JsonValue>& items() const { return items_; }
  // An object's member named `key` (the last, if the document repeats it),
  // or nullptr.
  const JsonValue* find(std::string_view key) const;

 private:
  friend class JsonParser;

  Type type_ = Type::Null;
  std::int64_t integer_ = 0;  // an integer's value; a boolean's 0 or 1
  double float_ = 0;
  std::string text_;          // a string's value
  std::string key_;           // the member name, when this is an object's member
  std::vector<JsonValue> items_;
};

// Parses `text` into `out`. On failure returns the problem, with the
// 1-based byte where the document stopped being JSON:
// "byte 17: unexpected end of input, expected a value".
std::optional<std::string> parseJson(std::string_view text, JsonValue& out);

}  // namespace kindred
