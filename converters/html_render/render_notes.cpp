// HtmlRenderer::Impl: notes (EPUB footnotes, print footnotes at the call, endnotes).
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

#include "html_render/render_impl.hpp"

namespace galley::detail {
using namespace render;  // the helpers, as they were when all this was one file

void HtmlRenderer::Impl::inl(std::string& out, const Note& v) {
  if (copy) {  // a note inside a note's inline copy: keep its text in parentheses
    out += " (";
    phrasing(out, v.content);
    out += ")";
    return;
  }
  int n = ++r.note_counter_;
  std::string num = std::to_string(n);
  std::string fn = unique_id("fn" + num, false);
  std::string ref = unique_id("fnref" + num, false);
  auto style = r.opt_.notes;
  // the call
  if (link_depth > 0) {
    out += "<sup class=\"footnote-ref\"";
    attr_kv(out, "id", ref);
    out += '>' + num + "</sup>";
  } else if (style == NoteStyle::EpubFootnotes) {
    out += "<a";
    if (x()) out += " epub:type=\"noteref\"";
    out += " role=\"doc-noteref\"";
    attr_kv(out, "href", "#" + fn);
    attr_kv(out, "id", ref);
    out += '>' + num + "</a>";
  } else {
    out += "<a class=\"footnote-ref\"";
    attr_kv(out, "href", "#" + fn);
    attr_kv(out, "id", ref);
    out += " role=\"doc-noteref\"><sup>" + num + "</sup></a>";
  }
  if (style == NoteStyle::PrintFootnotes) {
    // The footnote itself at the call site, for engines with float: footnote.
    out += "<span class=\"footnote\">";
    Impl c{r, true, link_depth};
    c.phrasing(out, v.content);
    out += "</span>";
  }
  // The note body (rendered after the call so nested notes number after it).
  std::string body;
  blocks(body, v.content);
  std::string back = "<a";
  attr_kv(back, "href", "#" + ref);
  back += " class=\"footnote-back\" role=\"doc-backlink\">";
  esc(back, r.opt_.backlink_text);
  back += "</a>";
  while (!body.empty() && body.back() == '\n') body.pop_back();
  if (body.ends_with("</p>"))
    body.insert(body.size() - 4, " " + back);
  else
    body += (body.empty() ? "" : "\n") + std::string("<p>") + back + "</p>";
  if (r.pending_notes_.empty()) r.pending_first_ = n;
  if (style == NoteStyle::EpubFootnotes) {
    r.pending_notes_ += "<aside";
    if (x()) r.pending_notes_ += " epub:type=\"footnote\"";
    r.pending_notes_ += " role=\"doc-footnote\"";
    attr_kv(r.pending_notes_, "id", fn);
    r.pending_notes_ += ">\n" + body + "\n</aside>\n";
  } else {
    r.pending_notes_ += "<li";
    if (x()) r.pending_notes_ += " epub:type=\"endnote\"";
    attr_kv(r.pending_notes_, "id", fn);
    r.pending_notes_ += ">\n" + body + "\n</li>\n";
  }
}

// Blocks flattened into phrasing content (for <span class="footnote">).
void HtmlRenderer::Impl::phrasing(std::string& out, const Blocks& bs) {
  bool first = true;
  auto sep = [&] {
    if (!first) {
      out += "<br";
      out += void_end();
    }
    first = false;
  };
  for (auto& b : bs) {
    if (auto* p = b.as<Para>()) { sep(); inlines(out, p->content); }
    else if (auto* p = b.as<Plain>()) { sep(); inlines(out, p->content); }
    else if (auto* p = b.as<Header>()) { sep(); wrap(out, "strong", p->content); }
    else if (auto* p = b.as<LineBlock>()) {
      for (auto& l : p->lines) { sep(); inlines(out, l); }
    } else if (auto* p = b.as<CodeBlock>()) { sep(); out += "<code>"; esc(out, p->text); out += "</code>"; }
    else if (auto* p = b.as<RawBlock>()) {
      if (is_raw_html_format(p->format, x())) { sep(); raw(out, p->format, p->text, false); }
    } else if (auto* p = b.as<BlockQuote>()) { sep(); first = true; phrasing(out, p->content); first = false; }
    else if (auto* p = b.as<Div>()) { sep(); first = true; phrasing(out, p->content); first = false; }
    else if (auto* p = b.as<Figure>()) {
      sep(); first = true; phrasing(out, p->content);
      if (!p->caption.long_caption.empty()) { out += ' '; phrasing(out, p->caption.long_caption); }
      first = false;
    } else if (auto* p = b.as<BulletList>()) {
      for (auto& item : p->items) { sep(); out += "\u2022 "; first = true; phrasing(out, item); first = false; }
    } else if (auto* p = b.as<OrderedList>()) {
      long long k = p->attrs.start;  // 64-bit: the list may start at INT_MAX
      for (auto& item : p->items) { sep(); out += std::to_string(k++) + ". "; first = true; phrasing(out, item); first = false; }
    } else if (auto* p = b.as<DefinitionList>()) {
      for (auto& item : p->items) {
        sep(); wrap(out, "strong", item.term);
        for (auto& d : item.definitions) { out += ": "; first = true; phrasing(out, d); first = false; }
      }
    } else if (auto* p = b.as<Table>()) {
      sep();
      bool any = false;
      auto rows = [&](const std::vector<Row>& rs) {
        for (auto& row : rs)
          for (auto& cell : row.cells) {
            if (any) out += "; ";
            any = true;
            first = true;
            phrasing(out, cell.content);
            first = false;
          }
      };
      rows(p->head.rows);
      for (auto& body : p->bodies) { rows(body.head); rows(body.body); }
      rows(p->foot.rows);
    }
    // HorizontalRule: nothing to say inline
  }
}

}  // namespace galley::detail
