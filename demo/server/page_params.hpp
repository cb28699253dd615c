#pragma once
// The ?limit= and ?cursor= of a paginated list (GET /v1/rewards,
// GET /v1/activity), checked before any query runs.

#include <httplib.h>

#include <cstdint>
#include <optional>
#include <string_view>

inline constexpr int kDefaultPageLimit = 50;
inline constexpr int kMaxPageLimit = 500;

struct PageParams {
  int limit = kDefaultPageLimit;
  std::optional<std::int64_t> after;  // the cursor's key; nullopt for the first page
};

// Absent or empty parameters take their defaults. A limit that is not a whole
// number from 1 to 500, a cursor that is not one of `list`'s, or either given
// twice: writes a 400 problem and returns nullopt.
std::optional<PageParams> readPageParams(const httplib::Request& req, httplib::Response& res,
                                         std::string_view list);
