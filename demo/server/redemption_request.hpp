#pragma once
// POST /v1/redemptions after authentication, without HTTP: the
// Idempotency-Key check and claim, the body, the redemption and its stored
// result. The time is a parameter so tests can place a request on any day
// (early access) or a day later (key expiry).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "api_response.hpp"
#include "database.hpp"
#include "kindred/program.hpp"
#include "write_admission.hpp"

inline constexpr std::string_view kRedemptionsPath = "/v1/redemptions";

// `idempotencyKey` is the header's value, nullopt if the request had none.
// The response carries Idempotent-Replayed: true when it is a stored result,
// and Retry-After when the same request is still running or `admit` (the
// write limit; empty for none) refused it.
ApiResponse handleRedemptionRequest(Database& db, const kindred::Program& program,
                                    std::string_view memberId,
                                    const std::optional<std::string>& idempotencyKey,
                                    std::string_view body, std::int64_t nowUnix,
                                    const WriteAdmission& admit = {});
