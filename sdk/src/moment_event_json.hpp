#pragma once
// What the moments screen and the tier hub both say of this session's
// events: which one a key has, and why it was refused.

#include <string_view>
#include <vector>

#include "kindred/moment_event.hpp"
#include "json_writer.hpp"

namespace kindred {

// The intent for `momentKey`, or nullptr (one per key).
const MomentEventIntent* findMomentEvent(const std::vector<MomentEventIntent>& events, std::string_view momentKey);

// {"reason", "detail": null | "..."} when `event` was refused, else null.
void writeEventFailure(JsonWriter& out, const MomentEventIntent* event);

}  // namespace kindred
