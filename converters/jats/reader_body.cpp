// JATS block content -> Blocks: sections, paragraphs (split around the display
// elements JATS allows inside <p>), lists, quotes, boxes, figures, code,
// statements, supplementary material. Elements without a mapping are read as
// blocks or inlines (whichever their children are) and counted.
#include <string>
#include <string_view>

#include "galley/safety.hpp"
#include "galley/builder.hpp"
#include "galley/text.hpp"
#include "galley/whitespace.hpp"
#include "jats/reader.hpp"

namespace galley::jats::in {
namespace {

bool is_block_element(std::string_view n) {
  static constexpr std::string_view kBlocks[] = {
      "p",          "sec",         "list",          "def-list",        "disp-quote",  "boxed-text",
      "fig",        "fig-group",   "table-wrap",    "table-wrap-group", "code",       "preformat",
      "statement",  "supplementary-material",       "media",           "speech",      "verse-group",
      "array",      "ref-list",    "ack",           "app",             "app-group",   "glossary",
      "fn-group",   "notes",       "bio",           "table",           "chem-struct-wrap", "question-wrap",
      "question",   "answer",      "explanation",   "answer-set",      "option",      "disp-formula-group",
      "caption",    "title",       "hr",            "address",         "attrib",      "permissions",
      "list-item",  "def-item",    "abstract",      "trans-abstract",  "floats-group", "sec-meta",
      "table-wrap-foot", "graphic", "body",         "back",            "sub-article", "response",
      "license",    "license-p",   "copyright-statement", "fig-group", "alt-text",    "long-desc",
      "mixed-citation-group", "ref", "corresp"};
  for (auto b : kBlocks)
    if (b == n) return true;
  return false;
}

// Does n have a child element read as a block?
bool has_block_child(const xmlNode* n) {
  for (const xmlNode* c = n->children; c; c = c->next)
    if (is_el(c) && is_block_element(name_of(c))) return true;
  return false;
}

void flush(Inlines& buf, Blocks& out, bool plain) {
  tidy(buf);
  if (buf.empty()) return;
  if (plain) out.emplace_back(Plain{std::move(buf)});
  else out.emplace_back(Para{std::move(buf)});
  buf.clear();
}

// Children of n as blocks, skipping the elements in `skip` (read by the caller).
void flow(Reading& r, const xmlNode* n, Blocks& out, bool plain, std::initializer_list<std::string_view> skip = {}) {
  Inlines buf;
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (is_el(c)) {
      std::string_view name = name_of(c);
      bool skipped = false;
      for (auto s : skip) skipped = skipped || s == name;
      if (skipped) continue;
      // A footnote is a Note inside running text and a block of its own in fn-groups and
      // table feet.
      bool fn_block = name == "fn" && !is_el(n, "p") && !is_inline_element(name_of(n));
      bool block = fn_block || is_block_element(name) || (!is_inline_element(name) && has_block_child(c));
      if (block) {
        flush(buf, out, plain);
        read_block(r, c, out, plain);
        continue;
      }
    }
    read_inline(r, c, buf);
  }
  flush(buf, out, plain);
}

Inlines label_and(Reading& r, const xmlNode* label, const xmlNode* title) {
  Inlines xs;
  if (label) xs = inlines_of(r, label);
  if (title) {
    Inlines t = inlines_of(r, title);
    if (!xs.empty() && !t.empty()) xs.emplace_back(Space{});
    append_moved(xs, t);
  }
  return xs;
}

Attr id_attr(const xmlNode* n, std::vector<std::string> classes = {}) {
  return Attr{attr(n, "id"), std::move(classes), {}};
}

void read_list(Reading& r, const xmlNode* n, Blocks& out) {
  if (const xmlNode* t = first(n, "title")) {
    Inlines xs = inlines_of(r, t);
    if (!xs.empty()) out.emplace_back(Para{Inlines{Strong{std::move(xs)}}});
  }
  std::string type = attr(n, "list-type");
  ListNumberStyle style = ListNumberStyle::DefaultStyle;
  bool ordered = true;
  if (type == "order") style = ListNumberStyle::Decimal;
  else if (type == "alpha-lower") style = ListNumberStyle::LowerAlpha;
  else if (type == "alpha-upper") style = ListNumberStyle::UpperAlpha;
  else if (type == "roman-lower") style = ListNumberStyle::LowerRoman;
  else if (type == "roman-upper") style = ListNumberStyle::UpperRoman;
  else ordered = false;
  std::vector<Blocks> items;
  std::vector<std::string> labels;
  for (const xmlNode* li : all(n, "list-item")) {
    Deeper d(r);
    Blocks item;
    flow(r, li, item, false, {"label"});
    labels.push_back(text(first(li, "label")));
    items.push_back(std::move(item));
  }
  bool any_label = false;
  for (auto& l : labels) any_label = any_label || !l.empty();
  int start = 1;
  if (ordered && any_label) {
    // Numbers the list itself would write travel as the start; other labels stay text.
    std::string digits;
    for (char c : labels.front())
      if (c >= '0' && c <= '9') digits += c;
    if (!digits.empty() && digits.size() < 9 && style == ListNumberStyle::Decimal) {
      start = std::stoi(digits);
      any_label = false;
    } else if (style != ListNumberStyle::Decimal) {
      any_label = false;  // "a)", "iv." are what the style writes
    }
  }
  if (any_label) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (labels[i].empty()) continue;
      Inlines lab = galley::text(labels[i]);
      Blocks& b = items[i];
      Inlines* first_inlines = nullptr;
      if (!b.empty()) {
        if (auto p = b.front().as<Para>()) first_inlines = &p->content;
        else if (auto p = b.front().as<Plain>()) first_inlines = &p->content;
      }
      if (first_inlines) {
        lab.emplace_back(Space{});
        first_inlines->insert(first_inlines->begin(), lab.begin(), lab.end());
      } else {
        b.insert(b.begin(), Para{std::move(lab)});
      }
    }
    ordered = false;
  }
  if (ordered) out.emplace_back(OrderedList{ListAttributes{start, style, ListNumberDelim::DefaultDelim}, std::move(items)});
  else out.emplace_back(BulletList{std::move(items)});
}

