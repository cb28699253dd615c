#include "event_request.hpp"

#include <variant>

#include "event_body.hpp"
#include "idempotent_post.hpp"
#include "record_event.hpp"

ApiResponse handleEventRequest(Database& db, const kindred::Program& program,
                               std::string_view memberId,
                               const std::optional<std::string>& idempotencyKey,
                               std::string_view body, std::int64_t nowUnix,
                               const WriteAdmission& admit) {
  return runIdempotentPost(
      db, memberId, idempotencyKey, kEventsPath, body, nowUnix, {"An event", "event", "record it"},
      admit, [&]() -> IdempotentOutcome {
        const auto parsed = parseEventBody(body);
        if (const auto* problem = std::get_if<std::string>(&parsed)) {
          return {false, problemResponse(400, "invalid-request", "Invalid request", *problem)};
        }
        return recordEvent(db, program, memberId, std::get<EventBody>(parsed), nowUnix);
      });
}
