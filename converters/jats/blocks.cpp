// Block content: sections from the header hierarchy, paragraphs, lists, quotes,
// figures, boxes, code, formulas. A block whose element the container cannot
// hold is wrapped in a <p> when <p> can hold it (JATS allows most display
// elements inside paragraphs), which keeps every tag set valid.
#include <string>

#include "galley/foreign_markup.hpp"
#include "galley/math.hpp"
#include "galley/io.hpp"
#include "galley/text.hpp"
#include "jats/state.hpp"

namespace galley::jats {
namespace {

struct Placed {
  bool ok = false;
  bool wrapped = false;
};

Placed place(State& st, El e) {
  if (st.can(e)) return {true, false};
  if (st.can(El::p) && st.can_in(El::p, e)) {
    st.open(El::p);
    return {true, true};
  }
  return {};
}
void unplace(State& st, const Placed& p) {
  if (p.wrapped) st.close(true);
}

// Models such as list-item, def, fn need at least one p.
void ensure_child(State& st, int before = 0, El e = El::p) {
  if (st.children() == before) {
    st.open(e);
    st.close(true);
  }
}

const Image* lone_image(const Inlines& xs) {
  const Image* found = nullptr;
  for (const Inline& x : xs) {
    if (x.is<Space>() || x.is<SoftBreak>()) continue;
    auto im = x.as<Image>();
    if (!im || found) return nullptr;
    found = im;
  }
  return found;
}

bool only_images(const Inlines& xs) {
  bool any = false;
  for (const Inline& x : xs) {
    if (x.is<Space>() || x.is<SoftBreak>() || x.is<LineBreak>()) continue;
    if (!x.is<Image>()) return false;
    any = true;
  }
  return any;
}

void write_paragraph(State& st, const Inlines& xs, bool plain, const std::string* id = nullptr) {
  bool inline_here = st.can_text() && (plain || !st.can(El::p));
  if (inline_here) {
    // Consecutive blocks written inline (table cells): keep them apart.
    if (!st.out.empty() && st.out.back() != '>' && st.out.back() != '\n') {
      if (st.can(El::break_)) st.empty(El::break_);
      else st.text(" ");
    }
    write_inlines(st, xs);
    return;
  }
  if (st.can(El::p)) {
    st.open(El::p, {{"id", id ? *id : ""}});
    write_inlines(st, xs);
    st.close(true);
    return;
  }
  st.warn_once("lost-content", std::string("a paragraph inside <") + element_name(st.top()) + "> was dropped");
}

// n is 64-bit: a list may start at INT_MAX and still have more items.
std::string list_label(const ListAttributes& a, long long n) {
  auto alpha = [](long long k, bool upper) {
    std::string s;
    while (k > 0) {
      --k;
      s.insert(s.begin(), static_cast<char>((upper ? 'A' : 'a') + k % 26));
      k /= 26;
    }
    return s;
  };
  // Roman numerals stop at 3999 (MMMCMXCIX); beyond that the label would be one 'M' per
  // thousand (two million letters for a list starting at 2^31), so larger numbers stay decimal.
  auto roman = [](long long k, bool upper) {
    static const std::pair<int, const char*> t[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
                                                    {90, "xc"},  {50, "l"},   {40, "xl"}, {10, "x"},   {9, "ix"},
                                                    {5, "v"},    {4, "iv"},   {1, "i"}};
    std::string s;
    for (auto& [v, r] : t)
      while (k >= v) { s += r; k -= v; }
    if (upper) for (auto& c : s) c = static_cast<char>(c - 'a' + 'A');
    return s;
  };
  std::string body;
  switch (a.style) {
    case ListNumberStyle::LowerAlpha: body = alpha(n, false); break;
    case ListNumberStyle::UpperAlpha: body = alpha(n, true); break;
    case ListNumberStyle::LowerRoman: body = n > 0 && n < 4000 ? roman(n, false) : std::to_string(n); break;
    case ListNumberStyle::UpperRoman: body = n > 0 && n < 4000 ? roman(n, true) : std::to_string(n); break;
    default: body = std::to_string(n);
  }
  switch (a.delim) {
    case ListNumberDelim::OneParen: return body + ")";
    case ListNumberDelim::TwoParens: return "(" + body + ")";
    default: return body + ".";
  }
}

void write_list(State& st, const std::vector<Blocks>& items, const ListAttributes* ordered) {
  if (items.empty()) return;
  Placed pl = place(st, El::list);
  if (!pl.ok) {
    for (auto& item : items) write_blocks(st, item);
    return;
  }
  std::string type = "bullet";
  bool labels = false;
  if (ordered) {
    switch (ordered->style) {
      case ListNumberStyle::LowerAlpha: type = "alpha-lower"; break;
      case ListNumberStyle::UpperAlpha: type = "alpha-upper"; break;
      case ListNumberStyle::LowerRoman: type = "roman-lower"; break;
      case ListNumberStyle::UpperRoman: type = "roman-upper"; break;
      default: type = "order";
    }
    // JATS numbers from 1: any other start (or explicit delimiters) travels as labels.
    labels = ordered->start != 1 || ordered->delim == ListNumberDelim::OneParen ||
             ordered->delim == ListNumberDelim::TwoParens;
    // Article Authoring only knows bullet | order | simple: other styles keep their numbers as labels.
    if (st.ts == TagSet::ArticleAuthoring && type != "order") {
      type = "order";
      labels = true;
    }
  }
  st.open(El::list, {{"list-type", type}}, true);
  long long n = ordered ? ordered->start : 0;
  for (const Blocks& item : items) {
    st.open(El::list_item);
    if (labels) {
      st.open(El::label);
      st.text(list_label(*ordered, n));
      st.close();
    }
    ++n;
    int before = st.children();
    write_blocks(st, item);
    ensure_child(st, before);
    st.close(true);
  }
  st.close(true);
  unplace(st, pl);
}

void write_definitions(State& st, const DefinitionList& dl) {
  if (dl.items.empty()) return;
  Placed pl = place(st, El::def_list);
  if (!pl.ok) {
    for (auto& it : dl.items) {
      write_paragraph(st, it.term, false);
      for (auto& d : it.definitions) write_blocks(st, d);
    }
    return;
  }
  st.open(El::def_list, {}, true);
  for (const DefinitionItem& it : dl.items) {
    st.open(El::def_item, {}, true);
    st.open(El::term);
    write_inlines(st, it.term);
    st.close(true);
    for (const Blocks& d : it.definitions) {
      st.open(El::def);
      write_blocks(st, d);
      ensure_child(st);
      st.close(true);
    }
    st.close(true);
  }
  st.close(true);
  unplace(st, pl);
}

void write_line_block(State& st, const LineBlock& lb) {
  if (lb.lines.empty()) return;
  Placed pl = place(st, El::verse_group);
  if (pl.ok) {
    st.open(El::verse_group, {}, true);
    for (const Inlines& line : lb.lines) {
      st.open(El::verse_line);
      write_inlines(st, line);
      st.close(true);
    }
    st.close(true);
    unplace(st, pl);
    return;
  }
  Inlines joined;
  for (std::size_t i = 0; i < lb.lines.size(); ++i) {
    if (i) joined.emplace_back(LineBreak{});
    joined.insert(joined.end(), lb.lines[i].begin(), lb.lines[i].end());
  }
  write_paragraph(st, joined, false);
}

void write_code_block(State& st, const CodeBlock& cb) {
  const std::string* id = st.id_for(cb.attr);
  std::string lang = cb.attr.classes.empty() ? std::string() : cb.attr.classes.front();
  El e = !lang.empty() && (st.can(El::code) || (st.can(El::p) && st.can_in(El::p, El::code))) ? El::code
                                                                                                 : El::preformat;
  Placed pl = place(st, e);
  if (!pl.ok) {
    write_paragraph(st, Inlines{Code{cb.attr, cb.text}}, false);
    return;
  }
  if (e == El::code) st.open(El::code, {{"id", id ? *id : ""}, {"language", lang}});
  else st.open(El::preformat, {{"id", id ? *id : ""}});
  st.text(cb.text);
  st.close(true);
  unplace(st, pl);
}

void write_quote(State& st, const BlockQuote& q) {
  if (q.content.empty()) return;
  Placed pl = place(st, El::disp_quote);
  if (!pl.ok) {
    write_blocks(st, q.content);
    return;
  }
  st.open(El::disp_quote, {}, true);
  write_blocks(st, q.content);
  if (st.ts == TagSet::ArticleAuthoring) ensure_child(st);  // (title?, p+)
  st.close(true);
  unplace(st, pl);
}

void write_div(State& st, const Div& d) {
  const std::string* id = st.id_for(d.attr);
  Placed pl = place(st, El::boxed_text);
  if (!pl.ok) {
    write_blocks(st, d.content);
    return;
  }
  std::string type = d.attr.classes.empty() ? std::string() : d.attr.classes.front();
  st.open(El::boxed_text, {{"id", id ? *id : ""}, {"content-type", type}}, true);
  write_blocks(st, d.content);
  st.close(true);
  unplace(st, pl);
}

void write_rule(State& st) {
  if (st.can(El::hr)) {
    st.empty(El::hr);
    st.nl();
  } else if (st.can(El::p) && st.can_in(El::p, El::hr)) {
    st.open(El::p);
    st.empty(El::hr);
    st.close(true);
  } else {
    st.warn_once("lost-content", "horizontal rules cannot be written in this JATS tag set");
  }
}

void write_header_as_para(State& st, const Header& h) {
  // A heading where no sec can open (list item, quote, cell): a bold paragraph.
  const std::string* id = st.id_for(h.attr);
  if (st.can(El::p)) {
    st.open(El::p, {{"id", id ? *id : ""}});
    write_inline_element(st, El::bold, h.content);
    st.close(true);
  } else {
    write_paragraph(st, h.content, true);
  }
}

void write_block(State& st, const Block& b) {
  galley::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, Plain> || std::is_same_v<T, Para>) {
          const Image* im = lone_image(v.content);
          if (im && std::is_same_v<T, Para> && im->target.title.rfind("fig:", 0) == 0) {
            // pandoc-types 1.22 implicit figure: Para [Image attr caption ("src", "fig:title")]
            Image bare = *im;
            bare.target.title = im->target.title.substr(4);
            Caption cap;
            if (!im->content.empty()) cap.long_caption.push_back(Plain{im->content});
            Blocks content{Plain{Inlines{bare}}};
            write_figure(st, im->attr, cap, content);
            return;
          }
          write_paragraph(st, v.content, std::is_same_v<T, Plain>);
        }
        else if constexpr (std::is_same_v<T, LineBlock>) write_line_block(st, v);
        else if constexpr (std::is_same_v<T, CodeBlock>) write_code_block(st, v);
        else if constexpr (std::is_same_v<T, RawBlock>) {
          bool html = v.format == "html" || v.format == "html5" || v.format == "xhtml";
          if (v.format == "jats") {
            st.raw(v.text);
            st.nl();
          } else if (html && is_mathml_fragment(v.text)) {
            // A MathML block: a display formula in its own paragraph.
            write_paragraph(st, Inlines{formula_inline(MathType::DisplayMath, {}, v.text)}, false);
          } else if (html && is_svg_fragment(v.text)) {
            std::string title = svg_title(v.text);
            st.warn_once("lost-content", "inline SVG cannot be held by JATS and was dropped" +
                                             (title.empty() ? std::string() : " (title: " + title + ")"));
          } else {
            st.warn_once("lost-content", "raw " + v.format + " block content is not written to JATS");
          }
        }
        else if constexpr (std::is_same_v<T, BlockQuote>) write_quote(st, v);
        else if constexpr (std::is_same_v<T, OrderedList>) write_list(st, v.items, &v.attrs);
        else if constexpr (std::is_same_v<T, BulletList>) write_list(st, v.items, nullptr);
        else if constexpr (std::is_same_v<T, DefinitionList>) write_definitions(st, v);
        else if constexpr (std::is_same_v<T, Header>) write_header_as_para(st, v);
        else if constexpr (std::is_same_v<T, HorizontalRule>) write_rule(st);
        else if constexpr (std::is_same_v<T, Table>) write_table(st, v);
        else if constexpr (std::is_same_v<T, Figure>) write_figure(st, v.attr, v.caption, v.content);
        else if constexpr (std::is_same_v<T, Div>) write_div(st, v);
      }, b);
}

