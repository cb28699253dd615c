#pragma once
// Realistic payloads shaped like the reference backend's, for the core tests.

#include <string>

#include "kindred/core.hpp"

namespace kindred::testing {

inline const std::string kProgramJson = R"({
  "id": "aurora", "name": "Aurora Circle",
  "currency": {"singular": "point", "plural": "points"},
  "earnRate": {"pointsPerUnit": 10, "currency": "USD"},
  "tiers": [
    {"id": "explorer", "name": "Explorer", "threshold": 0, "perks": ["Birthday gift"]},
    {"id": "trailblazer", "name": "Trailblazer", "threshold": 500, "perks": ["Free shipping"]},
    {"id": "summit", "name": "Summit", "threshold": 1500, "perks": ["Early access", "Free returns"]},
    {"id": "peak", "name": "Peak", "threshold": 4000}
  ]
})";

inline const std::string kMemberJson = R"({
  "id": "m_ada", "name": "Ada", "points": 1240, "pendingPoints": 60,
  "lifetimePoints": 5230, "qualifyingPoints": 1380, "tierId": "trailblazer",
  "tierWindowEnd": "2026-12-31",
  "expiring": [{"points": 200, "date": "2026-12-15"}, {"points": 90, "date": "2026-11-30"}]
})";

inline const std::string kRewardPageJson = R"({
  "items": [
    {"id": "r_socks", "name": "Trail socks", "description": "Merino, 2 pairs", "cost": 300,
     "category": "apparel", "imageUrl": null, "stock": null, "popularity": 90,
     "createdAt": "2026-09-01T10:00:00Z", "tierRequired": null, "earlyAccess": null},
    {"id": "r_thermos", "name": "Café Crème thermos", "description": "", "cost": 1300,
     "category": "gear", "imageUrl": "/images/rewards/r_thermos.svg", "stock": 4, "popularity": 70,
     "createdAt": "2026-10-01T10:00:00Z", "tierRequired": null, "earlyAccess": null},
    {"id": "r_jacket", "name": "Summit shell jacket", "description": "Early access for Summit", "cost": 900,
     "category": "apparel", "imageUrl": null, "stock": null, "popularity": 50,
     "createdAt": "2026-11-01T10:00:00Z", "tierRequired": null,
     "earlyAccess": {"tierId": "summit", "until": "2026-12-01"}},
    {"id": "r_guide", "name": "Guided summit day", "description": "", "cost": 800,
     "category": "experiences", "imageUrl": null, "stock": null, "popularity": 40,
     "createdAt": "2026-08-01T10:00:00Z", "tierRequired": "peak", "earlyAccess": null},
    {"id": "r_mug", "name": "Enamel mug", "description": "", "cost": 100,
     "category": "gear", "imageUrl": null, "stock": 0, "popularity": 95,
     "createdAt": "2026-07-01T10:00:00Z", "tierRequired": null, "earlyAccess": null}
  ],
  "nextCursor": null
})";

// GET /v1/moments for Ada. On 2026-11-23 (her birth month) she sees: the
// surprise sg_01, the 90 points expiring 2026-11-30, the Explorer birthday
// offer (Trailblazer has none of its own) and 260 points to the $25 reward.
inline const std::string kMomentsJson = R"({
  "incentives": [
    {"id": "reward-10", "points": 500, "label": "$10 reward"},
    {"id": "reward-50", "points": 3000, "label": "$50 reward"},
    {"id": "reward-25", "points": 1500, "label": "$25 reward"}
  ],
  "surprises": [{"id": "sg_01", "points": 50, "message": "A thank-you for being with us", "grantedOn": "2026-11-20"}],
  "birthMonth": 11,
  "birthdayOffers": [
    {"tierId": "explorer", "title": "Birthday treat", "description": "10% off one order this month"},
    {"tierId": "summit", "title": "Birthday gift", "description": "A free enamel mug"}
  ],
  "expiryReminderDays": 30,
  "dismissed": ["expiring:2026-12-05", "surprise:sg_00"],
  "impact": {"label": "trees planted", "memberUnits": 3, "communityUnits": 14820},
  "challenges": [
    {"id": "walk-5-days", "title": "Walk 5 days this week", "description": "Any walk counts.", "eventType": "walk-day",
     "steps": 5, "progress": 3, "window": "week", "windowEndsOn": "2026-11-29",
     "badge": {"id": "five-day-walker", "title": "Five-day walker"}, "completed": false},
    {"id": "reviews-3", "title": "Write 3 reviews", "description": "", "eventType": "review-written",
     "steps": 3, "progress": 3, "window": "month", "windowEndsOn": "2026-11-30",
     "badge": {"id": "reviewer", "title": "Trusted reviewer"}, "completed": true}
  ],
  "badges": [{"id": "reviewer", "title": "Trusted reviewer", "earnedAt": "2026-11-20T10:00:00Z"}],
  "experiences": [
    {"id": "new-year-walk", "tierId": "trailblazer", "title": "New Year's Eve lantern walk",
     "description": "A walk into the new year.", "startsAt": "2026-12-31T23:30:00Z", "seatsLeft": 12, "signedUp": false},
    {"id": "winter-camp", "tierId": "explorer", "title": "Winter camp", "description": "",
     "startsAt": "2027-01-09T09:00:00Z", "seatsLeft": 3, "signedUp": true},
    {"id": "gear-clinic", "tierId": "explorer", "title": "Gear clinic", "description": "Bring your boots.",
     "startsAt": "2027-01-10T17:00:00Z", "seatsLeft": 0, "signedUp": false},
    {"id": "sunrise-summit", "tierId": "summit", "title": "Sunrise summit hike", "description": "With a guide.",
     "startsAt": "2027-02-01T06:00:00Z", "seatsLeft": 8, "signedUp": false},
    {"id": "legend-dinner", "tierId": "legend", "title": "Legends' dinner", "description": "",
     "startsAt": "2027-03-01T19:00:00Z", "seatsLeft": 2, "signedUp": false}
  ],
  "previews": [
    {"id": "trail-runner-2", "tierId": "trailblazer", "title": "Trail Runner 2", "description": "Lighter, grippier.",
     "releaseDate": "2027-01-15", "myRating": null},
    {"id": "camp-mug", "tierId": "explorer", "title": "Camp mug", "description": "Enamel, 350 ml.",
     "releaseDate": "2026-12-01", "myRating": 4}
  ],
  "yearInReview": {"year": 2026, "pointsEarned": 5230, "rewardsRedeemed": 3, "gamesWon": 2, "badges": 1,
    "impactUnits": 3, "tierJourney": [{"tierId": "explorer", "reachedOn": "2026-01-01"},
                                      {"tierId": "trailblazer", "reachedOn": "2026-12-31"}]}
})";

// A core with the sample program, member (1240 points, Trailblazer) and rewards.
inline Core loadedCore() {
  Core core;
  core.ingest("program", kProgramJson);
  core.ingest("member", kMemberJson);
  core.ingest("rewards", kRewardPageJson);
  return core;
}

}  // namespace kindred::testing
