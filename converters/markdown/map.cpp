// cmark-gfm's tree -> galley's blocks and inlines, shaped as pandoc's commonmark
// reader shapes them (Str/Space words, Plain in tight lists, RawBlock "html").
// pandoc's additions that cmark does not parse are finished here on the tree:
// fenced divs (from prepare()'s markers), bracketed spans and {attributes}.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdint>
#include <cstring>
#include <algorithm>
#include <optional>

#include "galley/builder.hpp"
#include "markdown/reader_detail.hpp"

namespace galley::markdown {

namespace {

std::string_view literal(cmark_node* n) {
  const char* s = cmark_node_get_literal(n);
  return s ? std::string_view(s) : std::string_view();
}

std::string_view type_string(cmark_node* n) {
  const char* s = cmark_node_get_type_string(n);
  return s ? std::string_view(s) : std::string_view();
}

// Words and spaces, joined to a Str before when the text continues a word.
void add_text(Inlines& out, std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] == ' ' || s[i] == '\t') {
      while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
      if (out.empty() || !out.back().is<Space>()) out.emplace_back(Space{});
      continue;
    }
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
    if (!out.empty())
      if (auto* str = out.back().as<Str>()) { str->text.append(s.substr(i, j - i)); i = j; continue; }
    out.emplace_back(Str{std::string(s.substr(i, j - i))});
    i = j;
  }
}

// One item of an inline sequence: a node, or a run of a text node's literal
// (text is cut at brackets so that spans can be found across nodes).
struct Piece {
  cmark_node* node;
  std::string_view text;  // for text pieces; node == nullptr
};

class Mapper {
 public:
  explicit Mapper(const MapInput& in) : in_(in) {}

  Blocks document(cmark_node* root) {
    for (cmark_node* c = cmark_node_first_child(root); c; c = cmark_node_next(c))
      if (cmark_node_get_type(c) == CMARK_NODE_FOOTNOTE_DEFINITION) note_defs_.push_back(c);
    notes_.resize(note_defs_.size());
    converting_.assign(note_defs_.size(), false);
    Blocks out;
    blocks(root, out, 0, false);
    if (deep_warned_)
      in_.diag.warn("deep-nesting", "Markdown nested deeper than " + std::to_string(in_.max_depth) +
                                        " levels: the deeper content is kept as plain paragraphs");
    return out;
  }

 private:
  const MapInput& in_;
  std::vector<cmark_node*> note_defs_;
  std::vector<std::optional<Blocks>> notes_;
  std::vector<bool> converting_;
  bool deep_warned_ = false;

  // ---- blocks ----

  bool div_marker(cmark_node* n, long& index) const {
    if (in_.divs.prefix.empty() || cmark_node_get_type(n) != CMARK_NODE_HTML_BLOCK) return false;
    std::string_view l = literal(n);
    if (l.substr(0, in_.divs.prefix.size()) != in_.divs.prefix) return false;
    l.remove_prefix(in_.divs.prefix.size());
    if (l.substr(0, 6) == "end-->") { index = -1; return true; }
    long v = 0;
    std::size_t i = 0;
    while (i < l.size() && l[i] >= '0' && l[i] <= '9') v = v * 10 + (l[i++] - '0');
    if (i == 0 || l.substr(i, 3) != "-->") return false;
    if (v >= static_cast<long>(in_.divs.attrs.size())) return false;
    index = v;
    return true;
  }

  void blocks(cmark_node* parent, Blocks& out, int depth, bool tight) {
    // Open divs: each frame collects blocks until its closing marker.
    struct Frame { Attr attr; Blocks content; };
    std::vector<Frame> frames;
    auto target = [&]() -> Blocks& { return frames.empty() ? out : frames.back().content; };
    for (cmark_node* c = cmark_node_first_child(parent); c; c = cmark_node_next(c)) {
      long index;
      if (div_marker(c, index)) {
        if (index >= 0) frames.push_back({in_.divs.attrs[static_cast<std::size_t>(index)], {}});
        else if (!frames.empty()) {
          Frame f = std::move(frames.back());
          frames.pop_back();
          target().push_back(Div{std::move(f.attr), std::move(f.content)});
        }
        continue;
      }
      block(c, target(), depth, tight);
    }
    while (!frames.empty()) {  // a fence never closed ends with its container
      Frame f = std::move(frames.back());
      frames.pop_back();
      target().push_back(Div{std::move(f.attr), std::move(f.content)});
    }
  }

