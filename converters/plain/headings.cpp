// Line shapes of the headline region and the body: kicker, headline, deck, sub-head, and
// the rules ("* * *", "-----") between parts of the text.
#include <string_view>

#include "plain/article_detail.hpp"

namespace galley::plain::detail {

bool title_like(const Unit& u, const Unit* next) {
  if (u.list != ListKind::None || !next) return false;
  std::string_view s = u.text;
  std::size_t len = cp_len(s), wc = word_count(s);
  if (len > 200 || wc == 0 || wc > 35) return false;
  if (starts_lower(s)) return false;
  if (!ends_with_sentence_punct(s)) return true;
  std::size_t st = 0;
  char32_t last = last_cp(s, &st);
  if (last == '?' || last == '!') return true;
  if (last == '.' && len <= 150 && s.substr(0, s.size() - 1).find(". ") == std::string_view::npos &&
      cp_len(next->text) > len)
    return true;
  return false;
}

// A deck (sub-headline): one short line, not a sentence run, not a byline.
bool deck_like(const Unit& u) {
  if (u.list != ListKind::None) return false;
  std::string_view s = u.text;
  std::size_t wc = word_count_upto(s, 41);
  if (wc < 3 || wc > 40 || cp_len(s) > 250 || starts_lower(s)) return false;
  std::size_t st = 0;
  char32_t last = last_cp(s, &st);
  if (last == ':' || last == ',' || last == ';') return false;
  if (ends_with_sentence_punct(s) && s.substr(0, st).find(". ") != std::string_view::npos) return false;
  return !photo_marker(s);
}

bool kicker_like(const Unit& u) {
  if (u.list != ListKind::None) return false;
  std::string_view s = u.text;
  if (cp_len(s) > 32 || word_count(s) > 5 || ends_with_sentence_punct(s) || starts_lower(s)) return false;
  if (has_digit(s)) return false;
  return true;
}

bool heading_like(std::string_view s) {
  if (s.empty() || ends_with_sentence_punct(s) || starts_lower(s)) return false;
  std::size_t st = 0;
  char32_t last = last_cp(s, &st);
  if (last == ',' || last == '-' || last == 0x2013 || last == 0x2014 || last == '(' || last == '/') return false;
  return cp_len(s) <= 120 && word_count(s) <= 14;
}

// "___", "* * *", "-----", "===": a rule between parts of the text
bool separator_line(std::string_view s) {
  s = trim(s);
  if (s.size() < 3) return false;
  std::size_t marks = 0;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    if (c == '_' || c == '-' || c == '*' || c == '=' || c == '~' || c == '#') { ++marks; ++i; }
    else if (c == ' ') ++i;
    else if (long_dash_at(s, i) || s.compare(i, 3, "\xE2\x80\xA2") == 0 || s.compare(i, 2, "\xC2\xB7") == 0) {
      ++marks;
      i += (c == 0xC2) ? 2 : 3;
    } else return false;
  }
  return marks >= 3;
}

}  // namespace galley::plain::detail
