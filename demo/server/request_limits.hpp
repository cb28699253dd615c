#pragma once
// How much of a request the server will read. A body is read whole into
// memory before any route sees it, so its size must be known and bounded
// first:
//  - a declared Content-Length over kMaxRequestBodyBytes is refused with 413
//    (httplib discards the body as it arrives, without keeping it);
//  - a body without a declared length (Transfer-Encoding: chunked, or a POST
//    with no Content-Length, which httplib reads to the end of the
//    connection) is refused with 411 before a byte of it is read: httplib
//    0.11 checks such a body against the limit only once it has read all of
//    it, so a 300 MB chunked upload cost 600 MB of memory. Browsers' fetch
//    always sends a Content-Length for the widget's string bodies.
// Headers are httplib's business: a request line or a header line over
// 8 KiB is refused (414, 400), and a request that stops arriving is
// answered 400 and dropped once a read waits 5 s. What this cannot fix:
// httplib 0.11 buffers a line whole before measuring it (a 100 MB header
// line cost 140 MB), and a client trickling a byte every few seconds keeps
// a worker thread; in production a reverse proxy in front bounds both.

#include <httplib.h>

#include <cstddef>

inline constexpr std::size_t kMaxRequestBodyBytes = 64 * 1024;

// Sets the 413 limit.
void limitRequestBodies(httplib::Server& server);

// For the server's pre-routing handler, which httplib runs after the
// headers and before the body: true when it has answered 411 (with
// Connection: close, as the unread body is still on the connection).
bool refuseBodyOfUnknownLength(const httplib::Request& req, httplib::Response& res);
