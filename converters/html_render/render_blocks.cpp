// HtmlRenderer::Impl: blocks, lists, tables, figures and divs.
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

void HtmlRenderer::Impl::blocks(std::string& out, const Blocks& bs) {
  for (auto& b : bs) galley::visit([&](auto& v) { this->blk(out, v); }, b);
}

void HtmlRenderer::Impl::blk(std::string& out, const Plain& v) {
  inlines(out, v.content);
  out += '\n';
}

void HtmlRenderer::Impl::blk(std::string& out, const Para& v) {
  out += "<p>";
  inlines(out, v.content);
  out += "</p>\n";
}

void HtmlRenderer::Impl::blk(std::string& out, const LineBlock& v) {
  out += "<div class=\"line-block\">";
  for (std::size_t i = 0; i < v.lines.size(); ++i) {
    if (i) {
      out += "<br";
      out += void_end();
      out += '\n';
    }
    inlines(out, v.lines[i]);
  }
  out += "</div>\n";
}

void HtmlRenderer::Impl::blk(std::string& out, const CodeBlock& v) {
  out += "<pre";
  attrs(out, v.attr, "pre");
  out += "><code";
  for (auto& c : v.attr.classes) {
    if (c == "sourceCode" || c == "numberLines" || c.empty()) continue;
    attr_kv(out, "class", c.starts_with("language-") ? c : "language-" + c);
    break;
  }
  out += '>';
  esc(out, v.text);
  out += "</code></pre>\n";
}

void HtmlRenderer::Impl::blk(std::string& out, const BlockQuote& v) {
  out += "<blockquote>\n";
  blocks(out, v.content);
  out += "</blockquote>\n";
}

void HtmlRenderer::Impl::list_items(std::string& out, const std::vector<Blocks>& items) {
  for (auto& item : items) {
    out += "<li>";
    std::string inner;
    blocks(inner, item);
    while (!inner.empty() && inner.back() == '\n') inner.pop_back();
    out += inner;
    out += "</li>\n";
  }
}

void HtmlRenderer::Impl::blk(std::string& out, const OrderedList& v) {
  out += "<ol";
  if (v.attrs.start != 1) attr_kv(out, "start", std::to_string(v.attrs.start));
  if (auto* t = list_type(v.attrs.style)) attr_kv(out, "type", t);
  out += ">\n";
  list_items(out, v.items);
  out += "</ol>\n";
}

void HtmlRenderer::Impl::blk(std::string& out, const BulletList& v) {
  out += "<ul>\n";
  list_items(out, v.items);
  out += "</ul>\n";
}

void HtmlRenderer::Impl::blk(std::string& out, const DefinitionList& v) {
  out += "<dl>\n";
  for (auto& item : v.items) {
    out += "<dt>";
    inlines(out, item.term);
    out += "</dt>\n";
    for (auto& d : item.definitions) {
      out += "<dd>";
      std::string inner;
      blocks(inner, d);
      while (!inner.empty() && inner.back() == '\n') inner.pop_back();
      out += inner;
      out += "</dd>\n";
    }
    if (item.definitions.empty()) out += "<dd></dd>\n";
  }
  out += "</dl>\n";
}

void HtmlRenderer::Impl::blk(std::string& out, const Header& v) {
  int level = std::clamp(v.level + r.opt_.header_shift, 1, 6);
  std::string tag = "h" + std::to_string(level);
  out += '<' + tag;
  std::string id;
  Attr a = v.attr;
  if (a.id.empty() && r.opt_.auto_header_ids && !copy) {
    std::string base = make_identifier(stringify(v.content));
    id = unique_id(base, false);
    attr_kv(out, "id", id);
  }
  attrs(out, a, tag, {}, &id);
  out += '>';
  inlines(out, v.content);
  out += "</" + tag + ">\n";
  if (!copy) r.headings_.push_back({level, id, stringify(v.content)});
}

void HtmlRenderer::Impl::blk(std::string& out, const HorizontalRule&) {
  out += "<hr";
  out += void_end();
  out += '\n';
}

// Content of a caption / cell: a lone Plain/Para renders inline.
void HtmlRenderer::Impl::compact(std::string& out, const Blocks& bs) {
  if (bs.size() == 1) {
    if (auto* p = bs[0].as<Plain>()) return inlines(out, p->content);
    if (auto* p = bs[0].as<Para>()) return inlines(out, p->content);
  }
  std::string inner;
  blocks(inner, bs);
  while (!inner.empty() && inner.back() == '\n') inner.pop_back();
  out += inner;
}

