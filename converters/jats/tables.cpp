// Tables: table-wrap with the XHTML table model (col, thead, tfoot, tbody;
// colspan, rowspan, align). JATS puts tfoot before tbody.
#include <cstdio>
#include <string>

#include "jats/state.hpp"

namespace galley::jats {
namespace {

const char* align_name(Alignment a) {
  switch (a) {
    case Alignment::AlignLeft: return "left";
    case Alignment::AlignRight: return "right";
    case Alignment::AlignCenter: return "center";
    default: return "";
  }
}

void write_row(State& st, const Table& t, const Row& row, bool header, int row_head_columns) {
  if (row.cells.empty()) return;
  st.open(El::tr, {}, true);
  int col = 0;
  for (const Cell& c : row.cells) {
    Alignment a = c.align;
    if (a == Alignment::AlignDefault && col >= 0 && static_cast<std::size_t>(col) < t.colspecs.size())
      a = t.colspecs[col].align;
    bool th = header || col < row_head_columns;
    std::string cs = c.col_span > 1 ? std::to_string(c.col_span) : "";
    std::string rs = c.row_span > 1 ? std::to_string(c.row_span) : "";
    st.open(th ? El::th : El::td, {{"align", align_name(a)}, {"colspan", cs}, {"rowspan", rs}});
    write_blocks(st, c.content);
    st.close(true);
    col += c.col_span > 0 ? c.col_span : 1;
  }
  st.close(true);
}

bool has_cells(const std::vector<Row>& rows) {
  for (auto& r : rows)
    if (!r.cells.empty()) return true;
  return false;
}

}  // namespace

void write_table(State& st, const Table& t) {
  bool direct = st.can(El::table_wrap);
  bool wrap_p = !direct && st.can(El::p) && st.can_in(El::p, El::table_wrap);
  if (!direct && !wrap_p) {
    st.warn_once("lost-content", std::string("a table inside <") + element_name(st.top()) + "> was dropped");
    return;
  }
  if (wrap_p) st.open(El::p);
  const std::string* id = st.id_for(t.attr);
  st.open(El::table_wrap, {{"id", id ? *id : ""}}, true);
  if (!t.caption.long_caption.empty()) {
    st.open(El::caption, {}, true);
    write_blocks(st, t.caption.long_caption);
    st.close(true);
  }
  bool body_rows = false;
  for (auto& b : t.bodies) body_rows = body_rows || has_cells(b.head) || has_cells(b.body);
  bool head_rows = has_cells(t.head.rows), foot_rows = has_cells(t.foot.rows);
  if (body_rows || head_rows || foot_rows) {
    st.open(El::table, {}, true);
    bool widths = false;
    for (auto& c : t.colspecs) widths = widths || (c.width && *c.width > 0);
    if (widths) {
      for (auto& c : t.colspecs) {
        char buf[32] = "";
        if (c.width && *c.width > 0) std::snprintf(buf, sizeof buf, "%.1f%%", *c.width * 100.0);
        st.empty(El::col, {{"width", buf}});
        st.nl();
      }
    }
    if (body_rows) {
      if (head_rows) {
        st.open(El::thead, {}, true);
        for (auto& r : t.head.rows) write_row(st, t, r, true, 0);
        st.close(true);
      }
      if (foot_rows) {
        st.open(El::tfoot, {}, true);
        for (auto& r : t.foot.rows) write_row(st, t, r, false, 0);
        st.close(true);
      }
      for (auto& b : t.bodies) {
        if (!has_cells(b.head) && !has_cells(b.body)) continue;
        st.open(El::tbody, {}, true);
        for (auto& r : b.head) write_row(st, t, r, true, 0);
        for (auto& r : b.body) write_row(st, t, r, false, b.row_head_columns);
        st.close(true);
      }
    } else {
      // No body rows: tbody is required, so head and foot rows become the body.
      st.open(El::tbody, {}, true);
      for (auto& r : t.head.rows) write_row(st, t, r, true, 0);
      for (auto& r : t.foot.rows) write_row(st, t, r, false, 0);
      st.close(true);
    }
    st.close(true);
  }
  st.close(true);
  if (wrap_p) st.close(true);
}

}  // namespace galley::jats
