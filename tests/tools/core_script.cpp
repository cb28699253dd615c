// Reads lines "ingest <resource> <json>", "view <YYYY-MM-DD>" and
// "catalog <YYYY-MM-DD> <query json>" from stdin
// and prints what the core answers, one line each. The same script run
// through the wasm bindings must print the same bytes.
#include <iostream>
#include <string>

#include "kindred/core.hpp"

int main() {
  kindred::Core core;
  std::string line;
  while (std::getline(std::cin, line)) {
    if (line.rfind("ingest ", 0) == 0) {
      const auto space = line.find(' ', 7);
      if (space == std::string::npos) return 2;
      std::cout << core.ingestJson(line.substr(7, space - 7), line.substr(space + 1)) << '\n';
    } else if (line.rfind("view ", 0) == 0) {
      const auto today = kindred::CalendarDate::parse(line.substr(5));
      if (!today) return 2;
      std::cout << core.progressViewJson(*today) << '\n';
    } else if (line.rfind("catalog ", 0) == 0 && line.size() > 19) {
      std::cout << core.catalogViewJson(line.substr(19), line.substr(8, 10)) << '\n';
    } else if (!line.empty()) {
      std::cerr << "unknown command: " << line << '\n';
      return 2;
    }
  }
  return 0;
}
