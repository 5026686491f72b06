// The AST -> HTML body renderer shared by the EPUB writer (XHTML) and the
// print HTML writer (HTML5). See html_render.hpp.
#include "html_render/html_render.hpp"

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

namespace galley::detail {

namespace {

std::string lower(std::string_view s) { return ascii_lower(s); }

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != std::tolower(static_cast<unsigned char>(prefix[i])))
      return false;
  return true;
}

bool icontains(std::string_view hay, std::string_view needle) {
  for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i)
    if (starts_with_ci(hay.substr(i), needle)) return true;
  return false;
}

// The one URL-safety check all writers share (galley/io.hpp).
bool dangerous_url(std::string_view url) { return galley::is_dangerous_url(url); }

// Percent-encode what URLs may not hold literally (spaces, controls, "<>\^`{|}).
std::string clean_url(std::string_view url) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (char c : url) {
    auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' ||
        c == '{' || c == '|' || c == '}') {
      out += '%';
      out += hex[u >> 4];
      out += hex[u & 15];
    } else {
      out += c;
    }
  }
  return out;
}

bool valid_attr_name(std::string_view k) {
  if (k.empty()) return false;
  auto first = static_cast<unsigned char>(k[0]);
  if (!(std::isalpha(first) || first == '_')) return false;
  for (char c : k) {
    auto u = static_cast<unsigned char>(c);
    if (!(std::isalnum(u) || c == '-' || c == '_' || c == '.' || c == ':')) return false;
  }
  return true;
}

// Attributes that HTML5 allows on the elements the renderer produces; any
// other key becomes data-<key> (as pandoc's HTML5 writer does).
bool known_attribute(std::string_view key, std::string_view element) {
  // role, aria-* (but aria-label) and microdata are not kept as such: taken
  // out of their page, their values and id references rarely hold (they
  // become data-*).
  static const char* global[] = {"lang", "dir", "title", "style", "translate", "hidden", "tabindex",
                                 "accesskey", "spellcheck"};
  for (auto* g : global)
    if (key == g) return true;
  if (key.starts_with("data-")) return true;
  // element attributes whose values cannot break validity (img width/height
  // are checked to be pixel counts before they get here)
  struct E { const char* el; const char* attr; };
  static const E specific[] = {{"img", "width"}, {"img", "height"}, {"th", "abbr"}};
  for (auto& e : specific)
    if (element == e.el && key == e.attr) return true;
  return false;
}

std::string data_name(std::string_view key) {
  std::string r = "data-";
  for (char c : key) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '_' || c == '.')
      r += static_cast<char>(std::tolower(u));
    else
      r += '-';
  }
  return r;
}

struct Quotes { std::string dq_open, dq_close, sq_open, sq_close; };

Quotes quotes_for(const std::string& lang) {
  std::string primary = primary_language(lang);
  const std::string nnbsp = "\u202F";
  if (primary == "fr")
    return {"\u00AB" + nnbsp, nnbsp + "\u00BB", "\u201C", "\u201D"};
  if (primary == "de" || primary == "cs" || primary == "sk" || primary == "is" || primary == "lt" ||
      primary == "sl" || primary == "et")
    return {"\u201E", "\u201C", "\u201A", "\u2018"};
  if (primary == "ru" || primary == "uk" || primary == "be")
    return {"\u00AB", "\u00BB", "\u201E", "\u201C"};
  if (primary == "es" || primary == "it" || primary == "pt" || primary == "ca" || primary == "el" ||
      primary == "no" || primary == "nb" || primary == "nn")
    return {"\u00AB", "\u00BB", "\u201C", "\u201D"};
  if (primary == "pl" || primary == "hu" || primary == "ro")
    return {"\u201E", "\u201D", "\u00AB", "\u00BB"};
  if (primary == "sv" || primary == "fi")
    return {"\u201D", "\u201D", "\u2019", "\u2019"};
  if (primary == "ja")
    return {"\u300C", "\u300D", "\u300E", "\u300F"};
  // en, vi and the default
  return {"\u201C", "\u201D", "\u2018", "\u2019"};
}

