// Internals of structure detection (build_document, reader_detail.hpp) shared by its files:
// the small text helpers every line classifier uses, the classifiers of each family and the
// block builder. One file per family:
//   text_helpers.cpp   words, capitals, sentence ends (and the helpers reader_detail.hpp exports)
//   agencies.cpp       the names of news agencies and press-release wires
//   bylines.cpp        "By Jane Doe", "Theo Reuters", a wire byline's second line, names
//   datelines.cpp      the lede's prefix: "HÀ NỘI - ", "(Reuters) - ", "PORTLAND, Ore. (March 12, 2021) — "
//   captions.cpp       photo and video credit markers
//   headings.cpp       kicker, headline, deck, sub-head, rule lines
//   press_release.cpp  release labels, contacts, end marks, closing boilerplate, rights lines
//   wire.cpp           wire slugs, version lines, desk notes, headline prefixes ("UPDATE 2-")
//   body.cpp           the body's blocks (paragraphs, captions, sub-heads, lists), and the
//                      document of a text read without the `article` extension
//   article.cpp        build_document: the header region, the lede, the bottom, the metadata
// Never invents metadata: a field is set only when a line of the text supports it.
#pragma once
#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "galley/text.hpp"
#include "plain/reader_detail.hpp"

namespace galley::plain::detail {

// ---- small text helpers (inline: every classifier calls them) ----

// min(cp_len(s), cap)
inline std::size_t cp_len_upto(std::string_view s, std::size_t cap) { return std::min(cp_len(s), cap); }

// The first code point after opening quotes and brackets.
inline char32_t first_cp(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    char32_t c = next_codepoint(s, i);
    if (c == '"' || c == '\'' || c == '(' || c == 0x201C || c == 0x2018 || c == '[' || c == 0xAB) continue;
    return c;
  }
  return 0;
}

// The last code point; *start is set to its byte offset.
inline char32_t last_cp(std::string_view s, std::size_t* start = nullptr) {
  if (s.empty()) return 0;
  std::size_t j = s.size() - 1;
  while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80) --j;
  if (start) *start = j;
  std::size_t k = j;
  return next_codepoint(s, k);
}

inline bool closing_char(char32_t c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0xBB || c == '*';
}

// ASCII-folded prefix test
inline bool starts_with_ci(std::string_view s, std::string_view p) {
  if (s.size() < p.size()) return false;
  for (std::size_t i = 0; i < p.size(); ++i) {
    char a = s[i], b = p[i];
    if (a >= 'A' && a <= 'Z') a = char(a - 'A' + 'a');
    if (b >= 'A' && b <= 'Z') b = char(b - 'A' + 'a');
    if (a != b) return false;
  }
  return true;
}

// ASCII-folded equality
inline bool eq_ci(std::string_view a, std::string_view b) { return a.size() == b.size() && starts_with_ci(a, b); }

inline bool has_digit(std::string_view s) {
  for (char c : s)
    if (c >= '0' && c <= '9') return true;
  return false;
}

// An en dash or an em dash at s[k] (k <= s.size()).
inline bool long_dash_at(std::string_view s, std::size_t k) {
  return s.compare(k, 3, "\xE2\x80\x93") == 0 || s.compare(k, 3, "\xE2\x80\x94") == 0;
}

// `s` trimmed, without the characters of `chars` at its end.
inline std::string_view rtrim_punct(std::string_view s, std::string_view chars) {
  while (!s.empty() && chars.find(s.back()) != std::string_view::npos) s.remove_suffix(1);
  return trim(s);
}

// ---- text_helpers.cpp ----
// The words of `s` (separated by spaces and tabs).
std::vector<std::string_view> words_of(std::string_view s);
// Letters all upper case (at least two letters).
bool all_caps(std::string_view s);

// ---- agencies.cpp ----
// "Reuters", "AFP", "TTXVN", "dpa", "PR Newswire" ...
const std::vector<std::string_view>& agencies();
bool is_agency(std::string_view s);
// ASCII case folded: "DPA" and "dpa", "EFE" and "Efe"
bool is_agency_ci(std::string_view s);
// The longest agency name that starts `s` followed by a space; empty when none does.
std::string_view agency_prefix(std::string_view s);

// ---- bylines.cpp ----
struct Byline {
  std::vector<std::string> names;
  std::string credit;
};
// "By Jane Doe", "Par Jean Dupont", "Theo Minh An", "Tác giả: X", "(Theo Reuters)"; `bottom`:
// a line under the article, where a name alone is a byline.
std::optional<Byline> parse_byline(std::string_view s, bool bottom);
// The second line of a wire byline: "Associated Press", "AP Science Writer". Sets `agency`.
bool affiliation_line(std::string_view s, std::string* agency = nullptr);
// "de", "van", "von", "và": a word that a name or a place may hold in lower case
bool particle(std::string_view w);

