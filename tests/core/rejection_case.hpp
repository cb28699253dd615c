#pragma once
// Shared by the ingest tests: a payload that must be rejected with a given
// JSON path and problem, and helpers that derive such payloads from a good one.

#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

namespace kindred::testing {

struct Rejection {
  std::string payload;
  std::string path;
  std::string problem;
};

// Names each case by the path it expects, not by the bytes of the struct.
inline void PrintTo(const Rejection& r, std::ostream* os) { *os << r.path << ": " << r.problem; }

// `good` with the value at a JSON pointer replaced (or added).
inline std::string withValue(const std::string& good, const char* pointer, nlohmann::json value) {
  nlohmann::json doc = nlohmann::json::parse(good, nullptr, false);
  doc[nlohmann::json::json_pointer(pointer)] = std::move(value);
  return doc.dump();
}

// `good` without `key` in the object at the JSON pointer `parent` ("" for the root).
inline std::string withoutKey(const std::string& good, const char* parent, const char* key) {
  nlohmann::json doc = nlohmann::json::parse(good, nullptr, false);
  doc[nlohmann::json::json_pointer(parent)].erase(key);
  return doc.dump();
}

}  // namespace kindred::testing
