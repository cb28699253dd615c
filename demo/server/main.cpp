// kindred-server: the reference loyalty backend. Parses the command line,
// prepares the database (schema, first-run seed, program check), wires the
// routes and serves until SIGINT or SIGTERM.

#include <httplib.h>
#include <openssl/rand.h>
#include <pthread.h>
#include <signal.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "backend.hpp"
#include "error_responses.hpp"
#include "local_date.hpp"
#include "request_limits.hpp"
#include "response_compression.hpp"
#include "response_headers.hpp"
#include "routes_demo.hpp"
#include "routes_events.hpp"
#include "routes_games.hpp"
#include "routes_moments.hpp"
#include "routes_rewards.hpp"
#include "routes_v1.hpp"
#include "schema.hpp"
#include "seed.hpp"
#include "server_options.hpp"
#include "static_files.hpp"
#include "utc_time.hpp"

namespace {

constexpr std::size_t kWorkerThreads = 64;

// --token-secret, else KINDRED_TOKEN_SECRET, else 32 random bytes: tokens
// then only live as long as this process, which is fine for a demo.
std::string tokenSecret(const ServerOptions& options) {
  if (options.tokenSecret) return *options.tokenSecret;
  if (const char* env = std::getenv("KINDRED_TOKEN_SECRET"); env && *env) return env;
  std::string secret(32, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(secret.data()), static_cast<int>(secret.size())) != 1) {
    throw std::runtime_error("cannot generate a token secret");
  }
  return secret;
}

Backend openBackend(const ServerOptions& options) {
  Database db = Database::open(options.databasePath, /*create=*/true);
  migrateSchema(db);
  if (seedIfEmptyAt(db, options.seedDir, unixNowSeconds(), options.syntheticRewards)) {
    std::fprintf(stderr, "kindred-server: seeded %s from %s\n", options.databasePath.c_str(),
                 options.seedDir.c_str());
  } else if (options.syntheticRewards > 0) {
    std::fprintf(stderr,
                 "kindred-server: --synthetic-rewards ignored: %s already has a reward catalog\n",
                 options.databasePath.c_str());
  }
  return Backend{options.databasePath, loadStoredProgram(db), tokenSecret(options),
                 options.tokenTtlSeconds,
                 options.writeLimitPerMinute > 0
                     ? std::make_shared<WriteRateLimiter>(options.writeLimitPerMinute)
                     : nullptr};
}

std::string urlHost(const std::string& host) {
  return host.find(':') == std::string::npos ? host : "[" + host + "]";  // IPv6 literal
}

}  // namespace

int main(int argc, char** argv) {
  const auto parsed = parseServerOptions(std::vector<std::string>(argv + 1, argv + argc));
  if (const auto* error = std::get_if<std::string>(&parsed)) {
    std::fprintf(stderr, "kindred-server: %s\n\n%s", error->c_str(), serverUsage());
    return 2;
  }
  const ServerOptions& options = std::get<ServerOptions>(parsed);
  if (options.help) {
    std::fputs(serverUsage(), stdout);
    return 0;
  }

  // Blocked before any thread starts, so every thread inherits the mask and
  // the signals are only ever taken by sigwait below.
  sigset_t stopSignals;
  sigemptyset(&stopSignals);
  sigaddset(&stopSignals, SIGINT);
  sigaddset(&stopSignals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

  prepareLocalDates();  // while this is the only thread

  Backend backend;
  try {
    backend = openBackend(options);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "kindred-server: %s\n", e.what());
    return 1;
  }

  httplib::Server server;
  limitRequestBodies(server);
  // stop() waits for every worker, and a worker holding an idle keep-alive
  // connection only notices when that connection times out: 1 s keeps
  // shutdown (and so every test that restarts the server) quick.
  server.set_keep_alive_timeout(1);
  // httplib gives each connection a worker for its whole keep-alive life, and
  // its default pool is 8. A browser opens up to 6 connections per page, so a
  // couple of tabs left requests queueing behind idle connections (measured:
  // 160 ms for a 25 KB script that takes 3 ms alone).
  server.new_task_queue = [] { return new httplib::ThreadPool(kWorkerThreads); };
  // httplib keeps one pre-routing handler, run after a request's headers
  // and before its body is read.
  server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    if (refuseBodyOfUnknownLength(req, res)) return httplib::Server::HandlerResponse::Handled;
    preferGzipCompression(req);
    return httplib::Server::HandlerResponse::Unhandled;
  });
  installResponseHeaders(server, options.contentSecurityPolicy);
  installErrorResponses(server);
  registerV1Routes(server, backend);
  registerRewardRoutes(server, backend);
  registerGameRoutes(server, backend);
  registerEventRoutes(server, backend);
  registerMomentRoutes(server, backend);
  registerDemoRoutes(server, backend);
  if (const auto error = mountStaticFiles(server, options.staticMounts)) {
    std::fprintf(stderr, "kindred-server: %s\n", error->c_str());
    return 1;
  }

  const int port = options.port == 0
                       ? server.bind_to_any_port(options.host)
                       : (server.bind_to_port(options.host, options.port) ? options.port : -1);
  if (port < 0) {
    std::fprintf(stderr, "kindred-server: cannot listen on %s port %d\n", options.host.c_str(),
                 options.port);
    return 1;
  }
  // Tests and scripts read the port from this line; it is the only stdout output.
  std::printf("Kindred reference backend listening on http://%s:%d/\n",
              urlHost(options.host).c_str(), port);
  std::fflush(stdout);

  std::thread([&server, stopSignals] {
    int signal = 0;
    sigwait(&stopSignals, &signal);
    // stop() does nothing until the accept loop runs; a signal during startup waits for it.
    while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    server.stop();
  }).detach();

  const bool ok = server.listen_after_bind();
  return ok ? 0 : 1;
}
