#pragma once
// The Idempotency-Key header of a POST, as runIdempotentPost takes it.

#include <httplib.h>

#include <optional>
#include <string>

// nullopt without the header; "" (which is refused as invalid) when it is
// sent twice, since two keys are as ambiguous as a malformed one.
std::optional<std::string> idempotencyKeyHeader(const httplib::Request& req);
