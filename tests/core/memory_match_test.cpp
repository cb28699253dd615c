#include "kindred/memory_match.hpp"

#include <gtest/gtest.h>

#include <ostream>
#include <set>
#include <string>

#include "kindred/sha256.hpp"

namespace kindred {

// Names instead of bytes in failure messages.
void PrintTo(FlipResult result, std::ostream* out) {
  static const char* const kNames[] = {"Ignored", "FirstUp", "Matched", "Mismatched", "Won"};
  *out << kNames[static_cast<int>(result)];
}
void PrintTo(CardFace face, std::ostream* out) {
  static const char* const kNames[] = {"Down", "Up", "Matched"};
  *out << kNames[static_cast<int>(face)];
}

namespace {

using Seed = std::array<std::uint8_t, 32>;

Seed countingSeed() {
  Seed seed{};
  for (std::size_t i = 0; i < seed.size(); ++i) seed[i] = static_cast<std::uint8_t>(i);
  return seed;
}

// Seeds as the games get them: digests.
Seed seedNumber(int n) { return sha256("memory seed " + std::to_string(n)); }

// Decks written down from an independent (Python) implementation of the
// procedure in memory_match.hpp: another implementation following the header
// lays out these decks.
TEST(MemoryDeck, MatchesTheDocumentedProcedure) {
  EXPECT_EQ(shuffledDeck(8, countingSeed()), (std::vector<int>{0, 6, 5, 3, 6, 7, 2, 2, 0, 1, 5, 4, 3, 1, 7, 4}));
  EXPECT_EQ(shuffledDeck(12, countingSeed()),
            (std::vector<int>{2, 7, 11, 11, 9, 8, 9, 3, 3, 1, 8, 6, 7, 4, 10, 2, 0, 5, 1, 10, 5, 4, 6, 0}));
  EXPECT_EQ(shuffledDeck(6, sha256("kindred")), (std::vector<int>{4, 0, 5, 4, 5, 2, 2, 3, 1, 1, 0, 3}));
  EXPECT_EQ(shuffledDeck(2, Seed{}), (std::vector<int>{1, 1, 0, 0}));  // the all-zero seed still shuffles
}

TEST(MemoryDeck, SameSeedSameDeck) {
  for (int n = 0; n < 20; ++n) EXPECT_EQ(shuffledDeck(10, seedNumber(n)), shuffledDeck(10, seedNumber(n)));
}

TEST(MemoryDeck, DifferentSeedsLayOutDifferentDecks) {
  std::set<std::vector<int>> decks;
  for (int n = 0; n < 200; ++n) decks.insert(shuffledDeck(8, seedNumber(n)));
  EXPECT_GE(decks.size(), 199u);  // 16!/2^8 layouts: a repeat among 200 is very unlikely
}

TEST(MemoryDeck, EveryByteOfTheSeedCounts) {
  const Seed base = seedNumber(7);
  const auto deck = shuffledDeck(12, base);
  for (std::size_t i = 0; i < base.size(); ++i) {
    Seed changed = base;
    changed[i] ^= 0x01;
    EXPECT_NE(shuffledDeck(12, changed), deck) << "byte " << i;
  }
}

TEST(MemoryDeck, HoldsEveryValueExactlyTwice) {
  for (int pairs = 2; pairs <= 12; ++pairs) {
    const auto deck = shuffledDeck(pairs, seedNumber(pairs));
    ASSERT_EQ(deck.size(), static_cast<std::size_t>(2 * pairs));
    std::vector<int> count(static_cast<std::size_t>(pairs), 0);
    for (int v : deck) {
      ASSERT_GE(v, 0);
      ASSERT_LT(v, pairs);
      ++count[static_cast<std::size_t>(v)];
    }
    for (int c : count) EXPECT_EQ(c, 2) << pairs << " pairs";
  }
}

TEST(MemoryDeck, RefusesPairCountsOutsideTwoToTwelve) {
  EXPECT_TRUE(shuffledDeck(1, countingSeed()).empty());
  EXPECT_TRUE(shuffledDeck(13, countingSeed()).empty());
  EXPECT_TRUE(shuffledDeck(-4, countingSeed()).empty());
}

// Each position should hold each value with probability 1/pairs. A chi-square
// per position (pairs - 1 = 5 degrees of freedom) over a fixed set of seeds,
// against 25.7, its 0.9999 quantile: far below what a biased shuffle
// (Sattolo's off-by-one, swapping with any card) gives.
TEST(MemoryDeck, PutsEveryValueEverywhereEquallyOften) {
  constexpr int kPairs = 6;
  constexpr int kCards = 2 * kPairs;
  constexpr int kDecks = 12000;
  std::vector<std::vector<int>> counts(kCards, std::vector<int>(kPairs, 0));
  for (int n = 0; n < kDecks; ++n) {
    const auto deck = shuffledDeck(kPairs, seedNumber(n));
    for (std::size_t i = 0; i < deck.size(); ++i) ++counts[i][static_cast<std::size_t>(deck[i])];
  }
  const double expected = static_cast<double>(kDecks) / kPairs;
  for (int i = 0; i < kCards; ++i) {
    double chiSquare = 0;
    for (int c : counts[static_cast<std::size_t>(i)]) chiSquare += (c - expected) * (c - expected) / expected;
    EXPECT_LT(chiSquare, 25.7) << "position " << i;
  }
}

// A deck laid out in order: cards 2k and 2k+1 are a pair.
std::vector<int> orderedDeck(int pairs) {
  std::vector<int> deck;
  for (int v = 0; v < pairs; ++v) deck.insert(deck.end(), {v, v});
  return deck;
}

TEST(MemoryMatch, StartsFaceDown) {
  MemoryMatch game(orderedDeck(3));
  EXPECT_EQ(game.cardCount(), 6);
  for (int i = 0; i < 6; ++i) EXPECT_EQ(game.face(i), CardFace::Down);
  EXPECT_EQ(game.value(4), 2);
  EXPECT_EQ(game.moves(), 0);
  EXPECT_FALSE(game.won());
}

TEST(MemoryMatch, MatchingPairStaysUp) {
  MemoryMatch game(orderedDeck(3));
  EXPECT_EQ(game.flip(2, 0), FlipResult::FirstUp);
  EXPECT_EQ(game.face(2), CardFace::Up);
  EXPECT_EQ(game.flip(3, 100), FlipResult::Matched);
  EXPECT_EQ(game.face(2), CardFace::Matched);
  EXPECT_EQ(game.face(3), CardFace::Matched);
  EXPECT_EQ(game.matchedPairs(), 1);
  EXPECT_EQ(game.moves(), 1);
  game.tick(10000);
  EXPECT_EQ(game.face(2), CardFace::Matched);
}

TEST(MemoryMatch, FlippingTheSameCardTwiceIsIgnored) {
  MemoryMatch game(orderedDeck(3));
  game.flip(0, 0);
  EXPECT_EQ(game.flip(0, 50), FlipResult::Ignored);
  EXPECT_EQ(game.face(0), CardFace::Up);
  EXPECT_EQ(game.moves(), 0);
  EXPECT_EQ(game.flip(1, 100), FlipResult::Matched);  // still the first card of the move
}

TEST(MemoryMatch, FlippingAMatchedCardIsIgnored) {
  MemoryMatch game(orderedDeck(3));
  game.flip(0, 0);
  game.flip(1, 10);
  EXPECT_EQ(game.flip(0, 20), FlipResult::Ignored);
  EXPECT_EQ(game.face(0), CardFace::Matched);
  EXPECT_EQ(game.moves(), 1);
  EXPECT_EQ(game.flip(2, 30), FlipResult::FirstUp);  // the ignored flip did not start a move
}

TEST(MemoryMatch, MismatchIsShownUntilItSettles) {
  MemoryMatch game(orderedDeck(3), 800);
  game.flip(0, 1000);
  EXPECT_EQ(game.flip(2, 1000), FlipResult::Mismatched);
  EXPECT_EQ(game.moves(), 1);
  game.tick(1799);
  EXPECT_EQ(game.face(0), CardFace::Up);
  EXPECT_EQ(game.face(2), CardFace::Up);
  game.tick(1800);
  EXPECT_EQ(game.face(0), CardFace::Down);
  EXPECT_EQ(game.face(2), CardFace::Down);
  EXPECT_EQ(game.flip(0, 1900), FlipResult::FirstUp);
}

TEST(MemoryMatch, NextFlipTurnsAShownMismatchDownAtOnce) {
  MemoryMatch game(orderedDeck(3), 800);
  game.flip(0, 0);
  game.flip(2, 10);
  EXPECT_EQ(game.flip(4, 20), FlipResult::FirstUp);  // well before the settle time
  EXPECT_EQ(game.face(0), CardFace::Down);
  EXPECT_EQ(game.face(2), CardFace::Down);
  EXPECT_EQ(game.face(4), CardFace::Up);
  EXPECT_EQ(game.flip(5, 30), FlipResult::Matched);
  EXPECT_EQ(game.moves(), 2);
}

TEST(MemoryMatch, TheFirstCardOfAShownMismatchCanStartTheNextMoveOnceDown) {
  MemoryMatch game(orderedDeck(3), 800);
  game.flip(0, 0);
  game.flip(2, 10);
  EXPECT_EQ(game.flip(3, 20), FlipResult::FirstUp);  // 2's partner: the mismatch goes down first
  EXPECT_EQ(game.flip(2, 30), FlipResult::Matched);
}

TEST(MemoryMatch, TappingAShownMismatchAgainDoesNotHideIt) {
  MemoryMatch game(orderedDeck(3), 800);
  game.flip(0, 0);
  game.flip(2, 10);
  EXPECT_EQ(game.flip(2, 60), FlipResult::Ignored);  // a double tap on the second card
  EXPECT_EQ(game.flip(0, 70), FlipResult::Ignored);
  EXPECT_EQ(game.face(0), CardFace::Up);
  EXPECT_EQ(game.face(2), CardFace::Up);
  EXPECT_EQ(game.moves(), 1);
  // Once settled (no tick in between), the same tap is a fresh first card.
  EXPECT_EQ(game.flip(2, 810), FlipResult::FirstUp);
  EXPECT_EQ(game.face(0), CardFace::Down);
}

TEST(MemoryMatch, WinsWhenEveryPairIsMatchedThenIgnoresEverything) {
  MemoryMatch game(orderedDeck(2));
  game.flip(0, 0);
  game.flip(2, 10);  // a miss
  game.flip(0, 900);
  EXPECT_EQ(game.flip(1, 950), FlipResult::Matched);
  EXPECT_FALSE(game.won());
  game.flip(2, 1000);
  EXPECT_EQ(game.flip(3, 1050), FlipResult::Won);
  EXPECT_TRUE(game.won());
  EXPECT_EQ(game.matchedPairs(), 2);
  EXPECT_EQ(game.moves(), 3);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(game.flip(i, 2000), FlipResult::Ignored);
  EXPECT_EQ(game.moves(), 3);
}

TEST(MemoryMatch, IgnoresIndexesOutOfRange) {
  MemoryMatch game(orderedDeck(2));
  EXPECT_EQ(game.flip(-1, 0), FlipResult::Ignored);
  EXPECT_EQ(game.flip(4, 0), FlipResult::Ignored);
  EXPECT_EQ(game.face(4), CardFace::Down);
  EXPECT_EQ(game.value(-1), -1);
  EXPECT_EQ(game.flip(0, 0), FlipResult::FirstUp);
}

TEST(MemoryMatch, PlaysAShuffledDeckToTheEnd) {
  MemoryMatch game(shuffledDeck(12, seedNumber(3)));
  ASSERT_EQ(game.cardCount(), 24);
  double now = 0;
  for (int v = 0; v < 12; ++v) {
    std::vector<int> at;
    for (int i = 0; i < 24; ++i)
      if (game.value(i) == v) at.push_back(i);
    game.flip(at[0], now += 100);
    game.flip(at[1], now += 100);
  }
  EXPECT_TRUE(game.won());
  EXPECT_EQ(game.moves(), 12);
}

TEST(MemoryMatch, RefusesDecksThatCannotBeWon) {
  for (const auto& deck : {std::vector<int>{}, std::vector<int>{0, 0}, std::vector<int>{0, 1, 1, 2},
                           std::vector<int>{0, 0, 0, 1}, std::vector<int>{0, 0, 1}, std::vector<int>{0, 0, 1, -1},
                           std::vector<int>(26, 0)}) {
    MemoryMatch game(deck);
    EXPECT_EQ(game.cardCount(), 0);
    EXPECT_EQ(game.flip(0, 0), FlipResult::Ignored);
    EXPECT_FALSE(game.won());
  }
}

}  // namespace
}  // namespace kindred
