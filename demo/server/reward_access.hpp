#pragma once
// Whether a member's tier lets them redeem a reward: the reward's
// tierRequired must be at or below the member's tier, and during early access
// (up to and including its `until` day) so must its early access tier. The
// member's tier is the one GET /v1/member reports (the core's
// tierForQualifyingPoints), so the widget and the backend agree.

#include <cstdint>
#include <optional>
#include <string>

#include "kindred/calendar_date.hpp"
#include "kindred/program.hpp"
#include "reward_record.hpp"

// nullopt if the member may redeem it, else the reason, naming the tier, as a
// problem detail: "This reward is for Summit members and above."
std::optional<std::string> tierLockReason(const kindred::Program& program,
                                          const RewardRecord& reward,
                                          std::int64_t memberQualifyingPoints,
                                          kindred::CalendarDate today);
