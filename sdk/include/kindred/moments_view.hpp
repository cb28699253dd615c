#pragma once
// The moments screen: which micro-moment cards a member sees on a day, in
// what order and what they say, as one JSON document the shim renders as is.
// The rules and the writing are one pass: building cards first and writing
// them after cost the wasm about 1 KB more, and nothing else reads cards.
//
// {
//   "screen": "moments", "status": "loading" | "ready",
//   "error": null | {"path", "problem", "message"},
//   "cards": [{
//     "key": "surprise:sg_01",                 // what an event names (below)
//     "kind": "surprise" | "expiring" | "countdown" | "birthday" | "incentive",
//     "action": "acknowledge" | "dismiss",     // what the card's button sends
//     "dismissible": bool,                     // every card but a surprise
//     "celebrate": bool,                       // a surprise
//     "eventFailure": null | {"reason": "conflict" | "rejected", "detail": null | "..."},
//                                              // the member's last tap on it was refused
//     "message": {"key": "moment.<kind>", "params": {...}},
//     ...by kind: surprise {"points"}; expiring {"points", "daysLeft",
//     "affordableCount": n | null (null until the catalog is loaded)};
//     countdown {"daysLeft"}
//   }],
//   "impact": null | {"label", "memberUnits", "communityUnits"},
//                                              // the program's purpose counter, when
//                                              // it has one: not a card, never dismissed
//   "challenges": [{"id", "title", "description", "steps", "progress",
//                   "completed", "badgeTitle", "daysLeft": n | null}],
//                                              // open ones by nearest deadline (daysLeft
//                                              // 0: the window's last day; null: none),
//                                              // then completed; a window that ended
//                                              // unfinished is left out
//   "badges": [{"id", "title"}],               // the shelf, newest first
//   "yearInReview": null | {"year", "pointsEarned", "rewardsRedeemed", "gamesWon",
//                   "badges", "empty": bool,   // empty: nothing yet this year
//                   "impact": null | {"units", "label"},
//                   "journey": [{"tierName", "reachedOn"}]}
//                                              // the member's year so far, on their
//                                              // calendar; tiers reached, in order
// }
//
// Cards, most important first: what the member already has (a gift waiting
// for a thank-you), then what they are about to lose (points expiring: a
// loss they can still avoid), then what they may miss by a deadline (the tier
// window), then a month-long treat (birthday), then the evergreen nudge.
// Keys, and when each card shows (daysLeft 0 is the last day):
//   surprise:<id>          each surprise, in the backend's order (oldest first)
//   expiring:<YYYY-MM-DD>  the soonest expiry 0 to expiryReminderDays away (its
//                          buckets summed); once dismissed, no expiry card
//                          until that day is over, then the next bucket's
//                          (once per bucket, and a closed card does not come
//                          straight back with another date)
//   countdown:<window end> 0 to 7 days before the tier window ends, while
//                          the next tier is not reached
//   birthday:<YYYY-MM>     in the birth month, the offer of the member's tier
//                          or of the highest tier below it that has one
//   incentive:<id>         the smallest incentive above the balance; once
//                          dismissed, the next is not put up in its place
//                          (a nudge, not a queue) until the balance passes it
// A card is left out when the moments list its key as dismissed, or when this
// session acknowledged or dismissed it and was not refused.
//
// Messages and their params:
//   moment.surprise            points, message, grantedOn
//   moment.expiring            points, date, daysLeft
//   moment.expiring_affordable points, date, daysLeft, affordableCount (> 0)
//   moment.countdown           tier (the next), pointsToNext, daysLeft, spend, moneyCurrency
//   moment.birthday            title, description, validFrom, validUntil
//   moment.incentive           label, pointsToGo, spend, moneyCurrency
// where spend is the money that earns those points at the program's earn
// rate, in whole units rounded up, as the progress nudge says it.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kindred/calendar_date.hpp"
#include "kindred/catalog.hpp"
#include "kindred/input_error.hpp"
#include "kindred/member.hpp"
#include "kindred/moment_event.hpp"
#include "kindred/moments.hpp"
#include "kindred/program.hpp"

namespace kindred {

inline constexpr std::int64_t kCountdownDays = 7;

// "loading" (no cards) unless the moments, program and member are all there.
// `events` are this session's acknowledgements and dismissals; `catalog` is
// null until the rewards are loaded. `shownKeys`, when given, receives the
// keys of the cards, in order.
std::string momentsViewJson(const Moments* moments, const Program* program, const Member* member,
                            CalendarDate today, const std::vector<MomentEventIntent>& events,
                            const Catalog* catalog, const std::optional<InputError>& lastError,
                            std::vector<std::string>* shownKeys = nullptr);

}  // namespace kindred
