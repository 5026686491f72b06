// JATS phrase content -> Inlines: text, emphasis, links, cross-references,
// formulas, inline footnotes. An element the reader has no mapping for keeps its
// text (its children are read in place) and is counted for the final warning.
#include <algorithm>
#include <string>
#include <string_view>

#include "galley/safety.hpp"
#include "galley/builder.hpp"
#include "galley/text.hpp"
#include "galley/whitespace.hpp"
#include "jats/reader.hpp"

namespace galley::jats::in {
namespace {

bool xml_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// A word made into the Str where the list stores it (a temporary Str would be moved again).
struct WordAt {
  const char* p;
  std::size_t n;
  operator Str() const { return Str{std::string(p, n)}; }
};

// Phrase elements that are a Span with the element's name as class: their
// meaning has no pandoc constructor, their text is kept.
constexpr std::string_view kSpanElements[] = {
    "abbrev",   "named-content", "styled-content", "roman",   "sans-serif", "overline",   "chem-struct",
    "gloss",    "inline-supplementary-material",   "price",   "person-group", "string-name", "name",
    "collab",   "institution",   "addr-line",      "country", "city",        "state",       "phone",
    "fax",      "date",          "string-date",    "year",    "month",       "day",         "season",
    "source",   "article-title", "chapter-title",  "part-title", "trans-title", "trans-source",
    "volume",   "issue",         "fpage",          "lpage",   "page-range",  "edition",     "publisher-name",
    "publisher-loc", "etal",     "suffix",         "prefix",  "surname",     "given-names", "comment",
    "conf-name", "conf-loc",     "conf-date",      "elocation-id", "issue-title", "size", "role",
    "degrees",  "series",        "std",            "patent",  "data-title",  "version",     "annotation",
    "ruby",     "rb",            "rt",             "rp",      "term",        "def-head",    "term-head",
    "award-id", "funding-source", "x"};

// A DOI as a URL path: SICIs hold "[", "]", "<", ">" and the like, which URLs do not.
std::string uri_path(const std::string& id) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : id) {
    bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                std::string_view("-._~!$&'()*+,;=:@/").find(static_cast<char>(c)) != std::string_view::npos;
    if (keep) out += static_cast<char>(c);
    else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

bool in(std::string_view name, const std::string_view* b, const std::string_view* e) {
  for (; b != e; ++b)
    if (*b == name) return true;
  return false;
}

Inline wrap_span(const std::string& cls, Inlines content, std::string id = {}) {
  return Span{Attr{std::move(id), {cls}, {}}, std::move(content)};
}

// The first id of an IDREFS value ("fig1 fig2").
std::string first_ref(const std::string& rid) {
  std::size_t b = rid.find_first_not_of(" \t\n\r");
  if (b == std::string::npos) return {};
  std::size_t e = rid.find_first_of(" \t\n\r", b);
  return rid.substr(b, e == std::string::npos ? std::string::npos : e - b);
}

void read_link(Reading& r, const xmlNode* n, std::string url, Inlines& out) {
  Inlines content = inlines_of(r, n);
  if (content.empty()) content = galley::text(url);
  if (is_dangerous_url(url)) {
    ++r.unsafe_urls;
    append_moved(out, content);
    return;
  }
  out.emplace_back(Link{Attr{}, std::move(content), Target{strip_url_controls(url), {}}});
}

void read_xref(Reading& r, const xmlNode* n, Inlines& out) {
  std::string rid = first_ref(attr(n, "rid"));
  std::string type = attr(n, "ref-type");
  Reading::FnKey key{scope_of(n), rid};
  auto fn = r.fns.find(key);
  if (fn != r.fns.end() && r.fns_cited.count(key)) {
    if (r.fns_used.insert(key).second) {
      out.push_back(note_of(r, fn->second));
      return;
    }
    // Cited again: the note exists already; its mark stays as a superscript.
    Inlines mark = inlines_of(r, n);
    if (!mark.empty()) out.emplace_back(Superscript{std::move(mark)});
    return;
  }
  Inlines content = inlines_of(r, n);
  // In metadata (titles, author names) a cross-reference leads nowhere: its text only.
  if (rid.empty() || r.in_meta) {
    append_moved(out, content);
    return;
  }
  Attr a;
  if (!type.empty()) a.attributes.emplace_back("ref-type", type);
  out.emplace_back(Link{std::move(a), std::move(content), Target{"#" + rid, {}}});
}

void read_graphic_inline(Reading& r, const xmlNode* n, Inlines& out) {
  std::string href = xlink_href(n);
  Inlines alt;
  if (const xmlNode* a = first(n, "alt-text")) alt = galley::text(text(a));
  if (href.empty()) {
    append_moved(out, alt);
    return;
  }
  // Publishers' hrefs are file names or identifiers (PLOS: info:doi/...): kept as they
  // are for writers to resolve below the resource root; only script URLs go.
  if (is_dangerous_url(href)) {
    ++r.unsafe_urls;
    append_moved(out, alt);
    return;
  }
  out.emplace_back(Image{Attr{attr(n, "id"), {}, {}}, std::move(alt), Target{strip_url_controls(href), {}}});
}

}  // namespace

void add_text(Inlines& out, std::string_view s) {
  // Room for every run of the text (words and spaces) at once: growing the vector element
  // by element moved each Inline several times and was a good part of reading. The core's
  // word count (sixteen bytes at a time) bounds the runs: a Space before each word and one
  // after the last. It replaced a byte loop that counted runs exactly (add_text was 13% of
  // jats -> json's instructions).
  std::size_t words = count_words(s);
  std::size_t need = out.size() + 2 * words + 1;
  if (need > out.capacity()) out.reserve(std::max(need, out.capacity() * 2));
  const char* p = s.data();
  std::size_t i = 0, n = s.size();
  while (i < n) {
    if (xml_space(p[i])) {
      do ++i;
      while (i < n && xml_space(p[i]));
      // Kept at the start too: an element's leading space separates it from what precedes
      // (tidy removes it where nothing does).
      if (out.empty() || !out.back().is<Space>()) out.emplace_back(Space{});
      continue;
    }
    std::size_t b = i;
    i = word_end(s, i);
    if (!out.empty())
      if (auto str = out.back().as<Str>()) {
        str->text.append(p + b, i - b);
        continue;
      }
    out.emplace_back(std::in_place_type<Str>, WordAt{p + b, i - b});
  }
}

void tidy(Inlines& xs) {
  // Most runs are tidy already: check before compacting.
  bool clean = xs.empty() || (!xs.front().is<Space>() && !xs.back().is<Space>());
  for (std::size_t i = 0; clean && i < xs.size(); ++i) {
    if (auto s = xs[i].as<Str>()) clean = !s->text.empty() && !(i && xs[i - 1].is<Str>());
    else if (xs[i].is<Space>()) clean = !(i && xs[i - 1].is<Space>());
  }
  if (clean) return;
  // In place: w is where the next kept element goes (w <= i), so nothing is moved twice
  // and no second vector is allocated.
  std::size_t w = 0;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    Inline& x = xs[i];
    if (x.is<Space>()) {
      if (w == 0 || xs[w - 1].is<Space>()) continue;
    } else if (auto s = x.as<Str>()) {
      if (s->text.empty()) continue;
      if (w > 0)
        if (auto prev = xs[w - 1].as<Str>()) {
          prev->text += s->text;
          continue;
        }
    }
    if (w != i) xs[w] = std::move(x);
    ++w;
  }
  while (w > 0 && xs[w - 1].is<Space>()) --w;
  xs.erase(xs.begin() + static_cast<std::ptrdiff_t>(w), xs.end());
}

