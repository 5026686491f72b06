// The commonmark and gfm writers: the AST as CommonMark text that reads back to
// the same structure (checked by conformance.markdown_round_trip). Text is
// escaped wherever CommonMark would read it as markup; what CommonMark cannot
// express is written as the HTML CommonMark allows (tables without pipe_tables,
// underline, super/subscript), or as its content with a warning.
#include <algorithm>
#include <cctype>
#include <string>

#include "galley/detail/xml.hpp"
#include "galley/text.hpp"
#include "markdown/markdown.hpp"
#include "markdown/writer_detail.hpp"

namespace galley::markdown {

namespace {

class MdWriter {
 public:
  MdWriter(const WriterSyntax& syn, Diagnostics& diag) : syn_(syn), diag_(diag) {}

  std::string document(const Document& doc, bool standalone) {
    std::string body = blocks(doc.blocks, false);
    std::string out;
    if (standalone && syn_.yaml && !doc.meta.empty()) out = yaml_header(doc.meta, {[this](const Inlines& i) { return inlines(i); },
                                                                           [this](const Blocks& b) { return blocks(b, false); }});
    out += body;
    if (!notes_.empty()) {
      // definitions are written after the text; a definition may add notes of its own
      for (std::size_t k = 0; k < notes_.size(); ++k) {
        std::string label = "[^" + std::to_string(k + 1) + "]: ";
        std::string text = blocks(*notes_[k], false);
        if (!out.empty()) out += "\n\n";
        out += indent(text, label, "    ");
      }
    }
    if (!out.empty() && out.back() != '\n') out += '\n';
    return out;
  }

 private:
  const WriterSyntax& syn_;
  Diagnostics& diag_;
  std::vector<const Blocks*> notes_;
  bool warned_raw_ = false, warned_cells_ = false, warned_deflist_ = false;

  // ---- blocks ----

  std::string blocks(const Blocks& bs, bool tight) {
    std::string out;
    const Block* prev = nullptr;
    for (auto& b : bs) {
      std::string s = block(b);
      if (s.empty()) continue;
      if (!out.empty()) {
        out += tight ? "\n" : "\n\n";
        // two lists of the same kind in a row would merge; a comment keeps them apart
        if (prev && ((prev->is<BulletList>() && b.is<BulletList>()) || (prev->is<OrderedList>() && b.is<OrderedList>())))
          out += "<!-- -->\n\n";
      }
      out += s;
      prev = &b;
    }
    return out;
  }

  std::string block(const Block& b) {
    if (auto* p = b.as<Para>()) return paragraph(p->content);
    if (auto* p = b.as<Plain>()) return paragraph(p->content);
    if (auto* h = b.as<Header>()) {
      std::string text = one_line(inlines(h->content, true));
      std::string attrs = syn_.attributes ? attribute_text(h->attr) : std::string();
      return std::string(static_cast<std::size_t>(std::clamp(h->level, 1, 6)), '#') + (text.empty() ? "" : " " + text) +
             (attrs.empty() ? "" : " " + attrs);
    }
    if (auto* c = b.as<CodeBlock>()) return code_block(*c);
    if (auto* r = b.as<RawBlock>()) {
      if (r->format == "html" || r->format == "html5") return std::string(trim(r->text));
      warn_raw(r->format);
      return {};
    }
    if (auto* q = b.as<BlockQuote>()) {
      std::string inner = blocks(q->content, false);
      return inner.empty() ? ">" : indent(inner, "> ", "> ", ">");
    }
    if (auto* l = b.as<BulletList>()) return list(l->items, nullptr);
    if (auto* l = b.as<OrderedList>()) return list(l->items, &l->attrs);
    if (auto* d = b.as<DefinitionList>()) return definitions(*d);
    if (b.is<HorizontalRule>()) return "* * *";
    if (auto* t = b.as<Table>()) return syn_.pipe_tables ? pipe_table(*t) : html_table(*t);
    if (auto* f = b.as<Figure>()) return blocks(f->content, false);  // the image carries the caption as its text
    if (auto* d = b.as<Div>()) {
      std::string attrs = syn_.attributes ? attribute_text(d->attr) : std::string();
      std::string inner = blocks(d->content, false);
      if (attrs.empty()) return inner;
      std::size_t fence = 3;  // longer than any fence inside
      for (std::size_t p = inner.find(":::"); p != std::string::npos; p = inner.find(":::", p + 1)) {
        std::size_t n = 0;
        while (p + n < inner.size() && inner[p + n] == ':') ++n;
        fence = std::max(fence, n + 1);
      }
      std::string colons(fence, ':');
      return colons + " " + attrs + "\n" + inner + (inner.empty() ? "" : "\n") + colons;
    }
    if (auto* lb = b.as<LineBlock>()) {
      std::string out;
      for (std::size_t i = 0; i < lb->lines.size(); ++i) {
        if (i) out += "\\\n";
        out += inlines(lb->lines[i]);
      }
      return escape_line_starts(out);
    }
    return {};
  }

