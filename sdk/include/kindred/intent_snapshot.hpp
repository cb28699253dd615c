#pragma once
// An unfinished intent (a redemption, a play or a moment's event that got no
// definitive answer) written down so the host can keep it across page loads
// in its outbox, and read back to resume it with the same Idempotency-Key and
// body. The format belongs to the core and is versioned ("v"); hosts store it
// as an opaque string. A play keeps what it was committed to, so its answer
// can still be verified after a reload.

#include <string>
#include <string_view>
#include <variant>

#include "kindred/game_play.hpp"
#include "kindred/moment_event.hpp"
#include "kindred/redemption.hpp"
#include "kindred/result.hpp"

namespace kindred {

std::string snapshotOf(const RedemptionIntent& intent);
std::string snapshotOf(const PlayIntent& intent);
std::string snapshotOf(const MomentEventIntent& intent);

using IntentSnapshot = std::variant<RedemptionIntent, PlayIntent, MomentEventIntent>;

// The intent, pending again, or why the snapshot cannot be read.
Result<IntentSnapshot> parseIntentSnapshot(std::string_view json);

}  // namespace kindred
