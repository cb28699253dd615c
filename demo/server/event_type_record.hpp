#pragma once
// The event types POST /v1/events accepts, as the event_types table holds
// them (seeded from event_types.json): what each means, and which of an
// event's optional fields it requires.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "database.hpp"

struct EventTypeRecord {
  std::string id;  // lower-case words joined by hyphens: "preview-rated"
  std::string description;
  bool subjectRequired = false;
  // Both set: every event of the type has a value from valueMin to valueMax.
  // Both unset: a value is optional, and any integer the body allows.
  std::optional<std::int64_t> valueMin;
  std::optional<std::int64_t> valueMax;
};

void insertEventType(Database& db, const EventTypeRecord& type);

std::optional<EventTypeRecord> loadEventType(Database& db, std::string_view id);

bool hasEventTypes(Database& db);
