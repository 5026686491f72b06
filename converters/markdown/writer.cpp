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
        Blocks note = notes_[k];  // blocks() may append to notes_
        std::string text = blocks(note, false);
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
  std::vector<Blocks> notes_;  // copies: a note may live in a temporary (definition lists)
  bool warned_raw_ = false, warned_cells_ = false, warned_deflist_ = false;
  bool ends_with_list_ = false;  // the last block written was a list
  bool next_is_word_ = false;    // the inline after the one being written starts with a letter

  // ---- blocks ----

  std::string blocks(const Blocks& bs, bool tight) {
    std::string out;
    bool before_was_list = false;
    for (auto& b : bs) {
      bool was_list = ends_with_list_;
      ends_with_list_ = false;
      std::string s = block(b);
      if (s.empty()) { ends_with_list_ = was_list; continue; }
      if (!out.empty()) {
        out += tight ? "\n" : "\n\n";
        // a list right after a list (also from flattened divs) would continue it; a comment keeps them apart
        if (before_was_list && starts_like_list(s)) out += "<!-- -->\n\n";
      }
      out += s;
      before_was_list = ends_with_list_;
    }
    ends_with_list_ = before_was_list;
    return out;
  }

  std::string block(const Block& b) {
    if (auto* p = b.as<Para>()) return paragraph(p->content);
    if (auto* p = b.as<Plain>()) return paragraph(p->content);
    if (auto* h = b.as<Header>()) {
      std::string text = one_line(inlines(h->content, true));
      std::string attrs = syn_.attributes ? inline_attribute_text(h->attr) : std::string();
      return std::string(static_cast<std::size_t>(std::clamp(h->level, 1, 6)), '#') + (text.empty() ? "" : " " + text) +
             (attrs.empty() ? "" : " " + attrs);
    }
    if (auto* c = b.as<CodeBlock>()) return code_block(*c);
    if (auto* r = b.as<RawBlock>()) {
      if (r->format == "html" || r->format == "html5") return raw_html_block(std::string(trim(r->text)));
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
    if (auto* f = b.as<Figure>()) return figure(*f);
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

  std::string paragraph(const Inlines& ils) {
    std::string text = inlines(ils);
    // CommonMark has one line break at a time and none at a paragraph's end
    for (std::size_t p; (p = text.find("\\\n\\\n")) != std::string::npos;) text.erase(p, 2);
    while (true) {
      while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.pop_back();
      if (text.size() >= 1 && text.back() == '\\' && (text.size() < 2 || text[text.size() - 2] != '\\')) text.pop_back();
      else break;
    }
    while (text.rfind("\\\n", 0) == 0) text.erase(0, 2);
    return escape_line_starts(text);
  }

  // A figure of one image: the image alone in its paragraph with the caption as
  // its text (what implicit_figures reads back as a figure); anything else: the
  // content, then the caption as a paragraph.
  std::string figure(const Figure& f) {
    const Inlines* caption = nullptr;
    Inlines joined;
    for (auto& b : f.caption.long_caption) {
      const Inlines* ils = b.as<Plain>() ? &b.as<Plain>()->content : b.as<Para>() ? &b.as<Para>()->content : nullptr;
      if (!ils) continue;
      if (!joined.empty()) joined.emplace_back(Space{});
      joined.insert(joined.end(), ils->begin(), ils->end());
    }
    if (!joined.empty()) caption = &joined;
    const Image* img = nullptr;
    if (f.content.size() == 1) {
      const Inlines* ils = f.content[0].as<Plain>() ? &f.content[0].as<Plain>()->content
                           : f.content[0].as<Para>() ? &f.content[0].as<Para>()->content : nullptr;
      // the image, also when web pages wrap it in spans
      while (ils && ils->size() == 1 && (*ils)[0].is<Span>()) ils = &(*ils)[0].as<Span>()->content;
      if (ils && ils->size() == 1) img = (*ils)[0].as<Image>();
    }
    if (img) {
      Attr attr = img->attr;
      if (attr.id.empty()) attr.id = f.attr.id;
      std::string out;
      link(caption ? *caption : img->content, img->target, attr, true, out, false);
      return escape_line_starts(out);
    }
    std::string out = blocks(f.content, false);
    if (caption) out += (out.empty() ? "" : "\n\n") + paragraph(*caption);
    return out;
  }

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
    std::vector<std::pair<std::string, std::string>> kv;
    if (word(a.id)) out += "#" + a.id;
    else if (!a.id.empty()) kv.emplace_back("id", a.id);
    bool plain_classes = std::all_of(a.classes.begin(), a.classes.end(), word);
    if (plain_classes) {
      for (auto& c : a.classes) out += (out.empty() ? "." : " .") + c;
    } else {  // class="grid@tl+ col-8": the {.class} form takes words only
      std::string all;
      for (auto& c : a.classes) all += (all.empty() ? "" : " ") + c;
      kv.emplace_back("class", all);
    }
    kv.insert(kv.end(), a.attributes.begin(), a.attributes.end());
    for (auto& [k, v] : kv) {
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
  // The same inside a paragraph (spans, links, images, headers), where cmark reads the
  // text first: its markup characters and the addresses GFM would link are escaped.
  std::string inline_attribute_text(const Attr& a) const {
    std::string raw = attribute_text(a);
    return escape_text(raw, false);
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

  static bool starts_like_list(std::string_view s) {
    if (s.size() >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && (s[1] == ' ' || s[1] == '\n')) return true;
    if (s == "-") return true;
    std::size_t k = 0;
    while (k < s.size() && k < 10 && s[k] >= '0' && s[k] <= '9') ++k;
    return k > 0 && k < s.size() && (s[k] == '.' || s[k] == ')');
  }

  std::string list(const std::vector<Blocks>& items, const ListAttributes* ordered) {
    std::string out = list_text(items, ordered);
    ends_with_list_ = true;
    return out;
  }

  std::string list_text(const std::vector<Blocks>& items, const ListAttributes* ordered) {
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
      if (body[0] == ':') {  // a div fence is only read at a line's start: the item starts on the next line
        std::string pad(marker.size(), ' ');
        out += marker.substr(0, marker.size() - 1) + "\n" + indent(body, pad, pad);
        continue;
      }
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

  // An HTML block that starts with <pre>, <script>, <style> or <textarea> runs to
  // that element's end tag: without one it would swallow the rest of the document.
  static std::string raw_html_block(std::string html) {
    static const char* kinds[] = {"pre", "script", "style", "textarea"};
    std::string lower = ascii_lower(std::string_view(html).substr(0, 12));
    for (const char* k : kinds) {
      std::string open = std::string("<") + k;
      if (lower.rfind(open, 0) != 0) continue;
      char after = lower.size() > open.size() ? lower[open.size()] : ' ';
      if (after != ' ' && after != '>' && after != '\t' && after != '\n') continue;
      if (ascii_lower(html).find(std::string("</") + k + ">") == std::string::npos) html += std::string("\n<!-- </") + k + "> -->";
    }
    return html;
  }

  void warn_raw(const std::string& format) {
    if (warned_raw_) return;
    warned_raw_ = true;
    diag_.warn("lost-content", "raw " + format + " content is not written to Markdown");
  }

  // ---- inlines ----

  // *a**b* would read as nothing like Emph[a] Emph[b]: emphasis of one kind that
  // touches emphasis of the same kind is written as one
  static bool touching_same(const Inlines& ils) {
    for (std::size_t i = 0; i + 1 < ils.size(); ++i)
      if ((ils[i].is<Emph>() && ils[i + 1].is<Emph>()) || (ils[i].is<Strong>() && ils[i + 1].is<Strong>()) ||
          (ils[i].is<Strikeout>() && ils[i + 1].is<Strikeout>()))
        return true;
    return false;
  }
  static Inlines merge_touching(const Inlines& ils) {
    Inlines out;
    for (auto& x : ils) {
      if (!out.empty()) {
        Inlines* prev = nullptr;
        const Inlines* next = nullptr;
        if (x.is<Emph>() && out.back().is<Emph>()) { prev = &out.back().as<Emph>()->content; next = &x.as<Emph>()->content; }
        if (x.is<Strong>() && out.back().is<Strong>()) { prev = &out.back().as<Strong>()->content; next = &x.as<Strong>()->content; }
        if (x.is<Strikeout>() && out.back().is<Strikeout>()) {
          prev = &out.back().as<Strikeout>()->content;
          next = &x.as<Strikeout>()->content;
        }
        if (prev) { prev->insert(prev->end(), next->begin(), next->end()); continue; }
      }
      out.push_back(x);
    }
    return out;
  }

  std::string inlines(const Inlines& given, bool heading = false) {
    Inlines merged;
    const Inlines& ils = touching_same(given) ? (merged = merge_touching(given)) : given;
    std::string out;
    for (std::size_t i = 0; i < ils.size(); ++i) {
      next_is_word_ = i + 1 < ils.size() && starts_with_word_char(ils[i + 1]);
      inline_(ils[i], out, heading);
    }
    next_is_word_ = false;
    return out;
  }

  // Does this inline begin with a letter or digit (what a closing * may not touch
  // after punctuation)?
  static bool starts_with_word_char(const Inline& x) {
    if (auto* s = x.as<Str>(); s && !s->text.empty()) {
      unsigned char c = static_cast<unsigned char>(s->text[0]);
      return std::isalnum(c) || c >= 0x80;
    }
    return false;
  }

  // Emphasis must not begin or end with a space (it would not be emphasis): the
  // spaces go outside the delimiters.
  void wrapped(const Inlines& content, const std::string& open, const std::string& close, std::string& out, bool heading) {
    bool next_word = next_is_word_;  // of the inline after this one (inlines() below resets it)
    std::string inner = inlines(content, heading);
    std::size_t a = 0, b = inner.size();
    // CommonMark's flanking rules count Unicode white space (a no-break space too)
    auto space_at = [&](std::size_t i) -> std::size_t {  // its length in bytes, 0 if none
      unsigned char c = static_cast<unsigned char>(inner[i]);
      if (c == ' ' || c == '\n' || c == '\t') return 1;
      if (c == 0xC2 && i + 1 < inner.size() && static_cast<unsigned char>(inner[i + 1]) == 0xA0) return 2;
      if (c == 0xE2 && i + 2 < inner.size() && static_cast<unsigned char>(inner[i + 1]) == 0x80 &&
          (static_cast<unsigned char>(inner[i + 2]) <= 0x8A || static_cast<unsigned char>(inner[i + 2]) == 0xAF))
        return 3;  // U+2000..U+200A, U+202F
      if (c == 0xE3 && i + 2 < inner.size() && static_cast<unsigned char>(inner[i + 1]) == 0x80 &&
          static_cast<unsigned char>(inner[i + 2]) == 0x80)
        return 3;  // U+3000
      return 0;
    };
    auto space_before = [&](std::size_t end) -> std::size_t {
      for (std::size_t len = 1; len <= 3 && len <= end - a; ++len)
        if (space_at(end - len) == len) return len;
      return 0;
    };
    while (a < b) { std::size_t n = space_at(a); if (!n) break; a += n; }
    while (b > a) {
      std::size_t n = b - a >= 2 && inner.compare(b - 2, 2, "\\\n") == 0 ? 2 : space_before(b);  // line breaks go outside too
      if (!n) break;
      b -= n;
    }
    if (a == b) { out += inner; return; }  // nothing but spaces (or nothing): no delimiters
    // *** is ambiguous in CommonMark: emphasis next to strong emphasis uses underscores
    std::string o = open, c = close;
    // An opener after a letter cannot be followed by punctuation ("word*.x*" is no
    // emphasis): HTML tags say it instead.
    auto alnum_end = [&]() {
      if (out.empty()) return false;
      unsigned char l = static_cast<unsigned char>(out.back());
      return std::isalnum(l) || l >= 0x80;
    };
    auto punct = [](unsigned char ch) { return ch < 0x80 && std::ispunct(ch) && ch != '*' && ch != '_'; };
    // and a closer before a letter cannot follow punctuation ("*(CNN)*It")
    bool closer_blocked = b == inner.size() && next_word && punct(static_cast<unsigned char>(inner[b - 1]));
    if ((open == "*" || open == "**") && ((alnum_end() && punct(static_cast<unsigned char>(inner[a]))) || closer_blocked)) {
      o = open == "*" ? "<em>" : "<strong>";
      c = open == "*" ? "</em>" : "</strong>";
    }
    else if ((open == "*" || open == "**") && (inner[a] == '*' || inner[b - 1] == '*')) {
      o.assign(open.size(), '_');
      c.assign(close.size(), '_');
    }
    out += inner.substr(0, a) + o + inner.substr(a, b - a) + c + inner.substr(b);
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
      // Without tex_math_dollars (commonmark, gfm) the reader would keep the dollars as
      // text: the formula is written as its text (TeX, or the MathML's linear reading).
      if (!syn_.math_dollars) {
        std::string text = m->text;
        for (auto& ch : text) if (ch == '\n') ch = ' ';
        out += escape_text(text, heading);
        return;
      }
      // TeX between dollars, as Markdown readers with math expect it
      std::string tex = m->text;
      for (auto& ch : tex) if (ch == '\n') ch = ' ';
      std::string d = m->type == MathType::DisplayMath ? "$$" : "$";
      out += d + escape_math(tex) + d;
      return;
    }
    if (auto* r = x.as<RawInline>()) {
      if (r->format == "html" || r->format == "html5") {
        for (char ch : r->text) out += ch == '\n' ? ' ' : ch;
      } else {
        warn_raw(r->format);
      }
      return;
    }
    if (auto* l = x.as<Link>()) { link(l->content, l->target, l->attr, false, out, heading); return; }
    if (auto* im = x.as<Image>()) { link(im->content, im->target, im->attr, true, out, heading); return; }
    if (auto* n = x.as<Note>()) {
      notes_.push_back(n->content);
      out += "[^" + std::to_string(notes_.size()) + "]";
      return;
    }
    if (auto* sp = x.as<Span>()) {
      std::string attrs = syn_.attributes ? inline_attribute_text(sp->attr) : std::string();
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
    std::string attrs = syn_.attributes ? inline_attribute_text(rest) : std::string();
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
        // GFM turns bare addresses into links: an escape breaks what it looks for
        case '@': if (syn_.bare_autolinks) out += '\\'; break;
        case ':': if (syn_.bare_autolinks && s.compare(i + 1, 2, "//") == 0) out += '\\'; break;
        case '.':
          if (syn_.bare_autolinks && i >= 3 && (s.compare(i - 3, 3, "www") == 0 || s.compare(i - 3, 3, "WWW") == 0)) out += '\\';
          break;
        default: break;
      }
      out += c;
    }
    return out;
  }

  static std::string one_line(std::string s) {
    for (std::size_t p; (p = s.find("\\\n")) != std::string::npos;) s.replace(p, 2, " ");  // line breaks
    for (auto& c : s) if (c == '\n') c = ' ';
    return s;
  }
};

}  // namespace

std::string write_markdown(const Document& doc, const WriterSyntax& syn, bool standalone, Diagnostics& diag) {
  return MdWriter(syn, diag).document(doc, standalone);
}

}  // namespace galley::markdown
