#include "idempotency_header.hpp"

std::optional<std::string> idempotencyKeyHeader(const httplib::Request& req) {
  if (req.get_header_value_count("Idempotency-Key") == 1) {
    return req.get_header_value("Idempotency-Key");
  }
  if (req.has_header("Idempotency-Key")) return "";
  return std::nullopt;
}
