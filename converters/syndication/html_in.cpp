// See html_in.hpp. A small DOM -> AST mapping: block elements make blocks,
// everything else is inline; runs of inline content at block level become one
// paragraph. Whitespace is collapsed as HTML renders it.
#include "syndication/html_in.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <climits>
#include <cstring>

#include "galley/builder.hpp"
#include "galley/text.hpp"

namespace galley::syndication {

namespace {

std::string name_of(xmlNodePtr n) { return n->name ? ascii_lower(reinterpret_cast<const char*>(n->name)) : std::string(); }

std::string attr_of(xmlNodePtr n, const char* a) {
  xmlChar* v = xmlGetProp(n, BAD_CAST a);
  if (!v) return {};
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

std::string text_content(xmlNodePtr n) {
  xmlChar* v = xmlNodeGetContent(n);
  if (!v) return {};
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Text into inlines with the spaces at its ends kept as Space (between words
// of neighbouring elements), never two in a row.
void add_text(Inlines& out, std::string_view s) {
  if (s.empty()) return;
  bool lead = is_space(s.front()), trail = is_space(s.back());
  if (lead && !out.empty() && !out.back().is<Space>()) out.push_back(Space{});
  Inlines words = text(s);
  for (auto& w : words)
    out.push_back(w.is<SoftBreak>() ? Inline{Space{}} : std::move(w));
  if (trail && !words.empty()) out.push_back(Space{});
}

void trim_spaces(Inlines& xs) {
  while (!xs.empty() && xs.back().is<Space>()) xs.pop_back();
  std::size_t i = 0;
  while (i < xs.size() && xs[i].is<Space>()) ++i;
  if (i) xs.erase(xs.begin(), xs.begin() + static_cast<long>(i));
}

bool is_block(const std::string& n) {
  static const char* const names[] = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre",
                                      "hr", "figure", "div", "section", "article", "aside", "header", "footer", "main",
                                      "table", "dl", "dt", "dd", "nav", "address", "figcaption", "body", "html",
                                      "tr", "thead", "tbody", "tfoot", "caption"};
  for (auto* x : names)
    if (n == x) return true;
  return false;
}

bool skipped(const std::string& n) { return n == "script" || n == "style" || n == "template" || n == "head"; }

struct Converter {
  Diagnostics& diag;
  std::size_t max_depth;
  bool deep_warned = false;

  bool too_deep(std::size_t depth) {
    if (depth <= max_depth) return false;
    if (!deep_warned) diag.warn("lost-content", "HTML body nested too deeply; the deepest markup kept as text");
    deep_warned = true;
    return true;
  }

  void inlines(xmlNodePtr n, Inlines& out, std::size_t depth) {
    for (xmlNodePtr c = n->children; c; c = c->next) inline_node(c, out, depth + 1);
  }

  void inline_node(xmlNodePtr c, Inlines& out, std::size_t depth) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      add_text(out, reinterpret_cast<const char*>(c->content ? c->content : BAD_CAST ""));
      return;
    }
    if (c->type != XML_ELEMENT_NODE) return;
    std::string n = name_of(c);
    if (skipped(n)) return;
    if (too_deep(depth)) {
      add_text(out, " " + text_content(c) + " ");
      return;
    }
    Inlines inner;
    auto wrap = [&](auto&& make) {
      inlines(c, inner, depth);
      trim_spaces(inner);
      if (!inner.empty()) out.push_back(make(std::move(inner)));
    };
    if (n == "em" || n == "i" || n == "cite" || n == "var" || n == "dfn") wrap([](Inlines x) { return Inline{Emph{std::move(x)}}; });
    else if (n == "strong" || n == "b") wrap([](Inlines x) { return Inline{Strong{std::move(x)}}; });
    else if (n == "u" || n == "ins") wrap([](Inlines x) { return Inline{Underline{std::move(x)}}; });
    else if (n == "s" || n == "del" || n == "strike") wrap([](Inlines x) { return Inline{Strikeout{std::move(x)}}; });
    else if (n == "sub") wrap([](Inlines x) { return Inline{Subscript{std::move(x)}}; });
    else if (n == "sup") wrap([](Inlines x) { return Inline{Superscript{std::move(x)}}; });
    else if (n == "q") wrap([](Inlines x) { return Inline{Quoted{QuoteType::DoubleQuote, std::move(x)}}; });
    else if (n == "code" || n == "kbd" || n == "samp" || n == "tt") out.push_back(Code{{}, text_content(c)});
    else if (n == "br") out.push_back(LineBreak{});
    else if (n == "img") {
      std::string src = attr_of(c, "src");
      if (!src.empty()) out.push_back(galley::Image{{}, text(attr_of(c, "alt")), {src, attr_of(c, "title")}});
    } else if (n == "a") {
      inlines(c, inner, depth);
      trim_spaces(inner);
      std::string href = attr_of(c, "href");
      if (href.empty()) out.insert(out.end(), inner.begin(), inner.end());
      else if (!inner.empty()) out.push_back(Link{{}, std::move(inner), {href, attr_of(c, "title")}});
    } else {
      inlines(c, out, depth);  // span, abbr, time, small, font, mark and unknown elements: their content
    }
  }

  void flush(Inlines& para, Blocks& out) {
    trim_spaces(para);
    if (!para.empty()) out.push_back(Para{std::move(para)});
    para.clear();
  }

  Blocks item_blocks(xmlNodePtr li, std::size_t depth) {
    Blocks bs = blocks(li, depth);
    if (bs.size() == 1)
      if (auto p = bs[0].as<Para>()) bs[0] = Plain{std::move(p->content)};
    return bs;
  }

  Blocks blocks(xmlNodePtr n, std::size_t depth) {
    Blocks out;
    Inlines para;
    for (xmlNodePtr c = n->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) {
        inline_node(c, para, depth + 1);
        continue;
      }
      std::string e = name_of(c);
      if (skipped(e)) continue;
      if (!is_block(e) || too_deep(depth + 1)) {
        inline_node(c, para, depth + 1);
        continue;
      }
      flush(para, out);
      block_node(c, e, out, depth + 1);
    }
    flush(para, out);
    return out;
  }

