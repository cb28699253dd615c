// The kindred-server command line.

#include "server_options.hpp"

#include <gtest/gtest.h>

namespace {

ServerOptions parsed(const std::vector<std::string>& args) {
  auto result = parseServerOptions(args);
  if (auto* error = std::get_if<std::string>(&result)) ADD_FAILURE() << *error;
  return std::get_if<ServerOptions>(&result) ? std::get<ServerOptions>(result) : ServerOptions{};
}

std::string errorFor(const std::vector<std::string>& args) {
  auto result = parseServerOptions(args);
  return std::holds_alternative<std::string>(result) ? std::get<std::string>(result) : "(accepted)";
}

TEST(ServerOptions, HasTheDocumentedDefaults) {
  const ServerOptions options = parsed({});
  EXPECT_EQ(options.host, "127.0.0.1");
  EXPECT_EQ(options.port, 8080);
  EXPECT_EQ(options.databasePath, "kindred-demo.sqlite3");
  EXPECT_EQ(options.seedDir, "demo/seed");
  EXPECT_TRUE(options.staticMounts.empty());
  EXPECT_FALSE(options.tokenSecret);
  EXPECT_EQ(options.tokenTtlSeconds, 3600);
  EXPECT_TRUE(options.contentSecurityPolicy);
  EXPECT_EQ(options.syntheticRewards, 0);
  EXPECT_EQ(options.writeLimitPerMinute, 120);
}

TEST(ServerOptions, ReadsEveryFlag) {
  const ServerOptions options =
      parsed({"--host", "0.0.0.0", "--port", "0", "--db", "x.sqlite3", "--seed", "s", "--static",
              "/=demo/site", "--static=/dist=dist", "--token-secret", "k", "--token-ttl", "0",
              "--csp", "off", "--synthetic-rewards", "10", "--write-limit", "5"});
  EXPECT_EQ(options.host, "0.0.0.0");
  EXPECT_EQ(options.port, 0);
  EXPECT_EQ(options.databasePath, "x.sqlite3");
  EXPECT_EQ(options.seedDir, "s");
  ASSERT_EQ(options.staticMounts.size(), 2u);
  EXPECT_EQ(options.staticMounts[0].prefix, "/");
  EXPECT_EQ(options.staticMounts[0].directory, "demo/site");
  EXPECT_EQ(options.staticMounts[1].prefix, "/dist");
  EXPECT_EQ(options.staticMounts[1].directory, "dist");
  EXPECT_EQ(options.tokenSecret, "k");
  EXPECT_EQ(options.tokenTtlSeconds, 0);
  EXPECT_FALSE(options.contentSecurityPolicy);
  EXPECT_EQ(options.syntheticRewards, 10);
  EXPECT_EQ(options.writeLimitPerMinute, 5);
}

TEST(ServerOptions, WriteLimitZeroTurnsTheLimitOff) {
  EXPECT_EQ(parsed({"--write-limit", "0"}).writeLimitPerMinute, 0);
  EXPECT_EQ(parsed({"--write-limit=1000000"}).writeLimitPerMinute, 1'000'000);
  EXPECT_EQ(errorFor({"--write-limit", "-1"}),
            "--write-limit must be 0..1000000 writes a minute, not -1");
  EXPECT_EQ(errorFor({"--write-limit", "1000001"}),
            "--write-limit must be 0..1000000 writes a minute, not 1000001");
  EXPECT_EQ(errorFor({"--write-limit", "ten"}),
            "--write-limit must be 0..1000000 writes a minute, not ten");
  EXPECT_EQ(errorFor({"--write-limit"}), "--write-limit needs a value");
}

TEST(ServerOptions, TheUsageTextNamesEveryFlag) {
  const std::string usage = serverUsage();
  for (const char* flag :
       {"--host", "--port", "--db", "--seed", "--static", "--token-secret", "--token-ttl", "--csp",
        "--synthetic-rewards", "--write-limit", "--help"}) {
    EXPECT_NE(usage.find(std::string("  ") + flag + " "), std::string::npos) << flag;
  }
  EXPECT_NE(usage.find("0 for no limit (default 120)"), std::string::npos) << usage;
}

TEST(ServerOptions, RejectsWhatItDoesNotUnderstand) {
  EXPECT_EQ(errorFor({"--verbose"}), "unknown option --verbose");
  EXPECT_EQ(errorFor({"8080"}), "unknown option 8080");
  EXPECT_EQ(errorFor({"--port"}), "--port needs a value");
  EXPECT_EQ(errorFor({"--port", "65536"}), "--port must be 0..65535, not 65536");
  EXPECT_EQ(errorFor({"--port", "80x"}), "--port must be 0..65535, not 80x");
  EXPECT_EQ(errorFor({"--token-ttl", "-1"}),
            "--token-ttl must be a whole number of seconds, not -1");
  EXPECT_EQ(errorFor({"--csp", "yes"}), "--csp must be on or off, not yes");
  EXPECT_EQ(errorFor({"--static", "demo/site"}),
            "--static takes PREFIX=DIR with PREFIX starting with /, not demo/site");
  EXPECT_EQ(errorFor({"--static", "/="}),
            "--static takes PREFIX=DIR with PREFIX starting with /, not /=");
  EXPECT_EQ(errorFor({"--token-secret", ""}), "--token-secret must not be empty");
}

}  // namespace
