#pragma once
// Errors httplib produces on its own (unknown route, body too large or of
// unknown length, unreadable request) and exceptions escaping a handler
// become problem+json on API paths (a database still locked after the busy
// timeout as a 503 with Retry-After, anything else as a 500). Static file
// paths keep httplib's plain, empty 404.

#include <httplib.h>

#include <initializer_list>
#include <string>

void installErrorResponses(httplib::Server& server);

// httplib answers a known path with the wrong method as 404; this registers
// handlers that answer 405 with an Allow header instead. `allowed` lists the
// methods the path does serve, e.g. {"GET"}.
void allowOnly(httplib::Server& server, const std::string& path,
               std::initializer_list<const char*> allowed);
