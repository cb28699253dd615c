#pragma once
// The loyalty API the widget calls: GET /v1/program and GET /v1/member, both
// for the member named by the bearer token.

#include <httplib.h>

#include "backend.hpp"

// `backend` must outlive the server.
void registerV1Routes(httplib::Server& server, const Backend& backend);
