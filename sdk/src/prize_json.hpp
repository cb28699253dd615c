#pragma once
// Reads one prize object; shared by the games list and the play receipt.

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "kindred/fairness.hpp"
#include "kindred/input_error.hpp"

namespace kindred {

std::optional<InputError> readPrize(const nlohmann::json& item, const std::string& path, Prize& prize);

}  // namespace kindred
