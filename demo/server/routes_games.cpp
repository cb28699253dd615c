#include "routes_games.hpp"

#include <optional>
#include <string>

#include "api_response.hpp"
#include "error_responses.hpp"
#include "game_listing.hpp"
#include "idempotency_header.hpp"
#include "json_response.hpp"
#include "member_auth.hpp"
#include "play_request.hpp"
#include "utc_time.hpp"
#include "write_admission.hpp"

namespace {

// httplib 0.11 routes by regular expression; the game id is one path segment.
constexpr const char* kPlaysRoute = R"(/v1/games/([^/]+)/plays)";

}  // namespace

void registerGameRoutes(httplib::Server& server, const Backend& backend) {
  server.Get("/v1/games", [&backend](const httplib::Request& req, httplib::Response& res) {
    Database db = backend.connect();
    const std::optional<std::string> memberId = authenticateMember(req, res, backend, db);
    if (!memberId) return;
    sendJson(res, gamesJson(db, *memberId, unixNowSeconds()));
  });

  server.Post(kPlaysRoute, [&backend](const httplib::Request& req, httplib::Response& res) {
    Database db = backend.connect();
    const std::optional<std::string> memberId = authenticateMember(req, res, backend, db);
    if (!memberId) return;
    sendApiResponse(
        res, handlePlayRequest(
                 db, backend.program.program, *memberId, req.matches[1].str(),
                 idempotencyKeyHeader(req), req.body, unixNowSeconds(),
                 writeLimitAdmission(backend.writeLimiter.get(), WriteRoute::Plays, *memberId)));
  });

  allowOnly(server, "/v1/games", {"GET"});
  allowOnly(server, kPlaysRoute, {"POST"});
}
