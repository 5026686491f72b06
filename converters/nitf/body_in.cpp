#include "nitf/body_in.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "nitf/dom.hpp"

namespace galley::nitf {

// Inline content being collected: words as Str, white space as one Space, the way
// an XML reader sees mixed content (newlines in the source are only line wrapping).
struct BodyReader::Run {
  Inlines items;
  bool pending_space = false;
  void space() {
    if (!items.empty()) pending_space = true;
  }
  void push(Inline x) {
    if (pending_space) items.emplace_back(Space{});
    pending_space = false;
    items.push_back(std::move(x));
  }
  void text(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
      char c = s[i];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        space();
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < s.size() && s[j] != ' ' && s[j] != '\t' && s[j] != '\n' && s[j] != '\r') ++j;
      std::string_view word = s.substr(i, j - i);
      // A word split by markup ("foo<em>bar</em>" stays two nodes) but not by text.
      if (!pending_space && !items.empty())
        if (Str* last = items.back().as<Str>()) {
          last->text += word;
          i = j;
          continue;
        }
      push(Str{std::string(word)});
      i = j;
    }
  }
  Inlines take() {
    pending_space = false;
    while (!items.empty() && items.back().is<Space>()) items.pop_back();
    return std::move(items);
  }
  bool empty() const { return items.empty(); }
};

bool is_block_name(std::string_view n) {
  static constexpr std::array<std::string_view, 40> names = {
      "p",       "hl1",     "hl2",     "h1",         "h2",          "h3",      "h4",     "h5",
      "h6",      "ul",      "ol",      "dl",         "bq",          "blockquote", "block", "div",
      "section", "article", "header",  "footer",     "aside",       "main",    "pre",    "hr",
      "table",   "nitf-table", "media", "figure",    "fn",          "note",    "body.content", "body",
      "address", "nav",     "tagline", "body.end",   "bibliography", "li",     "dd",     "dt"};
  return std::find(names.begin(), names.end(), n) != names.end();
}

namespace {
bool skipped(std::string_view n) {
  return n == "head" || n == "script" || n == "style" || n == "title" || n == "template" || n == "media-metadata" ||
         n == "media-object" || n == "nitf-table-metadata" || n == "alt-code" || n == "body.head";
}
bool has_class_word(const xmlNode* n, std::string_view word) {
  std::string c = attr(n, "class");
  std::size_t i = 0;
  while (i < c.size()) {
    std::size_t j = c.find(' ', i);
    if (j == std::string::npos) j = c.size();
    if (std::string_view(c).substr(i, j - i) == word) return true;
    i = j + 1;
  }
  return false;
}
Blocks wrap(Inlines xs, bool tight) {
  Blocks out;
  if (xs.empty()) return out;
  if (tight) out.emplace_back(Plain{std::move(xs)});
  else out.emplace_back(Para{std::move(xs)});
  return out;
}
}  // namespace

Blocks BodyReader::blocks(const xmlNode* container) {
  Blocks out;
  if (!container) return out;
  if (notes_.empty()) collect_notes(container, false, 0);
  block_children(container, out, false, 0);
  return out;
}

namespace {
bool endnotes_container(const xmlNode* n) {
  return attr(n, "role") == "doc-endnotes" || has_class_word(n, "footnotes");
}
}  // namespace

void BodyReader::collect_notes(const xmlNode* n, bool in_endnotes, std::size_t depth) {
  if (depth > max_depth_) return;
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (!is_element(c)) continue;
    std::string id = attr(c, "id");
    if (!id.empty() && (is(c, "fn") || (in_endnotes && is(c, "li")) || attr(c, "role") == "doc-footnote" ||
                        attr(c, "role") == "doc-endnote"))
      notes_.emplace(id, c);
    collect_notes(c, in_endnotes || endnotes_container(c), depth + 1);
  }
}

