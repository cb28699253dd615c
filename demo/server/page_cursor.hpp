#pragma once
// Opaque page cursors: base64url of "<list>:<key>", where key is the sort key
// of the last item a page returned (a reward's position, a ledger entry's
// id). The list name makes a cursor from one list useless on another, and the
// key is a value the next query resumes after, not an offset, so rows added
// meanwhile do not shift later pages.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

inline constexpr std::string_view kRewardsCursorList = "rewards";
inline constexpr std::string_view kActivityCursorList = "activity";

std::string encodePageCursor(std::string_view list, std::int64_t key);

// The key, or nullopt for anything encodePageCursor(list, ...) could not have
// produced: not base64url, another list's cursor, a key that is not a
// canonical non-negative integer.
std::optional<std::int64_t> decodePageCursor(std::string_view list, std::string_view cursor);
