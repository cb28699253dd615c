#include "json_fields.hpp"

std::string unexpectedField(const nlohmann::json& doc,
                            std::initializer_list<std::string_view> allowed) {
  for (const auto& [key, value] : doc.items()) {
    bool known = false;
    for (const std::string_view name : allowed) known = known || key == name;
    if (!known) return key;
  }
  return "";
}