// ---- datelines.cpp ----
struct Prefix {
  std::string credit, dateline, date;  // date: ISO, only when the dateline gives a year
  std::size_t consumed = 0;            // bytes of the lede taken by the prefix
};
// The credit, dateline and date before the lede's text: "HÀ NỘI - ", "(ANSA) - ROMA, 25 NOV - ".
std::optional<Prefix> parse_prefix(std::string_view s);
// NLĐ style: "Headline words (NLĐ)- Lede ..." on one line. Returns the byte offset of "(".
std::optional<std::size_t> inline_credit_split(std::string_view s);

// ---- captions.cpp ----
// Does `s` hold a photo or video credit marker ("Ảnh:", "Photo:", "/ AFP")?
bool photo_marker(std::string_view s);
// A unit that is only a photo credit: "(Ảnh: Getty Images)".
bool photo_credit_only(std::string_view s);

// ---- headings.cpp ----
// A headline: `next` is the unit after it (a headline is never last).
bool title_like(const Unit& u, const Unit* next);
// A deck (sub-headline): one short line, not a sentence run, not a byline.
bool deck_like(const Unit& u);
// A kicker: a few words above the headline.
bool kicker_like(const Unit& u);
// A heading of a text read without the `article` extension.
bool heading_like(std::string_view s);
// "___", "* * *", "-----", "===": a rule between parts of the text
bool separator_line(std::string_view s);

// ---- press_release.cpp ----
// "FOR IMMEDIATE RELEASE", "EMBARGOED UNTIL ...", "PRESS RELEASE": release furniture.
bool release_line(std::string_view s);
// The date of "FOR IMMEDIATE RELEASE – March 12, 2021" (an embargo's date is not the release's).
std::optional<DateLine> release_date(std::string_view s);
// "Media contact: ...", "Contacts", "Press office:", "Pressekontakt:"
bool contact_label(std::string_view s);
// An e-mail address, a web address or a telephone number.
bool contact_detail(std::string_view s);
// "Copyright 2021 The Associated Press. All rights reserved.", "© 2019 dpa"
bool rights_line(std::string_view s);
// Removes the end marks "./." and "/." (Vietnamese press) at the ends of units, and the units
// left empty (counted as the "end-mark" rewrite).
void strip_end_marks(std::vector<Unit>& units, Rewrites& rw);
// Drops what follows the end of the copy ("###", "-30-", "ENDS") and the closing boilerplate
// (notes to editors, contacts, "About X"), counted as the "boilerplate" rewrite.
void cut_boilerplate(std::vector<Unit>& units, Rewrites& rw);

// ---- wire.cpp ----
// "BC-US--Weather-Floods, 1st Ld-Writethru", "US-WEATHER-FLOODS", "AP-EU-Rail-Strike"
bool slug_line(std::string_view s);
// "URGENT", "2nd Ld-Writethru"
bool version_line(std::string_view s);
// "Eds: ...", "Editors: ..."
bool desk_note_line(std::string_view s);
// "UPDATE 2-Floods swamp ..." -> "Floods swamp ..."; a story type ("ANALYSIS-") goes to *kind.
std::string_view wire_title_prefix(std::string_view title, std::string* kind);

// ---- body.cpp ----
// Blocks from text, with the document's identifiers.
struct Builder {
  const ArticleOptions& opt;
  Rewrites& rw;
  IdentifierSet ids;

  Inlines inl(std::string_view s, std::size_t words = kUnknownWords) { return make_inlines(s, opt.typo, rw, words); }

  Block header(int level, std::string_view s) {
    Inlines c = inl(s);
    std::string id = make_identifier(stringify(c), &ids);
    return Header{level, Attr{id, {}, {}}, std::move(c)};
  }
  Block figure(std::string_view s) {
    Figure f;
    f.caption.long_caption.push_back(Plain{inl(s)});
    return f;
  }
  // Lists from units[i..] of the same kind; advances i.
  Block list(const std::vector<Unit>& u, std::size_t& i, std::size_t end);
  // A rule between parts (never two in a row, never first).
  static void rule(Blocks& blocks);
};
// The document of a text read without the `article` extension: paragraphs, headings, lists.
Document plain_document(std::vector<Unit>& units, Builder& b);
// units[from, to) -> paragraphs, captions, sub-heads, lists, rules. `had_abstract`: the lede
// before `from` went to the abstract.
void body_blocks(std::vector<Unit>& units, std::size_t from, std::size_t to, bool had_abstract, Builder& b,
                 Blocks& out);

}  // namespace galley::plain::detail
