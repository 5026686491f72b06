// The AST -> HTML body renderer shared by the EPUB writer (XHTML) and the
// print HTML writer (HTML5). Format-specific decisions are options here.
#pragma once
#include <functional>
#include <map>
#include <unordered_map>
#include <set>
#include <string>
#include <vector>

#include "galley/ast.hpp"
#include "galley/diagnostics.hpp"
#include "galley/options.hpp"
#include "galley/text.hpp"

namespace galley::detail {

enum class NoteStyle {
  EpubFootnotes,   // <a epub:type="noteref" role="doc-noteref"> + <aside epub:type="footnote" role="doc-footnote">
  PrintFootnotes,  // <span class="footnote"> inline at the call site (CSS float: footnote) + endnotes fallback
  Endnotes         // <section role="doc-endnotes"><ol>...</ol></section> at the end
};

struct HtmlRenderOptions {
  bool xhtml = false;              // self-closing void elements, epub:type attributes allowed
  NoteStyle notes = NoteStyle::Endnotes;
  std::string lang;                // document language, for quotes
  int header_shift = 0;            // added to header levels (title page takes h1)
  // Maps an image/link URL to what goes into the markup (e.g. the EPUB's
  // internal path, a data: URI). Return "" to drop the image (alt text is
  // then kept as text). Default: the URL unchanged.
  std::function<std::string(const std::string& url)> map_image;
  // Maps internal link targets "#id" (e.g. to "ch002.xhtml#id" for EPUB).
  std::function<std::string(const std::string& href)> map_link;
  // Give headers without an id one derived from their text (pandoc's
  // auto_identifiers), so a table of contents / EPUB nav can point to them.
  bool auto_header_ids = true;
  // Text of the link back from a note to its call.
  std::string backlink_text = "\u21A9";
  // Formulas written as their text (the TeX, else the MathML's linear reading: what the
  // MathML's alttext holds) instead of MathML, for bodies that take XHTML elements only
  // (the syndication formats).
  bool formulas_as_text = false;
};

// A header as rendered (for tables of contents): final id, level after
// header_shift, plain text.
struct RenderedHeading {
  int level = 1;
  std::string id;
  std::string text;
};

class HtmlRenderer {
 public:
  HtmlRenderer(HtmlRenderOptions options, Diagnostics& diag);
  // Render blocks; notes collected as they are met.
  std::string blocks(const Blocks& blocks);
  // The same for blocks held elsewhere (a writer that copied only the blocks it rewrote).
  std::string blocks(const std::vector<const Block*>& bs);
  std::string inlines(const Inlines& inlines);
  // The footnotes met since the last call, rendered for the chosen style
  // ("" when none). EPUB calls this at the end of each chapter file.
  std::string take_notes();
  // Ids used so far (ids are made unique and valid XML NCNames).
  const IdentifierSet& used_ids() const { return used_ids_; }
  int note_count() const { return note_counter_; }
  // Every header rendered so far, in order.
  const std::vector<RenderedHeading>& headings() const { return headings_; }

 private:
  struct Impl;
  HtmlRenderOptions opt_;
  Diagnostics& diag_;
  IdentifierSet used_ids_;
  int note_counter_ = 0;
  std::string pending_notes_;
  int pending_first_ = 0;                            // number of the first pending note
  std::map<std::string, std::string> id_renames_;    // original id -> id written
  std::vector<RenderedHeading> headings_;
  std::size_t removed_chars_ = 0;                    // invalid XML chars dropped
  bool warned_invalid_chars_ = false;
  friend struct Impl;
};

// Is a raw block/inline in `format` passed through as HTML (case-insensitive:
// html, html4, html5, and xhtml when `xhtml`)? Every writer that cleans raw
// HTML before rendering asks this same question, so none cleans less than the
// renderer lets through (a fuzz finding: "HTML" skipped EPUB's cleaning).
bool is_raw_html_format(const std::string& format, bool xhtml);

}  // namespace galley::detail
