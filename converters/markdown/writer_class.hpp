// The markdown writers' one class: its state (the notes collected, the warnings
// given, what the last block was, what follows the inline being written) and its
// methods, defined by job in writer.cpp (the document and its blocks),
// writer_tables.cpp (tables) and writer_inlines.cpp (inlines and escaping; the
// delimiter rules they follow are in writer_flanking.cpp). Private to the markdown
// converter.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "galley/ast.hpp"
#include "galley/diagnostics.hpp"
#include "markdown/writer_detail.hpp"

namespace galley::markdown {

class MdWriter {
 public:
  MdWriter(const WriterSyntax& syn, Diagnostics& diag) : syn_(syn), diag_(diag) {}
  std::string document(const Document& doc, bool standalone);
 private:
  const WriterSyntax& syn_;
  Diagnostics& diag_;
  std::vector<Blocks> notes_;  // copies: a note may live in a temporary (definition lists)
  bool warned_raw_ = false, warned_cells_ = false, warned_deflist_ = false;
  bool ends_with_list_ = false;  // the last block written was a list
  bool reference_next_ = false;  // the next text's first character goes as &#N; (a closer needs it)
  // The delimiter characters of the openers written inside the emphasis being written
  // that could also close: emphasis of those characters around it would end there.
  std::string risky_;
  bool in_tildes_ = false;  // the inlines being written are right inside ~~ delimiters
  std::string blocks(const Blocks& bs, bool tight);
  std::string block(const Block& b);
  std::string paragraph(const Inlines& ils);
  // A figure of one image: the image alone in its paragraph with the caption as
  // its text (what implicit_figures reads back as a figure); anything else: the
  // content, then the caption as a paragraph.
  std::string figure(const Figure& f);
  // {#id .class key="value"}; "" when there is nothing to say
  static std::string attribute_text(const Attr& a);
  // The same inside a paragraph (spans, links, images, headers), where cmark reads the
  // text first: its markup characters and the addresses GFM would link are escaped.
  std::string inline_attribute_text(const Attr& a) const;
  std::string code_block(const CodeBlock& c);
  static bool starts_like_list(std::string_view s);
  std::string list(const std::vector<Blocks>& items, const ListAttributes* ordered);
  std::string list_text(const std::vector<Blocks>& items, const ListAttributes* ordered);
  std::string definitions(const DefinitionList& d);
  std::string cell_text(const Cell& c);
  // The inlines of blocks, one after the other (a cell or caption that holds more
  // than a paragraph); code as its text.
  static void flatten(const Blocks& bs, Inlines& out);
  // [^n] for each note in these blocks (an HTML table cell's), the notes collected.
  std::string note_references(const Blocks& bs);
  // A header, code or a rule: what the next line cannot continue.
  static bool closed_block(const Block& b);
  // Would this block, on the line after a paragraph, start a block of its own?
  static bool interrupts_paragraph(std::string_view s);
  // Does this text end with a block that may be an HTML block (one a fence cannot end)?
  static bool ends_in_html(std::string_view text);
  // "\n\n" and the table's caption as a paragraph, "" without one.
  std::string caption_paragraph(const Table& t);
  std::string pipe_table(const Table& t);
  std::string html_table(const Table& t);
  // An HTML block that starts with <pre>, <script>, <style> or <textarea> runs to
  // that element's end tag: without one it would swallow the rest of the document.
  static std::string raw_html_block(std::string html);
  void warn_raw(const std::string& format);
  // *a**b* would read as nothing like Emph[a] Emph[b]: emphasis of one kind that
  // touches emphasis of the same kind is written as one
  static bool touching_same(const Inlines& ils);
  static Inlines merge_touching(const Inlines& ils);
  // Inlines on their own: markup (a delimiter, a bracket) or a line's end on either side.
  std::string inlines(const Inlines& given, bool heading = false);
  // How what an inline writes begins (for the closing delimiter before it).
  struct Lead {
    bool writes = false;  // false: it writes nothing, look at the next one
    Side side = Side::Punct;
    bool text = false;    // its first character comes from text (may be written as &#N;)
    bool tildes = false;  // it begins with a ~~ run
  };
  // What the inline being written is followed by.
  Lead after_{true, Side::Punct, false, false};
  // Inlines appended to `out`, followed by `after` (spans and quotes write their content in place).
  void inlines_into(const Inlines& given, std::string& out, bool heading, Lead after);
  Lead lead(const Inline& x, bool heading) const;
  Lead lead(const Inlines& ils, std::size_t from, bool heading) const;
  void text(std::string_view s, std::string& out, bool heading);
  // Emphasis must not begin or end with a space (it would not be emphasis): the
  // spaces go outside the delimiters. Where CommonMark's flanking rules would not
  // read the delimiters (a letter before *"x"*, *(x)* before a letter), the letter
  // outside is written as a character reference; failing that, as HTML tags.
  void wrapped(const Inlines& content, const std::string& open, const std::string& close, std::string& out, bool heading);
  void inline_(const Inline& x, std::string& out, bool heading);
  void link(const Inlines& content, const Target& t, const Attr& attr, bool image, std::string& out, bool heading);
  static bool autolinkable(const std::string& url);
  // Does `out` end with `c` unescaped (markup, not text)?
  static bool ends_with_markup(const std::string& out, char c);
  // A link destination: <...> when it holds spaces or unbalanced parentheses.
  static std::string destination(const std::string& url);
  static std::string code_span(const std::string& text);
  std::string escape_math(const std::string& tex) const;
  std::string escape_text(std::string_view s, bool heading) const;
  void escape_text_into(std::string_view s, bool heading, std::string& out) const;
  // Whether escape_text puts a backslash before s[i].
  bool needs_escape(std::string_view s, std::size_t i, bool heading) const;
  static std::string one_line(std::string s);
};

}  // namespace galley::markdown
