#include "kindred/intent_snapshot.hpp"

#include "json_reader.hpp"
#include "json_writer.hpp"
#include "prize_json.hpp"

namespace kindred {
namespace {

constexpr std::int64_t kVersion = 1;

GameKind kindNamed(const std::string& name, bool& known) {
  for (GameKind kind : {GameKind::Wheel, GameKind::Scratch, GameKind::Memory, GameKind::Quiz, GameKind::CheckIn}) {
    if (name == gameKindName(kind)) {
      known = true;
      return kind;
    }
  }
  known = false;
  return GameKind::Wheel;
}

}  // namespace

std::string snapshotOf(const RedemptionIntent& intent) {
  return JsonWriter().beginObject().field("v", kVersion).field("kind", "redemption").field("subject", intent.rewardId)
      .field("key", intent.idempotencyKey).endObject().take();
}

std::string snapshotOf(const PlayIntent& intent) {
  JsonWriter out;
  out.beginObject().field("v", kVersion).field("kind", "play").field("subject", intent.gameId)
      .field("gameKind", gameKindName(intent.kind)).field("key", intent.idempotencyKey).field("body", intent.body)
      .field("clientSeed", intent.clientSeed).key("committed").beginObject()
      .field("commitment", intent.committed.commitment).field("prizeTableHash", intent.committed.prizeTableHash)
      .field("nonce", static_cast<std::int64_t>(intent.committed.nonce)).key("prizes").beginArray();
  for (const Prize& prize : intent.committed.prizes) writePrize(out, prize);
  return out.endArray().endObject().endObject().take();
}

// No body: the moment key and a rating's value rebuild it byte for byte
// (moment_event.hpp).
std::string snapshotOf(const MomentEventIntent& intent) {
  return JsonWriter().beginObject().field("v", kVersion).field("kind", "event").field("subject", intent.momentKey)
      .field("key", intent.idempotencyKey).field("value", intent.value).endObject().take();
}

Result<IntentSnapshot> parseIntentSnapshot(std::string_view json) {
  JsonValue doc;
  if (auto syntax = parseJsonDocument(json, "snapshot", doc)) return *syntax;
  JsonReader r(doc, "snapshot");
  std::int64_t version = 0;
  std::string kind;
  if (r.integer("v", version, Presence::Required) && version != kVersion) r.fail("v", "is a version this widget cannot read");
  r.string("kind", kind, Presence::Required);
  if (!r.ok()) return *r.error();
  if (kind == "redemption" || kind == "event") {
    std::string subject, key;
    r.string("subject", subject, Presence::Required);
    r.string("key", key, Presence::Required);
    if (!r.ok()) return *r.error();
    if (kind == "event") {
      MomentEventIntent event;
      event.momentKey = std::move(subject);
      event.idempotencyKey = std::move(key);
      // Absent in snapshots written before ratings: 0, as it was then.
      if (!r.integer("value", event.value, Presence::Optional, 0, 5)) return *r.error();
      return IntentSnapshot(std::move(event));
    }
    RedemptionIntent intent;
    intent.rewardId = std::move(subject);
    intent.idempotencyKey = std::move(key);
    return IntentSnapshot(std::move(intent));
  }
  if (kind != "play") return InputError{"snapshot.kind", "expected redemption, play or event"};
  PlayIntent intent;
  std::string gameKind;
  r.string("subject", intent.gameId, Presence::Required);
  r.string("key", intent.idempotencyKey, Presence::Required);
  r.string("body", intent.body, Presence::Required);
  r.string("clientSeed", intent.clientSeed, Presence::Optional, /*allowEmpty=*/true);
  if (r.string("gameKind", gameKind, Presence::Required)) {
    bool known = false;
    intent.kind = kindNamed(gameKind, known);
    if (!known) r.fail("gameKind", "expected one of wheel, scratch, memory, quiz, checkin");
  }
  if (!r.ok()) return *r.error();
  const JsonValue* committed = doc.find("committed");
  if (!committed) return InputError{"snapshot.committed", "is required"};
  JsonReader c(*committed, "snapshot.committed");
  std::int64_t nonce = 0;
  c.string("commitment", intent.committed.commitment, Presence::Required, /*allowEmpty=*/true);
  c.string("prizeTableHash", intent.committed.prizeTableHash, Presence::Required, /*allowEmpty=*/true);
  if (c.integer("nonce", nonce, Presence::Required)) intent.committed.nonce = static_cast<std::uint64_t>(nonce);
  c.array("prizes", Presence::Required, [&](const JsonValue& item, const std::string& path) {
    Prize prize;
    auto problem = readPrize(item, path, prize);
    intent.committed.prizes.push_back(std::move(prize));
    return problem;
  });
  if (!c.ok()) return *c.error();
  return IntentSnapshot(std::move(intent));
}

}  // namespace kindred
