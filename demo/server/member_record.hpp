#pragma once
// A member as the database holds it, and its GET /v1/member form. The tier is
// not stored: it is worked out from qualifying points by the core, so the
// backend and the widget can never disagree about the rules.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "database.hpp"
#include "kindred/calendar_date.hpp"
#include "kindred/program.hpp"

struct ExpiringBucket {
  std::int64_t points = 0;
  std::string date;  // YYYY-MM-DD, the last day the points can be spent
};

struct MemberRecord {
  std::string id;
  std::string name;
  std::int64_t points = 0;
  std::int64_t pendingPoints = 0;
  std::int64_t lifetimePoints = 0;
  std::int64_t qualifyingPoints = 0;
  std::optional<std::string> tierWindowEnd;  // YYYY-MM-DD
  std::string timeZone = "UTC";              // IANA name: where the member's games count days
  std::vector<ExpiringBucket> expiring;      // by date; none before `today`
};

bool memberExists(Database& db, std::string_view id);

// Buckets whose last day is before `today` (UTC) have lapsed and are left out.
std::optional<MemberRecord> loadMember(Database& db, std::string_view id,
                                       kindred::CalendarDate today);

// Every member in seed order, without expiring buckets (the demo's member switcher).
std::vector<MemberRecord> listMembers(Database& db);

// The tier `qualifyingPoints` earns under `program`, or null if it has no tiers.
nlohmann::ordered_json tierIdJson(const kindred::Program& program, std::int64_t qualifyingPoints);

nlohmann::ordered_json memberJson(const MemberRecord& member, const kindred::Program& program);
