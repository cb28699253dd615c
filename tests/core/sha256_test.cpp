#include "kindred/sha256.hpp"

#include <gtest/gtest.h>

#include <random>

namespace kindred {
namespace {

std::string bytes(std::initializer_list<int> values) {
  std::string out;
  for (int v : values) out += static_cast<char>(v);
  return out;
}

// FIPS 180-4 examples (and the NIST one-million-'a' vector).
TEST(Sha256, MatchesTheFipsVectors) {
  EXPECT_EQ(toHex(sha256("")), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(toHex(sha256("abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(toHex(sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(toHex(sha256(std::string(1000000, 'a'))),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

// RFC 4231 test cases 1-4, 6 and 7 (5 truncates its output).
TEST(HmacSha256, MatchesTheRfc4231Vectors) {
  EXPECT_EQ(toHex(hmacSha256(std::string(20, '\x0b'), "Hi There")),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  EXPECT_EQ(toHex(hmacSha256("Jefe", "what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  EXPECT_EQ(toHex(hmacSha256(std::string(20, '\xaa'), std::string(50, '\xdd'))),
            "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
  EXPECT_EQ(toHex(hmacSha256(bytes({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
                                    22, 23, 24, 25}),
                             std::string(50, '\xcd'))),
            "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
  EXPECT_EQ(toHex(hmacSha256(std::string(131, '\xaa'), "Test Using Larger Than Block-Size Key - Hash Key First")),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  EXPECT_EQ(toHex(hmacSha256(std::string(131, '\xaa'),
                             "This is a test using a larger than block-size key and a larger than block-size "
                             "data. The key needs to be hashed before being used by the HMAC algorithm.")),
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
}

TEST(Sha256, FeedingInPiecesGivesTheSameDigest) {
  std::mt19937 rng(4231);
  for (int round = 0; round < 300; ++round) {
    std::string message(rng() % 300, '\0');
    for (auto& c : message) c = static_cast<char>(rng());
    Sha256 pieces;
    for (std::size_t at = 0; at < message.size();) {
      const std::size_t take = std::min<std::size_t>(message.size() - at, rng() % 70);
      pieces.update(std::string_view(message).substr(at, take));
      at += take;
    }
    ASSERT_EQ(pieces.finish(), sha256(message)) << "length " << message.size();
  }
}

}  // namespace
}  // namespace kindred
