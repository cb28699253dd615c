#pragma once
// POST /v1/events after authentication, without HTTP: the Idempotency-Key
// (with the semantics of POST /v1/redemptions, through runIdempotentPost),
// the strict body and the event. The time is a parameter so tests can place
// events anywhere around the window.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "api_response.hpp"
#include "database.hpp"
#include "kindred/program.hpp"
#include "write_admission.hpp"

inline constexpr std::string_view kEventsPath = "/v1/events";

// `idempotencyKey` is the header's value, nullopt if the request had none.
// `admit` is the write limit (empty for none).
ApiResponse handleEventRequest(Database& db, const kindred::Program& program,
                               std::string_view memberId,
                               const std::optional<std::string>& idempotencyKey,
                               std::string_view body, std::int64_t nowUnix,
                               const WriteAdmission& admit = {});