// Is every note inside `n` already placed at its call (so `n` itself is no text)?
bool BodyReader::notes_all_used(const xmlNode* n) const {
  bool any = false;
  for (const auto& [id, node] : notes_) {
    for (const xmlNode* p = node; p; p = p->parent)
      if (p == n) {
        if (!used_notes_.count(id)) return false;
        any = true;
        break;
      }
  }
  return any;
}

Inlines BodyReader::inlines(const xmlNode* n) {
  Run run;
  if (n) inline_children(n, run, 0);
  return run.take();
}

void BodyReader::block_children(const xmlNode* n, Blocks& out, bool tight, std::size_t depth) {
  Run run;
  auto flush = [&] {
    Inlines xs = run.take();
    for (Block& b : wrap(std::move(xs), tight)) out.push_back(std::move(b));
    run = Run{};
  };
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (is_element(c) && skipped(local_name(c))) continue;
    if (is_element(c) && (is(c, "fn") || endnotes_container(c)) && notes_all_used(c)) continue;
    if (is_element(c) && is_block_name(local_name(c))) {
      flush();
      if (depth >= max_depth_) {
        // Too deep to follow: the text is kept as one paragraph.
        ++flattened_;
        Run flat;
        flat.text(text_of(c));
        for (Block& b : wrap(flat.take(), tight)) out.push_back(std::move(b));
        continue;
      }
      block_element(c, out, depth + 1);
    } else {
      inline_node(c, run, depth + 1);
    }
  }
  flush();
}

bool BodyReader::block_element(const xmlNode* n, Blocks& out, std::size_t depth) {
  std::string_view name = local_name(n);
  if (name == "p" || name == "tagline" || name == "address" || name == "dt") {
    Run run;
    inline_children(n, run, depth);
    Inlines xs = run.take();
    if (!xs.empty()) out.emplace_back(Para{std::move(xs)});
    return true;
  }
  if (name == "hl1" || name == "hl2" || (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6')) {
    int level = name == "hl1" ? 1 : name == "hl2" ? 2 : name[1] - '0';
    for (int k = 1; k <= 6; ++k)  // galley's NITF writer keeps other levels in the class
      if (name == "hl2" && has_class_word(n, "level" + std::to_string(k))) level = k;
    Run run;
    inline_children(n, run, depth);
    Inlines xs = run.take();
    if (!xs.empty()) out.emplace_back(Header{level, Attr{}, std::move(xs)});
    return true;
  }
  if (name == "ul" || name == "ol") {
    std::vector<Blocks> items;
    for (const xmlNode* li = n->children; li; li = li->next) {
      if (!is_element(li)) continue;
      Blocks item;
      block_children(li, item, true, depth + 1);
      items.push_back(std::move(item));
    }
    if (items.empty()) return true;
    if (name == "ul") {
      out.emplace_back(BulletList{std::move(items)});
    } else {
      OrderedList ol;
      std::string start = attr(n, "start");
      if (start.empty()) start = attr(n, "seqnum");
      if (!start.empty() && start.size() < 9 && std::all_of(start.begin(), start.end(), [](char c) { return c >= '0' && c <= '9'; }))
        ol.attrs.start = std::stoi(start);
      ol.items = std::move(items);
      out.emplace_back(std::move(ol));
    }
    return true;
  }
  if (name == "dl") {
    DefinitionList dl;
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (is(c, "dt")) {
        dl.items.push_back(DefinitionItem{inlines(c), {}});
      } else if (is(c, "dd")) {
        if (dl.items.empty()) dl.items.push_back(DefinitionItem{});
        Blocks d;
        block_children(c, d, true, depth + 1);
        dl.items.back().definitions.push_back(std::move(d));
      }
    }
    if (!dl.items.empty()) out.emplace_back(std::move(dl));
    return true;
  }
  if (name == "bq" || name == "blockquote") {
    BlockQuote q;
    block_children(n, q.content, false, depth);
    if (!q.content.empty()) out.emplace_back(std::move(q));
    return true;
  }
  if (name == "pre") {
    CodeBlock cb;
    cb.text = text_of(n);
    while (!cb.text.empty() && (cb.text.back() == '\n' || cb.text.back() == '\r')) cb.text.pop_back();
    if (!cb.text.empty()) out.emplace_back(std::move(cb));
    return true;
  }
  if (name == "hr") {
    out.emplace_back(HorizontalRule{});
    return true;
  }
  if (name == "table") {
    out.push_back(table(n, depth));
    return true;
  }
  if (name == "media") {
    out.push_back(media(n, depth));
    return true;
  }
  if (name == "figure") {
    out.push_back(figure(n, depth));
    return true;
  }
  if (name == "li" || name == "dd") {  // a stray list item: its content in place
    block_children(n, out, false, depth);
    return true;
  }
  // Containers (block, div, section, note, fn, nitf-table, body.content ...): their
  // content in place; NITF's block-level byline/dateline/abstract are text like any other.
  block_children(n, out, false, depth);
  return true;
}

