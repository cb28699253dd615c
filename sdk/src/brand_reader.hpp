#pragma once
// Reads program.brand from an already-parsed JSON node; every field is
// checked, with its JSON path in the error.

#include <optional>
#include <string>

#include "json_value.hpp"
#include "kindred/brand.hpp"
#include "kindred/input_error.hpp"

namespace kindred {

std::optional<InputError> readBrand(const JsonValue& node, const std::string& path, Brand& brand);

}  // namespace kindred
