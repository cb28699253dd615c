#include "routes_events.hpp"

#include <optional>
#include <string>

#include "api_response.hpp"
#include "error_responses.hpp"
#include "event_request.hpp"
#include "idempotency_header.hpp"
#include "member_auth.hpp"
#include "utc_time.hpp"
#include "write_admission.hpp"

void registerEventRoutes(httplib::Server& server, const Backend& backend) {
  server.Post(std::string(kEventsPath), [&backend](const httplib::Request& req,
                                                   httplib::Response& res) {
    Database db = backend.connect();
    const std::optional<std::string> memberId = authenticateMember(req, res, backend, db);
    if (!memberId) return;
    sendApiResponse(res, handleEventRequest(db, backend.program.program, *memberId,
                                            idempotencyKeyHeader(req), req.body, unixNowSeconds(),
                                            writeLimitAdmission(backend.writeLimiter.get(),
                                                                WriteRoute::Events, *memberId)));
  });

  allowOnly(server, std::string(kEventsPath), {"POST"});
}
