#include "json_value.hpp"

#include <cstdlib>

#include "utf8.hpp"

namespace kindred {

const JsonValue* JsonValue::find(std::string_view key) const {
  if (type_ != Type::Object) return nullptr;
  for (auto it = items_.rbegin(); it != items_.rend(); ++it)
    if (it->key_ == key) return &*it;
  return nullptr;
}

// Recursive descent over the bytes. A failure records the first problem and
// unwinds: every step returns false once `problem_` is set.
class JsonParser {
 public:
  explicit JsonParser(std::string_view text) : text_(text) {}

  std::optional<std::string> parse(JsonValue& out) {
    skipSpace();
    if (value(out, 0)) {
      skipSpace();
      if (at_ < text_.size()) fail("unexpected text after the value");
    }
    if (!problem_) return std::nullopt;
    return "byte " + std::to_string(at_ + 1) + ": " + *problem_;
  }

 private:
  // Deeper than any payload of the contract, and shallow enough for the
  // wasm's stack: each level is one frame of value().
  static constexpr int kMaxDepth = 100;

  bool fail(const char* problem) {
    if (!problem_) problem_ = problem;
    return false;
  }
  bool atEnd() const { return at_ >= text_.size(); }
  char peek() const { return text_[at_]; }

  void skipSpace() {
    while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) ++at_;
  }

  bool value(JsonValue& out, int depth) {
    if (atEnd()) return fail("unexpected end of input, expected a value");
    switch (peek()) {
      case '{': return object(out, depth);
      case '[': return array(out, depth);
      case '"':
        out.type_ = JsonValue::Type::String;
        return string(out.text_);
      case 't': return literal("true", JsonValue::Type::Boolean, 1, out);
      case 'f': return literal("false", JsonValue::Type::Boolean, 0, out);
      case 'n': return literal("null", JsonValue::Type::Null, 0, out);
      default:
        if (peek() == '-' || (peek() >= '0' && peek() <= '9')) return number(out);
        return fail("expected a value");
    }
  }

  bool literal(std::string_view word, JsonValue::Type type, std::int64_t value, JsonValue& out) {
    if (text_.substr(at_, word.size()) != word) return fail("invalid literal");
    at_ += word.size();
    out.type_ = type;
    out.integer_ = value;
    return true;
  }

  // Opens a container: the depth check and the first non-space byte after
  // the bracket. Returns false on failure, and sets `empty` when `close` follows.
  bool open(int depth, char close, bool& empty) {
    if (depth >= kMaxDepth) return fail("nested too deeply");
    ++at_;
    skipSpace();
    empty = !atEnd() && peek() == close;
    if (empty) ++at_;
    return true;
  }

  // After an item: ',' (another follows) or `close` (the end).
  bool next(char close, const char* expected, bool& more) {
    skipSpace();
    if (atEnd()) return fail("unexpected end of input");
    more = peek() == ',';
    if (!more && peek() != close) return fail(expected);
    ++at_;
    skipSpace();
    return true;
  }

  bool array(JsonValue& out, int depth) {
    out.type_ = JsonValue::Type::Array;
    bool empty = false, more = true;
    if (!open(depth, ']', empty)) return false;
    while (!empty && more) {
      if (!value(out.items_.emplace_back(), depth + 1) || !next(']', "expected ',' or ']'", more)) return false;
    }
    return true;
  }

  bool object(JsonValue& out, int depth) {
    out.type_ = JsonValue::Type::Object;
    bool empty = false, more = true;
    if (!open(depth, '}', empty)) return false;
    while (!empty && more) {
      if (atEnd() || peek() != '"') return fail(atEnd() ? "unexpected end of input" : "expected a string key");
      JsonValue& member = out.items_.emplace_back();
      if (!string(member.key_)) return false;
      skipSpace();
      if (atEnd() || peek() != ':') return fail("expected ':'");
      ++at_;
      skipSpace();
      if (!value(member, depth + 1) || !next('}', "expected ',' or '}'", more)) return false;
    }
    return true;
  }

  // Four hex digits after "\u", as a number; -1 if they are not.
  int hex4() {
    if (text_.size() - at_ < 4) return -1;
    int value = 0;
    for (std::size_t i = 0; i < 4; ++i) {
      const char c = text_[at_ + i];
      const int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (digit < 0) return -1;
      value = value * 16 + digit;
    }
    at_ += 4;
    return value;
  }

