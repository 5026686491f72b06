// The commonmark and gfm writers' one class: its state (the notes collected, the
// warnings given, what the last block was) and its methods, defined by job in
// writer.cpp (the document and its blocks) and writer_inlines.cpp (inlines and
// escaping). Private to the markdown converter.
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
  bool next_is_word_ = false;    // the inline after the one being written starts with a letter
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
  std::string inlines(const Inlines& given, bool heading = false);
  // Does this inline begin with a letter or digit (what a closing * may not touch
  // after punctuation)?
  static bool starts_with_word_char(const Inline& x);
  // Emphasis must not begin or end with a space (it would not be emphasis): the
  // spaces go outside the delimiters.
  void wrapped(const Inlines& content, const std::string& open, const std::string& close, std::string& out, bool heading);
  void inline_(const Inline& x, std::string& out, bool heading);
  void link(const Inlines& content, const Target& t, const Attr& attr, bool image, std::string& out, bool heading);
  static bool autolinkable(const std::string& url);
  // A link destination: <...> when it holds spaces or unbalanced parentheses.
  static std::string destination(const std::string& url);
  static std::string code_span(const std::string& text);
  std::string escape_math(const std::string& tex) const;
  std::string escape_text(std::string_view s, bool heading) const;
  static std::string one_line(std::string s);
};

}  // namespace galley::markdown
