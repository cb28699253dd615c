#include "request_limits.hpp"

namespace {

// The methods httplib reads a body for even when no Content-Length says
// there is one (a DELETE's body is read only when one does).
bool readsBodyWithoutLength(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "PRI";
}

}  // namespace

void limitRequestBodies(httplib::Server& server) {
  server.set_payload_max_length(kMaxRequestBodyBytes);
}

bool refuseBodyOfUnknownLength(const httplib::Request& req, httplib::Response& res) {
  const bool undeclared = req.has_header("Transfer-Encoding") ||
                          (readsBodyWithoutLength(req.method) && !req.has_header("Content-Length"));
  if (!undeclared) return false;
  // The body is still on the connection, unread, so the client is asked to
  // close it (httplib itself only closes on a request's Connection: close,
  // and then says so itself). installErrorResponses writes the problem.
  res.status = 411;
  if (req.get_header_value("Connection") != "close") res.set_header("Connection", "close");
  return true;
}
