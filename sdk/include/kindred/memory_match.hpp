#pragma once
// A memory (pairs) game. It is a reveal game: the server decides the prize
// before the first flip, so nothing here affects what the member wins. The
// deck layout comes from the play's 32-byte seed by the procedure below, so
// the server, the widget and an auditor lay out the same deck.
//
// shuffledDeck(pairs, seed), exactly:
//  1. PRNG: xoshiro256** (Blackman & Vigna). State s0..s3 (uint64): s[k] is
//     seed[8k..8k+7] read little-endian. An all-zero seed (xoshiro's one
//     stuck state) uses s0 = 0x9E3779B97F4A7C15 instead. Each step:
//       out = rotl(s1 * 5, 7) * 9;  t = s1 << 17;
//       s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 45);
//     (all arithmetic mod 2^64).
//  2. below(n), uniform on [0, n) by rejection: x = out >> 32 (the top 32
//     bits of one step); take the next step while x >= 2^32 - (2^32 mod n);
//     return x mod n.
//  3. deck = [0, 0, 1, 1, ..., pairs-1, pairs-1]; for i = 2*pairs-1 down to 1:
//     swap(deck[i], deck[below(i + 1)]) (Fisher-Yates, Durstenfeld's order).

#include <array>
#include <cstdint>
#include <vector>

namespace kindred {

// Returns an empty deck when pairs is outside 2..12.
std::vector<int> shuffledDeck(int pairs, const std::array<std::uint8_t, 32>& seed);

enum class CardFace { Down, Up, Matched };

enum class FlipResult { Ignored, FirstUp, Matched, Mismatched, Won };

class MemoryMatch {
 public:
  static constexpr double kDefaultSettleMs = 800;

  // A deck is 2..12 pairs: values 0..pairs-1, each exactly twice. Any other
  // deck would make the game unwinnable, so it yields a game with no cards
  // (cardCount() == 0) in which every flip is ignored.
  explicit MemoryMatch(std::vector<int> deck, double settleMs = kDefaultSettleMs);

  // Two face-up cards that differ stay shown until settleMs have passed
  // (see tick) or until the next flip of another card, which first turns
  // them down: a fast player is never made to wait. Flipping a face-up or
  // matched card is ignored, including either card of a shown mismatch, so
  // a double tap on the second card does not hide the pair early.
  FlipResult flip(int index, double nowMs);
  // Turns a shown mismatch back down once settleMs have passed since it
  // was shown. Call it every frame, or when a timer set for settleMs fires.
  void tick(double nowMs);

  int cardCount() const { return static_cast<int>(values_.size()); }
  CardFace face(int index) const;  // Down for an index out of range
  int value(int index) const;      // -1 for an index out of range
  int moves() const { return moves_; }  // one per second card flipped
  int matchedPairs() const { return matchedPairs_; }
  bool won() const { return cardCount() > 0 && matchedPairs_ * 2 == cardCount(); }

 private:
  bool inRange(int index) const { return index >= 0 && index < cardCount(); }
  void hideMismatch();

  std::vector<int> values_;
  std::vector<CardFace> faces_;
  double settleMs_;
  int firstUp_ = -1;                    // the face-up card waiting for its partner
  std::array<int, 2> shown_{{-1, -1}};  // a mismatch on show
  double shownAtMs_ = 0;
  int moves_ = 0;
  int matchedPairs_ = 0;
};

}  // namespace kindred
