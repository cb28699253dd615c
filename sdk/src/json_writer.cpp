#include "json_writer.hpp"

#include "utf8.hpp"

#include <cmath>
#include <string>

namespace kindred {

// Every integer up to 2^53 is a double exactly.
constexpr std::int64_t kMaxExactInteger = 9007199254740992;


void JsonWriter::separate() {
  if (afterValue_) out_ += ',';
  afterValue_ = false;
}

JsonWriter& JsonWriter::beginObject() {
  separate();
  out_ += '{';
  return *this;
}

JsonWriter& JsonWriter::endObject() {
  out_ += '}';
  afterValue_ = true;
  return *this;
}

JsonWriter& JsonWriter::beginArray() {
  separate();
  out_ += '[';
  return *this;
}

JsonWriter& JsonWriter::endArray() {
  out_ += ']';
  afterValue_ = true;
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  string(name);
  out_ += ':';
  afterValue_ = false;
  return *this;
}

JsonWriter& JsonWriter::string(std::string_view text) {
  separate();
  out_ += '"';
  for (std::size_t at = 0; at < text.size();) {
    const char c = text[at];
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) {
      // Parse errors quote the payload's bytes as they came, invalid UTF-8
      // included; the document handed to JavaScript must stay valid.
      std::size_t prefix = 0;
      if (const std::size_t length = utf8SequenceLength(text, at, prefix)) out_.append(text.data() + at, length);
      else out_ += "\xEF\xBF\xBD";  // U+FFFD
      at += prefix;
      continue;
    }
    if (c == '"' || c == '\\') {
      out_ += '\\';
      out_ += c;
    } else if (byte < 0x20) {
      static const char kHex[] = "0123456789abcdef";
      out_ += "\\u00";
      out_ += kHex[byte >> 4];
      out_ += kHex[byte & 0xF];
    } else {
      out_ += c;
    }
    ++at;
  }
  out_ += '"';
  afterValue_ = true;
  return *this;
}

JsonWriter& JsonWriter::integer(std::int64_t number) {
  separate();
  char digits[20];
  int count = 0;
  std::uint64_t magnitude = number < 0 ? 0 - static_cast<std::uint64_t>(number) : static_cast<std::uint64_t>(number);
  do {
    digits[count++] = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude != 0);
  if (number < 0) out_ += '-';
  while (count > 0) out_ += digits[--count];
  afterValue_ = true;
  return *this;
}

JsonWriter& JsonWriter::decimal(double value, int places) {
  std::int64_t scale = 1;
  for (int i = 0; i < places; ++i) scale *= 10;
  const double scaled = std::round(value * static_cast<double>(scale));
  if (!(std::fabs(scaled) <= static_cast<double>(kMaxExactInteger))) return null();  // NaN fails too
  auto units = static_cast<std::int64_t>(scaled);
  separate();
  if (units < 0) {
    out_ += '-';
    units = -units;
  }
  out_ += std::to_string(units / scale);
  std::int64_t fraction = units % scale;
  if (fraction != 0) {
    int digits = places;
    while (fraction % 10 == 0) {
      fraction /= 10;
      --digits;
    }
    const std::string text = std::to_string(fraction);
    out_ += '.';
    out_.append(static_cast<std::size_t>(digits) - text.size(), '0');
    out_ += text;
  }
  afterValue_ = true;
  return *this;
}

JsonWriter& JsonWriter::boolean(bool value) {
  separate();
  out_ += value ? "true" : "false";
  afterValue_ = true;
  return *this;
}

JsonWriter& JsonWriter::null() {
  separate();
  out_ += "null";
  afterValue_ = true;
  return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
  separate();
  out_ += json;
  afterValue_ = true;
  return *this;
}

JsonWriter& JsonWriter::field(std::string_view name, const std::optional<std::string>& text) {
  key(name);
  return text ? string(*text) : null();
}

JsonWriter& JsonWriter::field(std::string_view name, const std::optional<std::int64_t>& number) {
  key(name);
  return number ? integer(*number) : null();
}

JsonWriter& JsonWriter::integers(std::string_view name, const std::vector<int>& numbers) {
  key(name).beginArray();
  for (const int number : numbers) integer(number);
  return endArray();
}

void writeError(JsonWriter& out, const std::optional<InputError>& error) {
  if (!error) {
    out.null();
    return;
  }
  out.beginObject().field("path", error->path).field("problem", error->problem).field("message", error->message())
      .endObject();
}

}  // namespace kindred
