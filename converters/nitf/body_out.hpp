// AST -> NITF 3.6 body markup (body.content's blockContent and enrichedText).
// NITF has fewer kinds of element than the AST: what it lacks is written with the
// nearest element and a class (Strong -> <em class="bold">, headings of every
// level -> <hl2>), and what it cannot hold at all is reported, never dropped
// silently. The output is valid wherever the XSD allows blockContent.
#pragma once
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "galley/ast.hpp"
#include "galley/diagnostics.hpp"

namespace galley::nitf {

class BodyWriter {
 public:
  BodyWriter(std::string& out, Diagnostics& diag, std::string id_prefix = {})
      : out_(out), diag_(diag), id_prefix_(std::move(id_prefix)) {}
  // Blocks as blockContent (p, hl2, ul, ol, dl, bq, table, media, pre, hr).
  void blocks(const Blocks& bs);
  // Inlines as enrichedText (text, em, a, q, br); images become their alt text
  // here and a <media> after the enclosing block.
  void inlines(const Inlines& xs);
  // Plain text, escaped.
  void text(std::string_view s);
  // The footnotes met so far, as <fn> elements (blockContent), then cleared.
  void footnotes();
  // One warning per kind of loss, and the count of characters XML forbids.
  void report();
  std::size_t removed_chars() const { return removed_; }

 private:
  void block(const Block& b);
  void inline_(const Inline& x);
  void em(const char* cls, const Inlines& xs);
  void media_for(const Inlines& alt, const Target& t, const Attr& a, const Blocks* caption);
  void flush_media();
  void cell_content(const Blocks& bs);
  void list_item(const Blocks& bs);
  void lost(const std::string& what);

  std::string& out_;
  Diagnostics& diag_;
  std::size_t removed_ = 0;
  int depth_ = 0;
  struct PendingImage {
    Inlines alt;
    Target target;
    Attr attr;
  };
  std::vector<PendingImage> images_;
  std::vector<Blocks> notes_;  // copies: a table's rows are written from temporaries
  int note_counter_ = 0;
  std::map<std::string, int> losses_;
  std::string id_prefix_;
};

}  // namespace galley::nitf
