#pragma once
// Surprise bonuses: points a member was given for no transaction ("A
// thank-you for being with us"), as the surprises table holds them, and
// their GET /v1/moments form. A surprise is listed until the member
// acknowledges it: a moment-acknowledged event with the subject
// "surprise:<id>", from any device. Its points were credited when it was
// granted (grant_surprise.hpp), so acknowledging one changes no balance.

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "database.hpp"

// A gift, not a jackpot: a larger one is a typo, and this keeps any balance
// far below what JavaScript holds exactly.
inline constexpr std::int64_t kMaxSurprisePoints = 1000000;
inline constexpr std::size_t kMaxSurpriseMessageCharacters = 120;

struct SurpriseRecord {
  std::string id;  // unique per member; the widget keys its card "surprise:<id>"
  std::int64_t points = 0;
  std::string message;    // the brand's note, shown as written
  std::string grantedOn;  // YYYY-MM-DD in the member's time zone
  std::string grantedAt;  // RFC 3339 UTC
};

void insertSurprise(Database& db, std::string_view memberId, const SurpriseRecord& surprise);

// The member's surprises not yet acknowledged, oldest first, at most
// `limit`: each waits its turn, and a newer one never pushes an older one
// out of the list.
std::vector<SurpriseRecord> listUnacknowledgedSurprises(Database& db, std::string_view memberId,
                                                        std::int64_t limit);

// {"id","points","message","grantedOn"}
nlohmann::ordered_json surpriseJson(const SurpriseRecord& surprise);