void BodyReader::inline_children(const xmlNode* n, Run& run, std::size_t depth) {
  for (const xmlNode* c = n->children; c; c = c->next) inline_node(c, run, depth + 1);
}

void BodyReader::inline_node(const xmlNode* n, Run& run, std::size_t depth) {
  if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
    if (n->content) run.text(reinterpret_cast<const char*>(n->content));
    return;
  }
  if (n->type == XML_ENTITY_REF_NODE) {
    xmlEntity* e = xmlGetDocEntity(n->doc, n->name);
    if (e && e->etype == XML_INTERNAL_GENERAL_ENTITY && e->content) run.text(reinterpret_cast<const char*>(e->content));
    return;
  }
  if (!is_element(n)) return;
  std::string_view name = local_name(n);
  if (skipped(name)) return;
  if (depth >= max_depth_) {
    ++flattened_;
    run.text(text_of(n));
    return;
  }
  auto nested = [&] {
    Run inner;
    inline_children(n, inner, depth);
    return inner.take();
  };
  auto lead_space = [&](const xmlNode* x) {
    // Space just inside an element ("<em> word</em>") separates it from the text before.
    if (x->children && x->children->type == XML_TEXT_NODE && x->children->content) {
      char c = static_cast<char>(x->children->content[0]);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') run.space();
    }
  };
  auto trail_space = [&](const xmlNode* x) {
    if (x->last && x->last->type == XML_TEXT_NODE && x->last->content) {
      std::string_view t(reinterpret_cast<const char*>(x->last->content));
      if (!t.empty() && (t.back() == ' ' || t.back() == '\t' || t.back() == '\n' || t.back() == '\r')) run.space();
    }
  };
  auto wrapped = [&](auto make) {
    lead_space(n);
    Inlines xs = nested();
    if (!xs.empty()) run.push(make(std::move(xs)));
    trail_space(n);
  };
  if (name == "em" || name == "i" || name == "cite" || name == "dfn" || name == "var") {
    if (has_class_word(n, "bold") || has_class_word(n, "strong")) return wrapped([](Inlines xs) { return Inline{Strong{std::move(xs)}}; });
    // The classes galley's NITF writer gives em for what NITF has no element for.
    if (has_class_word(n, "underline")) return wrapped([](Inlines xs) { return Inline{Underline{std::move(xs)}}; });
    if (has_class_word(n, "strikeout")) return wrapped([](Inlines xs) { return Inline{Strikeout{std::move(xs)}}; });
    if (has_class_word(n, "smallcaps")) return wrapped([](Inlines xs) { return Inline{SmallCaps{std::move(xs)}}; });
    if (has_class_word(n, "superscript")) return wrapped([](Inlines xs) { return Inline{Superscript{std::move(xs)}}; });
    if (has_class_word(n, "subscript")) return wrapped([](Inlines xs) { return Inline{Subscript{std::move(xs)}}; });
    if (has_class_word(n, "math")) {
      lead_space(n);
      std::string t = text_of(n);
      if (!t.empty()) run.push(Math{MathType::InlineMath, t});
      trail_space(n);
      return;
    }
    if (has_class_word(n, "code")) {
      lead_space(n);
      std::string t = collapse(text_of(n));
      if (!t.empty()) run.push(Code{Attr{}, t});
      trail_space(n);
      return;
    }
    return wrapped([](Inlines xs) { return Inline{Emph{std::move(xs)}}; });
  }
  if (name == "b" || name == "strong") return wrapped([](Inlines xs) { return Inline{Strong{std::move(xs)}}; });
  if (name == "u" || name == "ins") return wrapped([](Inlines xs) { return Inline{Underline{std::move(xs)}}; });
  if (name == "s" || name == "strike" || name == "del") return wrapped([](Inlines xs) { return Inline{Strikeout{std::move(xs)}}; });
  if (name == "sub") return wrapped([](Inlines xs) { return Inline{Subscript{std::move(xs)}}; });
  if (name == "sup") return wrapped([](Inlines xs) { return Inline{Superscript{std::move(xs)}}; });
  if (name == "q") return wrapped([](Inlines xs) { return Inline{Quoted{QuoteType::DoubleQuote, std::move(xs)}}; });
  if (name == "code" || name == "kbd" || name == "samp") {
    lead_space(n);
    std::string t = collapse(text_of(n));
    if (!t.empty()) run.push(Code{Attr{}, t});
    trail_space(n);
    return;
  }
  if (name == "br") {
    run.pending_space = false;
    run.push(LineBreak{});
    return;
  }
  if (name == "a") {
    std::string href = attr(n, "href");
    if (attr(n, "role") == "doc-backlink") return;  // the way back from a note: not text
    if (href.size() > 1 && href[0] == '#') {
      auto note = notes_.find(href.substr(1));
      if (note != notes_.end()) {
        // A call of a footnote: the note itself, once (a second call keeps its text).
        if (used_notes_.insert(note->first).second) {
          Blocks content;
          block_children(note->second, content, false, depth + 1);
          run.pending_space = false;
          run.push(Note{std::move(content)});
          trail_space(n);
          return;
        }
      }
    }
    if (href.empty()) return inline_children(n, run, depth);
    std::string title = attr(n, "title");
    return wrapped([&](Inlines xs) { return Inline{Link{Attr{}, std::move(xs), Target{href, title}}}; });
  }
  if (name == "img") {
    std::string src = attr(n, "src");
    if (src.empty()) return;
    Run alt;
    alt.text(attr(n, "alt"));
    run.push(Image{Attr{}, alt.take(), Target{src, attr(n, "title")}});
    return;
  }
  if (is_block_name(name)) {
    // A block inside inline content (a p inside a caption's text): its text, apart.
    ++flattened_;
    run.space();
    inline_children(n, run, depth);
    run.space();
    return;
  }
  if (name == "span" && has_class_word(n, "math")) {
    // pandoc's and html_render's XHTML maths: <span class="math inline">\(p\)</span>.
    std::string t = text_of(n);
    bool display = has_class_word(n, "display");
    if (t.size() >= 4 && t[0] == '\\' && (t[1] == '(' || t[1] == '[')) t = t.substr(2, t.size() - 4);
    lead_space(n);
    if (!t.empty()) run.push(Math{display ? MathType::DisplayMath : MathType::InlineMath, t});
    trail_space(n);
    return;
  }
  if (name == "lang" || name == "span") {
    std::string lang = lang_attr(n);
    if (!lang.empty()) {
      Attr a;
      a.attributes.emplace_back("lang", lang);
      return wrapped([&](Inlines xs) { return Inline{Span{a, std::move(xs)}}; });
    }
  }
  // person, org, location, chron, money, num, object.title, ... and unknown elements: text.
  inline_children(n, run, depth);
}

