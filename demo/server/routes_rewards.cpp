#include "routes_rewards.hpp"

#include <optional>
#include <string>
#include <vector>

#include "api_response.hpp"
#include "error_responses.hpp"
#include "idempotency_header.hpp"
#include "json_response.hpp"
#include "ledger.hpp"
#include "member_auth.hpp"
#include "page_cursor.hpp"
#include "page_params.hpp"
#include "redemption_request.hpp"
#include "reward_record.hpp"
#include "utc_time.hpp"
#include "write_admission.hpp"

namespace {

// {"items":[...],"nextCursor":...}. `rows` holds up to limit + 1 rows: the
// extra one only says there is a next page, so the last page never comes
// back empty.
template <class Row, class ToJson, class KeyOf>
nlohmann::ordered_json pageJson(std::vector<Row> rows, int limit, ToJson toJson, KeyOf keyOf,
                                std::string_view list) {
  const bool more = rows.size() > static_cast<std::size_t>(limit);
  if (more) rows.resize(static_cast<std::size_t>(limit));
  nlohmann::ordered_json items = nlohmann::ordered_json::array();
  for (const Row& row : rows) items.push_back(toJson(row));
  return {
      {"items", std::move(items)},
      {"nextCursor", more ? nlohmann::ordered_json(encodePageCursor(list, keyOf(rows.back())))
                          : nlohmann::ordered_json(nullptr)},
  };
}

}  // namespace

void registerRewardRoutes(httplib::Server& server, const Backend& backend) {
  server.Get("/v1/rewards", [&backend](const httplib::Request& req, httplib::Response& res) {
    Database db = backend.connect();
    if (!authenticateMember(req, res, backend, db)) return;
    const std::optional<PageParams> page = readPageParams(req, res, kRewardsCursorList);
    if (!page) return;
    sendJson(res,
             pageJson(
                 listRewards(db, page->after, page->limit + 1), page->limit, rewardJson,
                 [](const RewardRecord& reward) { return reward.position; }, kRewardsCursorList));
  });

  server.Post(std::string(kRedemptionsPath), [&backend](const httplib::Request& req,
                                                        httplib::Response& res) {
    Database db = backend.connect();
    const std::optional<std::string> memberId = authenticateMember(req, res, backend, db);
    if (!memberId) return;
    sendApiResponse(
        res, handleRedemptionRequest(db, backend.program.program, *memberId,
                                     idempotencyKeyHeader(req), req.body, unixNowSeconds(),
                                     writeLimitAdmission(backend.writeLimiter.get(),
                                                         WriteRoute::Redemptions, *memberId)));
  });

  server.Get("/v1/activity", [&backend](const httplib::Request& req, httplib::Response& res) {
    Database db = backend.connect();
    const std::optional<std::string> memberId = authenticateMember(req, res, backend, db);
    if (!memberId) return;
    const std::optional<PageParams> page = readPageParams(req, res, kActivityCursorList);
    if (!page) return;
    sendJson(res, pageJson(
                      listLedger(db, *memberId, page->after, page->limit + 1), page->limit,
                      ledgerEntryJson, [](const LedgerEntry& entry) { return entry.id; },
                      kActivityCursorList));
  });

  allowOnly(server, "/v1/rewards", {"GET"});
  allowOnly(server, std::string(kRedemptionsPath), {"POST"});
  allowOnly(server, "/v1/activity", {"GET"});
}
