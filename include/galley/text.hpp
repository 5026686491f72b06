// Text helpers shared by every reader and writer.
#pragma once
#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>

#include "galley/ast.hpp"
#include "galley/diagnostics.hpp"

namespace galley {

// Plain text of AST fragments (pandoc's stringify: Quoted gets curly quotes,
// Space/SoftBreak/LineBreak become " ", Notes are skipped).
std::string stringify(const Inlines& inlines);
std::string stringify(const Blocks& blocks);  // blocks joined by "\n"
std::string stringify(const MetaValue& value);

// True when `s` is NFC without looking closer: only characters that are NFC on
// their own and never combine (ASCII, Latin-1 to U+02FF, Vietnamese letters,
// general punctuation, currency signs). False means "maybe not": call nfc().
bool already_nfc(std::string_view s);
// The length of the longest prefix that already_nfc() accepts; that prefix is
// also valid UTF-8 (the quick check only passes well-formed sequences).
std::size_t nfc_quick_prefix(std::string_view s);

// Unicode NFC (utf8proc). Input must be valid UTF-8.
std::string nfc(std::string_view s);

// Is `s` valid UTF-8 (no surrogates, no overlongs)?
bool valid_utf8(std::string_view s);

// Replace invalid UTF-8 sequences with U+FFFD; one warning ("invalid-utf8")
// per document giving the first byte offset and the count. Returns the repaired text.
std::string repair_utf8(std::string_view s, Diagnostics& diag, std::string_view what = "input");

// Raw bytes of a text format -> valid NFC UTF-8 with "\n" line ends: UTF-8 with or
// without a BOM, UTF-16 LE/BE (BOM, or guessed from NUL bytes, with a warning),
// `encoding` (a name iconv knows) when given; NULs removed and invalid bytes
// replaced by U+FFFD, each with a warning. (src/decode_text.cpp)
std::string decode_text(std::string_view bytes, const std::string& encoding, Diagnostics& diag);

// Decode one UTF-8 code point at s[i]; advances i. Returns U+FFFD on a bad sequence.
char32_t next_codepoint(std::string_view s, std::size_t& i);
void append_utf8(std::string& out, char32_t cp);

// The identifiers a document has used. unique() gives a base, or base-1, base-2 ... (the
// first one free) and records it; the suffix search resumes where it stopped for that
// base, since ids are never released (a document with 37 copies of a heading would
// otherwise probe 1, 2 ... 37 for the last one).
class IdentifierSet {
 public:
  bool contains(std::string_view id) const { return used_.find(id) != used_.end(); }
  void insert(std::string id) { used_.insert(std::move(id)); }
  // An id unique() must not make up (one the document uses further on), though a base
  // equal to it is still given out as it is.
  void reserve(std::string_view id) {
    if (reserved_.find(id) == reserved_.end()) reserved_.emplace(id);
  }
  std::string unique(std::string base);
  std::size_t size() const { return used_.size(); }

 private:
  std::set<std::string, std::less<>> used_;
  std::set<std::string, std::less<>> reserved_;
  std::unordered_map<std::string, int> last_suffix_;
};

// Pandoc's auto_identifiers algorithm: lower-case, keep letters, digits, '_', '-', '.',
// spaces to '-', drop everything up to the first letter; "section" when empty.
// When `used` is given, appends -1, -2 ... to make the id unique and records it.
std::string make_identifier(std::string_view text, IdentifierSet* used = nullptr);

// Trim ASCII and Unicode whitespace at both ends.
std::string_view trim(std::string_view s);

// ASCII letters lower-cased, other bytes unchanged: for names, schemes, tags and
// language codes. Independent of the C locale (a program embedding galley may
// have set a Turkish one, where tolower('I') is not 'i').
std::string ascii_lower(std::string_view s);
// Equal but for the case of ASCII letters.
bool ascii_iequals(std::string_view a, std::string_view b);

// The value of one hexadecimal digit (either case), or -1 for any other byte.
constexpr int hex_digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// %XX escapes decoded (URL paths, data: URIs, query strings). An escape that is cut
// short or not hexadecimal is kept as written and `malformed` is set, so a lenient
// caller uses the text and a strict one refuses it. With `plus_is_space`, '+' is a
// space, as in an HTML form's query string.
struct PercentDecoded {
  std::string text;
  bool malformed = false;
};
PercentDecoded percent_decode(std::string_view s, bool plus_is_space = false);

// HTML character references decoded as the HTML5 tokenizer reads them (the
// standard's "character reference state"): &#NNN; and &#xHH; with or without the
// ';', 0, surrogates and values past U+10FFFF as U+FFFD, &#128;-&#159; as the
// windows-1252 characters they stood for; every named reference of the standard
// (case-sensitive; the legacy ones such as &amp &copy &eacute also without ';',
// the longest name winning: "&notit;" is the not sign and "it;"). In an attribute
// value a legacy name without ';' followed by '=' or a letter or digit stays as
// written ("?a=1&copy=2" is a query string). Anything else is unchanged.
// The one decoder: the HTML reader's metadata and URL checks, the safety scans
// and the markup fragment parser all use it.
enum class RefContext { Text, Attribute };
std::string decode_char_refs(std::string_view s, RefContext where = RefContext::Text);

// UTF-16 without a BOM, guessed from the NUL bytes of the first 4 KiB: ASCII-range
// characters put a NUL in the high byte, so many NULs at odd offsets (and almost none
// at even ones) mean little-endian, the reverse big-endian. Returns "UTF-16LE" or
// "UTF-16BE", or nothing when the pattern is not there (or a BOM is; callers handle it).
std::optional<std::string> guess_utf16(std::string_view bytes);

}  // namespace galley