  void block_node(xmlNodePtr c, const std::string& e, Blocks& out, std::size_t depth) {
    if (e == "p" || e == "address" || e == "dt" || e == "caption" || e == "figcaption") {
      Inlines xs;
      inlines(c, xs, depth);
      trim_spaces(xs);
      if (!xs.empty()) out.push_back(Para{std::move(xs)});
    } else if (e.size() == 2 && e[0] == 'h' && e[1] >= '1' && e[1] <= '6') {
      Inlines xs;
      inlines(c, xs, depth);
      trim_spaces(xs);
      if (!xs.empty()) out.push_back(Header{e[1] - '0', Attr{}, std::move(xs)});
    } else if (e == "ul" || e == "ol") {
      std::vector<Blocks> items;
      for (xmlNodePtr li = c->children; li; li = li->next)
        if (li->type == XML_ELEMENT_NODE && name_of(li) == "li") items.push_back(item_blocks(li, depth + 1));
      if (items.empty()) return;
      if (e == "ul") out.push_back(BulletList{std::move(items)});
      else {
        OrderedList ol;
        std::string start = attr_of(c, "start");
        if (!start.empty() && start.size() < 9 && start.find_first_not_of("0123456789") == std::string::npos)
          ol.attrs.start = std::stoi(start);
        ol.items = std::move(items);
        out.push_back(std::move(ol));
      }
    } else if (e == "blockquote") {
      Blocks inner = blocks(c, depth);
      if (!inner.empty()) out.push_back(BlockQuote{std::move(inner)});
    } else if (e == "pre") {
      out.push_back(CodeBlock{{}, text_content(c)});
    } else if (e == "hr") {
      out.push_back(HorizontalRule{});
    } else if (e == "figure") {
      Figure f;
      Blocks content;
      for (xmlNodePtr x = c->children; x; x = x->next) {
        if (x->type == XML_ELEMENT_NODE && name_of(x) == "figcaption") {
          f.caption.long_caption = blocks(x, depth + 1);
          if (f.caption.long_caption.empty()) {
            Inlines xs;
            inlines(x, xs, depth + 1);
            trim_spaces(xs);
            if (!xs.empty()) f.caption.long_caption.push_back(Plain{std::move(xs)});
          }
        }
      }
      Inlines xs;
      for (xmlNodePtr x = c->children; x; x = x->next)
        if (!(x->type == XML_ELEMENT_NODE && name_of(x) == "figcaption")) inline_node(x, xs, depth + 1);
      trim_spaces(xs);
      if (!xs.empty()) f.content.push_back(Plain{std::move(xs)});
      for (auto& b : f.caption.long_caption)
        if (auto p = b.as<Para>()) b = Plain{std::move(p->content)};
      out.push_back(std::move(f));
    } else if (e == "tr") {
      // Tables as one paragraph per row, cells separated: the words survive.
      Inlines row;
      for (xmlNodePtr td = c->children; td; td = td->next) {
        if (td->type != XML_ELEMENT_NODE) continue;
        Inlines cell;
        inlines(td, cell, depth + 1);
        trim_spaces(cell);
        if (cell.empty()) continue;
        if (!row.empty()) {
          row.push_back(Space{});
          row.push_back(Str{"|"});
          row.push_back(Space{});
        }
        row.insert(row.end(), cell.begin(), cell.end());
      }
      if (!row.empty()) out.push_back(Para{std::move(row)});
    } else {
      // div, section, lists of definitions, table parts ...: their blocks in place.
      Blocks inner = blocks(c, depth);
      for (auto& b : inner) out.push_back(std::move(b));
    }
  }
};

}  // namespace

