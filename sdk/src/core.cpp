#include "kindred/core.hpp"

#include <algorithm>

#include "kindred/catalog_view.hpp"
#include "kindred/intent_snapshot.hpp"
#include "kindred/moments_view.hpp"
#include "kindred/tier_hub_view.hpp"
#include "kindred/problem_answer.hpp"
#include "intent_answer.hpp"
#include "kindred/progress_view.hpp"
#include "json_writer.hpp"

namespace kindred {

std::optional<InputError> Core::ingest(std::string_view resource, std::string_view json) {
  std::optional<InputError> error;
  if (resource == "program") {
    auto parsed = parseProgram(json);
    if (parsed) program_ = std::move(parsed).value(); else error = parsed.error();
  } else if (resource == "member") {
    auto parsed = parseMember(json);
    // A member whose tier the program does not know is a broken pair of
    // responses; keep the last consistent one rather than guess.
    if (parsed && program_ && parsed.value().tierId && !program_->findTier(*parsed.value().tierId))
      error = InputError{"member.tierId", "names a tier the program does not have"};
    else if (parsed) member_ = std::move(parsed).value();
    else error = parsed.error();
  } else if (resource == "rewards") {
    auto parsed = parseRewardPage(json);
    if (parsed) {
      RewardPage page = std::move(parsed).value();
      catalog_.upsert(std::move(page.items));
      rewardsCursor_ = std::move(page.nextCursor);
      rewardsLoaded_ = true;
    } else {
      error = parsed.error();
    }
  } else if (resource == "activity" || resource == "activity-next") {
    auto parsed = parseActivityPage(json);
    if (parsed) {
      ActivityPage page = std::move(parsed).value();
      if (resource == "activity") activity_.clear();  // a first page: the ledger as it is now
      for (auto& entry : page.items) {
        const bool known = std::any_of(activity_.begin(), activity_.end(),
                                       [&](const ActivityEntry& seen) { return seen.id == entry.id; });
        if (!known) activity_.push_back(std::move(entry));
      }
      activityCursor_ = std::move(page.nextCursor);
      activityLoaded_ = true;
      redeemedCategories_.clear();  // the ledger now includes this session's redemptions
    } else {
      error = parsed.error();
    }
  } else if (resource == "games") {
    error = arcade_.ingest(json);
  } else if (resource == "moments") {
    error = momentBoard_.ingest(json);
  } else {
    error = InputError{std::string(resource), "is not a resource the core knows"};
  }
  // Errors are kept per resource; the pages of one collection share theirs.
  const std::string errorKey = resource == "activity-next" ? "activity" : std::string(resource);
  if (error) rejected_.insert_or_assign(errorKey, *error);
  else rejected_.erase(errorKey);
  return error;
}

std::string Core::ingestJson(std::string_view resource, std::string_view json) {
  const auto error = ingest(resource, json);
  // Keys in alphabetical order, as this answer has always had them: it is
  // short enough for hosts and tests to compare as text.
  JsonWriter answer;
  answer.beginObject();
  if (error) {
    return answer.field("message", error->message()).field("ok", false).field("path", error->path)
        .field("problem", error->problem).endObject().take();
  }
  // The shim pages through GET /v1/rewards by this, without parsing pages itself.
  if (resource == "rewards") answer.field("nextCursor", rewardsCursor_);
  if (resource == "activity" || resource == "activity-next") answer.field("nextCursor", activityCursor_);
  return answer.field("ok", true).endObject().take();
}

std::optional<InputError> Core::currentError() const {
  if (rejected_.empty()) return std::nullopt;
  return rejected_.begin()->second;
}

std::string Core::progressViewJson(CalendarDate today) const {
  return kindred::progressViewJson(program_, member_, currentError(), today);
}

std::string Core::catalogViewJson(std::string_view queryJson, std::string_view todayIso) const {
  const auto today = CalendarDate::parse(todayIso);
  if (!today) {
    return kindred::catalogViewJson(catalog_, false, program_, member_,
                                    InputError{"today", "expected a date as YYYY-MM-DD"}, queryJson, {});
  }
  return kindred::catalogViewJson(catalog_, rewardsLoaded_, program_, member_, currentError(), queryJson, *today,
                                  redemptionHistory());
}

std::string Core::progressViewJson(std::string_view todayIso) const {
  if (const auto today = CalendarDate::parse(todayIso)) return progressViewJson(*today);
  // Without a program and member the view is "loading", with this error.
  return kindred::progressViewJson(std::nullopt, std::nullopt,
                                   InputError{"today", "expected a date as YYYY-MM-DD"}, {});
}

std::string Core::redeemJson(std::string_view rewardId, std::string_view nonce, std::string_view todayIso) {
  const auto today = CalendarDate::parse(todayIso);
  if (!today) return refusalJson("invalid", "today: expected a date as YYYY-MM-DD");
  if (!isIntentNonce(nonce)) return refusalJson("invalid", "nonce: expected 8 to 64 letters, digits, - or _");
  const Reward* reward = catalog_.find(std::string(rewardId));
  if (!reward || !program_ || !member_) return refusalJson("unknown-reward", "That reward is not in the catalog.");

  auto existing = redemptions_.find(rewardId);
  const bool unfinished = existing != redemptions_.end() && existing->second.unfinished();
  if (!unfinished) {
    // Checked only for a new intent: one already sent must be allowed to
    // finish, whatever the catalog has learnt since.
    const Availability availability = Catalog::availabilityOf(*reward, shopperFor(*program_, *member_, *today));
    if (availability == Availability::OutOfStock) return refusalJson("out-of-stock", "This reward is out of stock.");
    if (availability == Availability::TierLocked || availability == Availability::EarlyAccessLocked)
      return refusalJson("tier", "This reward is not open to your tier yet.");
    if (availability == Availability::PointsAway) return refusalJson("points-short", "You do not have enough points yet.");
    RedemptionIntent intent;
    intent.rewardId = std::string(rewardId);
    intent.idempotencyKey = "redeem-" + std::string(nonce);
    existing = redemptions_.insert_or_assign(std::string(rewardId), std::move(intent)).first;
  }
  RedemptionIntent& intent = existing->second;
  intent.state = RedemptionState::Pending;
  intent.failure = RedemptionFailure::None;
  return postCommandJson("/v1/redemptions", intent.idempotencyKey,
                         JsonWriter().beginObject().field("rewardId", intent.rewardId).endObject().take());
}

std::string Core::redemptionAnswerJson(std::string_view rewardId, int status, std::string_view body) {
  const auto found = redemptions_.find(rewardId);
  if (found == redemptions_.end() || !found->second.unfinished()) return redemptionViewJson(rewardId);
  RedemptionIntent& intent = found->second;

  if (status == 200 || status == 201) {
    auto receipt = parseRedemptionReceipt(body);
    if (!receipt) {
      // Applied, but unreadable: stay pending, so asking again with the same
      // key fetches the stored answer instead of redeeming twice.
      rejected_.insert_or_assign("redemption", receipt.error());
      return redemptionViewJson(rewardId);
    }
    rejected_.erase("redemption");
    intent.state = RedemptionState::Succeeded;
    intent.code = receipt.value().code;
    intent.pointsSpent = receipt.value().pointsSpent;
    if (!program_ || !receipt.value().member.tierId || program_->findTier(*receipt.value().member.tierId))
      member_ = std::move(receipt).value().member;
    if (const Reward* reward = catalog_.find(intent.rewardId)) {
      ++redeemedCategories_[reward->category];
      if (reward->stock && *reward->stock > 0) {
        Reward updated = *reward;
        --*updated.stock;
        catalog_.upsert({std::move(updated)});
      }
    }
    return redemptionViewJson(rewardId);
  }

  const ProblemAnswer problem = readProblemAnswer(body);
  intent.detail = problem.detail;
  const auto failure = failureForAnswer(status, problem.type);
  intent.state = RedemptionState::Failed;
  // No definitive answer: the intent and its key stay for a retry.
  intent.failure = failure ? *failure : RedemptionFailure::Network;
  if (intent.failure == RedemptionFailure::OutOfStock) {
    if (const Reward* reward = catalog_.find(intent.rewardId)) {
      Reward updated = *reward;
      updated.stock = 0;
      catalog_.upsert({std::move(updated)});
    }
  }
  return redemptionViewJson(rewardId);
}

std::map<std::string, int> Core::redemptionHistory() const {
  std::map<std::string, int> history = redeemedCategories_;
  for (const auto& entry : activity_) {
    if (entry.kind != "redemption" || !entry.rewardId) continue;
    if (const Reward* reward = catalog_.find(*entry.rewardId)) ++history[reward->category];
  }
  return history;
}

std::string Core::activityViewJson() const {
  JsonWriter view;
  view.beginObject().field("screen", "activity").field("status", activityLoaded_ ? "ready" : "loading").key("error");
  writeError(view, currentError());
  view.key("items").beginArray();
  for (const auto& entry : activity_) {
    view.beginObject()
        .field("id", entry.id)
        .field("kind", entry.kind)
        .field("points", entry.points)
        .field("description", entry.description)
        .field("createdAt", entry.createdAt)
        .endObject();
  }
  return view.endArray().field("nextCursor", activityCursor_).endObject().take();
}

std::string Core::redemptionViewJson(std::string_view rewardId) const {
  const auto found = redemptions_.find(rewardId);
  const RedemptionIntent* intent = found == redemptions_.end() ? nullptr : &found->second;
  const bool failed = intent && intent->state == RedemptionState::Failed;
  const bool succeeded = intent && intent->state == RedemptionState::Succeeded;
  JsonWriter view;
  view.beginObject()
      .field("rewardId", rewardId)
      .field("state", !intent ? "none" : failed ? "failed" : succeeded ? "succeeded" : "pending")
      .key("reason");
  if (failed) view.string(failureName(intent->failure)); else view.null();
  view.key("detail");
  if (failed && !intent->detail.empty()) view.string(intent->detail); else view.null();
  view.key("code");
  if (succeeded) view.string(intent->code); else view.null();
  return view.field("pointsSpent", succeeded ? intent->pointsSpent : 0)
      .field("balance", member_ ? std::optional<std::int64_t>(member_->points) : std::nullopt)
      .endObject()
      .take();
}

std::string Core::gamesViewJson() const {
  const auto error = rejected_.find("games");
  return arcade_.gamesViewJson(error == rejected_.end() ? std::nullopt : std::optional<InputError>(error->second),
                               member_ ? std::optional<std::int64_t>(member_->points) : std::nullopt);
}

std::string Core::playJson(std::string_view gameId, std::string_view clientSeed, std::string_view nonce) {
  return arcade_.playJson(gameId, clientSeed, nonce,
                          member_ ? std::optional<std::int64_t>(member_->points) : std::nullopt);
}

std::string Core::playAnswerJson(std::string_view gameId, int status, std::string_view body) {
  std::optional<InputError> unreadable;
  std::optional<Member> member = arcade_.answer(gameId, status, body, unreadable);
  if (unreadable) rejected_.insert_or_assign("play", *unreadable);
  else if (status == 200 || status == 201) rejected_.erase("play");
  if (member && (!program_ || !member->tierId || program_->findTier(*member->tierId))) member_ = std::move(member);
  return arcade_.playViewJson(gameId);
}

std::string Core::momentsViewJson(CalendarDate today) const {
  return momentBoard_.viewJson(program_, member_, rewardsLoaded_ ? &catalog_ : nullptr, currentError(), today);
}

std::string Core::momentsViewJson(std::string_view todayIso) const {
  if (const auto today = CalendarDate::parse(todayIso)) return momentsViewJson(*today);
  return kindred::momentsViewJson(nullptr, nullptr, nullptr, {}, {}, nullptr,
                                  InputError{"today", "expected a date as YYYY-MM-DD"});
}

std::string Core::momentEventJson(std::string_view momentKey, std::string_view action, int value,
                                  std::string_view nonce) {
  return momentBoard_.eventJson(momentKey, action, value, nonce, program_, member_);
}

std::string Core::tierHubViewJson(std::string_view todayIso) const {
  if (const auto today = CalendarDate::parse(todayIso)) return momentBoard_.hubViewJson(program_, member_, currentError(), *today);
  return kindred::tierHubViewJson(nullptr, nullptr, nullptr, {}, {}, InputError{"today", "expected a date as YYYY-MM-DD"});
}

std::string Core::momentEventAnswerJson(std::string_view momentKey, int status, std::string_view body) {
  return momentBoard_.answerJson(momentKey, status, body);
}

std::string Core::intentSnapshot(std::string_view kind, std::string_view subject) const {
  if (kind == "redemption") {
    const auto found = redemptions_.find(subject);
    if (found == redemptions_.end()) return "";
    const RedemptionIntent& intent = found->second;
    return intent.unfinished() ? snapshotOf(intent) : "";
  }
  if (kind == "play") {
    const PlayIntent* intent = arcade_.playOf(subject);
    if (!intent) return "";
    return intent->unfinished() ? snapshotOf(*intent) : "";
  }
  if (kind == "event") {
    const MomentEventIntent* intent = momentBoard_.eventOf(subject);
    return intent && intent->unfinished() ? snapshotOf(*intent) : "";
  }
  return "";
}

std::string Core::resumeJson(std::string_view snapshot) {
  auto parsed = parseIntentSnapshot(snapshot);
  if (!parsed) return refusalJson("invalid", "The saved action could not be read.");
  if (auto* redemption = std::get_if<RedemptionIntent>(&parsed.value())) {
    const auto existing = redemptions_.find(redemption->rewardId);
    if (existing != redemptions_.end() && existing->second.idempotencyKey == redemption->idempotencyKey &&
        existing->second.state != RedemptionState::Pending &&
        !(existing->second.state == RedemptionState::Failed && existing->second.failure == RedemptionFailure::Network))
      return refusalJson("done", "This action already has its answer.");
    RedemptionIntent intent = *redemption;
    const std::string rewardId = intent.rewardId;
    const std::string key = intent.idempotencyKey;
    redemptions_.insert_or_assign(rewardId, std::move(intent));
    return postCommandJson("/v1/redemptions", key, JsonWriter().beginObject().field("rewardId", rewardId).endObject().take());
  }
  if (const auto* event = std::get_if<MomentEventIntent>(&parsed.value())) return momentBoard_.resumeJson(*event);
  PlayIntent play = std::get<PlayIntent>(std::move(parsed).value());
  if (const PlayIntent* existing = arcade_.playOf(play.gameId);
      existing && existing->idempotencyKey == play.idempotencyKey && existing->state != PlayState::Pending &&
      !(existing->state == PlayState::Failed && existing->failure == PlayFailure::Network))
    return refusalJson("done", "This action already has its answer.");
  const std::string path = "/v1/games/" + play.gameId + "/plays";
  const std::string key = play.idempotencyKey;
  const std::string body = play.body;
  arcade_.resume(std::move(play));
  return postCommandJson(path, key, body);
}

}  // namespace kindred