  // Beyond the depth limit: the subtree's text as one paragraph, collected
  // without recursion (cmark's iterator), so no input can exhaust the stack.
  void flat(cmark_node* n, Blocks& out) {
    deep_warned_ = true;
    std::string text;
    cmark_iter* it = cmark_iter_new(n);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
      cmark_node* x = cmark_iter_get_node(it);
      if (ev != CMARK_EVENT_ENTER) continue;
      std::string_view l = literal(x);
      if (!l.empty()) { if (!text.empty()) text += ' '; text.append(l); }
    }
    cmark_iter_free(it);
    if (!text.empty()) out.push_back(Para{galley::text(text)});
  }

  void block(cmark_node* n, Blocks& out, int depth, bool tight) {
    if (static_cast<std::size_t>(depth) > in_.max_depth) { flat(n, out); return; }
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_PARAGRAPH: paragraph(n, out, depth, tight); return;
      case CMARK_NODE_HEADING: heading(n, out, depth); return;
      case CMARK_NODE_BLOCK_QUOTE: {
        BlockQuote q;
        blocks(n, q.content, depth + 1, false);
        out.push_back(std::move(q));
        return;
      }
      case CMARK_NODE_LIST: list(n, out, depth); return;
      case CMARK_NODE_CODE_BLOCK: code_block(n, out); return;
      case CMARK_NODE_HTML_BLOCK: {
        std::string_view l = literal(n);
        // pandoc's markdown reader trims the block's final line end and spaces; its commonmark reader does not
        if (in_.syntax.pandoc_markdown)
          while (!l.empty() && (l.back() == '\n' || l.back() == ' ' || l.back() == '\t')) l.remove_suffix(1);
        if (in_.syntax.raw_html) out.push_back(RawBlock{"html", std::string(l)});
        else out.push_back(Para{galley::text(l)});
        return;
      }
      case CMARK_NODE_THEMATIC_BREAK: out.push_back(HorizontalRule{}); return;
      case CMARK_NODE_FOOTNOTE_DEFINITION: return;  // read where referenced
      default: break;
    }
    if (type_string(n) == "table") { table(n, out, depth); return; }
    blocks(n, out, depth + 1, tight);  // an unknown container: keep what it holds
  }

  void paragraph(cmark_node* n, Blocks& out, int depth, bool tight) {
    Inlines ils;
    inlines(n, ils, depth + 1);
    if (ils.empty()) return;
    if (in_.syntax.implicit_figures && !tight && ils.size() == 1)
      if (auto* img = ils[0].as<Image>(); img && !img->content.empty()) {
        Figure f;
        f.attr.id = img->attr.id;  // the figure carries the id, as pandoc 3 does
        img->attr.id.clear();
        f.caption.long_caption.push_back(Plain{img->content});
        f.content.push_back(Plain{std::move(ils)});
        out.push_back(std::move(f));
        return;
      }
    if (tight) out.push_back(Plain{std::move(ils)});
    else out.push_back(Para{std::move(ils)});
  }

  void heading(cmark_node* n, Blocks& out, int depth) {
    Header h;
    h.level = cmark_node_get_heading_level(n);
    std::optional<std::string> trimmed;
    if (in_.syntax.attributes) {
      // {#id .class} at the end of the heading's last text
      cmark_node* last = cmark_node_last_child(n);
      if (last && cmark_node_get_type(last) == CMARK_NODE_TEXT) {
        std::string_view l = literal(last);
        std::size_t end = l.size();
        while (end > 0 && (l[end - 1] == ' ' || l[end - 1] == '\t')) --end;
        std::size_t open = end ? l.rfind('{', end - 1) : std::string_view::npos;
        if (open != std::string_view::npos && attribute_block_length(l.substr(open, end - open)) == end - open &&
            parse_attributes(l.substr(open, end - open), h.attr)) {
          std::size_t keep = open;
          while (keep > 0 && (l[keep - 1] == ' ' || l[keep - 1] == '\t')) --keep;
          trimmed = std::string(l.substr(0, keep));
          override_node_ = last;
          override_text_ = *trimmed;
        }
      }
    }
    inlines(n, h.content, depth + 1);
    override_node_ = nullptr;
    while (!h.content.empty() && h.content.back().is<Space>()) h.content.pop_back();
    out.push_back(std::move(h));
  }

  void list(cmark_node* n, Blocks& out, int depth) {
    bool tight = cmark_node_get_list_tight(n) != 0;
    std::vector<Blocks> items;
    for (cmark_node* it = cmark_node_first_child(n); it; it = cmark_node_next(it)) {
      Blocks item;
      blocks(it, item, depth + 1, tight);
      if (in_.syntax.task_lists && type_string(it) == "tasklist") {
        const char* box = cmark_gfm_extensions_get_tasklist_item_checked(it) ? "\u2612" : "\u2610";
        Inlines mark{Str{box}, Space{}};
        Inlines* first = nullptr;
        if (!item.empty()) {
          if (auto* p = item[0].as<Plain>()) first = &p->content;
          else if (auto* q = item[0].as<Para>()) first = &q->content;
        }
        if (first) first->insert(first->begin(), mark.begin(), mark.end());
        else item.insert(item.begin(), Plain{Inlines{Str{box}}});
      }
      items.push_back(std::move(item));
    }
    if (cmark_node_get_list_type(n) == CMARK_ORDERED_LIST) {
      OrderedList l;
      l.attrs.start = cmark_node_get_list_start(n);
      l.attrs.style = ListNumberStyle::Decimal;
      l.attrs.delim = cmark_node_get_list_delim(n) == CMARK_PAREN_DELIM ? ListNumberDelim::OneParen : ListNumberDelim::Period;
      l.items = std::move(items);
      out.push_back(std::move(l));
    } else {
      out.push_back(BulletList{std::move(items)});
    }
  }

  void code_block(cmark_node* n, Blocks& out) {
    CodeBlock cb;
    std::string_view code = literal(n);
    if (!code.empty() && code.back() == '\n') code.remove_suffix(1);
    cb.text.assign(code);
    const char* info_c = cmark_node_get_fence_info(n);
    std::string_view info = info_c ? std::string_view(info_c) : std::string_view();
    while (!info.empty() && (info.front() == ' ' || info.front() == '\t')) info.remove_prefix(1);
    while (!info.empty() && (info.back() == ' ' || info.back() == '\t')) info.remove_suffix(1);
    if (!info.empty()) {
      if (in_.syntax.attributes && info.front() == '{' && parse_attributes(info, cb.attr)) {
      } else if (in_.syntax.attributes) {
        // "python {.numberLines}": a language then attributes
        std::size_t sp = info.find_first_of(" \t");
        cb.attr.classes.emplace_back(info.substr(0, sp));
        if (sp != std::string_view::npos) {
          std::string_view rest = info.substr(sp);
          while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
          Attr extra;
          if (!rest.empty() && rest.front() == '{' && parse_attributes(rest, extra)) {
            cb.attr.id = extra.id;
            for (auto& c : extra.classes) cb.attr.classes.push_back(c);
            cb.attr.attributes = extra.attributes;
          }
        }
      } else {
        cb.attr.classes.emplace_back(info.substr(0, info.find_first_of(" \t")));
      }
    }
    out.push_back(std::move(cb));
  }

  void table(cmark_node* n, Blocks& out, int depth) {
    Table t;
    uint16_t ncols = cmark_gfm_extensions_get_table_columns(n);
    uint8_t* al = cmark_gfm_extensions_get_table_alignments(n);
    for (uint16_t i = 0; i < ncols; ++i) {
      ColSpec cs;
      char a = al ? static_cast<char>(al[i]) : 0;
      cs.align = a == 'l' ? Alignment::AlignLeft : a == 'r' ? Alignment::AlignRight : a == 'c' ? Alignment::AlignCenter
                                                                                            : Alignment::AlignDefault;
      t.colspecs.push_back(cs);
    }
    if (in_.syntax.pandoc_markdown) relative_widths(n, t.colspecs);
    TableBody body;
    for (cmark_node* r = cmark_node_first_child(n); r; r = cmark_node_next(r)) {
      Row row;
      for (cmark_node* c = cmark_node_first_child(r); c; c = cmark_node_next(c)) {
        Cell cell;
        Inlines ils;
        inlines(c, ils, depth + 2);
        while (!ils.empty() && ils.back().is<Space>()) ils.pop_back();
        if (!ils.empty()) cell.content.push_back(Plain{std::move(ils)});
        row.cells.push_back(std::move(cell));
      }
      while (row.cells.size() < ncols) row.cells.emplace_back();
      if (cmark_gfm_extensions_get_table_row_is_header(r)) t.head.rows.push_back(std::move(row));
      else body.body.push_back(std::move(row));
    }
    t.bodies.push_back(std::move(body));
    out.push_back(std::move(t));
  }

  // pandoc's markdown reader: a pipe table with a line longer than 80 characters
  // gets relative column widths from the dashes (and colons) of its separator line.
  void relative_widths(cmark_node* table, std::vector<ColSpec>& cols) {
    int first = cmark_node_get_start_line(table), last = cmark_node_get_end_line(table);
    if (first <= 0 || last < first + 1 || in_.source.empty()) return;
    std::vector<std::string_view> lines;
    std::size_t pos = 0;
    for (int ln = 1; ln <= last && pos <= in_.source.size(); ++ln) {
      std::size_t e = in_.source.find('\n', pos);
      if (e == std::string_view::npos) e = in_.source.size();
      if (ln >= first) lines.push_back(in_.source.substr(pos, e - pos));
      pos = e + 1;
    }
    if (lines.size() < 2) return;
    std::size_t longest = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (i == 1) continue;  // the separator line
      std::size_t chars = 0;
      for (char c : lines[i]) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      longest = std::max(longest, chars);
    }
    if (longest <= 80) return;
    std::vector<std::size_t> lens;
    std::string_view sep = lines[1];
    std::size_t cur = 0;
    bool any = false;
    for (std::size_t i = 0; i < sep.size(); ++i) {
      char c = sep[i];
      if (c == '|') { if (any) lens.push_back(cur); cur = 0; any = false; }
      else if (c == '-' || c == ':') { ++cur; any = true; }
    }
    if (any) lens.push_back(cur);
    if (lens.size() != cols.size()) return;
    std::size_t total = 0;
    for (auto l : lens) total += l;
    if (!total) return;
    for (std::size_t i = 0; i < cols.size(); ++i) cols[i].width = static_cast<double>(lens[i]) / static_cast<double>(total);
  }

  // ---- inlines ----

  cmark_node* override_node_ = nullptr;  // a text node whose literal a heading's attributes shortened
  std::string override_text_;

  void inlines(cmark_node* parent, Inlines& out, int depth) {
    std::vector<Piece> pieces;
    for (cmark_node* c = cmark_node_first_child(parent); c; c = cmark_node_next(c)) {
      if (cmark_node_get_type(c) != CMARK_NODE_TEXT) { pieces.push_back({c, {}}); continue; }
      std::string_view l = c == override_node_ ? std::string_view(override_text_) : literal(c);
      if (!in_.syntax.bracketed_spans && !in_.syntax.inline_notes) { pieces.push_back({nullptr, l}); continue; }
      std::size_t s = 0;
      for (std::size_t i = 0; i < l.size(); ++i)
        if (l[i] == '[' || l[i] == ']') {
          if (i > s) pieces.push_back({nullptr, l.substr(s, i - s)});
          pieces.push_back({nullptr, l.substr(i, 1)});
          s = i + 1;
        }
      if (s < l.size()) pieces.push_back({nullptr, l.substr(s)});
    }
    emit(pieces, 0, pieces.size(), out, depth);
  }

  // A leading {attributes} of a text piece: consumed into attr.
  bool take_attributes(Piece& p, Attr& attr) {
    if (p.node || p.text.empty() || p.text.front() != '{') return false;
    std::size_t len = attribute_block_length(p.text);
    if (!len || !parse_attributes(p.text.substr(0, len), attr)) return false;
    p.text.remove_prefix(len);
    return true;
  }

  void emit(std::vector<Piece>& ps, std::size_t a, std::size_t b, Inlines& out, int depth) {
    for (std::size_t i = a; i < b; ++i) {
      Piece& p = ps[i];
      if (!p.node) {
        if (p.text == "[" && (in_.syntax.bracketed_spans || in_.syntax.inline_notes)) {
          std::size_t level = 0, j = i + 1;
          for (; j < b; ++j) {
            if (ps[j].node) continue;
            if (ps[j].text == "[") ++level;
            else if (ps[j].text == "]") { if (level == 0) break; --level; }
          }
          // ^[an inline note], pandoc's footnote shorthand
          if (j < b && in_.syntax.inline_notes && !out.empty())
            if (auto* prev = out.back().as<Str>(); prev && !prev->text.empty() && prev->text.back() == '^') {
              prev->text.pop_back();
              if (prev->text.empty()) out.pop_back();
              Inlines content;
              emit(ps, i + 1, j, content, depth + 1);
              while (!content.empty() && content.back().is<Space>()) content.pop_back();
              out.emplace_back(Note{Blocks{Para{std::move(content)}}});
              i = j;
              continue;
            }
          Attr attr;
          if (in_.syntax.bracketed_spans && j < b && j + 1 < b && take_attributes(ps[j + 1], attr)) {
            Span span{std::move(attr), {}};
            emit(ps, i + 1, j, span.content, depth + 1);
            out.push_back(std::move(span));
            i = j;
            continue;
          }
        }
        add_text(out, p.text);
        continue;
      }
      std::size_t before = out.size();
      node(p.node, out, depth);
      // {attributes} right after a link, image or code span
      if (in_.syntax.attributes && out.size() == before + 1 && i + 1 < b) {
        Inline& x = out.back();
        Attr* attr = nullptr;
        if (auto* l = x.as<Link>()) attr = &l->attr;
        else if (auto* im = x.as<Image>()) attr = &im->attr;
        else if (auto* c = x.as<Code>()) attr = &c->attr;
        if (attr) {
          Attr got;
          if (take_attributes(ps[i + 1], got)) *attr = std::move(got);
        }
      }
    }
  }

  Inlines children(cmark_node* n, int depth) {
    Inlines ils;
    inlines(n, ils, depth + 1);
    return ils;
  }

  void node(cmark_node* n, Inlines& out, int depth) {
    if (static_cast<std::size_t>(depth) > in_.max_depth) {
      deep_warned_ = true;
      cmark_iter* it = cmark_iter_new(n);
      cmark_event_type ev;
      while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
        if (ev == CMARK_EVENT_ENTER) add_text(out, literal(cmark_iter_get_node(it)));
      cmark_iter_free(it);
      return;
    }
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_TEXT: add_text(out, literal(n)); return;
      case CMARK_NODE_SOFTBREAK:
        if (in_.syntax.hard_line_breaks) out.emplace_back(LineBreak{});
        else out.emplace_back(SoftBreak{});
        return;
      case CMARK_NODE_LINEBREAK: out.emplace_back(LineBreak{}); return;
      case CMARK_NODE_CODE: out.emplace_back(Code{{}, std::string(literal(n))}); return;
      case CMARK_NODE_HTML_INLINE:
        if (in_.syntax.raw_html) out.emplace_back(RawInline{"html", std::string(literal(n))});
        else add_text(out, literal(n));
        return;
      case CMARK_NODE_EMPH: {
        Inlines inner = children(n, depth);
        // ***x***: cmark nests strong in emphasis, pandoc's markdown reader the other way round.
        // Only for one run of three: cmark gives both nodes the run's position then, while
        // _**x**_ (emphasis around strong, as pandoc reads it too) starts its strong later.
        cmark_node* child = cmark_node_first_child(n);
        bool one_run = child && child == cmark_node_last_child(n) && cmark_node_get_type(child) == CMARK_NODE_STRONG &&
                       cmark_node_get_start_line(child) == cmark_node_get_start_line(n) &&
                       cmark_node_get_start_column(child) == cmark_node_get_start_column(n);
        if (in_.syntax.pandoc_markdown && one_run && inner.size() == 1 && inner[0].is<Strong>()) {
          Inlines s = std::move(inner[0].as<Strong>()->content);
          out.emplace_back(Strong{Inlines{Emph{std::move(s)}}});
        } else {
          out.emplace_back(Emph{std::move(inner)});
        }
        return;
      }
      case CMARK_NODE_STRONG: out.emplace_back(Strong{children(n, depth)}); return;
      case CMARK_NODE_LINK: {
        const char* url = cmark_node_get_url(n);
        const char* title = cmark_node_get_title(n);
        Link link{{}, children(n, depth), Target{url ? url : "", title ? title : ""}};
        if (in_.syntax.pandoc_markdown && link.content.size() == 1)
          if (auto* s = link.content[0].as<Str>()) {  // <http://...> and <me@example.org>, as pandoc marks them
            if (s->text == link.target.url) link.attr.classes.emplace_back("uri");
            else if ("mailto:" + s->text == link.target.url) link.attr.classes.emplace_back("email");
          }
        out.emplace_back(std::move(link));
        return;
      }
      case CMARK_NODE_IMAGE: {
        const char* url = cmark_node_get_url(n);
        const char* title = cmark_node_get_title(n);
        out.emplace_back(Image{{}, children(n, depth), Target{url ? url : "", title ? title : ""}});
        return;
      }
      case CMARK_NODE_FOOTNOTE_REFERENCE: footnote(n, out, depth); return;
      default: break;
    }
    if (is_math_node(n)) {
      auto k = reinterpret_cast<std::uintptr_t>(cmark_node_get_user_data(n));
      if (k >= 1 && k <= in_.math.formulas.size())
        out.emplace_back(Math{in_.math.display[k - 1] ? MathType::DisplayMath : MathType::InlineMath,
                              in_.math.formulas[k - 1]});
      return;
    }
    if (type_string(n) == "strikethrough") { out.emplace_back(Strikeout{children(n, depth)}); return; }
    inlines(n, out, depth + 1);  // an unknown inline container: keep its content
  }

  void footnote(cmark_node* n, Inlines& out, int depth) {
    std::string_view label = literal(n);
    std::size_t k = 0;
    for (char c : label) k = (c >= '0' && c <= '9') ? k * 10 + static_cast<std::size_t>(c - '0') : 0;
    if (k == 0 || k > note_defs_.size() || converting_[k - 1]) {  // a note that refers to itself
      add_text(out, "[^" + std::string(label) + "]");
      return;
    }
    if (!notes_[k - 1]) {
      converting_[k - 1] = true;
      Blocks content;
      blocks(note_defs_[k - 1], content, depth + 1, false);
      notes_[k - 1] = std::move(content);
      converting_[k - 1] = false;
    }
    out.emplace_back(Note{*notes_[k - 1]});
  }
};

}  // namespace

Blocks map_document(cmark_node* root, const MapInput& in) {
  Mapper m(in);
  return m.document(root);
}

}  // namespace galley::markdown
