#include "page_params.hpp"

#include <charconv>
#include <string>

#include "page_cursor.hpp"
#include "problem_json.hpp"

namespace {

std::optional<int> parseLimit(const std::string& text) {
  int limit = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), limit);
  if (error != std::errc() || end != text.data() + text.size() || limit < 1 ||
      limit > kMaxPageLimit) {
    return std::nullopt;
  }
  return limit;
}

}  // namespace

std::optional<PageParams> readPageParams(const httplib::Request& req, httplib::Response& res,
                                         std::string_view list) {
  PageParams page;
  if (req.get_param_value_count("limit") > 1 || req.get_param_value_count("cursor") > 1) {
    sendProblem(res, 400, "invalid-query", "Invalid query",
                "Give limit and cursor at most once each.");
    return std::nullopt;
  }
  // An empty value counts as absent, so `?cursor=${next ?? ''}` asks for the first page.
  if (const std::string limit = req.get_param_value("limit"); !limit.empty()) {
    const std::optional<int> parsed = parseLimit(limit);
    if (!parsed) {
      sendProblem(res, 400, "invalid-limit", "Invalid limit",
                  "limit must be a whole number from 1 to " + std::to_string(kMaxPageLimit) +
                      ", not \"" + limit + "\".");
      return std::nullopt;
    }
    page.limit = *parsed;
  }
  if (const std::string cursor = req.get_param_value("cursor"); !cursor.empty()) {
    page.after = decodePageCursor(list, cursor);
    if (!page.after) {
      sendProblem(res, 400, "invalid-cursor", "Invalid cursor",
                  "The cursor is not one this list returned; pass nextCursor from the previous "
                  "page exactly, or leave it out for the first page.");
      return std::nullopt;
    }
  }
  return page;
}