  std::string paragraph(const Inlines& ils) { return escape_line_starts(inlines(ils)); }

  // {#id .class key="value"}; "" when there is nothing to say
  static std::string attribute_text(const Attr& a) {
    auto word = [](const std::string& w) {
      if (w.empty()) return false;
      for (char c : w)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':' || c == '.' ||
              static_cast<unsigned char>(c) >= 0x80))
          return false;
      return true;
    };
    std::string out;
    if (word(a.id)) out += "#" + a.id;
    for (auto& c : a.classes)
      if (word(c)) out += (out.empty() ? "." : " .") + c;
    for (auto& [k, v] : a.attributes) {
      if (!word(k)) continue;
      if (!out.empty()) out += ' ';
      out += k + "=\"";
      for (char c : v) {
        if (c == '"' || c == '\\') out += '\\';
        out += c == '\n' ? ' ' : c;
      }
      out += '"';
    }
    return out.empty() ? out : "{" + out + "}";
  }

  std::string code_block(const CodeBlock& c) {
    std::size_t run = 0, longest = 0;
    for (char ch : c.text) {
      run = ch == '`' ? run + 1 : 0;
      longest = std::max(longest, run);
    }
    std::string fence(std::max<std::size_t>(3, longest + 1), '`');
    std::string info = c.attr.classes.empty() ? std::string() : c.attr.classes[0];
    for (auto& ch : info) if (ch == '`' || ch == ' ' || ch == '\n') ch = '-';
    return fence + info + "\n" + c.text + (c.text.empty() || c.text.back() == '\n' ? "" : "\n") + fence;
  }

  std::string list(const std::vector<Blocks>& items, const ListAttributes* ordered) {
    bool tight = true;
    for (auto& it : items)
      for (auto& b : it)
        if (b.is<Para>()) tight = false;
    std::string out;
    int n = ordered ? ordered->start : 0;
    for (std::size_t i = 0; i < items.size(); ++i, ++n) {
      std::string marker = ordered ? std::to_string(std::max(n, 0)) + (ordered->delim == ListNumberDelim::OneParen ? ")" : ".") : "-";
      marker += ' ';
      std::string body = blocks(items[i], tight);
      if (syn_.pipe_tables) {  // GFM and markdown: ☐/☒ at an item's start are task list boxes
        if (body.rfind("\u2610 ", 0) == 0) body = "[ ] " + body.substr(4);
        else if (body.rfind("\u2612 ", 0) == 0) body = "[x] " + body.substr(4);
      }
      if (!out.empty()) out += tight ? "\n" : "\n\n";
      if (body.empty()) { out += marker.substr(0, marker.size() - 1); continue; }
      // an item that starts with an indented-looking or blank line: keep the marker's line
      out += indent(body, marker, std::string(marker.size(), ' '));
    }
    return out;
  }

  std::string definitions(const DefinitionList& d) {
    if (!warned_deflist_) {
      warned_deflist_ = true;
      diag_.warn("lost-structure", "CommonMark has no definition lists: terms are written as bold paragraphs");
    }
    Blocks flat;
    for (auto& item : d.items) {
      flat.push_back(Para{Inlines{Strong{item.term}}});
      for (auto& def : item.definitions) flat.push_back(BlockQuote{def});
    }
    return blocks(flat, false);
  }