// Is `fragment` well-formed XML content (for raw HTML in XHTML output)?
bool well_formed_fragment(const std::string& fragment) {
  std::string doc = "<div xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\">" +
                    fragment + "</div>";
  xmlDocPtr d = xmlReadMemory(doc.data(), static_cast<int>(doc.size()), "raw.xml", "UTF-8",
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!d) return false;
  xmlFreeDoc(d);
  return true;
}

// Does an HTML `fragment` end in text, outside any tag and comment? One that ends inside
// a tag ("<scri", '<a href="') would take in what follows, escaped or not: the next Str
// 'pt src="//x/y.js">' made "<script src=...>" in print HTML (found by the writers fuzzer).
bool ends_in_text(std::string_view f) {
  std::size_t i = 0, n = f.size();
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  while (i < n) {
    if (f[i] != '<') { ++i; continue; }
    if (f.compare(i, 4, "<!--") == 0) {  // a comment runs to "-->"
      std::size_t e = f.find("-->", i + 4);
      if (e == std::string_view::npos) return false;
      i = e + 3;
      continue;
    }
    if (i + 1 == n) return false;  // a '<' at the very end starts whatever comes next
    char next = f[i + 1];
    if (!(letter(next) || next == '/' || next == '!' || next == '?')) { ++i; continue; }  // "< " is text
    // a tag: to its '>', skipping quoted attribute values
    for (i += 2; i < n && f[i] != '>'; ++i) {
      if (f[i] == '"' || f[i] == '\'') {
        std::size_t e = f.find(f[i], i + 1);
        if (e == std::string_view::npos) return false;
        i = e;
      }
    }
    if (i >= n) return false;
    ++i;
  }
  return true;
}

const char* list_type(ListNumberStyle s) {
  switch (s) {
    case ListNumberStyle::LowerAlpha: return "a";
    case ListNumberStyle::UpperAlpha: return "A";
    case ListNumberStyle::LowerRoman: return "i";
    case ListNumberStyle::UpperRoman: return "I";
    default: return nullptr;
  }
}

const char* align_css(Alignment a) {
  switch (a) {
    case Alignment::AlignLeft: return "left";
    case Alignment::AlignRight: return "right";
    case Alignment::AlignCenter: return "center";
    default: return nullptr;
  }
}

}  // namespace

struct HtmlRenderer::Impl {
  HtmlRenderer& r;
  // A second, id-less and quiet rendering of note content (print footnotes
  // inline at the call site): no ids, no warnings, nested notes inline.
  bool copy = false;
  int link_depth = 0;

  bool x() const { return r.opt_.xhtml; }
  const char* void_end() const { return r.opt_.xhtml ? " />" : ">"; }

  void warn(const std::string& kind, const std::string& msg) {
    if (!copy) r.diag_.warn(kind, msg);
  }

  void esc(std::string& out, std::string_view s, bool attribute = false) {
    append_escaped(out, s, attribute, &r.removed_chars_);
  }

  // ---- ids ----
  std::string unique_id(const std::string& raw, bool warn_rewrite = true) {
    std::string id = xml_id(raw);
    if (id.empty()) id = "id";
    bool raw_used = r.used_ids_.contains(raw);
    id = r.used_ids_.unique(std::move(id));
    if (id != raw) {
      if (warn_rewrite) warn("rewritten-id", "id \"" + raw + "\" written as \"" + id + "\"");
      if (!raw_used && !r.id_renames_.count(raw)) r.id_renames_[raw] = id;
    }
    return id;
  }

  std::string link_target(const std::string& url) {
    if (!url.empty() && url[0] == '#') {
      std::string frag = url.substr(1);
      auto it = r.id_renames_.find(frag);
      std::string href = it == r.id_renames_.end() ? url : "#" + it->second;
      return clean_url(r.opt_.map_link ? r.opt_.map_link(href) : href);
    }
    return clean_url(url);
  }

