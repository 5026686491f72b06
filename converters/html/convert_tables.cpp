// The html reader's DOM -> AST converter (converter.hpp). Tables: rows, header rows and columns, spans, captions.
#include "html/converter.hpp"

namespace galley::html::conv {

Row Converter::row(xmlNode* tr, int d) {
  Row r;
  r.attr = attr_of(tr);
  for (xmlNode* c = tr->children; c; c = c->next) {
    if (!is(c, "td") && !is(c, "th")) continue;
    Cell cell;
    cell.align = align_of(c);
    cell.row_span = std::max(1, std::atoi(std::string(attr_or(c, "rowspan", "1")).c_str()));
    cell.col_span = std::max(1, std::atoi(std::string(attr_or(c, "colspan", "1")).c_str()));
    cell.row_span = std::min(cell.row_span, 65534);
    cell.col_span = std::min(cell.col_span, 1000);
    Attr a = attr_of(c);
    std::erase_if(a.attributes, [](auto& kv) {
      return kv.first == "colspan" || kv.first == "rowspan" || kv.first == "align" ||
             (kv.first == "style" && contains_word_ci(kv.second, "text-align"));
    });
    cell.attr = std::move(a);
    cell.content = blocks(c, d + 1, false);
    r.cells.push_back(std::move(cell));
  }
  return r;
}

int Converter::row_heads(xmlNode* parent) {
  int best = -1;
  for (xmlNode* tr = parent->children; tr; tr = tr->next) {
    if (!is(tr, "tr") || all_th(tr)) continue;
    int k = 0;
    for (xmlNode* c = tr->children; c; c = c->next) {
      if (is(c, "th")) ++k;
      else if (is(c, "td")) break;
    }
    best = best < 0 ? k : std::min(best, k);
  }
  return best < 0 ? 0 : best;
}

bool Converter::all_th(xmlNode* tr) {
  bool any = false;
  for (xmlNode* c = tr->children; c; c = c->next) {
    if (is(c, "td")) return false;
    if (is(c, "th")) any = true;
  }
  return any;
}

void Converter::table(xmlNode* n, Blocks& out, int d) {
  Table t;
  t.attr = attr_of(n);
  std::erase_if(t.attr.attributes, [](auto& kv) {
    return kv.first == "border" || kv.first == "cellpadding" || kv.first == "cellspacing" || kv.first == "width" ||
           kv.first == "summary";
  });
  std::vector<std::optional<double>> widths;
  TableBody loose_body;
  bool has_loose = false;
  for (xmlNode* c = n->children; c; c = c->next) {
    std::string_view tn = name(c);
    if (tn == "caption") {
      Inlines in = inlines(c, d + 1);
      if (!in.empty()) t.caption.long_caption.push_back(Plain{std::move(in)});
    } else if (tn == "colgroup" || tn == "col") {
      auto add = [&](xmlNode* col) {
        std::string w(attr_or(col, "width"));
        std::string style = lower(attr_or(col, "style"));
        if (w.empty()) {
          auto p = style.find("width");
          if (p != std::string::npos) {
            auto colon = style.find(':', p);
            if (colon != std::string::npos) w = clean_text(style.substr(colon + 1, style.find(';', colon) - colon - 1));
          }
        }
        int span = std::max(1, std::atoi(std::string(attr_or(col, "span", "1")).c_str()));
        std::optional<double> width;
        if (!w.empty() && w.back() == '%') width = std::atof(w.c_str()) / 100.0;
        for (int i = 0; i < span && widths.size() < 1000; ++i) widths.push_back(width);
      };
      if (tn == "col") add(c);
      else
        for (xmlNode* col = c->children; col; col = col->next)
          if (is(col, "col")) add(col);
    } else if (tn == "thead") {
      t.head.attr = attr_of(c);
      for (xmlNode* tr = c->children; tr; tr = tr->next)
        if (is(tr, "tr")) t.head.rows.push_back(row(tr, d));
    } else if (tn == "tfoot") {
      t.foot.attr = attr_of(c);
      for (xmlNode* tr = c->children; tr; tr = tr->next)
        if (is(tr, "tr")) t.foot.rows.push_back(row(tr, d));
    } else if (tn == "tbody") {
      TableBody b;
      b.attr = attr_of(c);
      for (xmlNode* tr = c->children; tr; tr = tr->next)
        if (is(tr, "tr")) {
          if (b.body.empty() && all_th(tr)) b.head.push_back(row(tr, d));
          else b.body.push_back(row(tr, d));
        }
      b.row_head_columns = row_heads(c);
      if (!b.body.empty() || !b.head.empty()) t.bodies.push_back(std::move(b));
    } else if (tn == "tr") {
      if (t.head.rows.empty() && t.bodies.empty() && loose_body.body.empty() && all_th(c))
        t.head.rows.push_back(row(c, d));
      else {
        loose_body.body.push_back(row(c, d));
        has_loose = true;
      }
    }
  }
  if (has_loose) {
    loose_body.row_head_columns = row_heads(n);
    t.bodies.insert(t.bodies.begin(), std::move(loose_body));
  }
  // Column count: the widest row, counting colspans and cells spanning down from above.
  std::size_t cols = 0;
  auto measure = [&](const std::vector<Row>& rows) {
    std::vector<int> pending;  // remaining rowspan per column
    for (auto& r : rows) {
      std::size_t col = 0, used = 0;
      for (auto& cell : r.cells) {
        while (col < pending.size() && pending[col] > 0) ++col, ++used;
        for (int k = 0; k < cell.col_span; ++k) {
          if (pending.size() <= col) pending.resize(col + 1, 0);
          pending[col] = cell.row_span;
          ++col;
          ++used;
        }
      }
      while (col < pending.size()) {
        if (pending[col] > 0) ++used;
        ++col;
      }
      cols = std::max(cols, used);
      for (auto& p : pending)
        if (p > 0) --p;
    }
  };
  measure(t.head.rows);
  for (auto& b : t.bodies) measure(b.body);
  measure(t.foot.rows);
  if (cols == 0) {
    if (t.caption.long_caption.empty()) return;
  }
  cols = std::min<std::size_t>(cols, 1000);
  bool all_widths = widths.size() == cols && cols > 0;
  for (auto& w : widths)
    if (!w) all_widths = false;
  const Row* first_row = !t.head.rows.empty() ? &t.head.rows[0]
                         : (!t.bodies.empty() && !t.bodies[0].head.empty()) ? &t.bodies[0].head[0]
                         : (!t.bodies.empty() && !t.bodies[0].body.empty()) ? &t.bodies[0].body[0] : nullptr;
  std::vector<Alignment> aligns(cols, Alignment::AlignDefault);
  if (first_row) {
    std::size_t col = 0;
    for (auto& cell : first_row->cells) {
      if (col < cols && cell.col_span == 1) aligns[col] = cell.align;
      col += static_cast<std::size_t>(cell.col_span);
    }
  }
  for (std::size_t i = 0; i < cols; ++i) {
    ColSpec cs;
    cs.align = aligns[i];
    if (all_widths) cs.width = widths[i];
    t.colspecs.push_back(cs);
  }
  // A single-column "layout" table around real content stays a table (pandoc does the same).
  out.push_back(std::move(t));
}

}  // namespace galley::html::conv