void read_def_list(Reading& r, const xmlNode* n, Blocks& out) {
  label_title_para(r, n, out);
  DefinitionList dl;
  for (const xmlNode* it : all(n, "def-item")) {
    Deeper d(r);
    DefinitionItem item;
    item.term = inlines_of(r, first(it, "term"));
    for (const xmlNode* def : all(it, "def")) {
      Blocks b;
      flow(r, def, b, false);
      item.definitions.push_back(std::move(b));
    }
    if (item.definitions.empty()) item.definitions.emplace_back();
    dl.items.push_back(std::move(item));
  }
  if (!dl.items.empty()) out.emplace_back(std::move(dl));
}

Block image_para(const xmlNode* g, Reading& r) {
  Inlines xs;
  read_inline(r, g, xs);
  return Plain{std::move(xs)};
}

void read_figure(Reading& r, const xmlNode* n, Blocks& out) {
  Figure f;
  f.attr = id_attr(n);
  f.caption.long_caption = caption_blocks(r, n);
  Inlines images;
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (!is_el(c)) continue;
    std::string_view name = name_of(c);
    if (name == "label" || name == "caption" || name == "object-id") continue;
    if (name == "graphic") {
      read_inline(r, c, images);
      continue;
    }
    if (name == "alternatives") {
      // The first graphic stands for its alternatives (other renderings of one image).
      if (const xmlNode* g = first(c, "graphic")) read_inline(r, g, images);
      else read_block(r, c, f.content);
      continue;
    }
    if (!images.empty()) {
      f.content.emplace_back(Plain{std::move(images)});
      images.clear();
    }
    read_block(r, c, f.content);
  }
  if (!images.empty()) f.content.insert(f.content.begin(), Plain{std::move(images)});
  out.emplace_back(std::move(f));
}

