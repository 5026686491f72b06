// HTML5's raw-text elements, found before libxml2 parses the page (rawtext.cpp).
//
// libxml2 2.9's HTML parser ends <script> and <style> at the first "</" followed by a
// letter (HTML 4's rule); when that end tag names an open element ("</div>", "</a>") the
// script is closed there and the rest of its code becomes page text. HTML5 ends the
// raw-text elements only at their own end tag, and parses xmp, iframe, noembed, noframes
// (raw text), textarea and title (escapable raw text) and plaintext (text to the end)
// without tags. The pre-scan tokenizes the page the way HTML5's tokenizer does (data,
// comments, tags with their attributes, script data with its escape states), finds every
// raw-text element, and rewrites its content so that libxml2 reads what HTML5 reads:
//   script, style    content dropped (its newlines kept, so parser line numbers hold);
//                    a JSON-LD script (type=application/ld+json, what metadata.cpp and
//                    jsonld.cpp read) keeps its text with "</" written "<\/" (the same
//                    JSON: "\/" is "/" inside a JSON string, and "<" is nowhere else)
//   xmp, iframe, noembed, noframes, plaintext   '&' and '<' escaped: literal text
//   textarea, title  '<' escaped (character references are still decoded)
// and every end tag becomes a plain "</name>", a "/" closing a start tag is dropped (HTML5
// ignores it: "<script/>" still starts a script). Scripting is taken as disabled:
// <noscript> is ordinary markup (its images are the lazy-loading fallbacks the reader
// uses). Inside <svg> and <math> (foreign content, left at an HTML breakout tag) only
// script and style are treated, as their content is never page text.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace galley::html {

enum class RawKind : unsigned char {
  script,     // script data (with HTML5's <!-- --> escape states)
  rawtext,    // style, xmp, iframe, noembed, noframes
  rcdata,     // textarea, title
  plaintext,  // plaintext: everything to the end
};

struct RawSpan {
  std::string_view name;  // lower-case element name
  RawKind kind = RawKind::rawtext;
  std::size_t tag_begin = 0;      // '<' of the start tag
  std::size_t content_begin = 0;  // after the start tag's '>'
  std::size_t content_end = 0;    // '<' of the end tag, or the input's size
  std::size_t end_tag_end = 0;    // after the end tag's '>' (== content_end when there is none)
  std::size_t slash = std::string_view::npos;  // the '/' of "<script/>", when present
  bool json_ld = false;           // <script type="application/ld+json">
};

// The raw-text element of a start tag name (lower-case), if it is one.
bool raw_text_kind(std::string_view name, RawKind& kind);
// Where raw text of `kind` that started at `from` after <name> ends: the '<' of its end
// tag, or s.size() when it runs to the end.
std::size_t raw_text_end(std::string_view s, std::size_t from, std::string_view name, RawKind kind);
// Every raw-text element of the page, in document order.
std::vector<RawSpan> scan_raw_text(std::string_view s);
// The page rewritten as described above. Returns false (and leaves `out` alone) when
// nothing needs rewriting.
bool neutralise_raw_text(std::string_view s, std::string& out);

}  // namespace galley::html
