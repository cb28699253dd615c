#pragma once
// The catalog screen: a query document in, one page of the catalog out, as
// JSON the shim renders as is.
//
// Query: {"text", "categories": [...], "affordable", "eligible", "inStock",
//         "sort": "popular" | "cost-asc" | "cost-desc" | "newest" | "closest" | "for-you",
//         "limit": 1..100, "cursor"}; every field optional.
// View:  {"screen": "catalog", "status": "loading" | "ready", "error": null | {...},
//         "total", "nextCursor", "sort", "categories": [...],
//         "items": [{"id", "name", "description", "cost", "category", "imageUrl", "stock",
//                    "availability": "redeemable" | "points-away" | "tier-locked" |
//                                    "early-access" | "out-of-stock",
//                    "pointsAway", "tier": {"id", "name"} | null, "earlyAccessUntil"}]}
// "tier" names the tier that unlocks a locked item (or its early access).

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "kindred/calendar_date.hpp"
#include "kindred/catalog.hpp"
#include "kindred/input_error.hpp"
#include "kindred/member.hpp"
#include "kindred/program.hpp"
#include "kindred/result.hpp"

namespace kindred {

Result<CatalogQuery> parseCatalogQuery(std::string_view json);

// Who is looking, from the program and the member as the progress engine sees them.
Shopper shopperFor(const Program& program, const Member& member, CalendarDate today,
                   const std::map<std::string, int>& redeemedCategories = {});

std::string catalogViewJson(const Catalog& catalog, bool rewardsLoaded,
                            const std::optional<Program>& program, const std::optional<Member>& member,
                            const std::optional<InputError>& error, std::string_view queryJson,
                            CalendarDate today, const std::map<std::string, int>& redeemedCategories = {});

}  // namespace kindred
