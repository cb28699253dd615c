#pragma once
// Text the widget shows, as a catalog key plus parameters. The core decides
// what to say; the shim's message catalog and Intl decide how, per locale.

#include <cstdint>
#include <map>
#include <string>
#include <variant>

namespace kindred {

using MessageParam = std::variant<std::int64_t, std::string>;

struct Message {
  std::string key;                             // "nudge.points_to_tier"
  std::map<std::string, MessageParam> params;  // {"points": 120, "tier": "Gold"}
};

}  // namespace kindred
