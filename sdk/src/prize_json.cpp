#include "prize_json.hpp"

#include "json_reader.hpp"

namespace kindred {

std::optional<InputError> readPrize(const JsonValue& item, const std::string& path, Prize& prize) {
  JsonReader p(item, path);
  p.string("id", prize.id, Presence::Required);
  p.string("label", prize.label, Presence::Required, /*allowEmpty=*/true);
  p.integer("points", prize.points, Presence::Required);
  std::int64_t weight = 0;
  if (p.integer("weight", weight, Presence::Required, 0, std::int64_t{1} << 31)) prize.weight = static_cast<std::uint32_t>(weight);
  return p.error();
}

void writePrize(JsonWriter& out, const Prize& prize) {
  out.beginObject().field("id", prize.id).field("label", prize.label).field("points", prize.points)
      .field("weight", std::int64_t{prize.weight}).endObject();
}

}  // namespace kindred
