#pragma once
// What every route shares: fixed at startup, then only read by httplib's
// worker threads, except the write limiter's buckets, which it guards with
// its own mutex. Each request opens its own SQLite connection (connections
// must not be shared across threads without locking; opening one is cheap).

#include <cstdint>
#include <memory>
#include <string>

#include "database.hpp"
#include "stored_program.hpp"
#include "write_rate_limiter.hpp"

struct Backend {
  std::string databasePath;
  StoredProgram program;
  std::string tokenSecret;
  std::int64_t tokenTtlSeconds = 3600;
  // Null when writes are not limited (--write-limit 0).
  std::shared_ptr<WriteRateLimiter> writeLimiter;

  Database connect() const { return Database::open(databasePath); }
};
