#pragma once
// The loyalty program the database holds: the document exactly as published
// (GET /v1/program returns it byte for byte) and the core's reading of it,
// which decides each member's tier.

#include <string>

#include "database.hpp"
#include "kindred/program.hpp"

struct StoredProgram {
  std::string document;
  kindred::Program program;
};

// Throws DatabaseError when there is no program or the core rejects it: a
// backend whose rules the widget would refuse must not start.
StoredProgram loadStoredProgram(Database& db);