bool is_inline_element(std::string_view name) {
  static constexpr std::string_view kInline[] = {
      "italic", "bold", "underline", "strike", "sup", "sub", "sc", "monospace", "ext-link", "uri", "email",
      "xref", "inline-formula", "inline-graphic", "break", "target", "fn", "private-char", "alternatives",
      "tex-math", "math", "related-article", "related-object", "milestone-start", "milestone-end",
      "index-term", "index-term-range-end", "label", "citation-alternatives", "mixed-citation",
      "element-citation", "inline-media", "glyph-data", "glyph-ref", "textual-form", "object-id", "pub-id"};
  return in(name, std::begin(kInline), std::end(kInline)) ||
         in(name, std::begin(kSpanElements), std::end(kSpanElements));
}

Inlines inlines_of(Reading& r, const xmlNode* n) {
  Inlines out;
  if (!n) return out;
  for (const xmlNode* c = n->children; c; c = c->next) read_inline(r, c, out);
  tidy(out);
  return out;
}

Inline note_of(Reading& r, const xmlNode* fn) {
  Deeper d(r);
  Blocks content;
  for (const xmlNode* c = fn->children; c; c = c->next)
    if (!is_el(c, "label")) read_block(r, c, content);
  return Note{std::move(content)};
}

void read_inline(Reading& r, const xmlNode* n, Inlines& out) {
  if (!n) return;
  if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
    if (n->content) add_text(out, reinterpret_cast<const char*>(n->content));
    return;
  }
  if (n->type == XML_ENTITY_REF_NODE) {
    for (const xmlNode* c = entity_children(n); c; c = c->next) read_inline(r, c, out);
    return;
  }
  if (n->type != XML_ELEMENT_NODE) return;
  Deeper d(r);
  std::string_view name = name_of(n);
  auto kids = [&] { return inlines_of(r, n); };
  // White space at the edges of an element goes outside it: "<italic>a </italic>b" is
  // Emph [a], Space, b (the space separates words whatever the element).
  auto wrap = [&](auto make) {
    Inlines t;
    for (const xmlNode* c = n->children; c; c = c->next) read_inline(r, c, t);
    bool lead = !t.empty() && t.front().is<Space>(), trail = t.size() > 1 && t.back().is<Space>();
    tidy(t);
    if (lead && !out.empty() && !out.back().is<Space>()) out.emplace_back(Space{});
    if (!t.empty()) out.push_back(make(std::move(t)));
    if (trail) out.emplace_back(Space{});
  };
  if (name == "italic") wrap([](Inlines t) -> Inline { return Emph{std::move(t)}; });
  else if (name == "bold") wrap([](Inlines t) -> Inline { return Strong{std::move(t)}; });
  else if (name == "underline") wrap([](Inlines t) -> Inline { return Underline{std::move(t)}; });
  else if (name == "strike") wrap([](Inlines t) -> Inline { return Strikeout{std::move(t)}; });
  else if (name == "sup") wrap([](Inlines t) -> Inline { return Superscript{std::move(t)}; });
  else if (name == "sub") wrap([](Inlines t) -> Inline { return Subscript{std::move(t)}; });
  else if (name == "sc") wrap([](Inlines t) -> Inline { return SmallCaps{std::move(t)}; });
  else if (name == "monospace") out.emplace_back(Code{Attr{}, collapse_whitespace(raw_text(n))});
  else if (name == "ext-link" || name == "uri") read_link(r, n, xlink_href(n).empty() ? text(n) : xlink_href(n), out);
  else if (name == "email") read_link(r, n, "mailto:" + (xlink_href(n).empty() ? text(n) : xlink_href(n)), out);
  else if (name == "xref") read_xref(r, n, out);
  else if (name == "inline-formula") out.push_back(formula(r, n, MathType::InlineMath));
  else if (name == "disp-formula") {
    out.push_back(formula(r, n, MathType::DisplayMath));
    if (const xmlNode* l = first(n, "label")) {
      out.emplace_back(Space{});
      add_text(out, text(l));
    }
  } else if (name == "math" || name == "tex-math") out.push_back(formula(r, n, MathType::InlineMath));
  else if (name == "inline-graphic" || name == "graphic") read_graphic_inline(r, n, out);
  else if (name == "break") out.emplace_back(LineBreak{});
  else if (name == "target") out.push_back(wrap_span("target", kids(), attr(n, "id")));
  else if (name == "fn") out.push_back(note_of(r, n));
  else if (name == "alternatives" || name == "citation-alternatives") {
    // One rendering of the same thing: the first child.
    for (const xmlNode* c = n->children; c; c = c->next)
      if (is_el(c)) {
        read_inline(r, c, out);
        break;
      }
  } else if (name == "milestone-start" || name == "milestone-end" || name == "index-term-range-end" ||
             name == "glyph-data" || name == "glyph-ref" || name == "object-id") {
    // Markers without reading text.
  } else if (name == "index-term") {
    // Index entries are not running text; their terms stay findable as a hidden span.
    Inlines t = galley::text(text(first(n, "term")));
    if (!t.empty()) out.push_back(wrap_span("index-term", std::move(t)));
  } else if (name == "pub-id") {
    std::string id = collapse_whitespace(raw_text(n)), type = attr(n, "pub-id-type");
    Inlines t = galley::text(id);
    if (type == "doi" && !id.empty())
      out.emplace_back(Link{Attr{}, std::move(t), Target{"https://doi.org/" + uri_path(id), {}}});
    else if (type == "pmid" && !id.empty())
      out.emplace_back(Link{Attr{}, std::move(t), Target{"https://pubmed.ncbi.nlm.nih.gov/" + id + "/", {}}});
    else append_moved(out, t);
  } else if (name == "related-article" || name == "related-object") {
    std::string href = xlink_href(n);
    if (!href.empty()) read_link(r, n, href, out);
    else out.push_back(wrap_span(std::string(name), kids()));
  } else if (name == "private-char") {
    Inlines t = kids();
    if (t.empty()) t = galley::text(attr(n, "description"));
    append_moved(out, t);
  } else if (name == "label") {
    Inlines t = kids();
    append_moved(out, t);
  } else if (in(name, std::begin(kSpanElements), std::end(kSpanElements))) {
    std::string cls(name);
    wrap([&](Inlines t) -> Inline { return wrap_span(cls, std::move(t)); });
  } else {
    // Not phrase content we know (or a block inside a phrase): its text, counted.
    if (!is_inline_element(name)) r.unmapped_element(n);
    for (const xmlNode* c = n->children; c; c = c->next) read_inline(r, c, out);
  }
}

}  // namespace galley::jats::in
