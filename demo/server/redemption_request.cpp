#include "redemption_request.hpp"

#include <nlohmann/json.hpp>

#include "idempotent_post.hpp"
#include "redeem_reward.hpp"

namespace {

// The rewardId of a {"rewardId":"..."} body, or nullopt.
std::optional<std::string> requestedRewardId(std::string_view body) {
  const nlohmann::json doc = nlohmann::json::parse(body, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return std::nullopt;
  const auto id = doc.find("rewardId");
  if (id == doc.end() || !id->is_string() || id->get_ref<const std::string&>().empty()) {
    return std::nullopt;
  }
  return id->get<std::string>();
}

}  // namespace

ApiResponse handleRedemptionRequest(Database& db, const kindred::Program& program,
                                    std::string_view memberId,
                                    const std::optional<std::string>& idempotencyKey,
                                    std::string_view body, std::int64_t nowUnix,
                                    const WriteAdmission& admit) {
  return runIdempotentPost(
      db, memberId, idempotencyKey, kRedemptionsPath, body, nowUnix,
      {"A redemption", "redemption", "redeem"}, admit, [&]() -> IdempotentOutcome {
        const std::optional<std::string> rewardId = requestedRewardId(body);
        if (!rewardId) {
          return {
              false,
              problemResponse(
                  400, "invalid-request", "Invalid request",
                  R"(The body must be a JSON object like {"rewardId":"rw_cafe_creme_thermos"}.)")};
        }
        return redeemReward(db, program, memberId, *rewardId, nowUnix);
      });
}
