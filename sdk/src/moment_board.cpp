#include "kindred/moment_board.hpp"

#include <algorithm>

#include "kindred/moments_view.hpp"
#include "kindred/problem_answer.hpp"
#include "kindred/tier_hub_view.hpp"
#include "intent_answer.hpp"
#include "json_writer.hpp"
#include "moment_event_json.hpp"

namespace kindred {
namespace {

std::string eventCommandJson(const MomentEventIntent& intent) {
  return postCommandJson("/v1/events", intent.idempotencyKey, momentEventBody(intent));
}

}  // namespace

std::optional<InputError> MomentBoard::ingest(std::string_view json) {
  auto parsed = parseMoments(json);
  if (!parsed) return parsed.error();
  moments_ = std::move(parsed).value();
  return std::nullopt;
}

std::string MomentBoard::viewJson(const std::optional<Program>& program, const std::optional<Member>& member,
                                  const Catalog* catalog, const std::optional<InputError>& error,
                                  CalendarDate today) const {
  if (moments_ && program && member) shownOn_ = today;
  return momentsViewJson(moments_ ? &*moments_ : nullptr, program ? &*program : nullptr, member ? &*member : nullptr,
                         today, events_, catalog, error);
}

std::string MomentBoard::hubViewJson(const std::optional<Program>& program, const std::optional<Member>& member,
                                     const std::optional<InputError>& error, CalendarDate today) const {
  if (moments_ && program && member) hubShownOn_ = today;
  return tierHubViewJson(moments_ ? &*moments_ : nullptr, program ? &*program : nullptr,
                         member ? &*member : nullptr, today, events_, error);
}

bool MomentBoard::offered(std::string_view momentKey, std::string_view action, const std::optional<Program>& program,
                          const std::optional<Member>& member) const {
  const bool hubAction = action == "signup" || action == "rate";
  const auto& shown = hubAction ? hubShownOn_ : shownOn_;
  if (!shown || !moments_ || !program || !member) return false;
  std::vector<std::string> keys;
  if (hubAction) tierHubViewJson(&*moments_, &*program, &*member, *shown, events_, std::nullopt, &keys);
  else momentsViewJson(&*moments_, &*program, &*member, *shown, events_, nullptr, std::nullopt, &keys);
  return std::find(keys.begin(), keys.end(), momentKey) != keys.end();
}

std::string MomentBoard::eventJson(std::string_view momentKey, std::string_view action, int value,
                                   std::string_view nonce, const std::optional<Program>& program,
                                   const std::optional<Member>& member) {
  if (!isIntentNonce(nonce)) return refusalJson("invalid", "nonce: expected 8 to 64 letters, digits, - or _");
  const bool rating = action == "rate";
  if (rating && (value < 1 || value > 5)) return refusalJson("invalid", "value: expected a rating from 1 to 5");
  // Each kind of key has one action.
  const auto is = [&](std::string_view prefix) { return momentKey.substr(0, prefix.size()) == prefix; };
  const char* expected = is(kExperienceKeyPrefix) ? "signup"
                         : is(kPreviewKeyPrefix)  ? "rate"
                         : isSurpriseKey(momentKey) ? "acknowledge"
                                                    : "dismiss";
  if (action != expected)
    return refusalJson("invalid", "action: a surprise is acknowledged, an experience signed up for, a preview "
                                  "rated, any other moment dismissed");
  MomentEventIntent* intent = find(momentKey);
  if (intent && intent->unfinished()) {
    // A repeat: same key, same body. A different rating waits for the first's
    // answer, or the two could arrive in either order.
    if (rating && intent->value != value) return refusalJson("busy", "Your last rating is still being sent.");
    return eventCommandJson(*intent);
  }
  // A new event names what the shopper can see: the screen as last shown,
  // with what this session has sent since.
  if (!offered(momentKey, action, program, member)) return refusalJson("unknown-moment", "That moment is not on screen.");

  MomentEventIntent fresh;
  fresh.momentKey = std::string(momentKey);
  fresh.idempotencyKey = "event-" + std::string(nonce);
  fresh.value = rating ? value : 0;
  if (intent) *intent = std::move(fresh);
  else intent = &events_.emplace_back(std::move(fresh));
  return eventCommandJson(*intent);
}

std::string MomentBoard::answerJson(std::string_view momentKey, int status, std::string_view body) {
  MomentEventIntent* intent = find(momentKey);
  if (!intent || !intent->unfinished()) return eventViewJson(momentKey);
  if (status == 200 || status == 201) {
    // Recorded. The answer holds nothing the widget needs, so it is not read:
    // an odd body must not keep a recorded event in the outbox.
    intent->state = MomentEventState::Succeeded;
    intent->failure = MomentEventFailure::None;
    intent->detail.clear();
    return eventViewJson(momentKey);
  }
  const ProblemAnswer problem = readProblemAnswer(body);
  intent->detail = problem.detail;
  if (const auto failure = momentEventFailureForAnswer(status, problem.type)) {
    intent->state = MomentEventState::Failed;
    intent->failure = *failure;
  } else {
    intent->failure = MomentEventFailure::Network;  // still pending: the outbox sends it again, same key
  }
  return eventViewJson(momentKey);
}

std::string MomentBoard::eventViewJson(std::string_view momentKey) const {
  static constexpr const char* kStates[] = {"pending", "succeeded", "failed"};
  const MomentEventIntent* intent = eventOf(momentKey);
  const bool failed = intent && intent->failure != MomentEventFailure::None;
  JsonWriter view;
  view.beginObject()
      .field("key", momentKey)
      .field("state", intent ? kStates[static_cast<int>(intent->state)] : "none")
      .key("reason");
  if (failed) view.string(momentEventFailureName(intent->failure)); else view.null();
  view.key("detail");
  if (failed && !intent->detail.empty()) view.string(intent->detail); else view.null();
  return view.endObject().take();
}

const MomentEventIntent* MomentBoard::eventOf(std::string_view momentKey) const {
  return findMomentEvent(events_, momentKey);
}

MomentEventIntent* MomentBoard::find(std::string_view momentKey) {
  return const_cast<MomentEventIntent*>(findMomentEvent(events_, momentKey));
}

std::string MomentBoard::resumeJson(MomentEventIntent intent) {
  MomentEventIntent* existing = find(intent.momentKey);
  if (existing && existing->idempotencyKey == intent.idempotencyKey && !existing->unfinished())
    return refusalJson("done", "This action already has its answer.");
  intent.state = MomentEventState::Pending;
  intent.failure = MomentEventFailure::None;
  intent.detail.clear();
  if (existing) *existing = std::move(intent);
  else existing = &events_.emplace_back(std::move(intent));
  return eventCommandJson(*existing);
}

}  // namespace kindred
