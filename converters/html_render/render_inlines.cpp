// HtmlRenderer::Impl: inlines, raw HTML (cleaned and checked), links and images.
#include <libxml/parser.h>
#include <algorithm>
#include <cstdio>
#include <cctype>
#include <string_view>
#include <utility>
#include "galley/detail/xml.hpp"
#include "galley/io.hpp"
#include "galley/locale.hpp"
#include "galley/raw_html.hpp"
#include "galley/text.hpp"

#include "html_render/render_impl.hpp"

namespace galley::detail {
using namespace render;  // the helpers, as they were when all this was one file

void HtmlRenderer::Impl::inlines(std::string& out, const Inlines& ils) {
  for (auto& il : ils) inline_(out, il);
}

void HtmlRenderer::Impl::wrap(std::string& out, const char* tag, const Inlines& content) {
  out += '<';
  out += tag;
  out += '>';
  inlines(out, content);
  out += "</";
  out += tag;
  out += '>';
}

void HtmlRenderer::Impl::inline_(std::string& out, const Inline& il) {
  galley::visit([&](auto& v) { this->inl(out, v); }, il);
}

void HtmlRenderer::Impl::inl(std::string& out, const SmallCaps& v) {
  out += "<span class=\"smallcaps\">";
  inlines(out, v.content);
  out += "</span>";
}

void HtmlRenderer::Impl::inl(std::string& out, const Quoted& v) {
  Quotes q = quotes_for(r.opt_.lang);
  bool dq = v.type == QuoteType::DoubleQuote;
  out += dq ? q.dq_open : q.sq_open;
  inlines(out, v.content);
  out += dq ? q.dq_close : q.sq_close;
}

void HtmlRenderer::Impl::inl(std::string& out, const Cite& v) {
  std::string ids;
  for (auto& c : v.citations) {
    if (!ids.empty()) ids += ' ';
    ids += c.id;
  }
  out += "<span class=\"citation\"";
  if (!ids.empty()) attr_kv(out, "data-cites", ids);
  out += '>';
  inlines(out, v.content);
  out += "</span>";
}

void HtmlRenderer::Impl::inl(std::string& out, const Code& v) {
  out += "<code";
  attrs(out, v.attr, "code");
  out += '>';
  esc(out, v.text);
  out += "</code>";
}

void HtmlRenderer::Impl::inl(std::string& out, const LineBreak&) {
  out += "<br";
  out += void_end();
  out += '\n';
}

void HtmlRenderer::Impl::raw(std::string& out, const std::string& format, const std::string& text, bool block) {
  if (!is_raw_html_format(format, x())) {
    warn("lost-content", std::string("raw ") + (block ? "block" : "inline") + " in format \"" + format +
                             "\" dropped");
    return;
  }
  // Each writer cleans raw HTML first; this is the last line of defence.
  if (icontains(text, "<script")) {
    warn("unsafe-content", std::string("raw HTML ") + (block ? "block" : "inline") + " with a script dropped");
    return;
  }
  if (foreign_raw(out, text, block)) return;
  // Raw HTML from Markdown or Pandoc JSON never met the HTML reader's sanitizer:
  // event handlers, script URLs and unsafe styles go here.
  std::size_t removed = 0;
  std::string cleaned = clean_raw_html_attributes(text, &removed);
  if (removed)
    warn("unsafe-content", std::string("raw HTML ") + (block ? "block" : "inline") + ": " + std::to_string(removed) +
                               " unsafe attribute(s) removed");
  raw_checked(out, cleaned, block);
}

void HtmlRenderer::Impl::raw_checked(std::string& out, const std::string& text, bool block) {
  if (!x() && !ends_in_text(text)) {
    warn("lost-content", std::string("raw HTML ") + (block ? "block" : "inline") +
                             " dropped: it ends inside a tag or comment");
    return;
  }
  if (x() && !well_formed_fragment(text)) {
    warn("lost-content", std::string("raw HTML ") + (block ? "block" : "inline") +
                             " dropped: not well-formed XML");
    return;
  }
  if (x() && completes_cdata_end(out, text)) {
    // Two fragments that are each well-formed can still meet as "]]>", which XML
    // forbids in text (found by the writers fuzzer: "// ]" then "]>"). The '>' is
    // character data (a fragment cannot begin inside a tag), so it is escaped.
    std::size_t gt = text.find('>');
    out.append(text, 0, gt);
    out += "&gt;";
    out.append(text, gt + 1, std::string::npos);
  } else {
    out += text;
  }
  if (block) out += '\n';
}

// Whether appending `next` to `out` would form "]]>" across the join.
bool HtmlRenderer::Impl::completes_cdata_end(const std::string& out, const std::string& next) {
  if (next.starts_with(">")) return out.ends_with("]]");
  if (next.starts_with("]>")) return out.ends_with("]");
  return false;
}

void HtmlRenderer::Impl::inl(std::string& out, const Link& v) {
  if (dangerous_url(v.target.url)) {
    warn("unsafe-content", "script URL in a link dropped (link text kept)");
    inlines(out, v.content);
    return;
  }
  if (link_depth > 0) {  // <a> cannot nest
    out += "<span";
    attrs(out, v.attr, "span");
    out += '>';
    inlines(out, v.content);
    out += "</span>";
    return;
  }
  out += "<a";
  attr_kv(out, "href", link_target(v.target.url));
  if (!v.target.title.empty()) attr_kv(out, "title", v.target.title);
  attrs(out, v.attr, "a");
  out += '>';
  ++link_depth;
  inlines(out, v.content);
  --link_depth;
  out += "</a>";
}

bool HtmlRenderer::Impl::pixel_number(const std::string& s) {
  return !s.empty() && s.size() < 8 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void HtmlRenderer::Impl::inl(std::string& out, const Image& v) {
  if (dangerous_url(v.target.url)) {
    warn("unsafe-content", "script URL as image source dropped (alt text kept)");
    inlines(out, v.content);
    return;
  }
  std::string src = r.opt_.map_image ? r.opt_.map_image(v.target.url) : v.target.url;
  if (src.empty()) {
    inlines(out, v.content);
    return;
  }
  // width/height that are not plain pixel counts go to style
  Attr a = v.attr;
  std::string style;
  std::vector<std::pair<std::string, std::string>> kept;
  for (auto& kv : a.attributes) {
    if ((kv.first == "width" || kv.first == "height") && !pixel_number(kv.second)) {
      if (!style.empty()) style += "; ";
      style += kv.first + ": " + kv.second;
    } else {
      kept.push_back(kv);
    }
  }
  a.attributes = std::move(kept);
  std::string title = v.target.title;
  if (title.starts_with("fig:")) title = title.substr(4);
  out += "<img";
  attr_kv(out, "src", src.starts_with("data:") ? src : clean_url(src));
  attr_kv(out, "alt", stringify(v.content));
  if (!title.empty()) attr_kv(out, "title", title);
  attrs(out, a, "img", {}, nullptr, style);
  out += void_end();
}

void HtmlRenderer::Impl::inl(std::string& out, const Span& v) {
  if (auto f = formula_of(v)) {
    formula(out, *f);
    return;
  }
  out += "<span";
  attrs(out, v.attr, "span");
  out += '>';
  inlines(out, v.content);
  out += "</span>";
}

}  // namespace galley::detail
