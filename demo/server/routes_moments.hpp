#pragma once
// GET /v1/moments: the micro-moments data (incentives, surprises, birth
// month and birthday offers, the expiry reminder lead, dismissals) for the
// member named by the bearer token. Acknowledging and dismissing are events
// (POST /v1/events, routes_events.hpp).

#include <httplib.h>

#include "backend.hpp"

// `backend` must outlive the server.
void registerMomentRoutes(httplib::Server& server, const Backend& backend);
