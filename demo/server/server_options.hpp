#pragma once
// The command line of kindred-server, parsed without side effects (the token
// secret's environment fallback and random default are applied by main).

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "static_files.hpp"
#include "write_rate_limiter.hpp"

// Ten million rewards are a couple of gigabytes; more is a typo.
inline constexpr std::int64_t kMaxSyntheticRewards = 10'000'000;

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port
  std::string databasePath = "kindred-demo.sqlite3";
  std::string seedDir = "demo/seed";  // relative to the current directory
  std::vector<StaticMount> staticMounts;
  std::optional<std::string> tokenSecret;
  std::int64_t tokenTtlSeconds = 3600;  // 0 issues tokens that are already expired (for tests)
  bool contentSecurityPolicy = true;
  std::int64_t syntheticRewards = 0;  // generated on top of rewards.json when the catalog is seeded
  // Redemptions, plays and events each member may make per minute on each of
  // those routes, a whole minute's worth at once if they like (write_admission.hpp);
  // 0: no limit. Enough for any shopper (the browser tests play and redeem a
  // handful of times, the HTTP tests fire 80 plays for one member within
  // seconds); a script writing flat out gets two a second.
  std::int64_t writeLimitPerMinute = 120;
  bool help = false;
};

// `args` excludes the program name. On anything it does not accept, returns
// a message saying what; the caller prints it with serverUsage() and exits 2.
std::variant<ServerOptions, std::string> parseServerOptions(const std::vector<std::string>& args);

const char* serverUsage();
