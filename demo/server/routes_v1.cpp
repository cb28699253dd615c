#include "routes_v1.hpp"

#include "error_responses.hpp"
#include "json_response.hpp"
#include "member_auth.hpp"
#include "member_record.hpp"
#include "utc_time.hpp"

void registerV1Routes(httplib::Server& server, const Backend& backend) {
  server.Get("/v1/program", [&backend](const httplib::Request& req, httplib::Response& res) {
    Database db = backend.connect();
    if (!authenticateMember(req, res, backend, db)) return;
    // Verbatim: the document the brand published, already checked by the core.
    res.set_content(backend.program.document, kJsonContentType);
  });

  server.Get("/v1/member", [&backend](const httplib::Request& req, httplib::Response& res) {
    Database db = backend.connect();
    const std::optional<std::string> memberId = authenticateMember(req, res, backend, db);
    if (!memberId) return;
    const std::optional<MemberRecord> member = loadMember(db, *memberId, todayUtc());
    // Removed since the token was checked a moment ago.
    if (!member) return sendTokenRejection(res, TokenRejection::UnknownMember);
    sendJson(res, memberJson(*member, backend.program.program));
  });

  allowOnly(server, "/v1/program", {"GET"});
  allowOnly(server, "/v1/member", {"GET"});
}
