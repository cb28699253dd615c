#include "json_writer.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

namespace kindred {

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
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
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

JsonWriter& JsonWriter::number(double value) {
  if (!std::isfinite(value)) return null();
  separate();
  // nlohmann's Grisu2 (the one its serializer uses): no printf in the wasm.
  char buffer[64];
  char* end = nlohmann::detail::to_chars(buffer, buffer + sizeof buffer, value);
  out_.append(buffer, static_cast<std::size_t>(end - buffer));
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

JsonWriter& JsonWriter::integers(std::string_view name, const std::vector<int>& numbers) {
  key(name).beginArray();
  for (const int number : numbers) integer(number);
  return endArray();
}

}  // namespace kindred
