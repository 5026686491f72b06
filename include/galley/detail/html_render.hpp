// The AST -> HTML body renderer shared by the EPUB writer (XHTML) and the
// print HTML writer (HTML5). Format-specific decisions are options here.
#pragma once
#include <functional>
#include <map>
#include <set>
#include <string>

#include "galley/ast.hpp"
#include "galley/diagnostics.hpp"
#include "galley/options.hpp"

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
};

class HtmlRenderer {
 public:
  HtmlRenderer(HtmlRenderOptions options, Diagnostics& diag);
  // Render blocks; notes collected as they are met.
  std::string blocks(const Blocks& blocks);
  std::string inlines(const Inlines& inlines);
  // The footnotes met since the last call, rendered for the chosen style
  // ("" when none). EPUB calls this at the end of each chapter file.
  std::string take_notes();
  // Ids used so far (ids are made unique and valid XML NCNames).
  const std::set<std::string>& used_ids() const { return used_ids_; }
  int note_count() const { return note_counter_; }

 private:
  struct Impl;
  HtmlRenderOptions opt_;
  Diagnostics& diag_;
  std::set<std::string> used_ids_;
  int note_counter_ = 0;
  std::string pending_notes_;
  friend struct Impl;
};

}  // namespace galley::detail
