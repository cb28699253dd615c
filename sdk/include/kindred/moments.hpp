#pragma once
// What the backend knows that makes a member feel known: point milestones
// worth something, surprise bonuses, their birthday and the offer for it, and
// the moments they already waved away. Ingested from GET /v1/moments.
//
// Every field below is required (birthMonth may be null) but impact,
// challenges, badges, experiences, previews and the year in review, which
// older backends do not send and programs need not have; unknown top-level
// fields are ignored, so the backend can add some before the widget reads
// them. Birthday offers for a tier the program does not have are kept but
// never shown: the program and the moments are read separately, in any
// order, and one stale offer must not throw away the surprises and
// reminders that came with it.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kindred/calendar_date.hpp"
#include "kindred/result.hpp"

namespace kindred {

// One entry of the three lists. They share a type so the wasm carries one
// vector and one reader for all three, not three of each (about 1 KB).
struct MomentItem {
  std::string id;           // incentive or surprise id; a birthday offer's tier id
  std::int64_t points = 0;  // > 0; none for a birthday offer
  std::string text;         // an incentive's label, a surprise's message, an offer's title
  std::string description;  // an offer's
  CalendarDate date;        // the day a surprise was granted
};

// A point balance the program says is worth something ("500 points: a $10 reward").
using Incentive = MomentItem;
// Points the backend gave for no transaction, not yet acknowledged on any device.
using Surprise = MomentItem;
using BirthdayOffer = MomentItem;

// The program's purpose counter ("trees planted"): the member's share and
// everyone's. The backend counts; the widget only shows.
struct Impact {
  std::string label;               // what a unit is, plural: "trees planted"
  std::int64_t memberUnits = 0;    // >= 0
  std::int64_t communityUnits = 0; // >= memberUnits: the community includes the member
};

// A multi-step challenge ("walk 5 days this week"), counted by the backend
// from events the host page or the backend reported; the badge comes with
// the last step.
struct Challenge {
  std::string id;
  std::string title;
  std::string description;
  std::int64_t steps = 0;                   // 1..1000
  std::int64_t progress = 0;                // 0..steps
  std::optional<CalendarDate> windowEndsOn; // the window's last day; none: no deadline
  std::string badgeTitle;
  bool completed() const { return progress == steps; }
};

// A badge the member earned, newest first.
struct Badge {
  std::string id;
  std::string title;
};

// Something only some tiers get: an experience (an event, a session) that
// members of `tierId` and above sign up for, or an insider preview of an
// unreleased item they rate. One type and one reader for both lists.
struct InsiderItem {
  std::string id;                       // the subject of its event
  std::string tierId;                   // the lowest tier it is for
  std::string title;
  std::string description;
  std::string startsAt;                 // an experience's start, "YYYY-MM-DDTHH:MM:SSZ"
  CalendarDate releaseDate;             // a preview's
  std::int64_t seatsLeft = 0;           // an experience's, 0..10000
  bool signedUp = false;                // an experience: the member holds a seat
  std::optional<std::int64_t> myRating; // a preview: the member's latest rating, 1..5
};
using Experience = InsiderItem;
using Preview = InsiderItem;

// A tier the member reached this year, and the day they did.
struct TierStep {
  std::string tierId;
  CalendarDate reachedOn;
};

// The member's year so far, summed by the backend on their own calendar.
struct YearInReview {
  std::int64_t year = 0;
  std::int64_t pointsEarned = 0;
  std::int64_t rewardsRedeemed = 0;
  std::int64_t gamesWon = 0;
  std::int64_t badges = 0;
  std::optional<std::int64_t> impactUnits;  // null: the program counts no impact
  std::vector<TierStep> tierJourney;        // in the order reached
};

struct Moments {
  std::vector<Incentive> incentives;          // at most kMaxIncentives
  std::vector<Surprise> surprises;            // at most kMaxSurprises, oldest first
  std::optional<int> birthMonth;              // 1..12
  std::vector<BirthdayOffer> birthdayOffers;  // one per tier at most
  std::int64_t expiryReminderDays = 30;       // 1..365: how early an expiry is worth a card
  std::vector<std::string> dismissed;         // moment keys dismissed or acknowledged, on any device
  std::optional<Impact> impact;               // absent or null: the program counts none
  std::vector<Challenge> challenges;          // absent: none; at most kMaxChallenges
  std::vector<Badge> badges;                  // absent: none; at most kMaxBadges, newest first
  std::vector<Experience> experiences;        // absent: none; soonest first, at most kMaxInsiderItems
  std::vector<Preview> previews;              // absent: none; at most kMaxInsiderItems
  std::optional<YearInReview> yearInReview;   // absent or null: none

  static constexpr std::size_t kMaxIncentives = 50;
  static constexpr std::size_t kMaxSurprises = 20;
  static constexpr std::size_t kMaxChallenges = 20;
  static constexpr std::size_t kMaxBadges = 200;
  static constexpr std::size_t kMaxInsiderItems = 50;
  // Ids become part of moment keys ("surprise:<id>"), which POST /v1/events
  // takes as a subject of at most 128 characters.
  static constexpr std::size_t kMaxIdBytes = 100;
};

Result<Moments> parseMoments(std::string_view json);

}  // namespace kindred
