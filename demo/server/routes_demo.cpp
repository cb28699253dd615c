#include "routes_demo.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>

#include "error_responses.hpp"
#include "grant_surprise.hpp"
#include "json_response.hpp"
#include "member_record.hpp"
#include "member_token.hpp"
#include "problem_json.hpp"
#include "surprise_body.hpp"
#include "utc_time.hpp"

namespace {

using nlohmann::json;

// The memberId of a {"memberId":"..."} body, or nullopt.
std::optional<std::string> requestedMemberId(const std::string& body) {
  const json doc = json::parse(body, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return std::nullopt;
  const auto id = doc.find("memberId");
  if (id == doc.end() || !id->is_string() || id->get_ref<const std::string&>().empty()) {
    return std::nullopt;
  }
  return id->get<std::string>();
}

}  // namespace

void registerDemoRoutes(httplib::Server& server, const Backend& backend) {
  server.Post("/demo/login", [&backend](const httplib::Request& req, httplib::Response& res) {
    const std::optional<std::string> memberId = requestedMemberId(req.body);
    if (!memberId) {
      return sendProblem(res, 400, "invalid-request", "Invalid request",
                         R"(The body must be a JSON object like {"memberId":"m_ada"}.)");
    }
    Database db = backend.connect();
    if (!memberExists(db, *memberId)) {
      return sendProblem(res, 404, "unknown-member", "Unknown member",
                         "There is no member \"" + *memberId + "\"; GET /demo/members lists them.");
    }
    const std::int64_t expiresAt = unixNowSeconds() + backend.tokenTtlSeconds;
    sendJson(res, {{"token", signMemberToken(*memberId, expiresAt, backend.tokenSecret)},
                   {"expiresAt", formatRfc3339Utc(expiresAt)},
                   {"memberId", *memberId}});
  });

  server.Post("/demo/surprises", [&backend](const httplib::Request& req, httplib::Response& res) {
    const auto parsed = parseSurpriseBody(req.body);
    if (const auto* problem = std::get_if<std::string>(&parsed)) {
      return sendProblem(res, 400, "invalid-request", "Invalid request", *problem);
    }
    const SurpriseBody& body = std::get<SurpriseBody>(parsed);
    Database db = backend.connect();
    const std::optional<SurpriseRecord> surprise =
        grantSurprise(db, body.memberId, body.points, body.message, unixNowSeconds());
    if (!surprise) {
      return sendProblem(
          res, 404, "unknown-member", "Unknown member",
          "There is no member \"" + body.memberId + "\"; GET /demo/members lists them.");
    }
    sendJson(res, surpriseJson(*surprise), 201);
  });

  server.Get("/demo/members", [&backend](const httplib::Request&, httplib::Response& res) {
    Database db = backend.connect();
    nlohmann::ordered_json members = nlohmann::ordered_json::array();
    for (const MemberRecord& member : listMembers(db)) {
      members.push_back({{"id", member.id},
                         {"name", member.name},
                         {"tierId", tierIdJson(backend.program.program, member.qualifyingPoints)}});
    }
    sendJson(res, members);
  });

  allowOnly(server, "/demo/login", {"POST"});
  allowOnly(server, "/demo/surprises", {"POST"});
  allowOnly(server, "/demo/members", {"GET"});
}