void HtmlRenderer::Impl::rows(std::string& out, const std::vector<Row>& rs, const std::vector<ColSpec>& cols, bool header,
          int row_head_columns) {
  // Column occupancy by row spans from rows above, to find each cell's column.
  std::vector<int> busy(cols.size(), 0);
  for (std::size_t ri = 0; ri < rs.size(); ++ri) {
    auto& row = rs[ri];
    int rows_left = static_cast<int>(rs.size() - ri);  // a row span may not leave its row group
    out += "<tr";
    attrs(out, row.attr, "tr");
    out += ">\n";
    std::size_t col = 0;
    for (auto& cell : row.cells) {
      while (col < busy.size() && busy[col] > 0) ++col;
      bool th = header || static_cast<int>(col) < row_head_columns;
      const char* tag = th ? "th" : "td";
      Alignment al = cell.align;
      if (al == Alignment::AlignDefault && col < cols.size()) al = cols[col].align;
      std::string style;
      if (auto* css = align_css(al)) style = std::string("text-align: ") + css;
      out += '<';
      out += tag;
      attrs(out, cell.attr, tag, {}, nullptr, style);
      if (!header && th) out += " scope=\"row\"";
      int row_span = std::min(cell.row_span, rows_left);
      if (row_span > 1) attr_kv(out, "rowspan", std::to_string(row_span));
      if (cell.col_span > 1) attr_kv(out, "colspan", std::to_string(cell.col_span));
      out += '>';
      compact(out, cell.content);
      out += "</";
      out += tag;
      out += ">\n";
      int span = std::max(1, cell.col_span);
      for (int k = 0; k < span; ++k, ++col)
        if (col < busy.size()) busy[col] = std::max(1, row_span);
    }
    for (auto& b : busy)
      if (b > 0) --b;
    out += "</tr>\n";
  }
}

void HtmlRenderer::Impl::blk(std::string& out, const Table& v) {
  out += "<table";
  attrs(out, v.attr, "table");
  out += ">\n";
  if (!v.caption.long_caption.empty()) {
    out += "<caption>";
    compact(out, v.caption.long_caption);
    out += "</caption>\n";
  }
  bool widths = std::any_of(v.colspecs.begin(), v.colspecs.end(), [](auto& c) { return c.width && *c.width > 0; });
  if (widths) {
    out += "<colgroup>\n";
    for (auto& c : v.colspecs) {
      out += "<col";
      if (c.width && *c.width > 0) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "width: %.0f%%", *c.width * 100.0);
        attr_kv(out, "style", buf);
      }
      out += void_end();
      out += '\n';
    }
    out += "</colgroup>\n";
  }
  if (!v.head.rows.empty()) {
    out += "<thead";
    attrs(out, v.head.attr, "thead");
    out += ">\n";
    rows(out, v.head.rows, v.colspecs, true, 0);
    out += "</thead>\n";
  }
  for (auto& body : v.bodies) {
    if (body.head.empty() && body.body.empty()) continue;
    out += "<tbody";
    attrs(out, body.attr, "tbody");
    out += ">\n";
    rows(out, body.head, v.colspecs, true, 0);
    rows(out, body.body, v.colspecs, false, body.row_head_columns);
    out += "</tbody>\n";
  }
  if (!v.foot.rows.empty()) {
    out += "<tfoot";
    attrs(out, v.foot.attr, "tfoot");
    out += ">\n";
    rows(out, v.foot.rows, v.colspecs, false, 0);
    out += "</tfoot>\n";
  }
  out += "</table>\n";
}

void HtmlRenderer::Impl::blk(std::string& out, const Figure& v) {
  out += "<figure";
  attrs(out, v.attr, "figure", v.content.empty() ? std::vector<std::string>{"caption-only"} : std::vector<std::string>{});
  out += ">\n";
  blocks(out, v.content);
  if (!v.caption.long_caption.empty()) {
    out += "<figcaption>";
    compact(out, v.caption.long_caption);
    out += "</figcaption>\n";
  }
  out += "</figure>\n";
}

void HtmlRenderer::Impl::blk(std::string& out, const Div& v) {
  std::string tag = "div";
  Attr a = v.attr;
  auto take = [&](const char* cls, const char* element) {
    auto it = std::find(a.classes.begin(), a.classes.end(), cls);
    if (it == a.classes.end() || tag != "div") return;
    a.classes.erase(it);
    tag = element;
  };
  take("aside", "aside");
  take("section", "section");
  out += '<' + tag;
  attrs(out, a, tag);
  out += ">\n";
  blocks(out, v.content);
  out += "</" + tag + ">\n";
}

void HtmlRenderer::Impl::finish() {
  if (r.removed_chars_ > 0 && !r.warned_invalid_chars_) {
    r.warned_invalid_chars_ = true;
    r.diag_.warn("invalid-xml-char", "characters not allowed in XML/HTML were removed");
  }
}

}  // namespace galley::detail
