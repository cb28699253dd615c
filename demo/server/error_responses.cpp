#include "error_responses.hpp"

#include <cstdio>
#include <exception>
#include <string_view>

#include "database.hpp"
#include "problem_json.hpp"
#include "request_limits.hpp"
#include "response_headers.hpp"

namespace {

using HandlerResponse = httplib::Server::HandlerResponse;

void describeStatus(httplib::Response& res, const std::string& path) {
  switch (res.status) {
    case 400:
      return sendProblem(res, 400, "bad-request", "Bad request",
                         "The request could not be read as HTTP.");
    case 404:
      return sendProblem(res, 404, "not-found", "Not found",
                         "There is no resource at " + path + ".");
    case 411:
      return sendProblem(res, 411, "length-required", "Length required",
                         "A request body must come with a Content-Length header (and no "
                         "Transfer-Encoding), so its size is known before it is read.");
    case 413:
      return sendProblem(res, 413, "payload-too-large", "Payload too large",
                         "The request body is larger than this backend accepts (" +
                             std::to_string(kMaxRequestBodyBytes / 1024) + " KiB).");
    default:
      return sendProblem(res, res.status, "http-" + std::to_string(res.status), "Request failed",
                         "The request failed with HTTP status " + std::to_string(res.status) + ".");
  }
}

}  // namespace

void installErrorResponses(httplib::Server& server) {
  // httplib calls this for every response with status >= 400, including the
  // problems routes have already written; those are left as they are.
  server.set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty() || !isApiPath(req.path)) return HandlerResponse::Unhandled;
        describeStatus(res, req.path);
        return HandlerResponse::Handled;
      }));

  server.set_exception_handler(
      [](const httplib::Request& req, httplib::Response& res, std::exception_ptr thrown) {
        std::string what = "unknown exception";
        bool busy = false;
        try {
          std::rethrow_exception(thrown);
        } catch (const DatabaseBusy& e) {
          what = e.what();
          busy = true;
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        // The cause goes to the operator's log, not to the client.
        std::fprintf(stderr, "kindred-server: %s %s failed: %s\n", req.method.c_str(),
                     req.path.c_str(), what.c_str());
        res.headers.clear();
        if (busy) {
          // Writers queue for up to the busy timeout; one that waited longer
          // changed nothing and may simply try again.
          sendProblem(res, 503, "busy", "Busy",
                      "The backend is handling too many changes at once; retry shortly.");
          res.set_header("Retry-After", "1");
          return;
        }
        sendProblem(res, 500, "internal-error", "Internal server error",
                    "The backend could not complete the request; its log says why.");
      });
}

void allowOnly(httplib::Server& server, const std::string& path,
               std::initializer_list<const char*> allowed) {
  std::string allow;
  bool get = false, post = false;
  for (std::string_view method : allowed) {
    allow += std::string(method) + ", ";
    get = get || method == "GET";
    post = post || method == "POST";
  }
  allow += "OPTIONS";

  const auto reject = [allow](const httplib::Request& req, httplib::Response& res) {
    sendProblem(res, 405, "method-not-allowed", "Method not allowed",
                req.method + " is not supported here; use " + allow + ".");
    res.set_header("Allow", allow);
  };
  if (!get) server.Get(path, reject);
  if (!post) server.Post(path, reject);
  server.Put(path, reject);
  server.Patch(path, reject);
  server.Delete(path, reject);
}
