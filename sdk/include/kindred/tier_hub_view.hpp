#pragma once
// The tier hub: what each tier gives, what the member holds, what the next
// tier adds, and what only some tiers get (experiences to sign up for,
// previews of unreleased items to rate), as one JSON document the shim
// renders as is.
//
// {
//   "screen": "tiers", "status": "loading" | "ready",
//   "error": null | {"path", "problem", "message"},
//   "tiers": [{"id", "name", "threshold", "perks": ["..."], "current": bool, "reached": bool}],
//                                    // ascending; each with the perks it lists
//   "held": ["..."],                 // the member's perks: their tier's and every
//                                    // tier's below, in program order, once each
//   "next": null | {"name", "pointsToGo", "spend", "moneyCurrency", "adds": ["..."]},
//                                    // adds: its perks the member does not hold yet;
//                                    // null at the top tier
//   "experiences": [{"key": "experience:<id>", "id", "title", "description",
//                    "startsAt", "tierName", "seatsLeft",
//                    "state": "open" | "joined" | "full" | "locked",
//                    "sending": bool, "failure": null | {"reason", "detail"}}],
//   "previews": [{"key": "preview:<id>", "id", "title", "description",
//                 "releaseDate", "tierName", "rating": 1..5 | null,
//                 "sending": bool, "failure": null | {"reason", "detail"}}]
// }
//
// Tiers build on each other: a member holds the perks of every tier up to
// theirs, so "what the next tier adds" leaves out a perk the program lists
// again higher up. An experience is "locked" below its tier (shown, so the
// member sees what a higher tier brings), "joined" once the member holds a
// seat or this session's sign-up was recorded, "full" with no seat left, else
// "open"; only an open one that is not sending can be signed up for. A
// preview's rating is this session's latest one that was not refused, else
// the backend's; a preview can be rated again once the last rating is
// answered. Items for a tier the program does not have are left out.

#include <optional>
#include <string>
#include <vector>

#include "kindred/calendar_date.hpp"
#include "kindred/input_error.hpp"
#include "kindred/member.hpp"
#include "kindred/moment_event.hpp"
#include "kindred/moments.hpp"
#include "kindred/program.hpp"

namespace kindred {

// "loading" unless the moments, program and member are all there.
// `actionable`, when given, receives the keys a new event may name: open
// experiences and previews, neither with an event under way.
std::string tierHubViewJson(const Moments* moments, const Program* program, const Member* member,
                            CalendarDate today, const std::vector<MomentEventIntent>& events,
                            const std::optional<InputError>& lastError,
                            std::vector<std::string>* actionable = nullptr);

}  // namespace kindred
