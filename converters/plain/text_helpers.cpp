// Small text helpers of structure detection: the words of a line, capitals, sentence ends,
// word counts. The inline ones are in article_detail.hpp; the ones layout.cpp also uses are
// declared in reader_detail.hpp.
#include <algorithm>
#include <string_view>
#include <vector>

#include "galley/builder.hpp"
#include "galley/text.hpp"
#include "plain/article_detail.hpp"

namespace galley::plain::detail {

std::vector<std::string_view> words_of(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// Letters all upper case (at least two letters).
bool all_caps(std::string_view s) {
  std::size_t i = 0, upper = 0;
  while (i < s.size()) {
    char32_t c = next_codepoint(s, i);
    if (cp_lower(c)) return false;
    if (cp_upper(c)) ++upper;
  }
  return upper >= 2;
}

bool ends_with_sentence_punct(std::string_view s) {
  s = trim(s);
  while (!s.empty()) {
    std::size_t st = 0;
    char32_t c = last_cp(s, &st);
    if (closing_char(c)) {
      s = s.substr(0, st);
      continue;
    }
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == 0x2026 || c == 0x3002;
  }
  return false;
}
bool starts_upper(std::string_view s) { return cp_upper(first_cp(s)); }
bool starts_lower(std::string_view s) { return cp_lower(first_cp(s)); }
// Words are separated by spaces and tabs; units hold no CR or LF (decode() and layout()
// removed them), so galley::count_words() counts the same words, eight bytes at a time.
std::size_t word_count(std::string_view s) { return count_words(s); }
std::size_t word_count_upto(std::string_view s, std::size_t cap) { return std::min(count_words(s), cap); }

}  // namespace galley::plain::detail