void write_range(State& st, const Block* b, const Block* e);

void write_section(State& st, const Header& h, const Block* b, const Block* e) {
  const std::string* id = st.id_for(h.attr);
  st.open(El::sec, {{"id", id ? *id : ""}}, true);
  st.open(El::title);
  write_inlines(st, h.content);
  st.close(true);
  write_range(st, b, e);
  st.close(true);
}

void write_range(State& st, const Block* b, const Block* e) {
  if (!st.can(El::sec)) {
    for (const Block* i = b; i != e; ++i) write_block(st, *i);
    return;
  }
  const Block* i = b;
  for (; i != e && !i->is<Header>(); ++i) write_block(st, *i);
  while (i != e) {
    const Header& h = *i->as<Header>();
    const Block* j = i + 1;
    while (j != e && !(j->is<Header>() && j->as<Header>()->level <= h.level)) ++j;
    write_section(st, h, i + 1, j);
    i = j;
  }
}

}  // namespace

void write_blocks(State& st, const Blocks& bs) { write_range(st, bs.data(), bs.data() + bs.size()); }

void write_figure(State& st, const Attr& attr, const Caption& caption, const Blocks& content) {
  Placed pl = place(st, El::fig);
  if (!pl.ok) {
    write_blocks(st, content);
    write_blocks(st, caption.long_caption);
    return;
  }
  const std::string* id = st.id_for(attr);
  st.open(El::fig, {{"id", id ? *id : ""}}, true);
  std::string caption_text = stringify(caption.long_caption);
  if (!caption.long_caption.empty()) {
    st.open(El::caption, {}, true);
    write_blocks(st, caption.long_caption);
    st.close(true);
  }
  for (const Block& b : content) {
    const Inlines* xs = nullptr;
    if (auto p = b.as<Plain>()) xs = &p->content;
    else if (auto p = b.as<Para>()) xs = &p->content;
    if (xs && only_images(*xs) && st.can(El::graphic)) {
      for (const Inline& x : *xs) {
        auto im = x.as<Image>();
        if (!im) continue;
        if (is_dangerous_url(im->target.url)) {
          st.warn_once("unsafe-content", "script URL as image source dropped");
          continue;
        }
        std::string alt = stringify(im->content);
        st.open(El::graphic, {{"xlink:href", im->target.url}, {"xlink:title", im->target.title}});
        if (!alt.empty() && alt != caption_text && st.can(El::alt_text)) {
          st.open(El::alt_text);
          st.text(alt);
          st.close();
        }
        st.close(true);
      }
      continue;
    }
    write_block(st, b);
  }
  st.close(true);
  unplace(st, pl);
}

void write_footnotes(State& st) {
  if (st.footnotes.empty()) return;
  st.open(El::fn_group, {}, true);
  // Notes inside notes append to the list while it is written.
  for (std::size_t i = 0; i < st.footnotes.size(); ++i) {
    auto fn = st.footnotes[i];  // a copy: writing it may append notes and move the vector
    st.open(El::fn, {{"id", fn.id}}, true);
    if (st.can(El::label)) {
      st.open(El::label);
      st.text(std::to_string(i + 1));
      st.close(true);
    }
    int before = st.children();
    write_blocks(st, fn.content);
    ensure_child(st, before);
    st.close(true);
  }
  st.close(true);
}

}  // namespace galley::jats
