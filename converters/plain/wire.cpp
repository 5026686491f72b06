// Wire-copy furniture: slugs ("BC-US--Weather-Floods", "AP-EU-Rail-Strike"), version lines
// ("URGENT", "2nd Ld-Writethru"), notes to the desk ("Eds: UPDATES with ..."), and the
// prefixes of wire headlines ("UPDATE 2-", "EXCLUSIVE-").
#include <algorithm>
#include <string>
#include <string_view>

#include "plain/article_detail.hpp"

namespace galley::plain::detail {

namespace {

// A word of a version line: "Ld", "Writethru", "URGENT", "Eilmeldung".
bool version_word(std::string_view w) {
  static const char* words[] = {"ld", "lead", "writethru", "write-thru", "writethrough", "urgent", "bulletin", "flash",
                                "advisory", "adv", "apnewsalert", "correction", "corrected", "corrective", "update",
                                "sub", "takes", "take", "rpt", "repeat", "refile", "sked", "budget", "kill",
                                "withdrawal", "insert", "add", "eilmeldung", "urgente", "avance"};
  for (auto* x : words)
    if (eq_ci(w, x)) return true;
  return false;
}
bool version_token(std::string_view w) {
  if (w.empty()) return true;
  if (has_digit(w)) {
    // "1st", "2nd", "3rd", "4th", "2"
    std::size_t k = 0;
    while (k < w.size() && w[k] >= '0' && w[k] <= '9') ++k;
    std::string_view suf = w.substr(k);
    return suf.empty() || eq_ci(suf, "st") || eq_ci(suf, "nd") || eq_ci(suf, "rd") || eq_ci(suf, "th");
  }
  return version_word(w);
}

}  // namespace

bool version_line(std::string_view s) {
  s = trim(s);
  if (s.empty() || cp_len(s) > 60 || ends_with_sentence_punct(s)) return false;
  std::size_t words = 0, real = 0;
  std::string tok;
  auto flush = [&] {
    if (tok.empty()) return true;
    ++words;
    bool ok = version_token(tok);
    if (ok && !has_digit(tok)) ++real;
    tok.clear();
    return ok;
  };
  for (char c : s) {
    if (c == ' ' || c == '-' || c == ',' || c == '/' || c == '(' || c == ')') {
      if (!flush()) return false;
    } else tok.push_back(c);
  }
  if (!flush()) return false;
  return real >= 1 && words <= 6;
}
bool slug_line(std::string_view s) {
  s = trim(s);
  if (s.empty() || cp_len(s) > 80 || ends_with_sentence_punct(s)) return false;
  std::size_t end = s.find_first_of(" ,");
  std::string_view tok = s.substr(0, end);
  std::string_view rest = end == std::string_view::npos ? std::string_view() : trim(s.substr(end));
  while (!rest.empty() && (rest.front() == ',' || rest.front() == ';')) rest = trim(rest.substr(1));
  std::size_t hyphens = std::count(tok.begin(), tok.end(), '-');
  // "AP-EU-Rail-Strike": an all-capitals code of two to four letters first
  std::size_t first_hyphen = tok.find('-');
  bool code = hyphens >= 2 && first_hyphen >= 2 && first_hyphen <= 4 && all_caps(tok.substr(0, first_hyphen));
  bool strong = starts_with_ci(tok, "BC-") || tok.find("--") != std::string_view::npos || (code && rest.empty());
  // "US-WEATHER-FLOODS": capitals and hyphens only
  bool caps = hyphens >= 2 && all_caps(tok) && tok.find_first_of(".:") == std::string_view::npos;
  if (!strong && !caps) return false;
  if (tok.size() >= 2 && (tok.back() == '-' || tok.front() == '-')) return false;
  return rest.empty() || version_line(rest) || (strong && word_count(rest) <= 4 && has_digit(rest));
}
// "Eds: ...", "Editors: ...": notes to the desk that head wire copy
bool desk_note_line(std::string_view s) {
  s = trim(s);
  return starts_with_ci(s, "eds:") || starts_with_ci(s, "eds.:") || starts_with_ci(s, "editors:") ||
         starts_with_ci(s, "eds note:");
}

// "UPDATE 2-Floods swamp ...", "RPT-", "EXCLUSIVE-", "ANALYSIS-": wire headline prefixes. Version
// prefixes are dropped; a story-type prefix becomes the kicker.
std::string_view wire_title_prefix(std::string_view title, std::string* kind) {
  std::size_t k = 0;
  while (k < title.size() && ((title[k] >= 'A' && title[k] <= 'Z') || title[k] == ' ')) ++k;
  std::size_t word_end = k;
  while (k < title.size() && (title[k] == ' ' || (title[k] >= '0' && title[k] <= '9'))) ++k;
  if (k == 0 || k + 1 >= title.size() || title[k] != '-') return title;
  std::size_t q = k + 1;
  if (!cp_upper(next_codepoint(title, q))) return title;
  std::string_view word = trim(title.substr(0, word_end));
  static const char* versions[] = {"UPDATE", "RPT", "REFILE", "CORRECTED", "CORRECTION", "URGENT", "WRAPUP", "BRIEF",
                                   "REPEAT", "CORRECTED REPEAT", "RPT UPDATE"};
  static const char* kinds[] = {"EXCLUSIVE", "ANALYSIS", "FACTBOX", "INSIGHT", "EXPLAINER", "INTERVIEW", "FEATURE",
                                "PREVIEW", "TIMELINE", "COLUMN", "BREAKINGVIEWS", "SPECIAL REPORT", "GRAPHIC",
                                "POLL", "QUOTEBOX", "SCENARIOS", "NEWSMAKER", "ANALYSE", "HINTERGRUND", "ANÁLISIS"};
  for (auto* v : versions)
    if (word == v) return trim(title.substr(k + 1));
  for (auto* v : kinds)
    if (word == v) {
      if (kind) *kind = std::string(word);
      return trim(title.substr(k + 1));
    }
  return title;
}

}  // namespace galley::plain::detail
