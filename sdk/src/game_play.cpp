#include "kindred/game_play.hpp"

#include "json_reader.hpp"
#include "member_reader.hpp"
#include "prize_json.hpp"

namespace kindred {
namespace {

std::optional<InputError> readProof(const JsonValue& item, const std::string& path, PlayReceipt& receipt) {
  JsonReader r(item, path);
  r.string("serverSeed", receipt.proof.serverSeed, Presence::Required);
  r.string("clientSeed", receipt.proof.clientSeed, Presence::Required);
  std::int64_t nonce = 0;
  if (r.integer("nonce", nonce, Presence::Required)) receipt.proof.nonce = static_cast<std::uint64_t>(nonce);
  r.string("commitment", receipt.proofCommitment, Presence::Required);
  r.string("prizeTableHash", receipt.proofPrizeTableHash, Presence::Required);
  return r.error();
}

std::optional<InputError> readPlay(const JsonValue& play, const std::string& path, GameKind kind, PlayReceipt& receipt) {
  JsonReader r(play, path);
  r.string("id", receipt.playId, Presence::Required);
  r.integer("pointsSpent", receipt.pointsSpent, Presence::Required);
  r.integer("pointsWon", receipt.pointsWon, Presence::Required);
  r.integer("playsLeft", receipt.playsLeft, Presence::Required);
  if (!r.ok()) return r.error();
  if (isChanceGame(kind)) {
    std::int64_t index = 0;
    if (r.integer("prizeIndex", index, Presence::Required, 0, 1 << 20)) receipt.proof.prizeIndex = static_cast<int>(index);
    r.string("nextCommitment", receipt.nextCommitment, Presence::Required);
    if (!r.ok()) return r.error();
    const JsonValue* prize = play.find("prize");
    if (!prize) return InputError{path + ".prize", "is required"};
    Prize parsed;
    if (auto problem = readPrize(*prize, path + ".prize", parsed)) return problem;
    receipt.proof.prizeId = parsed.id;
    receipt.prize = std::move(parsed);
    const JsonValue* proof = play.find("proof");
    if (!proof) return InputError{path + ".proof", "is required"};
    return readProof(*proof, path + ".proof", receipt);
  }
  if (kind == GameKind::Quiz) {
    r.integer("score", receipt.score, Presence::Required);
    r.array("correctOptions", Presence::Required, [&](const JsonValue& item, const std::string& itemPath) -> std::optional<InputError> {
      if (!item.isInteger() || item.integer() < 0 || item.integer() > 64)
        return InputError{itemPath, "expected an option index"};
      receipt.correctOptions.push_back(static_cast<int>(item.integer()));
      return std::nullopt;
    });
    return r.error();
  }
  r.date("date", receipt.date, Presence::Required);
  r.integer("streak", receipt.streak, Presence::Required);
  return r.error();
}

}  // namespace

const char* playFailureName(PlayFailure failure) {
  switch (failure) {
    case PlayFailure::None: return "none";
    case PlayFailure::NoPlaysLeft: return "no-plays-left";
    case PlayFailure::Cooldown: return "cooldown";
    case PlayFailure::AlreadyCheckedIn: return "already-checked-in";
    case PlayFailure::CommitmentStale: return "commitment-stale";
    case PlayFailure::PointsShort: return "points-short";
    case PlayFailure::Conflict: return "conflict";
    case PlayFailure::Rejected: return "rejected";
    case PlayFailure::Network: return "network";
  }
  return "rejected";
}

Result<PlayReceipt> parsePlayReceipt(std::string_view json, GameKind kind) {
  JsonValue doc;
  if (auto syntax = parseJsonDocument(json, "play", doc)) return *syntax;
  JsonReader top(doc, "play");
  if (!top.ok()) return *top.error();
  const JsonValue* play = doc.find("play");
  if (!play) return InputError{"play.play", "is required"};
  PlayReceipt receipt;
  if (auto problem = readPlay(*play, "play.play", kind, receipt)) return *problem;
  const JsonValue* member = doc.find("member");
  if (!member) return InputError{"play.member", "is required"};
  // The member inside is the same document as GET /v1/member, checked the same way.
  if (auto problem = readMember(*member, "play.member", receipt.member)) return *problem;
  return receipt;
}

std::optional<PlayFailure> playFailureForAnswer(int status, std::string_view problemType) {
  if (status == 0 || status == 429 || status >= 500) return std::nullopt;  // not applied, or unknown: retry, same key
  if (problemType == "urn:kindred:problem:idempotency-key-in-use") return std::nullopt;
  if (problemType == "urn:kindred:problem:no-plays-left") return PlayFailure::NoPlaysLeft;
  if (problemType == "urn:kindred:problem:cooldown") return PlayFailure::Cooldown;
  if (problemType == "urn:kindred:problem:already-checked-in") return PlayFailure::AlreadyCheckedIn;
  if (problemType == "urn:kindred:problem:commitment-stale") return PlayFailure::CommitmentStale;
  if (problemType == "urn:kindred:problem:insufficient-points") return PlayFailure::PointsShort;
  if (problemType == "urn:kindred:problem:idempotency-key-reused") return PlayFailure::Conflict;
  return PlayFailure::Rejected;
}

FairnessCheck verifyReceipt(const PlayIntent& intent, const PlayReceipt& receipt) {
  if (receipt.proofPrizeTableHash != intent.committed.prizeTableHash) return FairnessCheck::PrizeTableChanged;
  const FairnessCheck check = verifyPlay(intent.committed, intent.clientSeed, receipt.proof);
  if (check != FairnessCheck::Verified) return check;
  // The draw is right; the prize shown and credited must be the drawn one too.
  const Prize& drawn = intent.committed.prizes[static_cast<std::size_t>(receipt.proof.prizeIndex)];
  if (!receipt.prize || receipt.prize->label != drawn.label || receipt.prize->points != drawn.points ||
      receipt.pointsWon != drawn.points)
    return FairnessCheck::PrizeDoesNotMatchDraw;
  return FairnessCheck::Verified;
}

}  // namespace kindred
