#pragma once
// The body of POST /v1/events, read strictly: exactly these fields, each of
// its type, or the request is refused (400) before anything is looked up.
//   {"type": "<event type id>", "subject"?: "<1 to 128 characters>",
//    "value"?: <integer>, "occurredAt"?: "YYYY-MM-DDTHH:MM:SSZ"}
// null is not a value of any of them: an absent field is left out.
// Whether the type exists, what it requires and whether the time is
// acceptable are the event's rules (record_event.hpp), not the body's.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

inline constexpr std::size_t kMaxEventSubjectCharacters = 128;
// A value travels back to JavaScript as a double, exact up to 2^53 - 1.
inline constexpr std::int64_t kMaxEventValue = (std::int64_t{1} << 53) - 1;

struct EventBody {
  std::string type;
  std::optional<std::string> subject;
  std::optional<std::int64_t> value;           // within +-kMaxEventValue
  std::optional<std::int64_t> occurredAtUnix;  // absent: now
};

// The body, or what is wrong with it (the detail of a 400 invalid-request).
std::variant<EventBody, std::string> parseEventBody(std::string_view body);
