// The commonmark and gfm writers' tables: GFM pipe tables, or HTML tables where
// CommonMark has none; cells and captions that hold more than a paragraph are
// written as their inlines (flatten), so that emphasis, links and notes stay.
#include <algorithm>
#include <string>

#include "galley/detail/xml.hpp"
#include "galley/text.hpp"
#include "markdown/writer_class.hpp"
#include "markdown/writer_detail.hpp"

namespace galley::markdown {

namespace {

// Every row of a table in reading order (the head, each body's head rows and rows, the
// foot), with whether it is a heading row (the head's and the bodies' head rows).
template <class F>
void each_row(const Table& t, F&& f) {
  for (auto& r : t.head.rows) f(r, true);
  for (auto& body : t.bodies) {
    for (auto& r : body.head) f(r, true);
    for (auto& r : body.body) f(r, false);
  }
  for (auto& r : t.foot.rows) f(r, false);
}

}  // namespace

std::string MdWriter::caption_paragraph(const Table& t) {
  Inlines cap;
  flatten(t.caption.long_caption, cap);
  return cap.empty() ? std::string() : "\n\n" + paragraph(cap);
}

std::string MdWriter::cell_text(const Cell& c) {
  std::string out;
  for (auto& b : c.content) {
    std::string s;
    if (auto* p = b.as<Plain>()) s = inlines(p->content);
    else if (auto* q = b.as<Para>()) s = inlines(q->content);
    else {
      if (!warned_cells_) {
        warned_cells_ = true;
        diag_.warn("lost-structure", "a table cell holds blocks a pipe table cannot: written as their text");
      }
      Inlines flat;  // their inlines, so that emphasis, links and notes stay
      flatten(Blocks{b}, flat);
      s = inlines(flat);
    }
    if (!out.empty() && !s.empty()) out += ' ';
    out += s;
  }
  return one_line(out);
}

std::string MdWriter::pipe_table(const Table& t) {
  std::size_t cols = t.colspecs.size();
  auto row_cells = [&](const Row& r) {
    std::vector<std::string> cells;
    for (auto& c : r.cells) {
      cells.push_back(cell_text(c));
      for (int k = 1; k < c.col_span; ++k) cells.emplace_back();  // spans are not in GFM: empty cells keep the grid
    }
    return cells;
  };
  std::vector<std::vector<std::string>> rows;
  each_row(t, [&](const Row& r, bool) { rows.push_back(row_cells(r)); });
  std::size_t header_rows = t.head.rows.size();
  for (auto& r : rows) cols = std::max(cols, r.size());
  if (cols == 0) return {};
  auto line = [&](const std::vector<std::string>& cells) {
    std::string s = "|";
    for (std::size_t i = 0; i < cols; ++i) s += " " + (i < cells.size() ? cells[i] : std::string()) + " |";
    return s;
  };
  std::string out;
  // GFM needs exactly one header row: further head rows become body rows
  out += line(header_rows ? rows[0] : std::vector<std::string>(cols)) + "\n|";
  for (std::size_t i = 0; i < cols; ++i) {
    Alignment a = i < t.colspecs.size() ? t.colspecs[i].align : Alignment::AlignDefault;
    out += a == Alignment::AlignLeft ? " :-- |" : a == Alignment::AlignRight ? " --: |" : a == Alignment::AlignCenter ? " :-: |" : " --- |";
  }
  for (std::size_t r = header_rows ? 1 : 0; r < rows.size(); ++r) out += "\n" + line(rows[r]);
  return out + caption_paragraph(t);
}

std::string MdWriter::html_table(const Table& t) {
  // CommonMark without pipe tables: an HTML block (one block: no blank line inside)
  std::string out = "<table>";
  each_row(t, [&](const Row& r, bool heading) {
    const char* cell = heading ? "th" : "td";
    out += "\n<tr>";
    for (auto& c : r.cells) {
      out += std::string("<") + cell;
      if (c.col_span > 1) out += " colspan=\"" + std::to_string(c.col_span) + "\"";
      if (c.row_span > 1) out += " rowspan=\"" + std::to_string(c.row_span) + "\"";
      out += ">";
      std::string text = stringify(c.content);
      for (auto& ch : text) if (ch == '\n') ch = ' ';
      detail::append_escaped(out, text);
      out += note_references(c.content);
      out += std::string("</") + cell + ">";
    }
    out += "</tr>";
  });
  out += "\n</table>";
  return out + caption_paragraph(t);
}

std::string MdWriter::note_references(const Blocks& bs) {
  // the cell is HTML, its text plain: its notes are collected by writing its inlines
  // (which numbers them) and only their references kept
  std::size_t before = notes_.size();
  Inlines flat;
  flatten(bs, flat);
  (void)inlines(flat);
  std::string refs;
  for (std::size_t k = before; k < notes_.size(); ++k) refs += "[^" + std::to_string(k + 1) + "]";
  return refs;
}

void MdWriter::flatten(const Blocks& bs, Inlines& out) {
  auto add = [&](const Inlines& ils) {
    if (ils.empty()) return;
    if (!out.empty()) out.emplace_back(Space{});
    out.insert(out.end(), ils.begin(), ils.end());
  };
  for (auto& b : bs) {
    if (auto* p = b.as<Plain>()) add(p->content);
    else if (auto* q = b.as<Para>()) add(q->content);
    else if (auto* h = b.as<Header>()) add(h->content);
    else if (auto* c = b.as<CodeBlock>()) add(Inlines{Str{c->text}});
    else if (auto* l = b.as<LineBlock>()) for (auto& line : l->lines) add(line);
    else if (auto* d = b.as<Div>()) flatten(d->content, out);
    else if (auto* q2 = b.as<BlockQuote>()) flatten(q2->content, out);
    else if (auto* bl = b.as<BulletList>()) for (auto& it : bl->items) flatten(it, out);
    else if (auto* ol = b.as<OrderedList>()) for (auto& it : ol->items) flatten(it, out);
    else if (auto* dl = b.as<DefinitionList>()) {
      for (auto& item : dl->items) {
        add(item.term);
        for (auto& def : item.definitions) flatten(def, out);
      }
    } else if (auto* f = b.as<Figure>()) {
      flatten(f->content, out);
      flatten(f->caption.long_caption, out);
    } else if (auto* t = b.as<Table>()) {
      each_row(*t, [&](const Row& r, bool) {
        for (auto& c : r.cells) flatten(c.content, out);
      });
      flatten(t->caption.long_caption, out);
    }
  }
}

}  // namespace galley::markdown
