#include "kindred/progress_view.hpp"

#include <algorithm>

#include "kindred/progress.hpp"
#include "brand_theme_json.hpp"
#include "json_writer.hpp"

namespace kindred {
namespace {

void writeMessage(JsonWriter& out, const Message& message) {
  out.beginObject().field("key", message.key).key("params").beginObject();
  for (const auto& [name, value] : message.params) {
    out.key(name);
    if (const auto* number = std::get_if<std::int64_t>(&value)) out.integer(*number);
    else out.string(std::get<std::string>(value));
  }
  out.endObject().endObject();
}

}  // namespace

std::string progressViewJson(const std::optional<Program>& program,
                             const std::optional<Member>& member,
                             const std::optional<InputError>& lastError, CalendarDate today) {
  JsonWriter out;
  out.beginObject().field("screen", "progress").field("status", program && member ? "ready" : "loading").key("error");
  writeError(out, lastError);
  if (!program || !member) return out.endObject().take();

  const TierProgress progress = computeProgress(*program, *member, today);
  out.key("program")
      .beginObject()
      .field("name", program->name)
      .key("currency")
      .beginObject()
      .field("singular", program->currencySingular)
      .field("plural", program->currencyPlural)
      .endObject()
      .field("moneyCurrency", program->moneyCurrency)
      .key("theme");
  writeBrandTheme(out, program->brand);
  out.endObject();
  out.key("member")
      .beginObject()
      .field("id", member->id)
      .field("name", member->name)
      .field("points", member->points)
      .field("pendingPoints", member->pendingPoints)
      .field("lifetimePoints", member->lifetimePoints)
      .endObject();
  out.key("tier");
  if (progress.current)
    out.beginObject().field("id", progress.current->id).field("name", progress.current->name).endObject();
  else
    out.null();
  out.key("nextTier");
  if (progress.next) {
    out.beginObject()
        .field("id", progress.next->id)
        .field("name", progress.next->name)
        .field("threshold", progress.next->threshold)
        .key("perk");
    if (progress.next->perks.empty()) out.null(); else out.string(progress.next->perks.front());
    out.endObject();
  } else {
    out.null();
  }
  out.key("bar");
  if (progress.current) {
    out.beginObject()
        .field("min", progress.barMin)
        .field("max", progress.barMax)
        .field("value", std::clamp(progress.qualifyingPoints, progress.barMin, progress.barMax))
        .key("fraction")
        .decimal(progress.fraction, 4)
        .endObject();
  } else {
    out.null();
  }
  out.field("pointsToNext", progress.pointsToNext).key("nudge");
  writeMessage(out, progress.nudge);
  out.key("expiring");
  if (progress.soonestExpiry) {
    out.beginObject()
        .field("points", progress.soonestExpiry->points)
        .field("date", progress.soonestExpiry->date.toString())
        .field("daysLeft", progress.soonestExpiry->date.daysSinceEpoch() - today.daysSinceEpoch())
        .endObject();
  } else {
    out.null();
  }
  return out.endObject().take();
}

}  // namespace kindred
