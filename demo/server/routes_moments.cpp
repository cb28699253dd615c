#include "routes_moments.hpp"

#include <optional>
#include <string>

#include "error_responses.hpp"
#include "json_response.hpp"
#include "member_auth.hpp"
#include "moments_listing.hpp"
#include "utc_time.hpp"

void registerMomentRoutes(httplib::Server& server, const Backend& backend) {
  server.Get("/v1/moments", [&backend](const httplib::Request& req, httplib::Response& res) {
    Database db = backend.connect();
    const std::optional<std::string> memberId = authenticateMember(req, res, backend, db);
    if (!memberId) return;
    sendJson(res, momentsJson(db, backend.program.program, *memberId, unixNowSeconds()));
  });

  allowOnly(server, "/v1/moments", {"GET"});
}
