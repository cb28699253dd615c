#pragma once
// The rewards part of the loyalty API, all for the member named by the bearer
// token: GET /v1/rewards (the catalog), POST /v1/redemptions (spend points on
// a reward, with an Idempotency-Key) and GET /v1/activity (the member's
// points ledger). Both lists are cursor-paginated.

#include <httplib.h>

#include "backend.hpp"

// `backend` must outlive the server.
void registerRewardRoutes(httplib::Server& server, const Backend& backend);
