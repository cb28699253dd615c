#pragma once
// The member's micro-moments inside the core: GET /v1/moments, the cards it
// makes on the shopper's day (moments_view.hpp), and the acknowledgements and
// dismissals on their way to POST /v1/events (moment_event.hpp), one intent
// per moment key. A card leaves the screen as soon as it is acknowledged or
// dismissed; only a definitive refusal brings it back.

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

class MomentBoard {
 public:
  // Takes GET /v1/moments. Events under way keep going: a card dismissed here
  // stays hidden whether or not the new payload lists it as dismissed yet.
  std::optional<InputError> ingest(std::string_view json);

  // The moments screen (moments_view.hpp) on the shopper's day: "ready" once
  // the program, the member and the moments are known. `catalog` is null
  // until the rewards are. Remembers the day: the cards shown on it are the
  // ones a new event may name.
  std::string viewJson(const std::optional<Program>& program, const std::optional<Member>& member,
                       const Catalog* catalog, const std::optional<InputError>& error, CalendarDate today) const;

  // The tier hub (tier_hub_view.hpp) on the shopper's day. Remembers the
  // day, as viewJson does: its open items are the ones a sign-up or rating
  // may name.
  std::string hubViewJson(const std::optional<Program>& program, const std::optional<Member>& member,
                          const std::optional<InputError>& error, CalendarDate today) const;

  // Acknowledges ("acknowledge", a surprise) or dismisses ("dismiss", any
  // other card) a moment on screen, signs up for an open experience
  // ("signup", key experience:<id>) or rates a preview ("rate", key
  // preview:<id>, `value` 1..5): {"ok":true,"command":{...}} to POST
  // /v1/events, the same command for every repeat while it is unanswered, or
  // {"ok":false,"reason":"invalid"|"unknown-moment"|"busy","message"}
  // ("busy": another rating of that preview is still on its way).
  std::string eventJson(std::string_view momentKey, std::string_view action, int value, std::string_view nonce,
                        const std::optional<Program>& program, const std::optional<Member>& member);

  // The backend's answer (status 0 when none came): 200/201 records it, a
  // definitive refusal brings the card back with the reason, anything else
  // leaves it pending for the outbox to send again. Answers eventViewJson.
  std::string answerJson(std::string_view momentKey, int status, std::string_view body);

  // {"key","state":"none"|"pending"|"succeeded"|"failed",
  //  "reason":null|"network"|"conflict"|"rejected","detail":null|"..."}
  // "pending" with reason "network": the last try got no definitive answer.
  std::string eventViewJson(std::string_view momentKey) const;

  const MomentEventIntent* eventOf(std::string_view momentKey) const;
  // Takes back an intent from an outbox snapshot after a reload, pending:
  // the command again, or {"ok":false,"reason":"done"} when this session
  // already has its definitive answer.
  std::string resumeJson(MomentEventIntent intent);

 private:
  MomentEventIntent* find(std::string_view momentKey);

  // Whether `momentKey` names what the screens last shown offer for `action`.
  bool offered(std::string_view momentKey, std::string_view action, const std::optional<Program>& program,
               const std::optional<Member>& member) const;

  std::optional<Moments> moments_;
  std::vector<MomentEventIntent> events_;  // a handful per session: a vector, not another map
  mutable std::optional<CalendarDate> shownOn_;
  mutable std::optional<CalendarDate> hubShownOn_;
};

}  // namespace kindred
