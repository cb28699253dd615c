#include "kindred/core.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "kindred/catalog_view.hpp"
#include "kindred/problem_answer.hpp"
#include "kindred/progress_view.hpp"
#include "json_reader.hpp"

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
  nlohmann::json answer = {{"ok", !error}};
  // The shim pages through GET /v1/rewards by this, without parsing pages itself.
  if (!error && resource == "rewards")
    answer["nextCursor"] = rewardsCursor_ ? nlohmann::json(*rewardsCursor_) : nlohmann::json(nullptr);
  if (!error && (resource == "activity" || resource == "activity-next"))
    answer["nextCursor"] = activityCursor_ ? nlohmann::json(*activityCursor_) : nlohmann::json(nullptr);
  if (error) {
    answer["path"] = error->path;
    answer["problem"] = error->problem;
    answer["message"] = error->message();
  }
  return answer.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
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
  nlohmann::json view = {{"screen", "progress"}, {"status", "loading"},
                         {"error", {{"path", "today"},
                                    {"problem", "expected a date as YYYY-MM-DD"},
                                    {"message", "today: expected a date as YYYY-MM-DD"}}}};
  return view.dump();
}

namespace {

bool isNonce(std::string_view nonce) {
  if (nonce.size() < 8 || nonce.size() > 64) return false;
  for (char c : nonce)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
      return false;
  return true;
}

std::string refusal(const char* reason, const std::string& message) {
  return nlohmann::json{{"ok", false}, {"reason", reason}, {"message", message}}.dump(
      -1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string Core::redeemJson(std::string_view rewardId, std::string_view nonce, std::string_view todayIso) {
  const auto today = CalendarDate::parse(todayIso);
  if (!today) return refusal("invalid", "today: expected a date as YYYY-MM-DD");
  if (!isNonce(nonce)) return refusal("invalid", "nonce: expected 8 to 64 letters, digits, - or _");
  const Reward* reward = catalog_.find(std::string(rewardId));
  if (!reward || !program_ || !member_) return refusal("unknown-reward", "That reward is not in the catalog.");

  auto existing = redemptions_.find(rewardId);
  const bool unfinished = existing != redemptions_.end() &&
      (existing->second.state == RedemptionState::Pending ||
       (existing->second.state == RedemptionState::Failed && existing->second.failure == RedemptionFailure::Network));
  if (!unfinished) {
    // Checked only for a new intent: one already sent must be allowed to
    // finish, whatever the catalog has learnt since.
    const Availability availability = Catalog::availabilityOf(*reward, shopperFor(*program_, *member_, *today));
    if (availability == Availability::OutOfStock) return refusal("out-of-stock", "This reward is out of stock.");
    if (availability == Availability::TierLocked || availability == Availability::EarlyAccessLocked)
      return refusal("tier", "This reward is not open to your tier yet.");
    if (availability == Availability::PointsAway) return refusal("points-short", "You do not have enough points yet.");
    RedemptionIntent intent;
    intent.rewardId = std::string(rewardId);
    intent.idempotencyKey = "redeem-" + std::string(nonce);
    existing = redemptions_.insert_or_assign(std::string(rewardId), std::move(intent)).first;
  }
  RedemptionIntent& intent = existing->second;
  intent.state = RedemptionState::Pending;
  intent.failure = RedemptionFailure::None;
  const nlohmann::json command = {{"method", "POST"},
                                  {"path", "/v1/redemptions"},
                                  {"idempotencyKey", intent.idempotencyKey},
                                  {"body", nlohmann::json{{"rewardId", intent.rewardId}}.dump()}};
  return nlohmann::json{{"ok", true}, {"command", command}}.dump(-1, ' ', false,
                                                                 nlohmann::json::error_handler_t::replace);
}

std::string Core::redemptionAnswerJson(std::string_view rewardId, int status, std::string_view body) {
  const auto found = redemptions_.find(rewardId);
  if (found == redemptions_.end() || found->second.state != RedemptionState::Pending) return redemptionViewJson(rewardId);
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
  nlohmann::json view = {{"screen", "activity"}, {"status", activityLoaded_ ? "ready" : "loading"}};
  const auto error = currentError();
  view["error"] = error ? nlohmann::json{{"path", error->path}, {"problem", error->problem}, {"message", error->message()}}
                        : nlohmann::json(nullptr);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& entry : activity_)
    items.push_back({{"id", entry.id}, {"kind", entry.kind}, {"points", entry.points},
                     {"description", entry.description}, {"createdAt", entry.createdAt}});
  view["items"] = std::move(items);
  view["nextCursor"] = activityCursor_ ? nlohmann::json(*activityCursor_) : nlohmann::json(nullptr);
  return view.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string Core::redemptionViewJson(std::string_view rewardId) const {
  nlohmann::json view = {{"rewardId", rewardId}, {"state", "none"}, {"reason", nullptr}, {"detail", nullptr},
                         {"code", nullptr}, {"pointsSpent", 0},
                         {"balance", member_ ? nlohmann::json(member_->points) : nlohmann::json(nullptr)}};
  const auto found = redemptions_.find(rewardId);
  if (found != redemptions_.end()) {
    const RedemptionIntent& intent = found->second;
    view["state"] = intent.state == RedemptionState::Pending     ? "pending"
                    : intent.state == RedemptionState::Succeeded ? "succeeded"
                                                                 : "failed";
    if (intent.state == RedemptionState::Failed) view["reason"] = failureName(intent.failure);
    if (!intent.detail.empty() && intent.state == RedemptionState::Failed) view["detail"] = intent.detail;
    if (intent.state == RedemptionState::Succeeded) {
      view["code"] = intent.code;
      view["pointsSpent"] = intent.pointsSpent;
    }
  }
  return view.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
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

}  // namespace kindred
