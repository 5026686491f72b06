// XML body -> AST, for NITF body.content (and abstracts, captions) and for the
// XHTML bodies NewsML-G2 items carry. Elements are matched on their local name;
// the two vocabularies overlap (p, ul, ol, li, table, a, em) and the rest are
// told apart by name (hl2 / h2, bq / blockquote, media / figure). An element
// neither knows keeps its text: its children are read in its place.
#pragma once
#include <libxml/tree.h>

#include <cstddef>
#include <map>
#include <set>
#include <string>

#include "galley/ast.hpp"
#include "galley/diagnostics.hpp"

namespace galley::nitf {

class BodyReader {
 public:
  explicit BodyReader(std::size_t max_depth) : max_depth_(max_depth) {}
  // The children of `container` as blocks (text outside any block becomes a Para).
  // Footnotes are found first: NITF's <fn id> and XHTML endnotes (li with an id in
  // a role="doc-endnotes" section); a link to one becomes a Note at the call.
  Blocks blocks(const xmlNode* container);
  // Finds the footnotes of a whole body first (when blocks() reads its parts).
  void find_notes(const xmlNode* root) {
    if (root) collect_notes(root, false, 0);
  }
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
  void collect_notes(const xmlNode* n, bool in_endnotes, std::size_t depth);
  bool notes_all_used(const xmlNode* n) const;

  std::map<std::string, const xmlNode*> notes_;
  std::set<std::string> used_notes_;

  std::size_t max_depth_;
  std::size_t flattened_ = 0;
};

// Is this local name one the body reader treats as a block?
bool is_block_name(std::string_view name);

}  // namespace galley::nitf