  // ---- attributes ----
  void attr_kv(std::string& out, std::string_view k, std::string_view v) {
    out += ' ';
    out += k;
    out += "=\"";
    esc(out, v, true);
    out += '"';
  }

  // Writes id, class and key=value attributes. `id_out` receives the id written.
  void attrs(std::string& out, const Attr& a, std::string_view element, std::vector<std::string> extra_classes = {},
             std::string* id_out = nullptr, std::string extra_style = {}) {
    if (a.id.empty() && a.classes.empty() && a.attributes.empty() && extra_classes.empty() && extra_style.empty())
      return;  // the common case: nothing to write, nothing to allocate
    if (!a.id.empty() && !copy) {
      std::string id = unique_id(a.id);
      attr_kv(out, "id", id);
      if (id_out) *id_out = id;
    }
    std::vector<std::string> classes = a.classes;
    for (auto& c : extra_classes)
      if (std::find(classes.begin(), classes.end(), c) == classes.end()) classes.push_back(c);
    std::string style = std::move(extra_style);
    std::vector<std::pair<std::string, std::string>> kvs;
    for (auto& [k0, v] : a.attributes) {
      std::string k = k0;
      if (k == "id") continue;
      if (k == "class") {
        std::string_view rest = v;
        while (!rest.empty()) {
          auto sp = rest.find(' ');
          auto c = rest.substr(0, sp);
          if (!c.empty()) classes.emplace_back(c);
          if (sp == std::string_view::npos) break;
          rest.remove_prefix(sp + 1);
        }
        continue;
      }
      if (starts_with_ci(k, "on")) {
        warn("unsafe-content", "event handler attribute \"" + k + "\" dropped");
        continue;
      }
      if (dangerous_url(v)) {
        warn("unsafe-content", "attribute \"" + k + "\" with a script URL dropped");
        continue;
      }
      if (k == "style") {
        if (galley::is_dangerous_css(v)) {
          warn("unsafe-content", "style attribute that can run script or load content dropped");
          continue;
        }
        if (!style.empty() && style.back() != ';') style += ';';
        if (!style.empty()) style += ' ';
        style += v;
        continue;
      }
      if (k == "epub:type") {
        if (x()) kvs.emplace_back(k, v);
        else kvs.emplace_back("data-epub-type", v);
        continue;
      }
      if (k == "xml:lang") {
        if (x()) kvs.emplace_back(k, v);
        else kvs.emplace_back("lang", v);
        continue;
      }
      if (!valid_attr_name(k) || !known_attribute(lower(k), element)) {
        kvs.emplace_back(data_name(k), v);
        continue;
      }
      kvs.emplace_back(lower(k), v);
    }
    if (!classes.empty()) {
      std::string cl;
      for (auto& c : classes) {
        if (c.empty()) continue;
        if (!cl.empty()) cl += ' ';
        cl += c;
      }
      if (!cl.empty()) attr_kv(out, "class", cl);
    }
    if (!style.empty()) attr_kv(out, "style", style);
    if (kvs.empty()) return;
    std::set<std::string> seen = {"id", "class", "style"};
    for (auto& [k, v] : kvs) {
      if (!seen.insert(k).second) continue;  // duplicate attributes are not well-formed
      attr_kv(out, k, v);
    }
  }

  // ---- inlines ----
  void inlines(std::string& out, const Inlines& ils) {
    for (auto& il : ils) inline_(out, il);
  }

  void wrap(std::string& out, const char* tag, const Inlines& content) {
    out += '<';
    out += tag;
    out += '>';
    inlines(out, content);
    out += "</";
    out += tag;
    out += '>';
  }

  void inline_(std::string& out, const Inline& il) {
    galley::visit([&](auto& v) { this->inl(out, v); }, il);
  }

