#include "event_type_seed.hpp"

#include <set>
#include <string>

#include "event_body.hpp"
#include "event_type_record.hpp"
#include "seed_reader.hpp"

std::int64_t insertSeedEventTypes(Database& db, const std::filesystem::path& seedDir) {
  const std::filesystem::path path = seedDir / "event_types.json";
  if (!std::filesystem::exists(path)) return 0;
  const nlohmann::json list = readSeedList(readSeedFile(path), "event_types.json", "eventTypes");

  std::set<std::string> seen;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const SeedReader t(list[i], "event_types.json", "eventTypes[" + std::to_string(i) + "]");
    EventTypeRecord type;
    type.id = t.string("id");
    // Host pages write it in their code; a slug needs no escaping anywhere.
    if (!isSlug(type.id)) t.fail("id", "must be lower-case words joined by hyphens");
    if (!seen.insert(type.id).second) t.fail("id", "repeats \"" + type.id + "\"");
    type.description = t.string("description");
    const std::string subject = t.optionalString("subject").value_or("optional");
    if (subject != "required" && subject != "optional") {
      t.fail("subject", "must be required or optional");
    }
    type.subjectRequired = subject == "required";
    if (t.has("value")) {
      const SeedReader value = t.object("value");
      type.valueMin = value.integer("min", -kMaxEventValue, kMaxEventValue);
      type.valueMax = value.integer("max", *type.valueMin, kMaxEventValue);
    }
    insertEventType(db, type);
  }
  return static_cast<std::int64_t>(list.size());
}
