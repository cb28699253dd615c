#pragma once
// Serves the demo store and the SDK bundle from directories named on the
// command line (--static PREFIX=DIR), with the MIME types browsers insist on
// (a .wasm that is not application/wasm cannot be streamed-compiled).

#include <httplib.h>

#include <optional>
#include <string>
#include <vector>

struct StaticMount {
  std::string prefix;     // URL path, "/" or "/dist"
  std::string directory;  // on disk
};

// Returns what is wrong with the first mount that cannot be served, or nullopt.
std::optional<std::string> mountStaticFiles(httplib::Server& server,
                                            const std::vector<StaticMount>& mounts);
