#include "kindred/program.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "rejection_case.hpp"
#include "sample_payloads.hpp"

namespace kindred {
namespace {

using nlohmann::json;
using testing::Rejection;

std::string programWith(const char* pointer, json value) {
  return testing::withValue(testing::kProgramJson, pointer, std::move(value));
}
std::string programWithout(const char* parent, const char* key) {
  return testing::withoutKey(testing::kProgramJson, parent, key);
}

TEST(ProgramIngest, ReadsTheWholeProgram) {
  const auto program = parseProgram(testing::kProgramJson);
  ASSERT_TRUE(program) << program.error().message();
  const Program& p = program.value();
  EXPECT_EQ(p.name, "Aurora Circle");
  EXPECT_EQ(p.currencyPlural, "points");
  EXPECT_EQ(p.pointsPerUnit, 10);
  EXPECT_EQ(p.moneyCurrency, "USD");
  ASSERT_EQ(p.tiers.size(), 4u);
  EXPECT_EQ(p.tiers[2].name, "Summit");
  EXPECT_EQ(p.tiers[2].perks.size(), 2u);
  EXPECT_TRUE(p.tiers[3].perks.empty());
  EXPECT_EQ(p.findTier("summit"), &p.tiers[2]);
  EXPECT_EQ(p.findTier("gold"), nullptr);
}

TEST(ProgramIngest, AcceptsAProgramWithNoTiers) {
  const auto program = parseProgram(programWith("/tiers", json::array()));
  ASSERT_TRUE(program);
  EXPECT_TRUE(program.value().tiers.empty());
}

class ProgramRejection : public ::testing::TestWithParam<Rejection> {};

TEST_P(ProgramRejection, NamesThePathAndTheProblem) {
  const auto program = parseProgram(GetParam().payload);
  ASSERT_FALSE(program) << "accepted: " << GetParam().payload;
  EXPECT_EQ(program.error().path, GetParam().path);
  EXPECT_EQ(program.error().problem, GetParam().problem);
}

INSTANTIATE_TEST_SUITE_P(
    EveryPath, ProgramRejection,
    ::testing::Values(
        Rejection{"[]", "program", "expected an object"},
        Rejection{"\"program\"", "program", "expected an object"},
        Rejection{programWithout("", "id"), "program.id", "is required"},
        Rejection{programWith("/id", ""), "program.id", "must not be empty"},
        Rejection{programWith("/name", 7), "program.name", "expected a string"},
        Rejection{programWithout("", "currency"), "program.currency", "is required"},
        Rejection{programWith("/currency", "points"), "program.currency", "expected an object"},
        Rejection{programWithout("/currency", "plural"), "program.currency.plural", "is required"},
        Rejection{programWithout("", "earnRate"), "program.earnRate", "is required"},
        Rejection{programWith("/earnRate/pointsPerUnit", 0), "program.earnRate.pointsPerUnit",
                  "expected an integer from 1 to 1000000"},
        Rejection{programWith("/earnRate/pointsPerUnit", 2.5), "program.earnRate.pointsPerUnit",
                  "expected an integer from 1 to 1000000"},
        Rejection{programWith("/earnRate/currency", "usd"), "program.earnRate.currency",
                  "expected an ISO 4217 code such as \"USD\""},
        Rejection{programWithout("", "tiers"), "program.tiers", "is required"},
        Rejection{programWith("/tiers", json::object()), "program.tiers", "expected an array"},
        Rejection{programWith("/tiers/1", 5), "program.tiers[1]", "expected an object"},
        Rejection{programWithout("/tiers/2", "id"), "program.tiers[2].id", "is required"},
        Rejection{programWith("/tiers/2/id", "explorer"), "program.tiers[2].id",
                  "duplicates the id of an earlier tier"},
        Rejection{programWith("/tiers/1/name", nullptr), "program.tiers[1].name", "expected a string"},
        Rejection{programWith("/tiers/3/threshold", -1), "program.tiers[3].threshold",
                  "expected an integer from 0 to 9007199254740991"},
        Rejection{programWith("/tiers/3/threshold", "4000"), "program.tiers[3].threshold",
                  "expected an integer from 0 to 9007199254740991"},
        Rejection{programWith("/tiers/3/threshold", 9007199254740992ULL), "program.tiers[3].threshold",
                  "expected an integer from 0 to 9007199254740991"},
        Rejection{programWith("/tiers/0/threshold", 10), "program.tiers[0].threshold",
                  "the first tier must start at 0"},
        Rejection{programWith("/tiers/2/threshold", 500), "program.tiers[2].threshold",
                  "must be greater than the previous tier's threshold"},
        Rejection{programWith("/tiers/1/perks", "free"), "program.tiers[1].perks", "expected an array"},
        Rejection{programWith("/tiers/2/perks/1", ""), "program.tiers[2].perks[1]",
                  "expected a non-empty string"}));

TEST(ProgramIngest, SyntaxErrorsSayWhere) {
  const auto program = parseProgram(R"({"id": "aurora", "name": tru})");
  ASSERT_FALSE(program);
  EXPECT_EQ(program.error().path, "program");
  EXPECT_NE(program.error().problem.find("is not valid JSON (byte "), std::string::npos)
      << program.error().problem;
  EXPECT_NE(program.error().problem.find("invalid literal"), std::string::npos)
      << program.error().problem;
}

}  // namespace
}  // namespace kindred
