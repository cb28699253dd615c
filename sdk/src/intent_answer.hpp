#pragma once
// What the core answers when the host starts an intent (a redemption, a
// play): either the request to send, with its Idempotency-Key, or a refusal
// with a reason the widget turns into words. Shared so every intent speaks
// the same shape.

#include <string>
#include <string_view>

namespace kindred {

// {"ok":true,"command":{"method":"POST","path","idempotencyKey","body"}}
std::string postCommandJson(std::string_view path, std::string_view idempotencyKey, std::string_view body);

// {"ok":false,"reason","message"}
std::string refusalJson(const char* reason, const char* message);

// The host's random part of a new intent's key: 8 to 64 of [A-Za-z0-9_-].
bool isIntentNonce(std::string_view nonce);

}  // namespace kindred
