// Bottom-up traversals over the AST, like pandoc's walk and query.
#pragma once
#include <functional>

#include "galley/ast.hpp"

namespace galley {

// Call `f` on every Inline / Block (children first), including those inside
// notes, captions, table cells and metadata. `f` may modify the node in place.
void walk_inlines(Document& doc, const std::function<void(Inline&)>& f);
void walk_blocks(Document& doc, const std::function<void(Block&)>& f);
void walk_inlines(Blocks& blocks, const std::function<void(Inline&)>& f);
void walk_blocks(Blocks& blocks, const std::function<void(Block&)>& f);

// Read-only visits in document order (parents before children).
void query_inlines(const Document& doc, const std::function<void(const Inline&)>& f);
void query_blocks(const Document& doc, const std::function<void(const Block&)>& f);
void query_inlines(const Blocks& blocks, const std::function<void(const Inline&)>& f);
void query_blocks(const Blocks& blocks, const std::function<void(const Block&)>& f);
// Both in one pass: each block is visited before the blocks and inlines inside it.
void query(const Blocks& blocks, const std::function<void(const Inline&)>& fi,
           const std::function<void(const Block&)>& fb);

}  // namespace galley
