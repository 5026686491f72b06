// Internals of the markdown writers.
#pragma once
#include <functional>
#include <string>
#include <string_view>

#include "galley/ast.hpp"
#include "galley/diagnostics.hpp"

namespace galley::markdown {

// What the target Markdown can express (gfm: pipe tables and ~~strikeout~~).
struct WriterSyntax {
  bool pipe_tables = false, strikeout = false, math_dollars = false, yaml = false, attributes = false;
  bool bare_autolinks = false;  // the target reads www.x and http://x in text as links (gfm, markdown)
  bool footnotes = false;       // [^1] references and definitions (off: the notes as a list at the end)
};

// What CommonMark's emphasis rules see beside a delimiter run (writer_flanking.cpp):
// Unicode white space (a line's start and end too), punctuation, or anything else.
enum class Side { Space, Punct, Other };
Side side_of(char32_t c);
struct CodePoint {
  char32_t value = 0;
  std::size_t length = 0;  // in bytes; 0: the text is empty
};
CodePoint first_code_point(std::string_view s);
CodePoint last_code_point(std::string_view s);
// Can a run of `delimiter` (* _ ~) between these two sides open or close emphasis?
bool can_open(char delimiter, Side before, Side after);
bool can_close(char delimiter, Side before, Side after);
// &#N;: the character as the reader reads it, but punctuation to the delimiter rules
std::string character_reference(char32_t c);

std::string write_markdown(const Document& doc, const WriterSyntax& syntax, bool standalone, Diagnostics& diag);

// Each line of text with a prefix: `first` on the first line, `rest` on the others,
// `blank` on empty lines (default: `rest` without its trailing spaces).
std::string indent(std::string_view text, std::string_view first, std::string_view rest, std::string_view blank = "\x01");

// A paragraph's lines made safe at their starts: leading spaces dropped (four would
// make code), and what would open a block there (#, -, +, =, ~, "1." ...) escaped.
std::string escape_line_starts(std::string_view text);

// A YAML metadata block ("---" ... "---\n\n"); values written as Markdown through
// `inlines` (quoted scalars) and `blocks` (literal block scalars).
struct MetaRender {
  std::function<std::string(const Inlines&)> inlines;
  std::function<std::string(const Blocks&)> blocks;
};
std::string yaml_header(const Meta& meta, const MetaRender& render);

}  // namespace galley::markdown
