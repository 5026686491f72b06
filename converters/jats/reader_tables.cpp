// table-wrap -> Table: the XHTML table model JATS uses (col/colgroup, thead,
// tbody, tfoot, tr, th/td with colspan/rowspan/align), label and caption as the
// Table's caption, table-wrap-foot (table footnotes, notes) as a Div after it.
// A table-wrap holding only an image of the table becomes a Figure.
#include <algorithm>
#include <string>
#include <vector>

#include "jats/reader.hpp"

namespace galley::jats::in {
namespace {

constexpr int kMaxSpan = 1000;  // a colspan of 10^9 must not make a billion columns

int span(const xmlNode* c, const char* name) {
  std::string v = attr(c, name);
  int n = 0;
  for (char ch : v) {
    if (ch < '0' || ch > '9') break;
    n = n * 10 + (ch - '0');
    if (n > kMaxSpan) return kMaxSpan;
  }
  return n < 1 ? 1 : n;
}

Alignment align_of(const std::string& a) {
  if (a == "left") return Alignment::AlignLeft;
  if (a == "right") return Alignment::AlignRight;
  if (a == "center") return Alignment::AlignCenter;
  return Alignment::AlignDefault;
}

galley::Row read_row(Reading& r, const xmlNode* tr) {
  Deeper d(r);
  galley::Row row;
  row.attr.id = attr(tr, "id");
  for (const xmlNode* c = tr->children; c; c = c->next) {
    if (!is_el(c, "td") && !is_el(c, "th")) {
      if (is_el(c)) r.unmapped_element(c);
      continue;
    }
    Cell cell;
    cell.align = align_of(attr(c, "align"));
    cell.row_span = span(c, "rowspan");
    cell.col_span = span(c, "colspan");
    cell.content = blocks_of(r, c, true);
    row.cells.push_back(std::move(cell));
  }
  return row;
}

std::vector<galley::Row> rows_of(Reading& r, const xmlNode* group) {
  std::vector<galley::Row> rows;
  for (const xmlNode* tr : all(group, "tr")) rows.push_back(read_row(r, tr));
  return rows;
}

// The number of columns: cells per row counting spans, and the rows that cells above
// still cover.
std::size_t column_count(const std::vector<const std::vector<galley::Row>*>& groups) {
  std::size_t most = 0;
  std::vector<int> covered;  // per column: rows still covered by a rowspan above
  for (auto* g : groups)
    for (const galley::Row& row : *g) {
      std::size_t col = 0;
      auto skip_covered = [&] {
        while (col < covered.size() && covered[col] > 0) ++col;
      };
      std::vector<int> next(covered.size());
      for (std::size_t i = 0; i < covered.size(); ++i) next[i] = covered[i] > 0 ? covered[i] - 1 : 0;
      for (const Cell& c : row.cells) {
        skip_covered();
        for (int k = 0; k < c.col_span; ++k, ++col) {
          if (col >= next.size()) next.resize(col + 1, 0), covered.resize(col + 1, 0);
          next[col] = c.row_span - 1;
        }
      }
      skip_covered();
      most = std::max(most, std::max(col, static_cast<std::size_t>(0)));
      covered = next;
    }
  return most;
}

std::vector<ColSpec> colspecs(const xmlNode* table, std::size_t columns) {
  std::vector<ColSpec> specs;
  auto add = [&](const xmlNode* col) {
    ColSpec s;
    s.align = align_of(attr(col, "align"));
    std::string w = attr(col, "width");
    if (!w.empty() && w.back() == '%') {
      try {
        double v = std::stod(w.substr(0, w.size() - 1)) / 100.0;
        if (v > 0 && v <= 1) s.width = v;
      } catch (...) {
      }
    }
    for (int k = 0; k < span(col, "span"); ++k) specs.push_back(s);
  };
  for (const xmlNode* c = table->children; c; c = c->next) {
    if (is_el(c, "col")) add(c);
    else if (is_el(c, "colgroup")) {
      auto cols = all(c, "col");
      if (cols.empty()) add(c);
      for (auto* col : cols) add(col);
    }
  }
  if (specs.size() != columns) specs.assign(columns, ColSpec{});
  return specs;
}

}  // namespace

void read_table(Reading& r, const xmlNode* table, Attr attr_, Caption caption, Blocks& out) {
  Deeper d(r);
  Table t;
  t.attr = std::move(attr_);
  t.caption = std::move(caption);
  std::vector<galley::Row> loose;  // rows directly in <table>
  for (const xmlNode* c = table->children; c; c = c->next) {
    if (!is_el(c)) continue;
    std::string_view name = name_of(c);
    if (name == "thead") {
      auto rows = rows_of(r, c);
      append_moved(t.head.rows, rows);
    } else if (name == "tbody") {
      TableBody b;
      b.body = rows_of(r, c);
      t.bodies.push_back(std::move(b));
    } else if (name == "tfoot") {
      auto rows = rows_of(r, c);
      append_moved(t.foot.rows, rows);
    } else if (name == "tr") {
      loose.push_back(read_row(r, c));
    } else if (name != "col" && name != "colgroup") {
      r.unmapped_element(c);
    }
  }
  if (!loose.empty()) {
    TableBody b;
    b.body = std::move(loose);
    t.bodies.push_back(std::move(b));
  }
  std::vector<const std::vector<galley::Row>*> groups{&t.head.rows};
  for (auto& b : t.bodies) groups.push_back(&b.body);
  groups.push_back(&t.foot.rows);
  std::size_t columns = column_count(groups);
  if (columns == 0) columns = 1;
  t.colspecs = colspecs(table, columns);
  out.emplace_back(std::move(t));
}

void read_table_wrap(Reading& r, const xmlNode* n, Blocks& out) {
  Deeper d(r);
  Attr a{attr(n, "id"), {}, {}};
  Caption cap;
  cap.long_caption = caption_blocks(r, n);
  std::vector<const xmlNode*> tables;
  const xmlNode* image = nullptr;
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (is_el(c, "table")) tables.push_back(c);
    else if (is_el(c, "alternatives")) {
      if (const xmlNode* t = first(c, "table")) tables.push_back(t);
      else if (!image) image = first(c, "graphic");
    } else if (is_el(c, "graphic") && !image) image = c;
  }
  if (tables.empty()) {
    // The table is only an image (or only text): a figure with the caption.
    Figure f{a, std::move(cap), {}};
    if (image) {
      Inlines xs;
      read_inline(r, image, xs);
      f.content.emplace_back(Plain{std::move(xs)});
    }
    for (const xmlNode* c = n->children; c; c = c->next)
      if (is_el(c) && !is_el(c, "label") && !is_el(c, "caption") && !is_el(c, "graphic") &&
          !is_el(c, "alternatives") && !is_el(c, "table-wrap-foot") && !is_el(c, "object-id"))
        read_block(r, c, f.content);
    out.emplace_back(std::move(f));
  } else {
    for (std::size_t i = 0; i < tables.size(); ++i)
      read_table(r, tables[i], i == 0 ? a : Attr{}, i == 0 ? std::move(cap) : Caption{}, out);
    // Paragraphs and lists beside the table (not its caption or foot).
    for (const xmlNode* c = n->children; c; c = c->next)
      if (is_el(c) && (is_el(c, "p") || is_el(c, "list") || is_el(c, "attrib") || is_el(c, "permissions")))
        read_block(r, c, out);
  }
  for (const xmlNode* foot : all(n, "table-wrap-foot")) {
    Div d2{Attr{attr(foot, "id"), {"table-wrap-foot"}, {}}, {}};
    d2.content = blocks_of(r, foot);
    if (!d2.content.empty()) out.emplace_back(std::move(d2));
  }
}

}  // namespace galley::jats::in
