// CommonMark's delimiter-run rules as the writers need them: whether a * _ or ~
// run between two characters can open or close emphasis, by the classes
// cmark-gfm gives those characters (white space, punctuation, anything else).
#include <utf8proc.h>

#include <string>

#include "markdown/writer_detail.hpp"

namespace galley::markdown {

Side side_of(char32_t c) {
  // cmark-gfm 0.29: tab, line ends and the space separators (Zs) are white space;
  // ASCII punctuation and the Unicode punctuation categories (P*) are punctuation
  if (c == '\t' || c == '\n' || c == '\f' || c == '\r') return Side::Space;
  auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  if (cat == UTF8PROC_CATEGORY_ZS) return Side::Space;
  if (c < 0x80) {
    bool p = (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
    return p ? Side::Punct : Side::Other;
  }
  switch (cat) {
    case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS: case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF: case UTF8PROC_CATEGORY_PO:
      return Side::Punct;
    default:
      return Side::Other;
  }
}

CodePoint first_code_point(std::string_view s) {
  if (s.empty()) return {};
  utf8proc_int32_t cp = 0;
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()), &cp);
  if (n <= 0) return {static_cast<unsigned char>(s[0]), 1};  // not UTF-8: a byte of its own
  return {static_cast<char32_t>(cp), static_cast<std::size_t>(n)};
}

CodePoint last_code_point(std::string_view s) {
  if (s.empty()) return {};
  std::size_t start = s.size() - 1;
  while (start > 0 && s.size() - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  CodePoint c = first_code_point(s.substr(start));
  if (start + c.length != s.size()) return {static_cast<unsigned char>(s.back()), 1};
  return c;
}

namespace {

bool left_flanking(Side before, Side after) {
  return after != Side::Space && (after != Side::Punct || before != Side::Other);
}
bool right_flanking(Side before, Side after) {
  return before != Side::Space && (before != Side::Punct || after != Side::Other);
}

}  // namespace

// '_' is stricter than '*' and '~' inside words: it opens only where it could not
// close (or after punctuation), and the reverse.
bool can_open(char delimiter, Side before, Side after) {
  bool l = left_flanking(before, after);
  if (delimiter != '_') return l;
  return l && (!right_flanking(before, after) || before == Side::Punct);
}

bool can_close(char delimiter, Side before, Side after) {
  bool r = right_flanking(before, after);
  if (delimiter != '_') return r;
  return r && (!left_flanking(before, after) || after == Side::Punct);
}

std::string character_reference(char32_t c) { return "&#" + std::to_string(static_cast<unsigned long>(c)) + ";"; }

}  // namespace galley::markdown
