#include "member_auth.hpp"

#include <cctype>
#include <string_view>

#include "member_record.hpp"
#include "member_token.hpp"
#include "problem_json.hpp"
#include "utc_time.hpp"

namespace {

const char* detailFor(TokenRejection reason) {
  switch (reason) {
    case TokenRejection::Missing:
      return "The request has no member token; send one as \"Authorization: Bearer <token>\".";
    case TokenRejection::Malformed:
      return "The member token is malformed; send it exactly as the brand's server issued it.";
    case TokenRejection::BadSignature:
      return "The member token's signature does not match; it was altered or signed with "
             "another secret.";
    case TokenRejection::Expired:
      return "The member token has expired; ask the brand's server for a new one.";
    case TokenRejection::UnknownMember:
      return "The member token names a member this backend does not know.";
  }
  return "The member token is not valid.";
}

// The token after a case-insensitive "Bearer " scheme (RFC 7235), or nullopt.
std::optional<std::string_view> bearerToken(std::string_view header) {
  constexpr std::string_view kScheme = "bearer ";
  if (header.size() <= kScheme.size()) return std::nullopt;
  for (std::size_t i = 0; i < kScheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(header[i])) != kScheme[i]) return std::nullopt;
  }
  return header.substr(kScheme.size());
}

}  // namespace

void sendTokenRejection(httplib::Response& res, TokenRejection reason) {
  sendProblem(res, 401, "invalid-token", "Invalid member token", detailFor(reason));
  res.set_header("WWW-Authenticate", R"(Bearer realm="kindred", error="invalid_token")");
}

std::optional<std::string> authenticateMember(const httplib::Request& req, httplib::Response& res,
                                              const Backend& backend, Database& db) {
  if (!req.has_header("Authorization")) {
    sendTokenRejection(res, TokenRejection::Missing);
    return std::nullopt;
  }
  const std::string header = req.get_header_value("Authorization");
  const std::optional<std::string_view> token = bearerToken(header);
  const TokenVerdict verdict =
      token ? verifyMemberToken(*token, backend.tokenSecret, unixNowSeconds()) : TokenVerdict{};
  switch (verdict.status) {
    case TokenStatus::Valid:
      break;
    case TokenStatus::Malformed:
      sendTokenRejection(res, TokenRejection::Malformed);
      return std::nullopt;
    case TokenStatus::BadSignature:
      sendTokenRejection(res, TokenRejection::BadSignature);
      return std::nullopt;
    case TokenStatus::Expired:
      sendTokenRejection(res, TokenRejection::Expired);
      return std::nullopt;
  }
  if (!memberExists(db, verdict.memberId)) {
    sendTokenRejection(res, TokenRejection::UnknownMember);
    return std::nullopt;
  }
  return verdict.memberId;
}
