#include "event_body.hpp"

#include <nlohmann/json.hpp>

#include "character_count.hpp"
#include "json_fields.hpp"
#include "utc_time.hpp"

namespace {

using nlohmann::json;

std::string mustBe(const std::string& problem) {
  return R"(The body must be {"type":"<event type>","subject"?:"<1 to 128 characters>",)"
         R"("value"?:<integer>,"occurredAt"?:"YYYY-MM-DDTHH:MM:SSZ"}; )" +
         problem + ".";
}

bool isSafeInteger(const json& value) {
  if (!value.is_number_integer()) return false;
  if (value.is_number_unsigned()) {
    return value.get<std::uint64_t>() <= static_cast<std::uint64_t>(kMaxEventValue);
  }
  const std::int64_t n = value.get<std::int64_t>();
  return n >= -kMaxEventValue && n <= kMaxEventValue;
}

}  // namespace

std::variant<EventBody, std::string> parseEventBody(std::string_view body) {
  const json doc = json::parse(body, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return mustBe("the body is not a JSON object");
  const std::string unexpected = unexpectedField(doc, {"type", "subject", "value", "occurredAt"});
  if (!unexpected.empty()) return mustBe("\"" + unexpected + "\" is not a field of it");

  EventBody event;
  const auto type = doc.find("type");
  if (type == doc.end()) return mustBe("type is missing");
  if (!type->is_string() || type->get_ref<const std::string&>().empty()) {
    return mustBe("type is not a non-empty string");
  }
  event.type = type->get<std::string>();

  if (const auto subject = doc.find("subject"); subject != doc.end()) {
    if (!subject->is_string()) return mustBe("subject is not a string");
    const std::size_t length = characterCount(subject->get_ref<const std::string&>());
    if (length < 1 || length > kMaxEventSubjectCharacters) {
      return mustBe("subject has " + std::to_string(length) + " characters");
    }
    event.subject = subject->get<std::string>();
  }

  if (const auto value = doc.find("value"); value != doc.end()) {
    if (!value->is_number_integer()) return mustBe("value is not an integer");
    if (!isSafeInteger(*value)) return mustBe("value is beyond +-(2^53 - 1)");
    event.value = value->get<std::int64_t>();
  }

  if (const auto occurredAt = doc.find("occurredAt"); occurredAt != doc.end()) {
    const std::optional<std::int64_t> instant =
        occurredAt->is_string() ? parseRfc3339Utc(occurredAt->get_ref<const std::string&>())
                                : std::nullopt;
    if (!instant) return mustBe("occurredAt is not a UTC time like \"2026-03-01T12:00:00Z\"");
    event.occurredAtUnix = instant;
  }
  return event;
}
