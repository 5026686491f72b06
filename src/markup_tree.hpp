// A lenient parser for small XML/HTML fragments (MathML, SVG) into a tree, for
// the foreign-markup sanitiser and MathML -> text. Not a general XML parser:
// it never fails, closes what is left open, ignores stray end tags, drops
// comments, processing instructions and doctypes, and reads CDATA as text.
// Character references in text and attribute values are decoded by
// galley::decode_char_refs, as an HTML parser reads them.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace galley::detail {

struct MarkupNode {
  bool element = false;
  std::string name;  // as written (prefix kept); "" for text
  std::vector<std::pair<std::string, std::string>> attributes;  // names as written, values decoded
  std::string text;  // text nodes: decoded
  std::vector<MarkupNode> children;
};

// Elements nested deeper than `max_depth` are not created; their text goes to
// the deepest element kept (no recursion limit is reached by what follows).
std::vector<MarkupNode> parse_markup(std::string_view s, std::size_t max_depth = 128);

// The local name (after any prefix), ASCII lower-cased.
std::string markup_local_name(std::string_view qname);

// The text content of a node (every descendant text, in order).
void append_markup_text(const MarkupNode& n, std::string& out);

}  // namespace galley::detail
