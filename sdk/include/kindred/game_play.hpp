#pragma once
// One play of a game from the shopper's tap to the backend's answer, built
// like a redemption (redemption.hpp): every retry of an unfinished play
// carries the same Idempotency-Key and the same body, so the backend charges
// and credits it once. For chance games the intent also keeps what was
// committed before the play and the client seed sent, to verify the answer.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kindred/calendar_date.hpp"
#include "kindred/fairness.hpp"
#include "kindred/game.hpp"
#include "kindred/member.hpp"
#include "kindred/result.hpp"

namespace kindred {

enum class PlayState { Pending, Succeeded, Failed };

// Why a play did not happen, as the widget explains it.
enum class PlayFailure { None, NoPlaysLeft, Cooldown, AlreadyCheckedIn, CommitmentStale, PointsShort, Conflict, Rejected, Network };

const char* playFailureName(PlayFailure failure);

// The parts of a 201 answer to POST /v1/games/{id}/plays the core keeps.
struct PlayReceipt {
  std::string playId;
  std::int64_t pointsSpent = 0;
  std::int64_t pointsWon = 0;
  std::int64_t playsLeft = 0;
  // Chance games:
  std::optional<Prize> prize;
  PlayProof proof;
  std::string proofCommitment;
  std::string proofPrizeTableHash;
  std::string nextCommitment;
  // Quiz:
  std::int64_t score = 0;
  std::vector<int> correctOptions;
  // Check-in:
  std::optional<CalendarDate> date;
  std::int64_t streak = 0;

  Member member;  // as the backend left them
};

Result<PlayReceipt> parsePlayReceipt(std::string_view json, GameKind kind);

// How an HTTP answer ends (or does not end) a play. nullopt: retry the same
// intent with the same key (no answer, 5xx, 429, the first still running).
std::optional<PlayFailure> playFailureForAnswer(int status, std::string_view problemType);

struct PlayIntent {
  std::string gameId;
  GameKind kind = GameKind::Wheel;
  std::string idempotencyKey;
  std::string body;        // fixed when the intent is made: key and body never disagree
  std::string clientSeed;  // chance games
  GameCommitment committed;
  PlayState state = PlayState::Pending;
  PlayFailure failure = PlayFailure::None;
  std::string detail;      // the backend's problem detail, when it gave one
  std::optional<PlayReceipt> receipt;
  FairnessCheck fairness = FairnessCheck::Verified;

  // Sent, with no definitive answer yet: a retry reuses the key, and an
  // answer that comes later (from the outbox) is still read.
  bool unfinished() const {
    return state == PlayState::Pending || (state == PlayState::Failed && failure == PlayFailure::Network);
  }
};

// Checks a chance game's receipt against the intent: the proof must be for
// the committed seed, table, nonce and our client seed, the drawn index must
// be the one given, and the prize given and credited must be that index's.
FairnessCheck verifyReceipt(const PlayIntent& intent, const PlayReceipt& receipt);

}  // namespace kindred
