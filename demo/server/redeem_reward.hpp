#pragma once
// Redeeming a reward: the business rules and every write they lead to. Runs
// inside the caller's Transaction (BEGIN IMMEDIATE, so it holds the write
// lock throughout); the caller stores the outcome with the request's
// Idempotency-Key and commits, making the redemption and its recorded
// result one atomic change.

#include <cstdint>
#include <string_view>

#include "api_response.hpp"
#include "database.hpp"
#include "idempotent_post.hpp"
#include "kindred/program.hpp"

// Executed when the redemption was attempted: it succeeded (201) or a
// business rule refused it (403 tier-required, 409 out-of-stock, 422
// insufficient-points), final for its Idempotency-Key. Not executed when the
// request named nothing to redeem (404): nothing was written and the key may
// be used again.
using RedemptionOutcome = IdempotentOutcome;

// On success: one unit of stock taken (unless unlimited), the cost debited
// (spending the soonest-expiring points first), a redemption with a fresh
// code, and a 'redemption' ledger entry, all stamped `nowUnix`. On a refusal,
// nothing is left written. The response's body is what POST /v1/redemptions
// returns.
RedemptionOutcome redeemReward(Database& db, const kindred::Program& program,
                               std::string_view memberId, std::string_view rewardId,
                               std::int64_t nowUnix);
