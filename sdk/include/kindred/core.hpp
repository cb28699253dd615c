#pragma once
// The widget's state machine: backend payloads in (ingest), view models out.
// This is the surface the wasm bindings expose; it speaks JSON strings so a
// whole response or a whole screen crosses the boundary in one call.

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "kindred/activity.hpp"
#include "kindred/arcade.hpp"
#include "kindred/calendar_date.hpp"
#include "kindred/catalog.hpp"
#include "kindred/input_error.hpp"
#include "kindred/member.hpp"
#include "kindred/moment_board.hpp"
#include "kindred/program.hpp"
#include "kindred/redemption.hpp"

namespace kindred {

class Core {
 public:
  // Takes a backend response for `resource`: "program", "member", "rewards"
  // (a page of GET /v1/rewards; pages add up, by id), "activity" (the first
  // page of GET /v1/activity, replacing the ledger), "activity-next" (a
  // following page, appended), "games" (GET /v1/games) or "moments" (GET
  // /v1/moments). A payload that fails validation changes nothing but the
  // resource's error; the last good state stays on screen. Returns the
  // error, or nullopt when taken.
  std::optional<InputError> ingest(std::string_view resource, std::string_view json);

  // The same, answered as JSON for hosts that speak strings:
  // {"ok":true} or {"ok":false,"path":"...","problem":"...","message":"..."};
  // a rewards page answers {"ok":true,"nextCursor":"..." | null} to page on.
  std::string ingestJson(std::string_view resource, std::string_view json);

  // The progress screen's view model as one JSON document (see progress_view.hpp).
  std::string progressViewJson(CalendarDate today) const;
  // The same for a host that passes its local date as "YYYY-MM-DD"; a date
  // that does not parse yields a view whose error says so.
  std::string progressViewJson(std::string_view todayIso) const;

  // The catalog screen's view model for a query document (see catalog_view.hpp).
  std::string catalogViewJson(std::string_view queryJson, std::string_view todayIso) const;

  // Starts the redemption of a reward, or repeats the one under way: answers
  // {"ok":true,"command":{"method":"POST","path":"/v1/redemptions",
  // "idempotencyKey":"...","body":"..."}} with the same key for every repeat of
  // an unfinished intent, or {"ok":false,"reason":"...","message":"..."} when
  // the catalog already says it cannot be redeemed. `nonce` (random, from the
  // host) makes a new intent's key unique.
  std::string redeemJson(std::string_view rewardId, std::string_view nonce, std::string_view todayIso);

  // The backend's answer to that request: its HTTP status (0 when none came)
  // and body. Answers the redemption view below.
  std::string redemptionAnswerJson(std::string_view rewardId, int status, std::string_view body);

  // {"rewardId","state":"none"|"pending"|"succeeded"|"failed","reason","detail",
  //  "code","pointsSpent","balance"}
  std::string redemptionViewJson(std::string_view rewardId) const;

  // The activity screen: {"screen":"activity","status":"loading"|"ready","error",
  //  "items":[{"id","kind","points","description","createdAt"}],"nextCursor"}.
  std::string activityViewJson() const;

  // Games ("games" is GET /v1/games for ingest): the list's view model, a
  // play's request and answer, and the quiz being answered. See arcade.hpp.
  std::string gamesViewJson() const;
  std::string playJson(std::string_view gameId, std::string_view clientSeed, std::string_view nonce);
  std::string playAnswerJson(std::string_view gameId, int status, std::string_view body);
  std::string playViewJson(std::string_view gameId) const { return arcade_.playViewJson(gameId); }
  Arcade& arcade() { return arcade_; }
  const Arcade& arcade() const { return arcade_; }

  // Micro-moments (moment_board.hpp): the moments screen on the shopper's
  // local day (see moments_view.hpp; a date that does not parse yields a
  // "loading" view whose error says so), a card's acknowledgement
  // ("acknowledge", a surprise) or dismissal ("dismiss", any other card) as a
  // request to POST /v1/events (`value` is a rating's, else 0), and the backend's answer to it:
  // {"key","state","reason","detail"}.
  std::string momentsViewJson(CalendarDate today) const;
  std::string momentsViewJson(std::string_view todayIso) const;
  std::string momentEventJson(std::string_view momentKey, std::string_view action, int value,
                              std::string_view nonce);
  std::string momentEventAnswerJson(std::string_view momentKey, int status, std::string_view body);
  std::string momentEventViewJson(std::string_view momentKey) const { return momentBoard_.eventViewJson(momentKey); }
  // The tier hub (tier_hub_view.hpp) on the shopper's local day; its
  // sign-ups ("signup") and ratings ("rate", with a value) go through
  // momentEventJson like any moment's event.
  std::string tierHubViewJson(std::string_view todayIso) const;

  // Outbox support (intent_snapshot.hpp). The unfinished intent of `kind`
  // ("redemption", "play" or "event") for `subject` (reward or game id, or
  // moment key) as a snapshot the host keeps across page loads, or "" when
  // there is none unfinished.
  std::string intentSnapshot(std::string_view kind, std::string_view subject) const;
  // Resumes a snapshot after a reload: {"ok":true,"command":{...}}
  // with the same key and body as before; {"ok":false,"reason":"done"} when
  // this session already has that intent's definitive answer; or
  // {"ok":false,"reason":"invalid","message"} for a snapshot it cannot read.
  std::string resumeJson(std::string_view snapshot);

  const std::optional<Program>& program() const { return program_; }
  const std::optional<Member>& member() const { return member_; }
  // Why the latest payload of some resource was rejected, if one was; a good
  // payload of the same resource clears it.
  std::optional<InputError> currentError() const;

 private:
  std::optional<Program> program_;
  std::optional<Member> member_;
  Catalog catalog_;
  bool rewardsLoaded_ = false;  // a first page arrived, even an empty one
  std::optional<std::string> rewardsCursor_;  // of the last page taken
  std::map<std::string, RedemptionIntent, std::less<>> redemptions_;  // by reward id
  std::map<std::string, int> redeemedCategories_;  // redemptions since the activity was read, for "for you"
  std::vector<ActivityEntry> activity_;            // newest first, as paged
  std::optional<std::string> activityCursor_;
  bool activityLoaded_ = false;
  Arcade arcade_;
  MomentBoard momentBoard_;

  // The member's redemptions by category: the ledger's, then this session's.
  std::map<std::string, int> redemptionHistory() const;
  std::map<std::string, InputError, std::less<>> rejected_;  // by resource
};

}  // namespace kindred
