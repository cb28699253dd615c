#include "server_options.hpp"

#include <charconv>

namespace {

template <class Int>
std::optional<Int> parseInteger(const std::string& text, Int min, Int max) {
  Int value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < min ||
      value > max) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

const char* serverUsage() {
  return "usage: kindred-server [options]\n"
         "  --host HOST            address to listen on (default 127.0.0.1)\n"
         "  --port PORT            port, 0 for any free one (default 8080)\n"
         "  --db PATH              SQLite database, created and seeded if new\n"
         "                         (default ./kindred-demo.sqlite3)\n"
         "  --seed DIR             program.json, members.json and rewards.json for a\n"
         "                         new database\n"
         "                         (default demo/seed)\n"
         "  --static PREFIX=DIR    serve DIR's files under PREFIX; repeatable\n"
         "  --token-secret S       HMAC secret for member tokens (default: env\n"
         "                         KINDRED_TOKEN_SECRET, else random per start)\n"
         "  --token-ttl SECONDS    lifetime of tokens from /demo/login (default 3600)\n"
         "  --csp on|off           send the demo's Content-Security-Policy (default on)\n"
         "  --synthetic-rewards N  when seeding the reward catalog, add N generated\n"
         "                         rewards (the same every time), for benchmarks\n"
         "  --write-limit N        redemptions, game plays and events a member may make\n"
         "                         per minute on each of those routes, all at once or\n"
         "                         spread out; more are refused with 429 and\n"
         "                         Retry-After. 0 for no limit (default 120)\n"
         "  --help                 show this and exit\n";
}

std::variant<ServerOptions, std::string> parseServerOptions(const std::vector<std::string>& args) {
  ServerOptions options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string flag = args[i];
    std::optional<std::string> inlineValue;  // --flag=value
    if (const std::size_t equals = flag.find('=');
        flag.rfind("--", 0) == 0 && equals != std::string::npos) {
      inlineValue = flag.substr(equals + 1);
      flag.resize(equals);
    }
    if (flag == "--help" && !inlineValue) {
      options.help = true;
      continue;
    }
    const bool known = flag == "--host" || flag == "--port" || flag == "--db" || flag == "--seed" ||
                       flag == "--static" || flag == "--token-secret" || flag == "--token-ttl" ||
                       flag == "--csp" || flag == "--synthetic-rewards" || flag == "--write-limit";
    if (!known) return "unknown option " + args[i];
    if (!inlineValue && i + 1 >= args.size()) return flag + " needs a value";
    const std::string value = inlineValue ? *inlineValue : args[++i];

    if (flag == "--host") {
      if (value.empty()) return "--host needs a value";
      options.host = value;
    } else if (flag == "--port") {
      const auto port = parseInteger<int>(value, 0, 65535);
      if (!port) return "--port must be 0..65535, not " + value;
      options.port = *port;
    } else if (flag == "--db") {
      if (value.empty()) return "--db needs a value";
      options.databasePath = value;
    } else if (flag == "--seed") {
      if (value.empty()) return "--seed needs a value";
      options.seedDir = value;
    } else if (flag == "--static") {
      const std::size_t equals = value.find('=');
      if (equals == std::string::npos || value[0] != '/' || equals + 1 == value.size()) {
        return "--static takes PREFIX=DIR with PREFIX starting with /, not " + value;
      }
      options.staticMounts.push_back({value.substr(0, equals), value.substr(equals + 1)});
    } else if (flag == "--token-secret") {
      if (value.empty()) return "--token-secret must not be empty";
      options.tokenSecret = value;
    } else if (flag == "--token-ttl") {
      const auto ttl = parseInteger<std::int64_t>(value, 0, INT32_MAX);
      if (!ttl) return "--token-ttl must be a whole number of seconds, not " + value;
      options.tokenTtlSeconds = *ttl;
    } else if (flag == "--synthetic-rewards") {
      const auto count = parseInteger<std::int64_t>(value, 0, kMaxSyntheticRewards);
      if (!count) {
        return "--synthetic-rewards must be 0.." + std::to_string(kMaxSyntheticRewards) + ", not " +
               value;
      }
      options.syntheticRewards = *count;
    } else if (flag == "--write-limit") {
      const auto limit = parseInteger<std::int64_t>(value, 0, kMaxWritesPerMinute);
      if (!limit) {
        return "--write-limit must be 0.." + std::to_string(kMaxWritesPerMinute) +
               " writes a minute, not " + value;
      }
      options.writeLimitPerMinute = *limit;
    } else if (value == "on" || value == "off") {  // --csp
      options.contentSecurityPolicy = value == "on";
    } else {
      return "--csp must be on or off, not " + value;
    }
  }
  return options;
}
