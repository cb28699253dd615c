#include "response_compression.hpp"

#include <string>

namespace {

// "gzip, deflate, br" -> "gzip, deflate"; "br;q=1.0, gzip;q=0.8" -> " gzip;q=0.8".
std::string withoutBrotli(const std::string& acceptEncoding) {
  std::string kept;
  std::size_t start = 0;
  while (start <= acceptEncoding.size()) {
    auto end = acceptEncoding.find(',', start);
    if (end == std::string::npos) end = acceptEncoding.size();
    const std::string item = acceptEncoding.substr(start, end - start);
    const auto first = item.find_first_not_of(' ');
    const bool isBrotli = first != std::string::npos && item.compare(first, 2, "br") == 0 &&
                          (item.size() == first + 2 || item[first + 2] == ';' || item[first + 2] == ' ');
    if (!isBrotli && first != std::string::npos) kept += (kept.empty() ? "" : ",") + item;
    start = end + 1;
  }
  return kept;
}

}  // namespace

void preferGzipCompression(const httplib::Request& req) {
  const auto header = req.headers.find("Accept-Encoding");
  if (header != req.headers.end() && header->second.find("br") != std::string::npos) {
    // httplib hands handlers a const view of the Request it owns (a
    // non-const object), and reads this header again when it encodes the
    // response, so rewriting it here is well defined and takes effect.
    const_cast<httplib::Request&>(req).headers.find("Accept-Encoding")->second =
        withoutBrotli(header->second);
  }
}
