#include "response_headers.hpp"

namespace {

bool hasPrefixSegment(const std::string& path, const std::string& prefix) {
  return path.compare(0, prefix.size(), prefix) == 0 &&
         (path.size() == prefix.size() || path[prefix.size()] == '/');
}

// httplib's set_header appends; these must appear exactly once.
void replaceHeader(httplib::Response& res, const char* name, const char* value) {
  res.headers.erase(name);
  res.set_header(name, value);
}

}  // namespace

bool isApiPath(const std::string& path) {
  return hasPrefixSegment(path, "/v1") || hasPrefixSegment(path, "/demo");
}

void installResponseHeaders(httplib::Server& server, bool contentSecurityPolicy) {
  server.Options(R"(/(v1|demo)(/.*)?)",
                 [](const httplib::Request&, httplib::Response& res) { res.status = 204; });

  server.set_post_routing_handler(
      [contentSecurityPolicy](const httplib::Request& req, httplib::Response& res) {
        replaceHeader(res, "X-Content-Type-Options", "nosniff");
        if (contentSecurityPolicy)
          replaceHeader(res, "Content-Security-Policy", kContentSecurityPolicy);
        if (!isApiPath(req.path)) return;
        // Any origin: the API authenticates with bearer tokens, never cookies,
        // so there is no ambient credential for another site to ride on.
        replaceHeader(res, "Access-Control-Allow-Origin", "*");
        replaceHeader(res, "Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        replaceHeader(res, "Access-Control-Allow-Headers",
                      "Authorization, Content-Type, Idempotency-Key");
        // Readable by the widget's script: the token challenge, whether a
        // redemption's response is a stored one, and when to retry.
        replaceHeader(res, "Access-Control-Expose-Headers",
                      "WWW-Authenticate, Idempotent-Replayed, Retry-After");
        replaceHeader(res, "Access-Control-Max-Age", "600");
        // Member data is personal and changes; no shared or browser cache keeps it.
        if (!res.has_header("Cache-Control")) res.set_header("Cache-Control", "no-store");
      });
}
