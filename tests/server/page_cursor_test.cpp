// Page cursors: what encodes round-trips, and everything else is refused
// (GET /v1/rewards and /v1/activity answer those with 400).

#include "page_cursor.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

#include "base64url.hpp"

namespace {

TEST(PageCursor, RoundTrips) {
  for (const std::int64_t key : {std::int64_t{0}, std::int64_t{1}, std::int64_t{60},
                                 std::int64_t{100'060}, std::numeric_limits<std::int64_t>::max()}) {
    const std::string cursor = encodePageCursor(kRewardsCursorList, key);
    EXPECT_EQ(decodePageCursor(kRewardsCursorList, cursor), key) << cursor;
    EXPECT_EQ(decodePageCursor(kActivityCursorList, encodePageCursor(kActivityCursorList, key)),
              key);
  }
}

TEST(PageCursor, IsOpaqueUrlSafeText) {
  const std::string cursor = encodePageCursor(kRewardsCursorList, 42);
  EXPECT_EQ(cursor, base64UrlEncode("rewards:42"));
  EXPECT_EQ(
      cursor.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
      std::string::npos);
}

TEST(PageCursor, RefusesAnotherListsCursor) {
  EXPECT_FALSE(decodePageCursor(kRewardsCursorList, encodePageCursor(kActivityCursorList, 7)));
  EXPECT_FALSE(decodePageCursor(kActivityCursorList, encodePageCursor(kRewardsCursorList, 7)));
}

TEST(PageCursor, RefusesGarbage) {
  const char* garbage[] = {
      "",
      "garbage!",
      "cmV3YXJkczox=",  // padding is not canonical base64url
      "cmV3YXJkczoxB",  // a length no byte string encodes to
      "42",
      "null",
      "%20",
  };
  for (const char* cursor : garbage) {
    EXPECT_FALSE(decodePageCursor(kRewardsCursorList, cursor)) << cursor;
  }
  // Well-formed base64url around a payload encodePageCursor never writes.
  const char* payloads[] = {
      "rewards:",
      "rewards:-1",
      "rewards:+1",
      "rewards:01",
      "rewards:1x",
      "rewards: 1",
      "rewards:99999999999999999999",
      "reward:1",
      "rewards1",
      "rewards:1:2",
      "REWARDS:1",
      "rewards",
      "",
  };
  for (const char* payload : payloads) {
    EXPECT_FALSE(decodePageCursor(kRewardsCursorList, base64UrlEncode(payload))) << payload;
  }
}

}  // namespace
