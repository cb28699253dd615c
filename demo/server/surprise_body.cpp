#include "surprise_body.hpp"

#include <nlohmann/json.hpp>

#include "character_count.hpp"
#include "json_fields.hpp"
#include "surprise_record.hpp"

namespace {

using nlohmann::json;

std::string mustBe(const std::string& problem) {
  return R"(The body must be {"memberId":"<member id>","points":<1 to )" +
         std::to_string(kMaxSurprisePoints) + R"(>,"message":"<1 to )" +
         std::to_string(kMaxSurpriseMessageCharacters) + R"( characters>"}; )" + problem + ".";
}

// An integer from 1 to kMaxSurprisePoints. nlohmann reads a non-negative
// number as unsigned, so one beyond int64 is compared as it is, never wrapped.
bool isSurprisePoints(const json& value) {
  if (!value.is_number_integer()) return false;
  if (value.is_number_unsigned()) {
    return value.get<std::uint64_t>() >= 1 &&
           value.get<std::uint64_t>() <= static_cast<std::uint64_t>(kMaxSurprisePoints);
  }
  const std::int64_t n = value.get<std::int64_t>();
  return n >= 1 && n <= kMaxSurprisePoints;
}

}  // namespace

std::variant<SurpriseBody, std::string> parseSurpriseBody(std::string_view body) {
  const json doc = json::parse(body, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return mustBe("the body is not a JSON object");
  const std::string unexpected = unexpectedField(doc, {"memberId", "points", "message"});
  if (!unexpected.empty()) return mustBe("\"" + unexpected + "\" is not a field of it");

  SurpriseBody surprise;
  const auto memberId = doc.find("memberId");
  if (memberId == doc.end()) return mustBe("memberId is missing");
  if (!memberId->is_string() || memberId->get_ref<const std::string&>().empty()) {
    return mustBe("memberId is not a non-empty string");
  }
  surprise.memberId = memberId->get<std::string>();

  const auto points = doc.find("points");
  if (points == doc.end()) return mustBe("points is missing");
  if (!isSurprisePoints(*points)) return mustBe("points is not an integer in that range");
  surprise.points = points->get<std::int64_t>();

  const auto message = doc.find("message");
  if (message == doc.end()) return mustBe("message is missing");
  if (!message->is_string()) return mustBe("message is not a string");
  const std::size_t length = characterCount(message->get_ref<const std::string&>());
  if (length < 1 || length > kMaxSurpriseMessageCharacters) {
    return mustBe("message has " + std::to_string(length) + " characters");
  }
  surprise.message = message->get<std::string>();
  return surprise;
}
