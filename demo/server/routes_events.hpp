#pragma once
// POST /v1/events: engagement events the widget and the host page report
// for the member named by the bearer token.

#include <httplib.h>

#include "backend.hpp"

// `backend` must outlive the server.
void registerEventRoutes(httplib::Server& server, const Backend& backend);