  void inl(std::string& out, const Str& v) { esc(out, v.text); }
  void inl(std::string& out, const Emph& v) { wrap(out, "em", v.content); }
  void inl(std::string& out, const Strong& v) { wrap(out, "strong", v.content); }
  void inl(std::string& out, const Underline& v) { wrap(out, "u", v.content); }
  void inl(std::string& out, const Strikeout& v) { wrap(out, "del", v.content); }
  void inl(std::string& out, const Superscript& v) { wrap(out, "sup", v.content); }
  void inl(std::string& out, const Subscript& v) { wrap(out, "sub", v.content); }
  void inl(std::string& out, const SmallCaps& v) {
    out += "<span class=\"smallcaps\">";
    inlines(out, v.content);
    out += "</span>";
  }
  void inl(std::string& out, const Quoted& v) {
    Quotes q = quotes_for(r.opt_.lang);
    bool dq = v.type == QuoteType::DoubleQuote;
    out += dq ? q.dq_open : q.sq_open;
    inlines(out, v.content);
    out += dq ? q.dq_close : q.sq_close;
  }
  void inl(std::string& out, const Cite& v) {
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
  void inl(std::string& out, const Code& v) {
    out += "<code";
    attrs(out, v.attr, "code");
    out += '>';
    esc(out, v.text);
    out += "</code>";
  }
  void inl(std::string& out, const Space&) { out += ' '; }
  void inl(std::string& out, const SoftBreak&) { out += '\n'; }
  void inl(std::string& out, const LineBreak&) {
    out += "<br";
    out += void_end();
    out += '\n';
  }
  void inl(std::string& out, const Math& v) {
    bool display = v.type == MathType::DisplayMath;
    out += display ? "<span class=\"math display\">\\[" : "<span class=\"math inline\">\\(";
    esc(out, v.text);
    out += display ? "\\]</span>" : "\\)</span>";
  }
  void inl(std::string& out, const RawInline& v) { raw(out, v.format, v.text, false); }

  void raw(std::string& out, const std::string& format, const std::string& text, bool block) {
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
    // Raw HTML from Markdown or Pandoc JSON never met the HTML reader's sanitizer:
    // event handlers, script URLs and unsafe styles go here.
    std::size_t removed = 0;
    std::string cleaned = clean_raw_html_attributes(text, &removed);
    if (removed)
      warn("unsafe-content", std::string("raw HTML ") + (block ? "block" : "inline") + ": " + std::to_string(removed) +
                                 " unsafe attribute(s) removed");
    raw_checked(out, cleaned, block);
  }
  void raw_checked(std::string& out, const std::string& text, bool block) {
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
  static bool completes_cdata_end(const std::string& out, const std::string& next) {
    if (next.starts_with(">")) return out.ends_with("]]");
    if (next.starts_with("]>")) return out.ends_with("]");
    return false;
  }

  void inl(std::string& out, const Link& v) {
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

  static bool pixel_number(const std::string& s) {
    return !s.empty() && s.size() < 8 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  }

  void inl(std::string& out, const Image& v) {
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

  void inl(std::string& out, const Span& v) {
    out += "<span";
    attrs(out, v.attr, "span");
    out += '>';
    inlines(out, v.content);
    out += "</span>";
  }

  // ---- notes ----
  void inl(std::string& out, const Note& v) {
    if (copy) {  // a note inside a note's inline copy: keep its text in parentheses
      out += " (";
      phrasing(out, v.content);
      out += ")";
      return;
    }
    int n = ++r.note_counter_;
    std::string num = std::to_string(n);
    std::string fn = unique_id("fn" + num, false);
    std::string ref = unique_id("fnref" + num, false);
    auto style = r.opt_.notes;
    // the call
    if (link_depth > 0) {
      out += "<sup class=\"footnote-ref\"";
      attr_kv(out, "id", ref);
      out += '>' + num + "</sup>";
    } else if (style == NoteStyle::EpubFootnotes) {
      out += "<a";
      if (x()) out += " epub:type=\"noteref\"";
      out += " role=\"doc-noteref\"";
      attr_kv(out, "href", "#" + fn);
      attr_kv(out, "id", ref);
      out += '>' + num + "</a>";
    } else {
      out += "<a class=\"footnote-ref\"";
      attr_kv(out, "href", "#" + fn);
      attr_kv(out, "id", ref);
      out += " role=\"doc-noteref\"><sup>" + num + "</sup></a>";
    }
    if (style == NoteStyle::PrintFootnotes) {
      // The footnote itself at the call site, for engines with float: footnote.
      out += "<span class=\"footnote\">";
      Impl c{r, true, link_depth};
      c.phrasing(out, v.content);
      out += "</span>";
    }
    // The note body (rendered after the call so nested notes number after it).
    std::string body;
    blocks(body, v.content);
    std::string back = "<a";
    attr_kv(back, "href", "#" + ref);
    back += " class=\"footnote-back\" role=\"doc-backlink\">";
    esc(back, r.opt_.backlink_text);
    back += "</a>";
    while (!body.empty() && body.back() == '\n') body.pop_back();
    if (body.ends_with("</p>"))
      body.insert(body.size() - 4, " " + back);
    else
      body += (body.empty() ? "" : "\n") + std::string("<p>") + back + "</p>";
    if (r.pending_notes_.empty()) r.pending_first_ = n;
    if (style == NoteStyle::EpubFootnotes) {
      r.pending_notes_ += "<aside";
      if (x()) r.pending_notes_ += " epub:type=\"footnote\"";
      r.pending_notes_ += " role=\"doc-footnote\"";
      attr_kv(r.pending_notes_, "id", fn);
      r.pending_notes_ += ">\n" + body + "\n</aside>\n";
    } else {
      r.pending_notes_ += "<li";
      if (x()) r.pending_notes_ += " epub:type=\"endnote\"";
      attr_kv(r.pending_notes_, "id", fn);
      r.pending_notes_ += ">\n" + body + "\n</li>\n";
    }
  }

  // Blocks flattened into phrasing content (for <span class="footnote">).
  void phrasing(std::string& out, const Blocks& bs) {
    bool first = true;
    auto sep = [&] {
      if (!first) {
        out += "<br";
        out += void_end();
      }
      first = false;
    };
    for (auto& b : bs) {
      if (auto* p = b.as<Para>()) { sep(); inlines(out, p->content); }
      else if (auto* p = b.as<Plain>()) { sep(); inlines(out, p->content); }
      else if (auto* p = b.as<Header>()) { sep(); wrap(out, "strong", p->content); }
      else if (auto* p = b.as<LineBlock>()) {
        for (auto& l : p->lines) { sep(); inlines(out, l); }
      } else if (auto* p = b.as<CodeBlock>()) { sep(); out += "<code>"; esc(out, p->text); out += "</code>"; }
      else if (auto* p = b.as<RawBlock>()) {
        if (is_raw_html_format(p->format, x())) { sep(); raw(out, p->format, p->text, false); }
      } else if (auto* p = b.as<BlockQuote>()) { sep(); first = true; phrasing(out, p->content); first = false; }
      else if (auto* p = b.as<Div>()) { sep(); first = true; phrasing(out, p->content); first = false; }
      else if (auto* p = b.as<Figure>()) {
        sep(); first = true; phrasing(out, p->content);
        if (!p->caption.long_caption.empty()) { out += ' '; phrasing(out, p->caption.long_caption); }
        first = false;
      } else if (auto* p = b.as<BulletList>()) {
        for (auto& item : p->items) { sep(); out += "\u2022 "; first = true; phrasing(out, item); first = false; }
      } else if (auto* p = b.as<OrderedList>()) {
        long long k = p->attrs.start;  // 64-bit: the list may start at INT_MAX
        for (auto& item : p->items) { sep(); out += std::to_string(k++) + ". "; first = true; phrasing(out, item); first = false; }
      } else if (auto* p = b.as<DefinitionList>()) {
        for (auto& item : p->items) {
          sep(); wrap(out, "strong", item.term);
          for (auto& d : item.definitions) { out += ": "; first = true; phrasing(out, d); first = false; }
        }
      } else if (auto* p = b.as<Table>()) {
        sep();
        bool any = false;
        auto rows = [&](const std::vector<Row>& rs) {
          for (auto& row : rs)
            for (auto& cell : row.cells) {
              if (any) out += "; ";
              any = true;
              first = true;
              phrasing(out, cell.content);
              first = false;
            }
        };
        rows(p->head.rows);
        for (auto& body : p->bodies) { rows(body.head); rows(body.body); }
        rows(p->foot.rows);
      }
      // HorizontalRule: nothing to say inline
    }
  }

  // ---- blocks ----
  void blocks(std::string& out, const Blocks& bs) {
    for (auto& b : bs) galley::visit([&](auto& v) { this->blk(out, v); }, b);
  }

  void blk(std::string& out, const Plain& v) {
    inlines(out, v.content);
    out += '\n';
  }
  void blk(std::string& out, const Para& v) {
    out += "<p>";
    inlines(out, v.content);
    out += "</p>\n";
  }
  void blk(std::string& out, const LineBlock& v) {
    out += "<div class=\"line-block\">";
    for (std::size_t i = 0; i < v.lines.size(); ++i) {
      if (i) {
        out += "<br";
        out += void_end();
        out += '\n';
      }
      inlines(out, v.lines[i]);
    }
    out += "</div>\n";
  }
  void blk(std::string& out, const CodeBlock& v) {
    out += "<pre";
    attrs(out, v.attr, "pre");
    out += "><code";
    for (auto& c : v.attr.classes) {
      if (c == "sourceCode" || c == "numberLines" || c.empty()) continue;
      attr_kv(out, "class", c.starts_with("language-") ? c : "language-" + c);
      break;
    }
    out += '>';
    esc(out, v.text);
    out += "</code></pre>\n";
  }
  void blk(std::string& out, const RawBlock& v) { raw(out, v.format, v.text, true); }
  void blk(std::string& out, const BlockQuote& v) {
    out += "<blockquote>\n";
    blocks(out, v.content);
    out += "</blockquote>\n";
  }
  void list_items(std::string& out, const std::vector<Blocks>& items) {
    for (auto& item : items) {
      out += "<li>";
      std::string inner;
      blocks(inner, item);
      while (!inner.empty() && inner.back() == '\n') inner.pop_back();
      out += inner;
      out += "</li>\n";
    }
  }
  void blk(std::string& out, const OrderedList& v) {
    out += "<ol";
    if (v.attrs.start != 1) attr_kv(out, "start", std::to_string(v.attrs.start));
    if (auto* t = list_type(v.attrs.style)) attr_kv(out, "type", t);
    out += ">\n";
    list_items(out, v.items);
    out += "</ol>\n";
  }
  void blk(std::string& out, const BulletList& v) {
    out += "<ul>\n";
    list_items(out, v.items);
    out += "</ul>\n";
  }
  void blk(std::string& out, const DefinitionList& v) {
    out += "<dl>\n";
    for (auto& item : v.items) {
      out += "<dt>";
      inlines(out, item.term);
      out += "</dt>\n";
      for (auto& d : item.definitions) {
        out += "<dd>";
        std::string inner;
        blocks(inner, d);
        while (!inner.empty() && inner.back() == '\n') inner.pop_back();
        out += inner;
        out += "</dd>\n";
      }
      if (item.definitions.empty()) out += "<dd></dd>\n";
    }
    out += "</dl>\n";
  }
  void blk(std::string& out, const Header& v) {
    int level = std::clamp(v.level + r.opt_.header_shift, 1, 6);
    std::string tag = "h" + std::to_string(level);
    out += '<' + tag;
    std::string id;
    Attr a = v.attr;
    if (a.id.empty() && r.opt_.auto_header_ids && !copy) {
      std::string base = make_identifier(stringify(v.content));
      id = unique_id(base, false);
      attr_kv(out, "id", id);
    }
    attrs(out, a, tag, {}, &id);
    out += '>';
    inlines(out, v.content);
    out += "</" + tag + ">\n";
    if (!copy) r.headings_.push_back({level, id, stringify(v.content)});
  }
  void blk(std::string& out, const HorizontalRule&) {
    out += "<hr";
    out += void_end();
    out += '\n';
  }

  // Content of a caption / cell: a lone Plain/Para renders inline.
  void compact(std::string& out, const Blocks& bs) {
    if (bs.size() == 1) {
      if (auto* p = bs[0].as<Plain>()) return inlines(out, p->content);
      if (auto* p = bs[0].as<Para>()) return inlines(out, p->content);
    }
    std::string inner;
    blocks(inner, bs);
    while (!inner.empty() && inner.back() == '\n') inner.pop_back();
    out += inner;
  }

  void rows(std::string& out, const std::vector<Row>& rs, const std::vector<ColSpec>& cols, bool header,
            int row_head_columns) {
    // Column occupancy by row spans from rows above, to find each cell's column.
    std::vector<int> busy(cols.size(), 0);
    for (std::size_t ri = 0; ri < rs.size(); ++ri) {
      auto& row = rs[ri];
      int rows_left = static_cast<int>(rs.size() - ri);  // a row span may not leave its row group
      out += "<tr";
      attrs(out, row.attr, "tr");
      out += ">\n";
      std::size_t col = 0;
      for (auto& cell : row.cells) {
        while (col < busy.size() && busy[col] > 0) ++col;
        bool th = header || static_cast<int>(col) < row_head_columns;
        const char* tag = th ? "th" : "td";
        Alignment al = cell.align;
        if (al == Alignment::AlignDefault && col < cols.size()) al = cols[col].align;
        std::string style;
        if (auto* css = align_css(al)) style = std::string("text-align: ") + css;
        out += '<';
        out += tag;
        attrs(out, cell.attr, tag, {}, nullptr, style);
        if (!header && th) out += " scope=\"row\"";
        int row_span = std::min(cell.row_span, rows_left);
        if (row_span > 1) attr_kv(out, "rowspan", std::to_string(row_span));
        if (cell.col_span > 1) attr_kv(out, "colspan", std::to_string(cell.col_span));
        out += '>';
        compact(out, cell.content);
        out += "</";
        out += tag;
        out += ">\n";
        int span = std::max(1, cell.col_span);
        for (int k = 0; k < span; ++k, ++col)
          if (col < busy.size()) busy[col] = std::max(1, row_span);
      }
      for (auto& b : busy)
        if (b > 0) --b;
      out += "</tr>\n";
    }
  }

  void blk(std::string& out, const Table& v) {
    out += "<table";
    attrs(out, v.attr, "table");
    out += ">\n";
    if (!v.caption.long_caption.empty()) {
      out += "<caption>";
      compact(out, v.caption.long_caption);
      out += "</caption>\n";
    }
    bool widths = std::any_of(v.colspecs.begin(), v.colspecs.end(), [](auto& c) { return c.width && *c.width > 0; });
    if (widths) {
      out += "<colgroup>\n";
      for (auto& c : v.colspecs) {
        out += "<col";
        if (c.width && *c.width > 0) {
          char buf[32];
          std::snprintf(buf, sizeof buf, "width: %.0f%%", *c.width * 100.0);
          attr_kv(out, "style", buf);
        }
        out += void_end();
        out += '\n';
      }
      out += "</colgroup>\n";
    }
    if (!v.head.rows.empty()) {
      out += "<thead";
      attrs(out, v.head.attr, "thead");
      out += ">\n";
      rows(out, v.head.rows, v.colspecs, true, 0);
      out += "</thead>\n";
    }
    for (auto& body : v.bodies) {
      if (body.head.empty() && body.body.empty()) continue;
      out += "<tbody";
      attrs(out, body.attr, "tbody");
      out += ">\n";
      rows(out, body.head, v.colspecs, true, 0);
      rows(out, body.body, v.colspecs, false, body.row_head_columns);
      out += "</tbody>\n";
    }
    if (!v.foot.rows.empty()) {
      out += "<tfoot";
      attrs(out, v.foot.attr, "tfoot");
      out += ">\n";
      rows(out, v.foot.rows, v.colspecs, false, 0);
      out += "</tfoot>\n";
    }
    out += "</table>\n";
  }

  void blk(std::string& out, const Figure& v) {
    out += "<figure";
    attrs(out, v.attr, "figure", v.content.empty() ? std::vector<std::string>{"caption-only"} : std::vector<std::string>{});
    out += ">\n";
    blocks(out, v.content);
    if (!v.caption.long_caption.empty()) {
      out += "<figcaption>";
      compact(out, v.caption.long_caption);
      out += "</figcaption>\n";
    }
    out += "</figure>\n";
  }

  void blk(std::string& out, const Div& v) {
    std::string tag = "div";
    Attr a = v.attr;
    auto take = [&](const char* cls, const char* element) {
      auto it = std::find(a.classes.begin(), a.classes.end(), cls);
      if (it == a.classes.end() || tag != "div") return;
      a.classes.erase(it);
      tag = element;
    };
    take("aside", "aside");
    take("section", "section");
    out += '<' + tag;
    attrs(out, a, tag);
    out += ">\n";
    blocks(out, v.content);
    out += "</" + tag + ">\n";
  }

  void finish() {
    if (r.removed_chars_ > 0 && !r.warned_invalid_chars_) {
      r.warned_invalid_chars_ = true;
      r.diag_.warn("invalid-xml-char", "characters not allowed in XML/HTML were removed");
    }
  }
};

HtmlRenderer::HtmlRenderer(HtmlRenderOptions options, Diagnostics& diag) : opt_(std::move(options)), diag_(diag) {}

std::string HtmlRenderer::blocks(const Blocks& bs) {
  std::string out;
  Impl impl{*this};
  impl.blocks(out, bs);
  impl.finish();
  return out;
}

std::string HtmlRenderer::blocks(const std::vector<const Block*>& bs) {
  std::string out;
  Impl impl{*this};
  for (const Block* b : bs) galley::visit([&](auto& v) { impl.blk(out, v); }, *b);
  impl.finish();
  return out;
}

std::string HtmlRenderer::inlines(const Inlines& ils) {
  std::string out;
  Impl impl{*this};
  impl.inlines(out, ils);
  impl.finish();
  return out;
}

std::string HtmlRenderer::take_notes() {
  if (pending_notes_.empty()) return {};
  std::string out;
  if (opt_.notes == NoteStyle::EpubFootnotes) {
    out = std::move(pending_notes_);
  } else {
    out = "<section";
    if (opt_.xhtml) out += " epub:type=\"endnotes\"";
    out += " role=\"doc-endnotes\" class=\"footnotes\">\n<ol";
    if (pending_first_ != 1) out += " start=\"" + std::to_string(pending_first_) + "\"";
    out += ">\n" + pending_notes_ + "</ol>\n</section>\n";
  }
  pending_notes_.clear();
  pending_first_ = 0;
  return out;
}

bool is_raw_html_format(const std::string& f, bool xhtml) {
  std::string l = lower(f);
  return l == "html" || l == "html5" || l == "html4" || (xhtml && l == "xhtml");
}

}  // namespace galley::detail
