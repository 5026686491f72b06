// Readability's textSimilarity: how much of b's wording a repeats. Metadata uses it to
// choose between JSON-LD's headline and name, extraction to tell a heading or a byline that
// repeats the title or author already in the metadata.
#include <algorithm>
#include <string>
#include <vector>

#include "html/internal.hpp"

namespace galley::html {

// Bytes of non-ASCII characters are word bytes (the DOM's text is valid UTF-8, so a
// character is never split).
std::vector<std::string> words_of(std::string_view s, bool underscore_is_word) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    bool word = c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                (underscore_is_word && c == '_');
    if (word) {
      cur += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : ch;
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

double similarity(std::string_view a, std::string_view b, bool underscore_is_word) {
  auto ta = words_of(a, underscore_is_word), tb = words_of(b, underscore_is_word);
  if (ta.empty() || tb.empty()) return 0;
  // Weighted by length: the share of b's text (words plus one separator each) not in a.
  std::size_t total = 0, uniq = 0;
  for (auto& t : tb) {
    total += t.size() + 1;
    if (std::find(ta.begin(), ta.end(), t) == ta.end()) uniq += t.size() + 1;
  }
  return 1.0 - static_cast<double>(uniq) / static_cast<double>(total);
}

}  // namespace galley::html
