#pragma once
// Granting a member a surprise bonus (POST /demo/surprises, standing in for
// a brand's back office): the surprise, its points and its 'surprise' ledger
// entry, in one transaction of its own, so a member can never have the
// points without the entry or the surprise, or the other way round. Points
// go to the balance and the lifetime total, not to qualifying points: a gift
// is not a purchase, and must not move a member up a tier (as game prizes).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "database.hpp"
#include "ledger.hpp"
#include "surprise_record.hpp"

// The surprise granted (a new "srp_..." id, dated in the member's time zone
// at `nowUnix`), or nullopt, writing nothing, when there is no such member.
// `points` is 1 to kMaxSurprisePoints and `message` 1 to
// kMaxSurpriseMessageCharacters characters: the caller has checked them.
std::optional<SurpriseRecord> grantSurprise(Database& db, std::string_view memberId,
                                            std::int64_t points, const std::string& message,
                                            std::int64_t nowUnix);

// The 'surprise' ledger entry of `surprise`'s points: "Surprise: <message>",
// referring to its id, dated when it was granted.
LedgerEntry surpriseLedgerEntry(const SurpriseRecord& surprise);
