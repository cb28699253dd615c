#pragma once
// Demo-only endpoints, standing in for the brand's own server:
//   POST /demo/login    {"memberId"} -> a signed member token
//   GET  /demo/members  the members the demo store's switcher offers
// A real deployment issues tokens from the brand's login, never like this.

#include <httplib.h>

#include "backend.hpp"

// `backend` must outlive the server.
void registerDemoRoutes(httplib::Server& server, const Backend& backend);