Block BodyReader::table(const xmlNode* n, std::size_t depth) {
  Table t;
  std::size_t width = 0;
  auto row_of = [&](const xmlNode* tr) {
    Row r;
    for (const xmlNode* c = tr->children; c; c = c->next) {
      if (!is(c, "td") && !is(c, "th")) continue;
      Cell cell;
      block_children(c, cell.content, true, depth + 1);
      auto span = [&](const char* a) {
        std::string v = attr(c, a);
        if (v.empty() || v.size() > 4 || !std::all_of(v.begin(), v.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
          return 1;
        return std::max(1, std::stoi(v));
      };
      cell.row_span = span("rowspan");
      cell.col_span = span("colspan");
      r.cells.push_back(std::move(cell));
    }
    std::size_t w = 0;
    for (auto& c : r.cells) w += static_cast<std::size_t>(c.col_span);
    width = std::max(width, w);
    return r;
  };
  auto all_th = [](const xmlNode* tr) {
    bool any = false;
    for (const xmlNode* c = tr->children; c; c = c->next) {
      if (is(c, "td")) return false;
      if (is(c, "th")) any = true;
    }
    return any;
  };
  TableBody body;
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (is(c, "caption")) {
      block_children(c, t.caption.long_caption, true, depth + 1);
    } else if (is(c, "thead")) {
      for (const xmlNode* tr : children(c, "tr")) t.head.rows.push_back(row_of(tr));
    } else if (is(c, "tfoot")) {
      for (const xmlNode* tr : children(c, "tr")) t.foot.rows.push_back(row_of(tr));
    } else if (is(c, "tbody")) {
      for (const xmlNode* tr : children(c, "tr")) body.body.push_back(row_of(tr));
    } else if (is(c, "tr")) {
      if (t.head.rows.empty() && body.body.empty() && all_th(c)) t.head.rows.push_back(row_of(c));
      else body.body.push_back(row_of(c));
    }
  }
  t.bodies.push_back(std::move(body));
  t.colspecs.assign(std::max<std::size_t>(width, 1), ColSpec{});
  return Block{std::move(t)};
}

Block BodyReader::media(const xmlNode* n, std::size_t depth) {
  Figure f;
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (is(c, "media-reference")) {
      std::string src = attr(c, "source");
      if (src.empty()) src = attr(c, "data-location");
      if (src.empty()) continue;
      Run alt;
      alt.text(attr(c, "alternate-text"));
      Attr a;
      for (const char* dim : {"width", "height"})
        if (auto v = attr(c, dim); !v.empty()) a.attributes.emplace_back(dim, v);
      f.content.emplace_back(Plain{Inlines{Image{a, alt.take(), Target{src, ""}}}});
    } else if (is(c, "media-caption")) {
      Blocks cap;
      block_children(c, cap, true, depth + 1);
      for (Block& b : cap) f.caption.long_caption.push_back(std::move(b));
    } else if (is(c, "media-producer")) {
      Blocks credit;
      block_children(c, credit, true, depth + 1);
      for (Block& b : credit) f.caption.long_caption.push_back(std::move(b));
    }
  }
  std::string type = attr(n, "media-type");
  if (!type.empty() && type != "image") f.attr.classes.push_back(type);
  return Block{std::move(f)};
}

Block BodyReader::figure(const xmlNode* n, std::size_t depth) {
  Figure f;
  Run run;
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (is(c, "figcaption")) block_children(c, f.caption.long_caption, true, depth + 1);
    else if (is_element(c) && is_block_name(local_name(c))) block_element(c, f.content, depth + 1);
    else inline_node(c, run, depth + 1);
  }
  Inlines xs = run.take();
  if (!xs.empty()) f.content.insert(f.content.begin(), Block{Plain{std::move(xs)}});
  return Block{std::move(f)};
}

}  // namespace galley::nitf
