// XML body -> AST, for NITF body.content (and abstracts, captions) and for the
// XHTML bodies NewsML-G2 items carry. Elements are matched on their local name;
// the two vocabularies overlap (p, ul, ol, li, table, a, em) and the rest are
// told apart by name (hl2 / h2, bq / blockquote, media / figure). An element
// neither knows keeps its text: its children are read in its place.
#pragma once
#include <libxml/tree.h>

#include <cstddef>

#include "galley/ast.hpp"
#include "galley/diagnostics.hpp"

namespace galley::nitf {

class BodyReader {
 public:
  BodyReader(Diagnostics& diag, std::size_t max_depth) : diag_(diag), max_depth_(max_depth) {}
  // The children of `container` as blocks (text outside any block becomes a Para).
  Blocks blocks(const xmlNode* container);
  // The children of `n` as inlines (blocks inside are flattened to their text).
  Inlines inlines(const xmlNode* n);
  std::size_t flattened() const { return flattened_; }

 private:
  struct Run;
  void block_children(const xmlNode* n, Blocks& out, bool tight, std::size_t depth);
  bool block_element(const xmlNode* n, Blocks& out, std::size_t depth);
  void inline_children(const xmlNode* n, Run& run, std::size_t depth);
  void inline_node(const xmlNode* n, Run& run, std::size_t depth);
  Block table(const xmlNode* n, std::size_t depth);
  Block media(const xmlNode* n, std::size_t depth);
  Block figure(const xmlNode* n, std::size_t depth);

  Diagnostics& diag_;
  std::size_t max_depth_;
  std::size_t flattened_ = 0;
};

// Is this local name one the body reader treats as a block?
bool is_block_name(std::string_view name);

}  // namespace galley::nitf
