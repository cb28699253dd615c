#pragma once
// What every route shares: fixed at startup, then only read by httplib's
// worker threads. Each request opens its own SQLite connection (connections
// must not be shared across threads without locking; opening one is cheap).

#include <cstdint>
#include <string>

#include "database.hpp"
#include "stored_program.hpp"

struct Backend {
  std::string databasePath;
  StoredProgram program;
  std::string tokenSecret;
  std::int64_t tokenTtlSeconds = 3600;

  Database connect() const { return Database::open(databasePath); }
};
