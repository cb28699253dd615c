#pragma once
// Folds text for search so a shopper's "cafe" finds "Café Crème": lower case,
// Latin accents and ligatures taken off (precomposed or combining), and the
// text split into words. Scripts without case or accents pass through.

#include <string>
#include <string_view>
#include <vector>

namespace kindred {

// "Café Crème, 2-pack" -> "cafe creme 2 pack" (words separated by one space).
std::string foldForSearch(std::string_view utf8);

// The folded words of `utf8`, in order: {"cafe", "creme", "2", "pack"}.
std::vector<std::string> searchWords(std::string_view utf8);

}  // namespace kindred
