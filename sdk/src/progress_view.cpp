#include "kindred/progress_view.hpp"

#include <nlohmann/json.hpp>

#include "kindred/progress.hpp"

namespace kindred {
namespace {

nlohmann::json errorJson(const std::optional<InputError>& error) {
  if (!error) return nullptr;
  return {{"path", error->path}, {"problem", error->problem}, {"message", error->message()}};
}

nlohmann::json messageJson(const Message& message) {
  nlohmann::json params = nlohmann::json::object();
  for (const auto& [name, value] : message.params)
    std::visit([&, &key = name](const auto& v) { params[key] = v; }, value);
  return {{"key", message.key}, {"params", std::move(params)}};
}

}  // namespace

std::string progressViewJson(const std::optional<Program>& program,
                             const std::optional<Member>& member,
                             const std::optional<InputError>& lastError, CalendarDate today) {
  nlohmann::json view = {{"screen", "progress"}, {"error", errorJson(lastError)}};
  if (!program || !member) {
    view["status"] = "loading";
    return view.dump();
  }

  const TierProgress progress = computeProgress(*program, *member, today);
  view["status"] = "ready";
  view["program"] = {
      {"name", program->name},
      {"currency", {{"singular", program->currencySingular}, {"plural", program->currencyPlural}}},
      {"moneyCurrency", program->moneyCurrency}};
  view["member"] = {{"name", member->name},
                    {"points", member->points},
                    {"pendingPoints", member->pendingPoints},
                    {"lifetimePoints", member->lifetimePoints}};
  view["tier"] = progress.current
                     ? nlohmann::json{{"id", progress.current->id}, {"name", progress.current->name}}
                     : nlohmann::json(nullptr);
  if (progress.next) {
    view["nextTier"] = {{"id", progress.next->id},
                        {"name", progress.next->name},
                        {"threshold", progress.next->threshold},
                        {"perk", progress.next->perks.empty() ? nlohmann::json(nullptr)
                                                              : nlohmann::json(progress.next->perks.front())}};
  } else {
    view["nextTier"] = nullptr;
  }
  if (progress.current) {
    view["bar"] = {{"min", progress.barMin},
                   {"max", progress.barMax},
                   {"value", std::clamp(progress.qualifyingPoints, progress.barMin, progress.barMax)},
                   {"fraction", progress.fraction}};
  } else {
    view["bar"] = nullptr;
  }
  view["pointsToNext"] = progress.pointsToNext;
  view["nudge"] = messageJson(progress.nudge);
  if (progress.soonestExpiry) {
    view["expiring"] = {
        {"points", progress.soonestExpiry->points},
        {"date", progress.soonestExpiry->date.toString()},
        {"daysLeft", progress.soonestExpiry->date.daysSinceEpoch() - today.daysSinceEpoch()}};
  } else {
    view["expiring"] = nullptr;
  }
  // Strings in the state were validated as UTF-8 on the way in; `replace`
  // keeps dump() from ever taking the throwing path regardless.
  return view.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace kindred
