#include "kindred/memory_match.hpp"

#include <utility>

namespace kindred {
namespace {

constexpr int kMinPairs = 2;
constexpr int kMaxPairs = 12;

// xoshiro256**, seeded and drawn exactly as memory_match.hpp describes:
// every implementation of the deck has to agree bit for bit.
class Xoshiro256 {
 public:
  explicit Xoshiro256(const std::array<std::uint8_t, 32>& seed) {
    for (std::size_t k = 0; k < 4; ++k) {
      std::uint64_t word = 0;
      for (std::size_t b = 8; b-- > 0;) word = (word << 8) | seed[8 * k + b];
      s_[k] = word;
    }
    if ((s_[0] | s_[1] | s_[2] | s_[3]) == 0) s_[0] = 0x9E3779B97F4A7C15u;
  }

  std::uint64_t next() {
    const std::uint64_t out = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return out;
  }

  // Plain modulo would favour small indexes; rejecting the top partial
  // bucket makes every index equally likely.
  std::uint32_t below(std::uint32_t n) {
    const std::uint64_t limit = (std::uint64_t{1} << 32) - (std::uint64_t{1} << 32) % n;
    for (;;) {
      const std::uint64_t x = next() >> 32;
      if (x < limit) return static_cast<std::uint32_t>(x % n);
    }
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::array<std::uint64_t, 4> s_{};
};

bool isPairsDeck(const std::vector<int>& deck) {
  const std::size_t pairs = deck.size() / 2;
  if (deck.size() % 2 != 0 || pairs < kMinPairs || pairs > kMaxPairs) return false;
  std::array<int, kMaxPairs> seen{};
  for (int v : deck) {
    if (v < 0 || static_cast<std::size_t>(v) >= pairs || ++seen[static_cast<std::size_t>(v)] > 2) return false;
  }
  return true;  // 2*pairs cards, none seen more than twice: each exactly twice
}

}  // namespace

std::vector<int> shuffledDeck(int pairs, const std::array<std::uint8_t, 32>& seed) {
  if (pairs < kMinPairs || pairs > kMaxPairs) return {};
  std::vector<int> deck(static_cast<std::size_t>(pairs) * 2);
  for (std::size_t i = 0; i < deck.size(); ++i) deck[i] = static_cast<int>(i / 2);
  Xoshiro256 rng(seed);
  for (std::size_t i = deck.size() - 1; i > 0; --i)
    std::swap(deck[i], deck[rng.below(static_cast<std::uint32_t>(i + 1))]);
  return deck;
}

MemoryMatch::MemoryMatch(std::vector<int> deck, double settleMs) : settleMs_(settleMs) {
  if (!isPairsDeck(deck)) return;
  values_ = std::move(deck);
  faces_.assign(values_.size(), CardFace::Down);
}

FlipResult MemoryMatch::flip(int index, double nowMs) {
  if (won() || !inRange(index)) return FlipResult::Ignored;
  tick(nowMs);
  const auto at = static_cast<std::size_t>(index);
  if (faces_[at] != CardFace::Down) return FlipResult::Ignored;
  hideMismatch();

  faces_[at] = CardFace::Up;
  if (firstUp_ < 0) {
    firstUp_ = index;
    return FlipResult::FirstUp;
  }
  const auto first = static_cast<std::size_t>(firstUp_);
  firstUp_ = -1;
  ++moves_;
  if (values_[first] != values_[at]) {
    shown_ = {{static_cast<int>(first), index}};
    shownAtMs_ = nowMs;
    return FlipResult::Mismatched;
  }
  faces_[first] = faces_[at] = CardFace::Matched;
  ++matchedPairs_;
  return won() ? FlipResult::Won : FlipResult::Matched;
}

void MemoryMatch::tick(double nowMs) {
  if (shown_[0] >= 0 && nowMs - shownAtMs_ >= settleMs_) hideMismatch();
}

void MemoryMatch::hideMismatch() {
  for (int& card : shown_) {
    if (card >= 0) faces_[static_cast<std::size_t>(card)] = CardFace::Down;
    card = -1;
  }
}

CardFace MemoryMatch::face(int index) const {
  return inRange(index) ? faces_[static_cast<std::size_t>(index)] : CardFace::Down;
}

int MemoryMatch::value(int index) const {
  return inRange(index) ? values_[static_cast<std::size_t>(index)] : -1;
}

}  // namespace kindred
