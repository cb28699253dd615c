#include "kindred/redemption.hpp"

#include "json_reader.hpp"
#include "member_reader.hpp"

namespace kindred {

Result<RedemptionReceipt> parseRedemptionReceipt(std::string_view json) {
  JsonValue doc;
  if (auto syntax = parseJsonDocument(json, "redemption", doc)) return *syntax;
  JsonReader top(doc, "redemption");
  if (!top.ok()) return *top.error();
  const JsonValue* redemption = doc.find("redemption");
  const JsonValue* member = doc.find("member");
  if (!redemption) return InputError{"redemption.redemption", "is required"};

  RedemptionReceipt receipt;
  JsonReader r(*redemption, "redemption.redemption");
  r.string("code", receipt.code, Presence::Required);
  r.integer("pointsSpent", receipt.pointsSpent, Presence::Required);
  if (!r.ok()) return *r.error();
  if (!member) return InputError{"redemption.member", "is required"};
  // The member inside is the same document as GET /v1/member, checked the same way.
  if (auto problem = readMember(*member, "redemption.member", receipt.member)) return *problem;
  return receipt;
}

std::optional<RedemptionFailure> failureForAnswer(int status, std::string_view problemType) {
  if (status == 0 || status == 429 || status >= 500) return std::nullopt;  // not applied, or unknown: retry, same key
  if (problemType == "urn:kindred:problem:idempotency-key-in-use") return std::nullopt;  // the first is still running
  if (problemType == "urn:kindred:problem:insufficient-points") return RedemptionFailure::PointsShort;
  if (problemType == "urn:kindred:problem:out-of-stock") return RedemptionFailure::OutOfStock;
  if (problemType == "urn:kindred:problem:tier-required") return RedemptionFailure::Tier;
  if (problemType == "urn:kindred:problem:idempotency-key-reused") return RedemptionFailure::Conflict;
  return RedemptionFailure::Rejected;
}

const char* failureName(RedemptionFailure failure) {
  switch (failure) {
    case RedemptionFailure::None: return "none";
    case RedemptionFailure::PointsShort: return "points-short";
    case RedemptionFailure::OutOfStock: return "out-of-stock";
    case RedemptionFailure::Tier: return "tier";
    case RedemptionFailure::Conflict: return "conflict";
    case RedemptionFailure::Rejected: return "rejected";
    case RedemptionFailure::Network: return "network";
  }
  return "rejected";
}

}  // namespace kindred
