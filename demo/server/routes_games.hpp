#pragma once
// The games part of the loyalty API, for the member named by the bearer
// token: GET /v1/games (what they can play, with the commitments for chance
// games) and POST /v1/games/{gameId}/plays (play once, with an
// Idempotency-Key).

#include <httplib.h>

#include "backend.hpp"

// `backend` must outlive the server.
void registerGameRoutes(httplib::Server& server, const Backend& backend);
