#pragma once
// Demo-only endpoints, standing in for the brand's own server:
//   POST /demo/login      {"memberId"} -> a signed member token
//   POST /demo/surprises  {"memberId","points","message"} -> 201 and the
//                         surprise, its points credited (grant_surprise.hpp)
//   GET  /demo/members    the members the demo store's switcher offers
// A real deployment issues tokens from the brand's login and grants
// surprises from its back office, never like this.

#include <httplib.h>

#include "backend.hpp"

// `backend` must outlive the server.
void registerDemoRoutes(httplib::Server& server, const Backend& backend);
