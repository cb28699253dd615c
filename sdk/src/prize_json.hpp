#pragma once
// One prize as JSON, both ways: read from the games list, the play receipt
// and an outbox snapshot; written into the games view and the snapshot.

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "kindred/fairness.hpp"
#include "kindred/input_error.hpp"
#include "json_writer.hpp"

namespace kindred {

std::optional<InputError> readPrize(const nlohmann::json& item, const std::string& path, Prize& prize);
void writePrize(JsonWriter& out, const Prize& prize);

}  // namespace kindred
