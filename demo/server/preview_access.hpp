#pragma once
// Insider previews as one member sees them: only those of their tier or
// below, and only before the release day on their own calendar. A member
// below a preview's tier is never sent it (unlike an experience, it is not
// shown locked: an unreleased item is the brand's secret), and may not rate
// it: a preview-rated event (POST /v1/events) must name a preview the
// member is being shown.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "database.hpp"
#include "engagement_config.hpp"
#include "kindred/calendar_date.hpp"
#include "kindred/program.hpp"

bool previewShownTo(const Preview& preview, const kindred::Program& program,
                    std::int64_t qualifyingPoints, kindred::CalendarDate localToday);

// GET /v1/moments' "previews": those shown to the member, in seed order, as
// {"id","title","description","releaseDate","tierId","myRating"}, where
// myRating is the value of the member's latest preview-rated event about the
// preview (by when it happened), or null.
nlohmann::ordered_json previewsJson(Database& db, const std::vector<Preview>& previews,
                                    const kindred::Program& program, std::string_view memberId,
                                    std::int64_t qualifyingPoints,
                                    kindred::CalendarDate localToday);
