#include "static_files.hpp"

namespace {

constexpr std::pair<const char*, const char*> kMimeTypes[] = {
    {"wasm", "application/wasm"},
    {"mjs", "text/javascript"},
    {"js", "text/javascript"},
    {"css", "text/css"},
    {"html", "text/html; charset=utf-8"},
    {"svg", "image/svg+xml"},
    {"png", "image/png"},
    {"json", "application/json"},
    {"webmanifest", "application/manifest+json"},
};

}  // namespace

std::optional<std::string> mountStaticFiles(httplib::Server& server,
                                            const std::vector<StaticMount>& mounts) {
  for (const auto& [extension, mime] : kMimeTypes) {
    server.set_file_extension_and_mimetype_mapping(extension, mime);
  }
  // no-cache still lets the browser keep a copy but makes it revalidate, so a
  // rebuilt bundle is picked up on the next reload.
  const httplib::Headers headers = {{"Cache-Control", "no-cache"}};
  for (const StaticMount& mount : mounts) {
    if (!server.set_mount_point(mount.prefix, mount.directory, headers)) {
      return "cannot serve " + mount.directory + " at " + mount.prefix +
             " (is it a directory, and does the prefix start with /?)";
    }
  }
  return std::nullopt;
}