  bool escape(std::string& out) {
    if (atEnd()) return fail("unexpected end of input in a string");
    const char c = text_[at_++];
    static constexpr std::string_view kFrom = "\"\\/bfnrt", kTo = "\"\\/\b\f\n\r\t";
    if (const auto index = kFrom.find(c); index != std::string_view::npos) {
      out += kTo[index];
      return true;
    }
    if (c != 'u') return fail("invalid escape");
    std::uint32_t code = 0;
    const int high = hex4();
    if (high < 0) return fail("invalid \\u escape: expected four hex digits");
    code = static_cast<std::uint32_t>(high);
    // A surrogate pair is one character; half of one is none.
    if (high >= 0xDC00 && high <= 0xDFFF) return fail("invalid \\u escape: a low surrogate with no high one");
    if (high >= 0xD800 && high <= 0xDBFF) {
      if (text_.substr(at_, 2) != "\\u") return fail("invalid \\u escape: a high surrogate with no low one");
      at_ += 2;
      const int low = hex4();
      if (low < 0xDC00 || low > 0xDFFF) return fail("invalid \\u escape: a high surrogate with no low one");
      code = 0x10000 + ((code - 0xD800) << 10) + (static_cast<std::uint32_t>(low) - 0xDC00);
    }
    appendUtf8(out, code);
    return true;
  }

  bool string(std::string& out) {
    ++at_;  // the opening quote
    while (true) {
      if (atEnd()) return fail("unexpected end of input in a string");
      const auto byte = static_cast<unsigned char>(peek());
      if (byte == '"') {
        ++at_;
        return true;
      }
      if (byte == '\\') {
        ++at_;
        if (!escape(out)) return false;
      } else if (byte < 0x20) {
        static const char* const kControl = "control character <U+00XX> must be escaped";
        std::string problem = kControl;
        problem[23] = "0123456789ABCDEF"[byte >> 4];
        problem[24] = "0123456789ABCDEF"[byte & 15];
        owned_ = std::move(problem);
        return fail(owned_.c_str());
      } else if (byte < 0x80) {
        out += static_cast<char>(byte);
        ++at_;
      } else {
        std::size_t prefix = 0;
        const std::size_t length = utf8SequenceLength(text_, at_, prefix);
        if (length == 0) return fail("invalid UTF-8 in a string");
        out.append(text_.substr(at_, length));
        at_ += length;
      }
    }
  }

  bool digits() {
    const std::size_t start = at_;
    while (!atEnd() && peek() >= '0' && peek() <= '9') ++at_;
    return at_ > start;
  }

  bool number(JsonValue& out) {
    const std::size_t start = at_;
    if (peek() == '-') ++at_;
    if (atEnd() || peek() < '0' || peek() > '9') return fail("invalid number");
    if (peek() == '0') ++at_;  // a leading zero is the whole integer part
    else digits();
    bool integral = true;
    if (!atEnd() && peek() == '.') {
      ++at_;
      if (!digits()) return fail("invalid number: expected digits after '.'");
      integral = false;
    }
    if (!atEnd() && (peek() == 'e' || peek() == 'E')) {
      ++at_;
      if (!atEnd() && (peek() == '+' || peek() == '-')) ++at_;
      if (!digits()) return fail("invalid number: expected digits in the exponent");
      integral = false;
    }
    const std::string_view literal = text_.substr(start, at_ - start);
    if (integral) {
      // Exact in 64 bits when it fits; beyond, a double like any other.
      const bool negative = literal[0] == '-';
      std::uint64_t magnitude = 0;
      bool fits = true;
      for (std::size_t i = negative ? 1 : 0; i < literal.size() && fits; ++i) {
        const auto digit = static_cast<std::uint64_t>(literal[i] - '0');
        fits = magnitude <= (UINT64_MAX - digit) / 10;
        magnitude = magnitude * 10 + digit;
      }
      const std::uint64_t limit = negative ? std::uint64_t{1} << 63 : (std::uint64_t{1} << 63) - 1;
      if (fits && magnitude <= limit) {
        out.type_ = JsonValue::Type::Integer;
        out.integer_ = negative ? static_cast<std::int64_t>(0 - magnitude) : static_cast<std::int64_t>(magnitude);
        return true;
      }
    }
    out.type_ = JsonValue::Type::Float;
    out.float_ = std::strtod(std::string(literal).c_str(), nullptr);  // strtod wants the end marked
    return true;
  }

  std::string_view text_;
  std::size_t at_ = 0;
  std::optional<const char*> problem_;
  std::string owned_;  // a problem written for this document (a control character's)
};

std::optional<std::string> parseJson(std::string_view text, JsonValue& out) {
  out = JsonValue();
  return JsonParser(text).parse(out);
}

}  // namespace kindred
