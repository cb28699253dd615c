#include "kindred/core.hpp"

#include <nlohmann/json.hpp>

#include "kindred/catalog_view.hpp"
#include "kindred/progress_view.hpp"

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
  } else {
    error = InputError{std::string(resource), "is not a resource the core knows"};
  }
  if (error) rejected_.insert_or_assign(std::string(resource), *error);
  else rejected_.erase(std::string(resource));
  return error;
}

std::string Core::ingestJson(std::string_view resource, std::string_view json) {
  const auto error = ingest(resource, json);
  nlohmann::json answer = {{"ok", !error}};
  // The shim pages through GET /v1/rewards by this, without parsing pages itself.
  if (!error && resource == "rewards")
    answer["nextCursor"] = rewardsCursor_ ? nlohmann::json(*rewardsCursor_) : nlohmann::json(nullptr);
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
  return kindred::catalogViewJson(catalog_, rewardsLoaded_, program_, member_, currentError(), queryJson, *today);
}

std::string Core::progressViewJson(std::string_view todayIso) const {
  if (const auto today = CalendarDate::parse(todayIso)) return progressViewJson(*today);
  nlohmann::json view = {{"screen", "progress"}, {"status", "loading"},
                         {"error", {{"path", "today"},
                                    {"problem", "expected a date as YYYY-MM-DD"},
                                    {"message", "today: expected a date as YYYY-MM-DD"}}}};
  return view.dump();
}

}  // namespace kindred
