#include "preview_access.hpp"

#include <optional>

#include "tier_rank.hpp"

namespace {

using nlohmann::ordered_json;

std::optional<std::int64_t> latestRating(Database& db, std::string_view memberId,
                                         std::string_view previewId) {
  Statement query = db.prepare(
      "SELECT value FROM events WHERE member_id = ?1 AND type = 'preview-rated' AND subject = ?2"
      " ORDER BY occurred_at_unix DESC, rowid DESC LIMIT 1");
  query.bind(1, memberId).bind(2, previewId);
  return query.step() ? query.optionalInt64(0) : std::nullopt;
}

}  // namespace

bool previewShownTo(const Preview& preview, const kindred::Program& program,
                    std::int64_t qualifyingPoints, kindred::CalendarDate localToday) {
  // Dates are YYYY-MM-DD with four-digit years, so text order is date order.
  return hasReachedTier(program, preview.tierId, qualifyingPoints) &&
         preview.releaseDate > localToday.toString();
}

ordered_json previewsJson(Database& db, const std::vector<Preview>& previews,
                          const kindred::Program& program, std::string_view memberId,
                          std::int64_t qualifyingPoints, kindred::CalendarDate localToday) {
  ordered_json list = ordered_json::array();
  for (const Preview& preview : previews) {
    if (!previewShownTo(preview, program, qualifyingPoints, localToday)) continue;
    const std::optional<std::int64_t> rating = latestRating(db, memberId, preview.id);
    list.push_back({
        {"id", preview.id},
        {"title", preview.title},
        {"description", preview.description},
        {"releaseDate", preview.releaseDate},
        {"tierId", preview.tierId},
        {"myRating", rating ? ordered_json(*rating) : ordered_json(nullptr)},
    });
  }
  return list;
}