void read_media_link(Reading& r, const xmlNode* n, Blocks& out) {
  std::string href = xlink_href(n);
  if (href.empty()) return;
  if (is_dangerous_url(href)) {
    ++r.unsafe_urls;
    return;
  }
  std::string shown = href.substr(href.find_last_of('/') == std::string::npos ? 0 : href.find_last_of('/') + 1);
  out.emplace_back(Para{Inlines{Link{Attr{}, galley::text(shown.empty() ? href : shown), Target{strip_url_controls(href), {}}}}});
}

void read_box(Reading& r, const xmlNode* n, std::vector<std::string> classes, Blocks& out) {
  Div d{id_attr(n, std::move(classes)), {}};
  Blocks cap = caption_blocks(r, n);
  append_moved(d.content, cap);
  if (!first(n, "caption")) label_title_para(r, n, d.content);
  flow(r, n, d.content, false, {"label", "title", "caption", "object-id"});
  out.emplace_back(std::move(d));
}

}  // namespace

Blocks caption_blocks(Reading& r, const xmlNode* n) {
  Blocks out;
  const xmlNode* cap = first(n, "caption");
  Inlines head = label_and(r, first(n, "label"), cap ? first(cap, "title") : nullptr);
  if (!head.empty()) out.emplace_back(Para{Inlines{Strong{std::move(head)}}});
  if (cap) flow(r, cap, out, false, {"title"});
  return out;
}

void label_title_para(Reading& r, const xmlNode* n, Blocks& out) {
  Inlines head = label_and(r, first(n, "label"), first(n, "title"));
  if (!head.empty()) out.emplace_back(Para{Inlines{Strong{std::move(head)}}});
}

Blocks blocks_of(Reading& r, const xmlNode* n, bool plain) {
  Blocks out;
  if (n) flow(r, n, out, plain);
  return out;
}

void read_section(Reading& r, const xmlNode* n, int level, Blocks& out, const char* default_title) {
  Deeper d(r);
  Inlines head = label_and(r, first(n, "label"), first(n, "title"));
  if (head.empty() && default_title) head = galley::text(default_title);
  if (!head.empty()) out.emplace_back(Header{level > 6 ? 6 : level, id_attr(n), std::move(head)});
  int saved = r.section_base;
  r.section_base = level;
  flow(r, n, out, false, {"label", "title", "sec-meta"});
  r.section_base = saved;
  if (const xmlNode* meta = first(n, "sec-meta")) r.unmapped_element(meta);
}

