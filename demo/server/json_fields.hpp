#pragma once
// Strict request bodies: a field the backend does not know refuses the
// request, rather than being ignored, so a client never believes a field it
// sent (a "prizeIndex", a misspelt "ocurredAt") had an effect.

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

// The first field of the object `doc` that is not one of `allowed`, or "".
std::string unexpectedField(const nlohmann::json& doc,
                            std::initializer_list<std::string_view> allowed);
