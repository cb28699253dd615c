// The fuzz target (ingest_fuzz.cpp) run once on each seed that scripts/fuzz.sh
// starts libFuzzer from: JSONTestSuite's test_parsing, the Big List of Naughty
// Strings (each string alone, as a catalog search and as a member's name) and
// the demo's seed data. Part of the core suite in the sanitize and wasm-tests
// presets, where a crash or a sanitizer report fails it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sample_payloads.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

void runTarget(const std::string& input) {
  LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
}

std::string readBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::size_t runFolder(const fs::path& dir) {
  std::vector<fs::path> files;
  if (fs::is_directory(dir))
    for (const auto& entry : fs::directory_iterator(dir))
      if (entry.is_regular_file()) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    SCOPED_TRACE(file.string());
    runTarget(readBytes(file));
  }
  return files.size();
}

const fs::path kCorpora = KINDRED_CORPORA_DIR;

TEST(FuzzSeeds, JsonTestSuite) {
  EXPECT_GT(runFolder(kCorpora / "json-test-suite" / "test_parsing"), 200u) << "no corpus at " << kCorpora;
}

TEST(FuzzSeeds, NaughtyStrings) {
  const std::string file = readBytes(kCorpora / "naughty-strings" / "blns.json");
  const json strings = json::parse(file, nullptr, false);
  ASSERT_TRUE(strings.is_array()) << "no naughty strings at " << kCorpora;
  EXPECT_GT(strings.size(), 400u);
  runTarget(file);
  json member = json::parse(kindred::testing::kMemberJson);
  for (const json& s : strings) {
    if (!s.is_string()) continue;
    SCOPED_TRACE(s.dump());
    runTarget(s.get<std::string>());
    runTarget(json{{"text", s}, {"sort", "for-you"}}.dump());
    member["name"] = s;
    runTarget(member.dump());
  }
}

// Every seed file is run; the ones named here must be among them, so a moved
// folder fails the test instead of running nothing (a new seed file needs no edit).
TEST(FuzzSeeds, DemoSeedData) {
  const fs::path seeds = fs::path(KINDRED_SOURCE_DIR) / "demo" / "seed";
  for (const char* name : {"program.json", "members.json", "rewards.json", "games.json", "moments.json"})
    EXPECT_TRUE(fs::is_regular_file(seeds / name)) << "no " << name << " in " << seeds;
  EXPECT_GE(runFolder(seeds), 5u);
}

}  // namespace
