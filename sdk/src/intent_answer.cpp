#include "intent_answer.hpp"

#include <algorithm>

#include "json_writer.hpp"

namespace kindred {

std::string postCommandJson(std::string_view path, std::string_view idempotencyKey, std::string_view body) {
  return JsonWriter()
      .beginObject()
      .field("ok", true)
      .key("command")
      .beginObject()
      .field("method", "POST")
      .field("path", path)
      .field("idempotencyKey", idempotencyKey)
      .field("body", body)
      .endObject()
      .endObject()
      .take();
}

std::string refusalJson(const char* reason, const char* message) {
  return JsonWriter().beginObject().field("ok", false).field("reason", reason).field("message", message).endObject().take();
}

bool isIntentNonce(std::string_view nonce) {
  if (nonce.size() < 8 || nonce.size() > 64) return false;
  return std::all_of(nonce.begin(), nonce.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
  });
}

}  // namespace kindred
