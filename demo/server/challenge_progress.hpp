#pragma once
// Challenges as the member stands in them, and the badges they award. A
// challenge counts the member's events of its type whose day (on the
// member's calendar, at the time the event says it happened) falls in the
// window holding a given day (challenge_window.hpp): each event
// ("none"), each day with one ("day") or each subject ("subject"; an event
// without a subject counts for none), up to its steps. Reaching the steps
// earns the challenge's badge, once ever per member, dated when the
// completing event was recorded.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "database.hpp"
#include "engagement_config.hpp"

// Progress in the window holding the member's local day at `atUnix`, 0 to steps.
std::int64_t challengeProgress(Database& db, std::string_view memberId, const Challenge& challenge,
                               const std::string& timeZone, std::int64_t atUnix);

// After an event of `eventType` that happened at `occurredAtUnix` has been
// written: each challenge that counts the type and, in the window holding
// that moment, has reached its steps awards its badge, dated `nowUnix`,
// unless the member has it already. Run inside the transaction that wrote
// the event, so the two are stored together or not at all. An event
// delivered late (the widget's outbox was offline over a Sunday night) still
// completes the week it belongs to.
void awardCompletedBadges(Database& db, std::string_view memberId, std::string_view eventType,
                          const std::string& timeZone, std::int64_t occurredAtUnix,
                          std::int64_t nowUnix);

// Writes the badge, dated `earnedAtUnix`, unless the member has it. Returns
// whether it was new.
bool awardBadge(Database& db, std::string_view memberId, std::string_view badgeId,
                const std::string& timeZone, std::int64_t earnedAtUnix);

// GET /v1/moments' "challenges": each in seed order, its progress in the
// window holding the member's day at `nowUnix`, with windowEndsOn (the
// window's last local day, null for "ever") and completed (progress reached
// steps in that window).
nlohmann::ordered_json challengesJson(Database& db, std::string_view memberId,
                                      const std::vector<Challenge>& challenges,
                                      const std::string& timeZone, std::int64_t nowUnix);

// GET /v1/moments' "badges": {"id","title","earnedAt"}, newest first.
nlohmann::ordered_json badgesJson(Database& db, std::string_view memberId);
