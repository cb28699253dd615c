#pragma once
// Playing a game once: the rules and every write they lead to. Runs inside
// the caller's Transaction (BEGIN IMMEDIATE, so it holds the write lock
// throughout); the caller stores the outcome with the request's
// Idempotency-Key and commits, making the play and its recorded answer one
// atomic change.
//
// Checked in this order, nothing written by a refusal:
//   already-checked-in, no-plays-left (final for the key, as a redemption's
//   refusals are), cooldown (not final: it answers Retry-After, and a retry
//   with the same key after it must be able to play), commitment-stale (not
//   final: the client was merely behind and nothing happened),
//   insufficient-points (final).
// Then the outcome is decided by the backend alone: drawn from the committed
// server seed and the client's seed with the core's kindred::drawPrizeIndex
// (chance games), judged against the answers kept server-side (quiz), or
// counted (check-in, with the core's streak rules).
//
// Points: the cost is debited like a redemption (never below zero, soonest-
// expiring points first) with a 'game_play' ledger entry; winnings are
// credited to the balance and the lifetime total, not to qualifying points
// (games are not purchases, and must not move a member up a tier), with a
// 'game_prize' or 'check_in' entry. Entries of 0 points are not written.

#include <cstdint>
#include <string_view>

#include "database.hpp"
#include "game_catalog.hpp"
#include "idempotent_post.hpp"
#include "kindred/program.hpp"
#include "play_body.hpp"

IdempotentOutcome playGame(Database& db, const kindred::Program& program, std::string_view memberId,
                           const GameRecord& game, const PlayBody& body, std::int64_t nowUnix);
