// The renderer's private parts, shared by its files (not installed, not for other converters):
//   render_helpers.cpp     URL, attribute-name, quote and fragment checks (namespace render)
//   render_attributes.cpp  ids and attributes
//   render_inlines.cpp     inlines, raw HTML, links and images
//   render_math.cpp        formulas (MathML) and raw MathML/SVG fragments
//   render_notes.cpp       notes in their three styles
//   render_blocks.cpp      blocks, tables, figures
//   html_render.cpp        HtmlRenderer, which runs an Impl per call
// One class split by job across files, so that each file stays small.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "galley/detail/xml.hpp"
#include "galley/math.hpp"
#include "html_render/html_render.hpp"

namespace galley::detail {

namespace render {

std::string lower(std::string_view s);
bool starts_with_ci(std::string_view s, std::string_view prefix);
bool icontains(std::string_view hay, std::string_view needle);
// The one URL-safety check all writers share (galley/io.hpp).
bool dangerous_url(std::string_view url);
// Percent-encode what URLs may not hold literally (spaces, controls, "<>\^`{|}).
std::string clean_url(std::string_view url);
bool valid_attr_name(std::string_view k);
// Attributes that HTML5 allows on the elements the renderer produces; any
// other key becomes data-<key> (as pandoc's HTML5 writer does).
bool known_attribute(std::string_view key, std::string_view element);
std::string data_name(std::string_view key);
struct Quotes { std::string dq_open, dq_close, sq_open, sq_close; };
Quotes quotes_for(const std::string& lang);
// Is `fragment` well-formed XML content (for raw HTML in XHTML output)?
bool well_formed_fragment(const std::string& fragment);
// Does an HTML `fragment` end in text, outside any tag and comment? One that ends inside
// a tag ("<scri", '<a href="') would take in what follows, escaped or not: the next Str
// 'pt src="//x/y.js">' made "<script src=...>" in print HTML (found by the writers fuzzer).
bool ends_in_text(std::string_view f);
const char* list_type(ListNumberStyle s);
const char* align_css(Alignment a);

}  // namespace render

struct HtmlRenderer::Impl {
  HtmlRenderer& r;
  // A second, id-less and quiet rendering of note content (print footnotes
  // inline at the call site): no ids, no warnings, nested notes inline.
  bool copy = false;
  int link_depth = 0;

  bool x() const { return r.opt_.xhtml; }
  const char* void_end() const { return r.opt_.xhtml ? " />" : ">"; }

  void warn(const std::string& kind, const std::string& msg) {
    if (!copy) r.diag_.warn(kind, msg);
  }

  void esc(std::string& out, std::string_view s, bool attribute = false) {
    append_escaped(out, s, attribute, &r.removed_chars_);
  }

  // ---- ids ----
  std::string unique_id(const std::string& raw, bool warn_rewrite = true);

  std::string link_target(const std::string& url);

  // ---- attributes ----
  void attr_kv(std::string& out, std::string_view k, std::string_view v);

  // Writes id, class and key=value attributes. `id_out` receives the id written.
  void attrs(std::string& out, const Attr& a, std::string_view element, std::vector<std::string> extra_classes = {},
             std::string* id_out = nullptr, std::string extra_style = {});

  // ---- inlines ----
  void inlines(std::string& out, const Inlines& ils);

  void wrap(std::string& out, const char* tag, const Inlines& content);

  void inline_(std::string& out, const Inline& il);

  void inl(std::string& out, const Str& v) { esc(out, v.text); }
  void inl(std::string& out, const Emph& v) { wrap(out, "em", v.content); }
  void inl(std::string& out, const Strong& v) { wrap(out, "strong", v.content); }
  void inl(std::string& out, const Underline& v) { wrap(out, "u", v.content); }
  void inl(std::string& out, const Strikeout& v) { wrap(out, "del", v.content); }
  void inl(std::string& out, const Superscript& v) { wrap(out, "sup", v.content); }
  void inl(std::string& out, const Subscript& v) { wrap(out, "sub", v.content); }
  void inl(std::string& out, const SmallCaps& v);
  void inl(std::string& out, const Quoted& v);
  void inl(std::string& out, const Cite& v);
  void inl(std::string& out, const Code& v);
  void inl(std::string& out, const Space&) { out += ' '; }
  void inl(std::string& out, const SoftBreak&) { out += '\n'; }
  void inl(std::string& out, const LineBreak&);
  void inl(std::string& out, const Math& v);
  void inl(std::string& out, const RawInline& v) { raw(out, v.format, v.text, false); }

  // A formula as namespaced MathML (render_math.cpp).
  void formula(std::string& out, const Formula& f);
  // A raw fragment that is one <math> or <svg> element, sanitised and written; false
  // when the fragment is something else.
  bool foreign_raw(std::string& out, const std::string& text, bool block);

  void raw(std::string& out, const std::string& format, const std::string& text, bool block);
  void raw_checked(std::string& out, const std::string& text, bool block);
  // Whether appending `next` to `out` would form "]]>" across the join.
  static bool completes_cdata_end(const std::string& out, const std::string& next);

  void inl(std::string& out, const Link& v);

  static bool pixel_number(const std::string& s);

  void inl(std::string& out, const Image& v);

  void inl(std::string& out, const Span& v);

  // ---- notes ----
  void inl(std::string& out, const Note& v);

  // Blocks flattened into phrasing content (for <span class="footnote">).
  void phrasing(std::string& out, const Blocks& bs);

  // ---- blocks ----
  void blocks(std::string& out, const Blocks& bs);

  void blk(std::string& out, const Plain& v);
  void blk(std::string& out, const Para& v);
  void blk(std::string& out, const LineBlock& v);
  void blk(std::string& out, const CodeBlock& v);
  void blk(std::string& out, const RawBlock& v) { raw(out, v.format, v.text, true); }
  void blk(std::string& out, const BlockQuote& v);
  void list_items(std::string& out, const std::vector<Blocks>& items);
  void blk(std::string& out, const OrderedList& v);
  void blk(std::string& out, const BulletList& v);
  void blk(std::string& out, const DefinitionList& v);
  void blk(std::string& out, const Header& v);
  void blk(std::string& out, const HorizontalRule&);

  // Content of a caption / cell: a lone Plain/Para renders inline.
  void compact(std::string& out, const Blocks& bs);

  void rows(std::string& out, const std::vector<Row>& rs, const std::vector<ColSpec>& cols, bool header,
            int row_head_columns);

  void blk(std::string& out, const Table& v);

  void blk(std::string& out, const Figure& v);

  void blk(std::string& out, const Div& v);

  void finish();
};

}  // namespace galley::detail