  std::string cell_text(const Cell& c) {
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
        s = escape_text(stringify(Blocks{b}), true);
      }
      if (!out.empty() && !s.empty()) out += ' ';
      out += s;
    }
    return one_line(out);
  }

  std::string pipe_table(const Table& t) {
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
    for (auto& r : t.head.rows) rows.push_back(row_cells(r));
    std::size_t header_rows = rows.size();
    for (auto& body : t.bodies) {
      for (auto& r : body.head) rows.push_back(row_cells(r));
      for (auto& r : body.body) rows.push_back(row_cells(r));
    }
    for (auto& r : t.foot.rows) rows.push_back(row_cells(r));
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
    std::string cap = stringify(t.caption.long_caption);
    if (!cap.empty()) out += "\n\n" + escape_line_starts(escape_text(cap, false));
    return out;
  }

  std::string html_table(const Table& t) {
    // CommonMark without pipe tables: an HTML block (one block: no blank line inside)
    std::string out = "<table>";
    auto row = [&](const Row& r, const char* cell) {
      out += "\n<tr>";
      for (auto& c : r.cells) {
        out += std::string("<") + cell;
        if (c.col_span > 1) out += " colspan=\"" + std::to_string(c.col_span) + "\"";
        if (c.row_span > 1) out += " rowspan=\"" + std::to_string(c.row_span) + "\"";
        out += ">";
        std::string text = stringify(c.content);
        for (auto& ch : text) if (ch == '\n') ch = ' ';
        detail::append_escaped(out, text);
        out += std::string("</") + cell + ">";
      }
      out += "</tr>";
    };
    for (auto& r : t.head.rows) row(r, "th");
    for (auto& b : t.bodies) {
      for (auto& r : b.head) row(r, "th");
      for (auto& r : b.body) row(r, "td");
    }
    for (auto& r : t.foot.rows) row(r, "td");
    out += "\n</table>";
    std::string cap = stringify(t.caption.long_caption);
    if (!cap.empty()) out += "\n\n" + escape_line_starts(escape_text(cap, false));
    return out;
  }

  void warn_raw(const std::string& format) {
    if (warned_raw_) return;
    warned_raw_ = true;
    diag_.warn("lost-content", "raw " + format + " content is not written to Markdown");
  }

  // ---- inlines ----

  std::string inlines(const Inlines& ils, bool heading = false) {
    std::string out;
    for (std::size_t i = 0; i < ils.size(); ++i) inline_(ils[i], out, heading);
    return out;
  }

  // Emphasis must not begin or end with a space (it would not be emphasis): the
  // spaces go outside the delimiters.
  void wrapped(const Inlines& content, const std::string& open, const std::string& close, std::string& out, bool heading) {
    std::string inner = inlines(content, heading);
    std::size_t a = 0, b = inner.size();
    while (a < b && (inner[a] == ' ' || inner[a] == '\n')) ++a;
    while (b > a && (inner[b - 1] == ' ' || inner[b - 1] == '\n')) --b;
    if (a == b) { out += inner; return; }
    out += inner.substr(0, a) + open + inner.substr(a, b - a) + close + inner.substr(b);
  }

  void inline_(const Inline& x, std::string& out, bool heading) {
    if (auto* s = x.as<Str>()) { out += escape_text(s->text, heading); return; }
    if (x.is<Space>()) { out += ' '; return; }
    if (x.is<SoftBreak>()) { out += heading ? ' ' : '\n'; return; }
    if (x.is<LineBreak>()) { out += heading ? " " : "\\\n"; return; }
    if (auto* e = x.as<Emph>()) { wrapped(e->content, "*", "*", out, heading); return; }
    if (auto* s = x.as<Strong>()) { wrapped(s->content, "**", "**", out, heading); return; }
    if (auto* u = x.as<Underline>()) { wrapped(u->content, "<u>", "</u>", out, heading); return; }
    if (auto* st = x.as<Strikeout>()) {
      if (syn_.strikeout) wrapped(st->content, "~~", "~~", out, heading);
      else wrapped(st->content, "<del>", "</del>", out, heading);
      return;
    }
    if (auto* sup = x.as<Superscript>()) { wrapped(sup->content, "<sup>", "</sup>", out, heading); return; }
    if (auto* sub = x.as<Subscript>()) { wrapped(sub->content, "<sub>", "</sub>", out, heading); return; }
    if (auto* sc = x.as<SmallCaps>()) { out += inlines(sc->content, heading); return; }
    if (auto* q = x.as<Quoted>()) {
      bool dbl = q->type == QuoteType::DoubleQuote;
      // markdown is read with +smart: straight quotes come back as Quoted
      const char* open = syn_.attributes ? (dbl ? "\"" : "'") : (dbl ? "\u201C" : "\u2018");
      const char* close = syn_.attributes ? (dbl ? "\"" : "'") : (dbl ? "\u201D" : "\u2019");
      out += open;
      out += inlines(q->content, heading);
      out += close;
      return;
    }
    if (auto* c = x.as<Cite>()) { out += inlines(c->content, heading); return; }
    if (auto* c = x.as<Code>()) { out += code_span(c->text); return; }
    if (auto* m = x.as<Math>()) {
      // CommonMark has no math; TeX between dollars is what Markdown readers that have it expect
      std::string tex = m->text;
      for (auto& ch : tex) if (ch == '\n') ch = ' ';
      std::string d = m->type == MathType::DisplayMath ? "$$" : "$";
      out += d + escape_math(tex) + d;
      return;
    }
    if (auto* r = x.as<RawInline>()) {
      if (r->format == "html" || r->format == "html5") out += r->text;
      else warn_raw(r->format);
      return;
    }
    if (auto* l = x.as<Link>()) { link(l->content, l->target, l->attr, false, out, heading); return; }
    if (auto* im = x.as<Image>()) { link(im->content, im->target, im->attr, true, out, heading); return; }
    if (auto* n = x.as<Note>()) {
      notes_.push_back(&n->content);
      out += "[^" + std::to_string(notes_.size()) + "]";
      return;
    }
    if (auto* sp = x.as<Span>()) {
      std::string attrs = syn_.attributes ? attribute_text(sp->attr) : std::string();
      if (attrs.empty()) out += inlines(sp->content, heading);
      else out += "[" + inlines(sp->content, heading) + "]" + attrs;
      return;
    }
  }

  void link(const Inlines& content, const Target& t, const Attr& attr, bool image, std::string& out, bool heading) {
    std::string text = inlines(content, heading);
    // the classes the reader gives autolinks are implied by the <...> form
    Attr rest = attr;
    std::erase_if(rest.classes, [](const std::string& c) { return c == "uri" || c == "email"; });
    std::string attrs = syn_.attributes ? attribute_text(rest) : std::string();
    // <https://example.org>: an autolink when the text is the address itself
    if (!image && attrs.empty() && t.title.empty() && content.size() == 1)
      if (auto* s = content[0].as<Str>(); s && (s->text == t.url || "mailto:" + s->text == t.url) && autolinkable(t.url)) {
        out += "<" + (s->text == t.url ? t.url : s->text) + ">";
        return;
      }
    out += image ? "![" : "[";
    out += text;
    out += "](" + destination(t.url);
    if (!t.title.empty()) {
      out += " \"";
      for (char c : t.title) {
        if (c == '"' || c == '\\') out += '\\';
        out += c == '\n' ? ' ' : c;
      }
      out += '"';
    }
    out += ')';
    out += attrs;
  }

  static bool autolinkable(const std::string& url) {
    std::size_t colon = url.find(':');
    if (colon == std::string::npos || colon < 2) return false;
    for (char c : url)
      if (c == '<' || c == '>' || c == ' ' || static_cast<unsigned char>(c) < 0x20) return false;
    return true;
  }

  // A link destination: <...> when it holds spaces or unbalanced parentheses.
  static std::string destination(const std::string& url) {
    bool angle = url.empty();
    int depth = 0;
    for (char c : url) {
      if (c == ' ' || c == '\n' || c == '\t') angle = true;
      if (c == '(') ++depth;
      if (c == ')' && --depth < 0) angle = true;
    }
    if (depth != 0) angle = true;
    std::string out;
    if (angle) out += '<';
    for (char c : url) {
      if (c == '\n') continue;
      if (angle && (c == '<' || c == '>' || c == '\\')) out += '\\';
      if (!angle && (c == '\\')) out += '\\';
      out += c;
    }
    if (angle) out += '>';
    return out;
  }

  static std::string code_span(const std::string& text) {
    std::string t = text;
    for (auto& c : t) if (c == '\n') c = ' ';
    std::size_t run = 0, longest = 0;
    for (char c : t) {
      run = c == '`' ? run + 1 : 0;
      longest = std::max(longest, run);
    }
    std::string ticks(longest + 1, '`');
    bool pad = !t.empty() && (t.front() == '`' || t.back() == '`' || (t.front() == ' ' && t.back() == ' ' &&
                                                                         t.find_first_not_of(' ') != std::string::npos));
    return ticks + (pad ? " " : "") + t + (pad ? " " : "") + ticks;
  }

  std::string escape_math(const std::string& tex) const {
    // inside $...$ the Markdown readers that know math take the text as it is; only a
    // closing dollar would end it early
    std::string out;
    for (char c : tex) {
      if (c == '$') out += '\\';
      out += c;
    }
    return out;
  }

  std::string escape_text(std::string_view s, bool heading) const {
    std::string out;
    out.reserve(s.size() + 8);
    for (std::size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      switch (c) {
        case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': out += '\\'; break;
        case '&':  // only where it could start a character reference
          if (i + 1 < s.size() && (std::isalnum(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '#')) out += '\\';
          break;
        case '|': if (syn_.pipe_tables) out += '\\'; break;
        case '~': if (syn_.strikeout) out += '\\'; break;
        case '$': if (syn_.math_dollars) out += '\\'; break;
        case '#': if (heading) out += '\\'; break;
        case '!': if (i + 1 < s.size() && s[i + 1] == '[') out += '\\'; break;
        default: break;
      }
      out += c;
    }
    return out;
  }

  static std::string one_line(std::string s) {
    for (auto& c : s) if (c == '\n') c = ' ';
    return s;
  }
};

}  // namespace

std::string write_markdown(const Document& doc, const WriterSyntax& syn, bool standalone, Diagnostics& diag) {
  return MdWriter(syn, diag).document(doc, standalone);
}

}  // namespace galley::markdown
