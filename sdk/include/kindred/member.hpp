#pragma once
// One member's standing: balances, tier and points about to expire.
// Ingested from GET /v1/member.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kindred/calendar_date.hpp"
#include "kindred/result.hpp"

namespace kindred {

struct ExpiringPoints {
  std::int64_t points = 0;
  CalendarDate date;  // the last day the points can be spent
};

struct Member {
  std::string id;
  std::string name;
  std::int64_t points = 0;            // spendable balance
  std::int64_t pendingPoints = 0;     // earned, not yet spendable (e.g. return window)
  std::int64_t lifetimePoints = 0;
  std::int64_t qualifyingPoints = 0;  // what counts toward tiers in the current window
  std::optional<std::string> tierId;  // as the backend decided; may be a retained tier
  std::optional<CalendarDate> tierWindowEnd;
  std::vector<ExpiringPoints> expiring;
};

Result<Member> parseMember(std::string_view json);

}  // namespace kindred
