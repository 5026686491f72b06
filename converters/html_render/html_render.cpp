// The AST -> HTML body renderer shared by the EPUB writer (XHTML) and the
// print HTML writer (HTML5). See html_render.hpp.
#include "html_render/html_render.hpp"
#include "html_render/render_impl.hpp"

#include <libxml/parser.h>

#include <algorithm>
#include <cstdio>
#include <cctype>
#include <string_view>
#include <utility>

#include "galley/detail/xml.hpp"
#include "galley/io.hpp"
#include "galley/locale.hpp"
#include "galley/raw_html.hpp"
#include "galley/text.hpp"

namespace galley::detail {
using namespace render;

HtmlRenderer::HtmlRenderer(HtmlRenderOptions options, Diagnostics& diag) : opt_(std::move(options)), diag_(diag) {}

std::string HtmlRenderer::blocks(const Blocks& bs) {
  std::string out;
  Impl impl{*this};
  impl.blocks(out, bs);
  impl.finish();
  return out;
}

std::string HtmlRenderer::blocks(const std::vector<const Block*>& bs) {
  std::string out;
  Impl impl{*this};
  for (const Block* b : bs) galley::visit([&](auto& v) { impl.blk(out, v); }, *b);
  impl.finish();
  return out;
}

std::string HtmlRenderer::inlines(const Inlines& ils) {
  std::string out;
  Impl impl{*this};
  impl.inlines(out, ils);
  impl.finish();
  return out;
}

std::string HtmlRenderer::take_notes() {
  if (pending_notes_.empty()) return {};
  std::string out;
  if (opt_.notes == NoteStyle::EpubFootnotes) {
    out = std::move(pending_notes_);
  } else {
    out = "<section";
    if (opt_.xhtml) out += " epub:type=\"endnotes\"";
    out += " role=\"doc-endnotes\" class=\"footnotes\">\n<ol";
    if (pending_first_ != 1) out += " start=\"" + std::to_string(pending_first_) + "\"";
    out += ">\n" + pending_notes_ + "</ol>\n</section>\n";
  }
  pending_notes_.clear();
  pending_first_ = 0;
  return out;
}

bool is_raw_html_format(const std::string& f, bool xhtml) {
  std::string l = lower(f);
  return l == "html" || l == "html5" || l == "html4" || (xhtml && l == "xhtml");
}

}  // namespace galley::detail
