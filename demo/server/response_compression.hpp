#pragma once
// Keeps cpp-httplib's response compression fast: gzip, never Brotli.

#include <httplib.h>

// Debian's cpp-httplib 0.11 compresses text responses with Brotli at the
// encoder's default quality (11) whenever the client accepts "br": measured
// here, 32 ms for the 25 KB engine glue against 2.4 ms with gzip, for 9%
// fewer bytes, and worse when requests overlap on a small machine. The
// library has no setting for it, so "br" is taken out of Accept-Encoding
// before the response is encoded. Called from the server's pre-routing
// handler (httplib keeps only one, so main composes it).
void preferGzipCompression(const httplib::Request& req);
