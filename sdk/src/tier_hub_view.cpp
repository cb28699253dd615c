#include "kindred/tier_hub_view.hpp"

#include <algorithm>

#include "kindred/progress.hpp"
#include "json_writer.hpp"
#include "moment_event_json.hpp"

namespace kindred {
namespace {

void writeStrings(JsonWriter& out, const std::vector<std::string>& texts) {
  out.beginArray();
  for (const std::string& text : texts) out.string(text);
  out.endArray();
}

// Writes "sending" and "failure" for an item's intent.
void writeEventState(JsonWriter& out, const MomentEventIntent* event) {
  out.field("sending", event && event->unfinished()).key("failure");
  writeEventFailure(out, event);
}

class HubWriter {
 public:
  HubWriter(JsonWriter& out, const Program& program, const std::vector<MomentEventIntent>& events,
            std::vector<std::string>* actionable)
      : out_(out), program_(program), events_(events), actionable_(actionable) {}

  // Opens an item's object with the fields every insider item has, or
  // returns nullptr (writing nothing) when its tier is not the program's.
  const Tier* open(const char* prefix, const InsiderItem& item, std::string& key) {
    const Tier* tier = program_.findTier(item.tierId);
    if (!tier) return nullptr;
    key = prefix + item.id;
    out_.beginObject()
        .field("key", key)
        .field("id", item.id)
        .field("title", item.title)
        .field("description", item.description)
        .field("tierName", tier->name);
    return tier;
  }

  void experience(const Experience& item, const Tier* current) {
    std::string key;
    const Tier* tier = open("experience:", item, key);
    if (!tier) return;
    const MomentEventIntent* event = findMomentEvent(events_, key);
    const bool recorded = event && event->state == MomentEventState::Succeeded;
    const char* state = item.signedUp || recorded ? "joined"
                        : !current || tier > current ? "locked"
                        : item.seatsLeft == 0        ? "full"
                                                     : "open";
    if (actionable_ && state[0] == 'o' && !(event && event->unfinished())) actionable_->push_back(key);
    out_.field("startsAt", item.startsAt).field("seatsLeft", item.seatsLeft).field("state", state);
    writeEventState(out_, event);
    out_.endObject();
  }

  void preview(const Preview& item) {
    std::string key;
    if (!open("preview:", item, key)) return;
    const MomentEventIntent* event = findMomentEvent(events_, key);
    std::optional<std::int64_t> rating = item.myRating;
    if (event && event->state != MomentEventState::Failed) rating = event->value;
    if (actionable_ && !(event && event->unfinished())) actionable_->push_back(key);
    out_.field("releaseDate", item.releaseDate.toString()).field("rating", rating);
    writeEventState(out_, event);
    out_.endObject();
  }

 private:
  JsonWriter& out_;
  const Program& program_;
  const std::vector<MomentEventIntent>& events_;
  std::vector<std::string>* actionable_;
};

// The tiers, what the member holds, and what the next tier adds.
void writeTiers(JsonWriter& out, const Program& program, const TierProgress& progress) {
  std::vector<std::string> held;
  out.key("tiers").beginArray();
  for (const Tier& tier : program.tiers) {
    const bool reached = progress.current && &tier <= progress.current;
    if (reached)
      for (const std::string& perk : tier.perks)
        if (std::find(held.begin(), held.end(), perk) == held.end()) held.push_back(perk);
    out.beginObject().field("id", tier.id).field("name", tier.name).field("threshold", tier.threshold).key("perks");
    writeStrings(out, tier.perks);
    out.field("current", &tier == progress.current).field("reached", reached).endObject();
  }
  out.endArray().key("held");
  writeStrings(out, held);
  out.key("next");
  if (!progress.next) {
    out.null();
    return;
  }
  std::vector<std::string> adds;
  for (const std::string& perk : progress.next->perks)
    if (std::find(held.begin(), held.end(), perk) == held.end()) adds.push_back(perk);
  out.beginObject()
      .field("name", progress.next->name)
      .field("pointsToGo", progress.pointsToNext)
      .field("spend", spendToEarn(program, progress.pointsToNext))
      .field("moneyCurrency", program.moneyCurrency)
      .key("adds");
  writeStrings(out, adds);
  out.endObject();
}

}  // namespace

std::string tierHubViewJson(const Moments* moments, const Program* program, const Member* member,
                            CalendarDate today, const std::vector<MomentEventIntent>& events,
                            const std::optional<InputError>& lastError, std::vector<std::string>* actionable) {
  const bool ready = moments && program && member;
  JsonWriter out;
  out.beginObject().field("screen", "tiers").field("status", ready ? "ready" : "loading").key("error");
  writeError(out, lastError);
  if (!ready) {
    return out.key("tiers").beginArray().endArray().key("held").beginArray().endArray().key("next").null()
        .key("experiences").beginArray().endArray().key("previews").beginArray().endArray().endObject().take();
  }
  const TierProgress progress = computeProgress(*program, *member, today);
  writeTiers(out, *program, progress);
  HubWriter hub(out, *program, events, actionable);
  out.key("experiences").beginArray();
  for (const Experience& item : moments->experiences) hub.experience(item, progress.current);
  out.endArray().key("previews").beginArray();
  for (const Preview& item : moments->previews) hub.preview(item);
  return out.endArray().endObject().take();
}

}  // namespace kindred
