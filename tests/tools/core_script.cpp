// Reads lines "ingest <resource> <json>", "view <YYYY-MM-DD>",
// "catalog <YYYY-MM-DD> <query json>", "games", "play <game> <client seed>
// <nonce>" and "answer <game> <status> <body>" from stdin
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
    } else if (line == "games") {
      std::cout << core.gamesViewJson() << '\n';
    } else if (line.rfind("play ", 0) == 0) {
      const auto seed = line.find(' ', 5);
      const auto nonce = seed == std::string::npos ? seed : line.find(' ', seed + 1);
      if (nonce == std::string::npos) return 2;
      std::cout << core.playJson(line.substr(5, seed - 5), line.substr(seed + 1, nonce - seed - 1), line.substr(nonce + 1))
                << '\n';
    } else if (line.rfind("answer ", 0) == 0) {
      const auto status = line.find(' ', 7);
      const auto body = status == std::string::npos ? status : line.find(' ', status + 1);
      if (body == std::string::npos) return 2;
      const std::string game = line.substr(7, status - 7);
      std::cout << core.playAnswerJson(game, std::stoi(line.substr(status + 1, body - status - 1)), line.substr(body + 1))
                << '\n';
    } else if (!line.empty()) {
      std::cerr << "unknown command: " << line << '\n';
      return 2;
    }
  }
  return 0;
}