Blocks blocks_from_html(std::string_view html, Diagnostics& diag, std::size_t max_nesting) {
  if (html.size() > static_cast<std::size_t>(INT_MAX)) return blocks_from_text(html);
  std::string doc = "<html><head><meta charset=\"utf-8\"></head><body>" + std::string(html) + "</body></html>";
  htmlDocPtr d = htmlReadMemory(doc.data(), static_cast<int>(doc.size()), "body.html", "UTF-8",
                                HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                    HTML_PARSE_NOIMPLIED | XML_PARSE_HUGE);
  if (!d) {
    diag.warn("lost-content", "the HTML body could not be parsed; read as text");
    return blocks_from_text(html);
  }
  Blocks out;
  xmlNodePtr root = xmlDocGetRootElement(d);
  xmlNodePtr body = nullptr;
  for (xmlNodePtr c = root ? root->children : nullptr; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && name_of(c) == "body") body = c;
  Converter conv{diag, max_nesting};
  if (body) out = conv.blocks(body, 0);
  else if (root) out = conv.blocks(root, 0);
  xmlFreeDoc(d);
  return out;
}

Blocks blocks_from_text(std::string_view t) {
  Blocks out;
  bool blank_lines = t.find("\n\n") != std::string_view::npos || t.find("\r\n\r\n") != std::string_view::npos;
  std::size_t start = 0;
  while (start <= t.size()) {
    std::size_t end = blank_lines ? t.find("\n\n", start) : t.find('\n', start);
    std::string_view part = t.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    Inlines xs = text(part);
    for (auto& x : xs)
      if (x.is<SoftBreak>()) x = Space{};
    if (!xs.empty()) out.push_back(Para{std::move(xs)});
    if (end == std::string_view::npos) break;
    start = end + (blank_lines ? 2 : 1);
  }
  return out;
}

}  // namespace galley::syndication