void read_block(Reading& r, const xmlNode* n, Blocks& out, bool plain) {
  if (!is_el(n)) return;
  Deeper d(r);
  std::string_view name = name_of(n);
  int below = r.section_base + 1;
  if (name == "p" || name == "license-p" || name == "corresp" || name == "copyright-statement" || name == "address" ||
      name == "alt-text" || name == "long-desc")
    flow(r, n, out, plain);
  else if (name == "sec") read_section(r, n, below, out);
  else if (name == "ack") read_section(r, n, below, out, "Acknowledgements");
  else if (name == "app") read_section(r, n, below, out, "Appendix");
  else if (name == "notes") read_section(r, n, below, out, "Notes");
  else if (name == "bio") read_section(r, n, below, out);
  else if (name == "glossary") read_section(r, n, below, out, "Glossary");
  else if (name == "app-group") {
    // Appendices are sections of their own; a titled group is one level above them.
    if (first(n, "title")) read_section(r, n, below, out);
    else flow(r, n, out, false, {"label"});
  } else if (name == "list") read_list(r, n, out);
  else if (name == "def-list") read_def_list(r, n, out);
  else if (name == "disp-quote") {
    Blocks q;
    label_title_para(r, n, q);
    flow(r, n, q, false, {"attrib", "label", "title"});
    for (const xmlNode* a : all(n, "attrib")) {
      Inlines xs{Str{"\u2014"}, Space{}};
      Inlines t = inlines_of(r, a);
      append_moved(xs, t);
      q.emplace_back(Para{std::move(xs)});
    }
    out.emplace_back(BlockQuote{std::move(q)});
  } else if (name == "boxed-text") {
    std::string type = attr(n, "content-type");
    read_box(r, n, type.empty() ? std::vector<std::string>{} : std::vector<std::string>{type}, out);
  } else if (name == "fig") read_figure(r, n, out);
  else if (name == "fig-group" || name == "table-wrap-group" || name == "disp-formula-group" ||
           name == "chem-struct-wrap" || name == "question-wrap" || name == "question" || name == "answer" ||
           name == "explanation" || name == "answer-set" || name == "option" || name == "speech" ||
           name == "floats-group" || name == "mixed-citation-group")
    read_box(r, n, {std::string(name)}, out);
  else if (name == "statement") {
    std::string type = attr(n, "content-type");
    std::vector<std::string> cls{"statement"};
    if (!type.empty()) cls.push_back(type);
    read_box(r, n, cls, out);
  } else if (name == "supplementary-material" || name == "media") {
    Div d{id_attr(n, {std::string(name)}), caption_blocks(r, n)};
    read_media_link(r, n, d.content);
    flow(r, n, d.content, false, {"label", "caption", "object-id"});
    out.emplace_back(std::move(d));
  } else if (name == "table-wrap") read_table_wrap(r, n, out);
  else if (name == "table") read_table(r, n, Attr{}, Caption{}, out);
  else if (name == "array") {
    if (const xmlNode* t = first(n, "table")) read_table(r, t, id_attr(n), Caption{}, out);
    else flow(r, n, out, plain);
  } else if (name == "code" || name == "preformat") {
    std::string s = raw_text(n);
    if (!s.empty() && s.front() == '\n') s.erase(0, 1);
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    std::string lang = attr(n, "language");
    out.emplace_back(CodeBlock{id_attr(n, lang.empty() ? std::vector<std::string>{} : std::vector<std::string>{lang}), s});
  } else if (name == "verse-group") {
    label_title_para(r, n, out);
    LineBlock lb;
    for (const xmlNode* l : all(n, "verse-line")) lb.lines.push_back(inlines_of(r, l));
    if (!lb.lines.empty()) out.emplace_back(std::move(lb));
  } else if (name == "graphic") {
    out.push_back(image_para(n, r));
  } else if (name == "hr") out.emplace_back(HorizontalRule{});
  else if (name == "ref-list") read_ref_list(r, n, below, out);
  else if (name == "fn-group") read_fn_group(r, n, below, out);
  else if (name == "title" || name == "attrib" || name == "label") {
    Inlines xs = inlines_of(r, n);
    if (!xs.empty()) out.emplace_back(Para{Inlines{Strong{std::move(xs)}}});
  } else if (name == "abstract" || name == "trans-abstract") {
    read_box(r, n, {std::string(name)}, out);
  } else if (name == "sub-article" || name == "response" || name == "back" || name == "body") {
    // Inside a body these are what they are at the top: read_document handles the top.
    if (name == "back") read_back(r, n, below, out);
    else flow(r, n, out, false);
  } else if (name == "fn") {
    Div d{id_attr(n, {"fn"}), {}};
    Inlines lab = inlines_of(r, first(n, "label"));
    flow(r, n, d.content, false, {"label"});
    if (!lab.empty()) {
      if (!d.content.empty() && d.content.front().is<Para>()) {
        auto& c = d.content.front().as<Para>()->content;
        lab.emplace_back(Space{});
        c.insert(c.begin(), lab.begin(), lab.end());
      } else {
        d.content.insert(d.content.begin(), Para{std::move(lab)});
      }
    }
    out.emplace_back(std::move(d));
  } else if (name == "caption" || name == "list-item" || name == "def-item" || name == "permissions" ||
             name == "license" || name == "table-wrap-foot" || name == "caption") {
    flow(r, n, out, plain);
  } else if (name == "sec-meta" || name == "processing-meta") {
    r.unmapped_element(n);
  } else if (name == "disp-formula" || name == "inline-formula" || name == "math" || name == "tex-math") {
    Inlines xs;
    read_inline(r, n, xs);
    out.emplace_back(Para{std::move(xs)});
  } else if (is_inline_element(name)) {
    Inlines xs;
    read_inline(r, n, xs);
    tidy(xs);
    if (!xs.empty()) out.emplace_back(Para{std::move(xs)});
  } else {
    r.unmapped_element(n);
    flow(r, n, out, plain);
  }
}

}  // namespace galley::jats::in
