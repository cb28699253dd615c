#include "kindred/member.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "rejection_case.hpp"
#include "sample_payloads.hpp"

namespace kindred {
namespace {

using nlohmann::json;
using testing::Rejection;

std::string memberWith(const char* pointer, json value) {
  return testing::withValue(testing::kMemberJson, pointer, std::move(value));
}
std::string memberWithout(const char* key) { return testing::withoutKey(testing::kMemberJson, "", key); }

TEST(MemberIngest, ReadsTheWholeMember) {
  const auto member = parseMember(testing::kMemberJson);
  ASSERT_TRUE(member) << member.error().message();
  const Member& m = member.value();
  EXPECT_EQ(m.id, "m_ada");
  EXPECT_EQ(m.points, 1240);
  EXPECT_EQ(m.pendingPoints, 60);
  EXPECT_EQ(m.lifetimePoints, 5230);
  EXPECT_EQ(m.qualifyingPoints, 1380);
  EXPECT_EQ(m.tierId, "trailblazer");
  EXPECT_EQ(m.tierWindowEnd->toString(), "2026-12-31");
  ASSERT_EQ(m.expiring.size(), 2u);
  EXPECT_EQ(m.expiring[1].points, 90);
}

TEST(MemberIngest, OptionalFieldsMayBeAbsentOrNull) {
  const auto member = parseMember(
      R"({"id": "m_1", "points": 0, "qualifyingPoints": 0, "tierId": null, "tierWindowEnd": null})");
  ASSERT_TRUE(member) << member.error().message();
  EXPECT_FALSE(member.value().tierId);
  EXPECT_FALSE(member.value().tierWindowEnd);
  EXPECT_TRUE(member.value().expiring.empty());
}

TEST(MemberIngest, TakesIntegersWrittenAsWholeFloats) {
  const auto member = parseMember(memberWith("/points", 1240.0));
  ASSERT_TRUE(member);
  EXPECT_EQ(member.value().points, 1240);
}

class MemberRejection : public ::testing::TestWithParam<Rejection> {};

TEST_P(MemberRejection, NamesThePathAndTheProblem) {
  const auto member = parseMember(GetParam().payload);
  ASSERT_FALSE(member) << "accepted: " << GetParam().payload;
  EXPECT_EQ(member.error().path, GetParam().path);
  EXPECT_EQ(member.error().problem, GetParam().problem);
}

const std::string kPointsRange = "expected an integer from 0 to 9007199254740991";

INSTANTIATE_TEST_SUITE_P(
    EveryPath, MemberRejection,
    ::testing::Values(
        Rejection{"null", "member", "expected an object"},
        Rejection{memberWithout("id"), "member.id", "is required"},
        Rejection{memberWith("/name", json::array()), "member.name", "expected a string"},
        Rejection{memberWithout("points"), "member.points", "is required"},
        Rejection{memberWith("/points", -5), "member.points", kPointsRange},
        Rejection{memberWith("/points", 12.5), "member.points", kPointsRange},
        Rejection{memberWith("/points", 1e300), "member.points", kPointsRange},
        Rejection{memberWith("/points", true), "member.points", kPointsRange},
        Rejection{memberWith("/points", "1240"), "member.points", kPointsRange},
        Rejection{memberWith("/pendingPoints", nullptr), "member.pendingPoints", kPointsRange},
        Rejection{memberWith("/lifetimePoints", -1), "member.lifetimePoints", kPointsRange},
        Rejection{memberWithout("qualifyingPoints"), "member.qualifyingPoints", "is required"},
        Rejection{memberWith("/tierId", ""), "member.tierId", "expected a non-empty string or null"},
        Rejection{memberWith("/tierId", 3), "member.tierId", "expected a non-empty string or null"},
        Rejection{memberWith("/tierWindowEnd", "31/12/2026"), "member.tierWindowEnd",
                  "expected a date as YYYY-MM-DD"},
        Rejection{memberWith("/expiring", json::object()), "member.expiring", "expected an array"},
        Rejection{memberWith("/expiring/1", "soon"), "member.expiring[1]", "expected an object"},
        Rejection{memberWith("/expiring/1/points", 0), "member.expiring[1].points",
                  "expected an integer from 1 to 9007199254740991"},
        Rejection{memberWith("/expiring/0/date", "2026-02-30"), "member.expiring[0].date",
                  "expected a date as YYYY-MM-DD"},
        Rejection{memberWith("/expiring/0/date", nullptr), "member.expiring[0].date",
                  "expected a date as YYYY-MM-DD"}));

}  // namespace
}  // namespace kindred
