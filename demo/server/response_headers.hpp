#pragma once
// Headers that every response carries, whoever produced it (a route, the
// static file handler or an error): nosniff, the demo store's strict CSP, and
// CORS for the API so a widget on another origin can call it.

#include <httplib.h>

#include <string>

inline constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";

// /v1/... and /demo/...: answered with JSON and problem+json, open to CORS.
bool isApiPath(const std::string& path);

// Installs the post-routing handler and answers CORS preflights with 204.
void installResponseHeaders(httplib::Server& server, bool contentSecurityPolicy);
