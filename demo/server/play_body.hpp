#pragma once
// The body of POST /v1/games/{gameId}/plays, read strictly for the game's
// kind: exactly the fields the kind takes, each of the right form. Anything
// else, "prizeIndex" included, refuses the whole request, so no client can
// choose or nudge an outcome by sending a field the backend would ignore.
//   wheel, scratch, memory: {"clientSeed": "<32..128 lower-case hex>", "commitment": "..."}
//   quiz:                   {"answers": [<one option index per question, -1 for none>]}
//   checkin:                {}

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "game_catalog.hpp"

struct PlayBody {
  std::string clientSeed;    // chance games
  std::string commitment;    // chance games: the one the client saw
  std::vector<int> answers;  // quiz
};

// ^[0-9a-f]{32,128}$: at least 128 bits of the client's own randomness.
bool isValidClientSeed(std::string_view seed);

// The body, or what is wrong with it (the detail of a 400 invalid-request).
std::variant<PlayBody, std::string> parsePlayBody(const GameRecord& game, std::string_view body);
