#pragma once
// GET /v1/moments for one member: what the widget's core needs to decide
// which micro-moment cards to show (it decides; the backend only supplies):
//   {"incentives": [...], "surprises": [...], "birthMonth": 11 | null,
//    "birthdayOffers": [...], "expiryReminderDays": 30, "dismissed": [...],
//    "impact": {...} | null, "experiences": [...], "previews": [...],
//    "challenges": [...], "badges": [...], "yearInReview": {...}}
// Incentives, birthday offers and the reminder lead are the program's
// (moment_config.hpp); the surprises not yet acknowledged, the birth month
// and the dismissals are the member's. The rest joins the program's side
// (engagement_config.hpp) with the member's: their share of the impact
// counter (impact_counter.hpp), the experiences not yet started with their
// seats and sign-ups (experience_seats.hpp), the previews their tier may see
// (preview_access.hpp), their challenges and badges (challenge_progress.hpp)
// and their year so far (year_in_review.hpp).

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>

#include "database.hpp"
#include "kindred/program.hpp"

// The widget refuses more (kindred::Moments::kMaxSurprises); the rest wait
// until older ones are acknowledged.
inline constexpr std::int64_t kSurprisesListed = 20;
// `dismissed` holds the subjects of the member's moment-acknowledged and
// moment-dismissed events, each once, most recent first, this many at most:
// years of a member's dismissals, as the widget's keys name a bucket, a
// month or a surprise, and an older one names a moment long past. (An
// acknowledged surprise is left out of `surprises` whatever its age.)
inline constexpr std::int64_t kDismissedListed = 200;

// Read in one snapshot, so a surprise granted or acknowledged meanwhile is
// either wholly in the answer or wholly not (and a seat taken, or a badge
// earned, is counted everywhere or nowhere). `nowUnix` decides which
// experiences have started, the member's local day (previews, challenge
// windows) and their year.
nlohmann::ordered_json momentsJson(Database& db, const kindred::Program& program,
                                   std::string_view memberId, std::int64_t nowUnix);
