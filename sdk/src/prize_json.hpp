#pragma once
// One prize as JSON, both ways: read from the games list, the play receipt
// and an outbox snapshot; written into the games view and the snapshot.

#include <optional>
#include <string>

#include "json_value.hpp"

#include "kindred/fairness.hpp"
#include "kindred/input_error.hpp"
#include "json_writer.hpp"

namespace kindred {

std::optional<InputError> readPrize(const JsonValue& item, const std::string& path, Prize& prize);
void writePrize(JsonWriter& out, const Prize& prize);

}  // namespace kindred
