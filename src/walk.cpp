// walk (bottom-up, mutable) and query (top-down, read-only) over the AST.
#include "galley/walk.hpp"

namespace galley {

namespace {

template <class B, class FI, class FB, bool Mut>
struct Walker {
  const FI* fi;  // may be null
  const FB* fb;  // may be null

  template <class Xs> void inlines(Xs& xs) { for (auto& x : xs) inl(x); }
  template <class Bs> void blocks(Bs& bs) { for (auto& b : bs) blk(b); }
  template <class C> void caption(C& c) {
    if (c.short_caption) inlines(*c.short_caption);
    blocks(c.long_caption);
  }
  template <class R> void rows(R& rs) { for (auto& r : rs) for (auto& c : r.cells) blocks(c.content); }

  template <class I> void inl(I& x) {
    if constexpr (!Mut) if (fi) (*fi)(x);
    galley::visit(
        [&](auto& n) {
          using T = std::decay_t<decltype(n)>;
          if constexpr (std::is_same_v<T, Note>) blocks(n.content);
          else if constexpr (std::is_same_v<T, Cite>) {
            for (auto& c : n.citations) { inlines(c.prefix); inlines(c.suffix); }
            inlines(n.content);
          } else if constexpr (requires { n.content; }) inlines(n.content);
        }, x);
    if constexpr (Mut) if (fi) (*fi)(x);
  }

  template <class Bk> void blk(Bk& b) {
    if constexpr (!Mut) if (fb) (*fb)(b);
    galley::visit(
        [&](auto& n) {
          using T = std::decay_t<decltype(n)>;
          if constexpr (std::is_same_v<T, Plain> || std::is_same_v<T, Para> || std::is_same_v<T, Header>) inlines(n.content);
          else if constexpr (std::is_same_v<T, LineBlock>) for (auto& l : n.lines) inlines(l);
          else if constexpr (std::is_same_v<T, BlockQuote> || std::is_same_v<T, Div>) blocks(n.content);
          else if constexpr (std::is_same_v<T, OrderedList> || std::is_same_v<T, BulletList>) for (auto& i : n.items) blocks(i);
          else if constexpr (std::is_same_v<T, DefinitionList>) {
            for (auto& item : n.items) {
              inlines(item.term);
              for (auto& d : item.definitions) blocks(d);
            }
          } else if constexpr (std::is_same_v<T, Figure>) { caption(n.caption); blocks(n.content); }
          else if constexpr (std::is_same_v<T, Table>) {
            caption(n.caption);
            rows(n.head.rows);
            for (auto& body : n.bodies) { rows(body.head); rows(body.body); }
            rows(n.foot.rows);
          }
        }, b);
    if constexpr (Mut) if (fb) (*fb)(b);
  }

  template <class M> void meta(M& m) {
    for (auto& kv : m) mv(kv.second);
  }
  template <class V> void mv(V& v) {
    std::visit(
        [&](auto& n) {
          using T = std::decay_t<decltype(n)>;
          if constexpr (std::is_same_v<T, MetaInlines> || std::is_same_v<T, MetaBlocks>) {
            if constexpr (std::is_same_v<T, MetaInlines>) inlines(n.content);
            else blocks(n.content);
          } else if constexpr (std::is_same_v<T, MetaList>) for (auto& i : n.items) mv(i);
          else if constexpr (std::is_same_v<T, MetaMap>) for (auto& kv : n.entries) mv(kv.second);
        },
        v.base());
  }
};

using FIm = std::function<void(Inline&)>;
using FBm = std::function<void(Block&)>;
using FIc = std::function<void(const Inline&)>;
using FBc = std::function<void(const Block&)>;

}  // namespace

void walk_inlines(Blocks& blocks, const FIm& f) { Walker<Block, FIm, FBm, true>{&f, nullptr}.blocks(blocks); }
void walk_blocks(Blocks& blocks, const FBm& f) { Walker<Block, FIm, FBm, true>{nullptr, &f}.blocks(blocks); }
void walk_inlines(Document& doc, const FIm& f) {
  Walker<Block, FIm, FBm, true> w{&f, nullptr};
  w.meta(doc.meta);
  w.blocks(doc.blocks);
}
void walk_blocks(Document& doc, const FBm& f) {
  Walker<Block, FIm, FBm, true> w{nullptr, &f};
  w.meta(doc.meta);
  w.blocks(doc.blocks);
}
void query_inlines(const Blocks& blocks, const FIc& f) { Walker<Block, FIc, FBc, false>{&f, nullptr}.blocks(blocks); }
void query_blocks(const Blocks& blocks, const FBc& f) { Walker<Block, FIc, FBc, false>{nullptr, &f}.blocks(blocks); }
void query(const Blocks& blocks, const FIc& fi, const FBc& fb) { Walker<Block, FIc, FBc, false>{&fi, &fb}.blocks(blocks); }
void query_inlines(const Document& doc, const FIc& f) {
  Walker<Block, FIc, FBc, false> w{&f, nullptr};
  w.meta(doc.meta);
  w.blocks(doc.blocks);
}
void query_blocks(const Document& doc, const FBc& f) {
  Walker<Block, FIc, FBc, false> w{nullptr, &f};
  w.meta(doc.meta);
  w.blocks(doc.blocks);
}

}  // namespace galley
