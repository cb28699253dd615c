#include "kindred/program.hpp"

#include <set>

#include "brand_reader.hpp"
#include "json_reader.hpp"

namespace kindred {
namespace {

bool isCurrencyCode(const std::string& code) {
  if (code.size() != 3) return false;
  for (char c : code)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

std::optional<InputError> readTier(const JsonValue& item, const std::string& path, Tier& tier) {
  JsonReader r(item, path);
  r.string("id", tier.id, Presence::Required);
  r.string("name", tier.name, Presence::Required);
  r.integer("threshold", tier.threshold, Presence::Required);
  r.array("perks", Presence::Optional,
          [&](const JsonValue& perk, const std::string& perkPath) -> std::optional<InputError> {
            if (!perk.isString() || perk.text().empty())
              return InputError{perkPath, "expected a non-empty string"};
            tier.perks.push_back(perk.text());
            return std::nullopt;
          });
  return r.error();
}

}  // namespace

const Tier* Program::findTier(std::string_view tierId) const {
  for (const auto& tier : tiers)
    if (tier.id == tierId) return &tier;
  return nullptr;
}

Result<Program> parseProgram(std::string_view json) {
  JsonValue doc;
  if (auto syntax = parseJsonDocument(json, "program", doc)) return *syntax;

  Program program;
  JsonReader r(doc, "program");
  r.string("id", program.id, Presence::Required);
  r.string("name", program.name, Presence::Required);

  if (r.ok()) {
    const JsonValue* currency = doc.find("currency");
    if (!currency) return InputError{r.fieldPath("currency"), "is required"};
    JsonReader c(*currency, r.fieldPath("currency"));
    c.string("singular", program.currencySingular, Presence::Required);
    c.string("plural", program.currencyPlural, Presence::Required);
    if (!c.ok()) return *c.error();

    const JsonValue* earnRate = doc.find("earnRate");
    if (!earnRate) return InputError{r.fieldPath("earnRate"), "is required"};
    JsonReader e(*earnRate, r.fieldPath("earnRate"));
    e.integer("pointsPerUnit", program.pointsPerUnit, Presence::Required, 1, 1000000);
    if (e.string("currency", program.moneyCurrency, Presence::Required) &&
        !isCurrencyCode(program.moneyCurrency))
      e.fail("currency", "expected an ISO 4217 code such as \"USD\"");
    if (!e.ok()) return *e.error();
  }

  std::set<std::string> seenIds;
  r.array("tiers", Presence::Required,
          [&](const JsonValue& item, const std::string& path) -> std::optional<InputError> {
            Tier tier;
            if (auto problem = readTier(item, path, tier)) return problem;
            if (!seenIds.insert(tier.id).second)
              return InputError{path + ".id", "duplicates the id of an earlier tier"};
            if (program.tiers.empty() && tier.threshold != 0)
              return InputError{path + ".threshold", "the first tier must start at 0"};
            if (!program.tiers.empty() && tier.threshold <= program.tiers.back().threshold)
              return InputError{path + ".threshold",
                                "must be greater than the previous tier's threshold"};
            program.tiers.push_back(std::move(tier));
            return std::nullopt;
          });
  if (!r.ok()) return *r.error();
  if (const JsonValue* brand = doc.find("brand"))
    if (auto problem = readBrand(*brand, r.fieldPath("brand"), program.brand)) return *problem;
  return program;
}

}  // namespace kindred
