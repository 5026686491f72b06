// Internals of the plain-text article reader. One file per job:
//   (bytes in any encoding -> NFC UTF-8 with LF line ends: galley::decode_text, in the core)
//   layout.cpp      lines -> logical units (paragraph candidates, list items)
//   dates.cpp       newspaper time stamps -> ISO 8601
//   typography.cpp  missing spaces, smart quotes -> Inlines
//   lang.cpp        language guess from character / stop-word statistics
//   article.cpp     structure detection: kicker, headline, dates, byline, lede, captions, subheads;
//                   its line classifiers and the body's blocks are in the files listed in
//                   article_detail.hpp (bylines.cpp, datelines.cpp, captions.cpp, headings.cpp,
//                   press_release.cpp, wire.cpp, agencies.cpp, text_helpers.cpp, body.cpp)
//   reader.cpp      the Reader object, the extension list, the rewrite report
#pragma once
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "galley/ast.hpp"
#include "galley/diagnostics.hpp"
#include "galley/options.hpp"

namespace galley::plain::detail {

// Counts of each kind of rewrite; reported once per kind as info "rewrite-<kind>".
struct Rewrites {
  std::map<std::string, std::size_t> counts;
  void add(std::string_view kind, std::size_t n = 1) {
    if (n) counts[std::string(kind)] += n;
  }
  void report(Diagnostics& diag) const;  // reader.cpp
};

// ---- layout.cpp ----
enum class ListKind { None, Bullet, Ordered };
struct Unit {
  std::string text;              // one logical paragraph, single spaces, no newlines
  bool after_blank = false;      // preceded by a blank line (or start of text)
  ListKind list = ListKind::None;
  int number = 0;                // ordered list: the item number
  char delim = 0;                // ordered list: '.' or ')'
  std::string marker;            // the list marker as written ("- ", "1. ")
};
std::vector<Unit> layout(std::string_view text, bool detect_lists, Rewrites& rw);
// Number of code points.
std::size_t cp_len(std::string_view s);

// ---- dates.cpp ----
struct DateLine {
  std::string iso;        // "2019-11-25T13:38" (+ zone only when stated)
  bool modified = false;  // "Cập nhật", "Updated", "Mis à jour"
};
// A short line that is (nearly) only a time stamp; nullopt otherwise.
std::optional<DateLine> parse_date_line(std::string_view line);
// A short line that is only a day and month (and perhaps a weekday or a time) with no
// year: "Nov. 25", "Montag, 25. November, 13:38 Uhr". Never a `date` (no year is invented).
bool yearless_date_line(std::string_view line);
// "20201001" / "2020-10-01" -> "2020-10-01".
std::optional<std::string> parse_compact_date(std::string_view s);

// ---- typography.cpp ----
struct TypoOptions {
  bool smart = true;    // quotes -> Quoted, apostrophes -> ’
  bool spacing = true;  // restore missing space after sentence punctuation
};
// Insert missing spaces after . , ; : ! ? (keeping abbreviations, decimals, times, URLs).
std::string fix_spacing(std::string_view s, Rewrites& rw);
// Text -> Inlines (pandoc's Str/Space splitting, smart quotes when asked). `words`, when
// the caller has counted them (word_count(s)), saves counting again to size the result.
inline constexpr std::size_t kUnknownWords = std::size_t(-1);
Inlines make_inlines(std::string_view s, const TypoOptions& opt, Rewrites& rw, std::size_t words = kUnknownWords);

// Character classes (utf8proc categories).
bool cp_letter(char32_t c);
bool cp_upper(char32_t c);
bool cp_lower(char32_t c);
bool cp_space(char32_t c);

// ---- lang.cpp ----
// "vi", "en", "fr", "de", "es", "pt", "it", "nl" or "" when the text gives too little evidence.
std::string detect_lang(std::string_view text);

// ---- article.cpp ----
struct ArticleOptions {
  bool article = true;
  TypoOptions typo;
  std::string lang;  // given by the user (variables["lang"]); empty = detect
};
Document build_document(std::vector<Unit> units, const ArticleOptions& opt, Rewrites& rw);

// ---- shared small helpers (text_helpers.cpp; byline_line: bylines.cpp) ----
bool ends_with_sentence_punct(std::string_view s);
bool starts_upper(std::string_view s);
// "By Jane Doe", "di Marco Bellini": a byline line (never joined to the line above it)
bool byline_line(std::string_view s);
bool starts_lower(std::string_view s);
std::size_t word_count(std::string_view s);
// min(word_count(s), cap): stops reading once cap words are seen.
std::size_t word_count_upto(std::string_view s, std::size_t cap);

}  // namespace galley::plain::detail
