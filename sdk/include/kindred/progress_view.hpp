#pragma once
// The progress screen's view model, one JSON document the shim renders as is:
// {
//   "screen": "progress", "status": "loading" | "ready",
//   "error": null | {"path", "problem", "message"},      // the last rejected payload
//   "program": {"name", "currency": {"singular", "plural"}, "moneyCurrency"},
//   "member": {"name", "points", "pendingPoints", "lifetimePoints"},
//   "tier": {"id", "name"} | null,
//   "nextTier": {"id", "name", "threshold", "perk"} | null,
//   "bar": {"min", "max", "value", "fraction"} | null,
//   "pointsToNext": n,
//   "nudge": {"key", "params": {...}},
//   "expiring": {"points", "date", "daysLeft"} | null
// }
// "loading" documents carry only screen, status and error.

#include <optional>
#include <string>

#include "kindred/calendar_date.hpp"
#include "kindred/input_error.hpp"
#include "kindred/member.hpp"
#include "kindred/program.hpp"

namespace kindred {

std::string progressViewJson(const std::optional<Program>& program,
                             const std::optional<Member>& member,
                             const std::optional<InputError>& lastError,
                             CalendarDate today);

}  // namespace kindred
