// Every file of JSONTestSuite's test_parsing (../shared/corpora) fed to every
// ingest entry: nothing crashes, every n_ file is rejected, and a rejection
// leaves the core exactly as it was.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "kindred/core.hpp"
#include "sample_payloads.hpp"

namespace kindred {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> corpusFiles() {
  std::vector<fs::path> files;
  const fs::path dir = fs::path(KINDRED_CORPORA_DIR) / "json-test-suite" / "test_parsing";
  if (!fs::is_directory(dir)) return files;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

std::string readBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

TEST(JsonCorpus, TheCorpusIsThere) {
  // Without this, every test below would pass vacuously.
  EXPECT_GT(corpusFiles().size(), 200u) << "no corpus at " << KINDRED_CORPORA_DIR;
}

TEST(JsonCorpus, EveryFileIsHandledAndRejectionsChangeNothing) {
  const CalendarDate today{2026, 11, 23};
  std::size_t rejectedNegatives = 0;
  for (const auto& file : corpusFiles()) {
    const std::string name = file.filename().string();
    const std::string bytes = readBytes(file);
    for (const std::string resource : {"program", "member", "rewards", "activity", "moments"}) {
      Core core;
      ASSERT_FALSE(core.ingest("program", testing::kProgramJson));
      ASSERT_FALSE(core.ingest("member", testing::kMemberJson));
      ASSERT_FALSE(core.ingest("rewards", testing::kRewardPageJson));
      ASSERT_FALSE(core.ingest("moments", testing::kMomentsJson));
      // The whole state the shopper can see: every screen.
      const auto screens = [&] {
        return nlohmann::json{{"progress", nlohmann::json::parse(core.progressViewJson(today))},
                              {"catalog", nlohmann::json::parse(core.catalogViewJson("{}", "2026-11-23"))},
                              {"activity", nlohmann::json::parse(core.activityViewJson())},
                              {"moments", nlohmann::json::parse(core.momentsViewJson(today))}};
      };
      const nlohmann::json before = screens();

      const auto error = core.ingest(resource, bytes);
      if (name.rfind("n_", 0) == 0) {
        ASSERT_TRUE(error) << name << " was accepted as " << resource;
        ++rejectedNegatives;
      }
      if (error) {
        EXPECT_EQ(error->path.rfind(resource, 0), 0u) << name << ": " << error->message();
        EXPECT_FALSE(error->problem.empty()) << name;
        // Same state: the screens differ from before only by their error fields.
        nlohmann::json after = screens();
        for (const char* screen : {"progress", "catalog", "activity", "moments"}) {
          EXPECT_EQ(after[screen]["error"]["path"].get<std::string>().rfind(resource, 0), 0u) << name;
          after[screen]["error"] = nullptr;
        }
        EXPECT_EQ(after, before) << name << " changed the state";
      }
    }
  }
  EXPECT_GT(rejectedNegatives, 0u);
}

}  // namespace
}  // namespace kindred
