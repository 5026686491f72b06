// Inline content. Every element is opened only where the parent's content model
// allows it; otherwise its content goes straight into the parent (and a warning
// says which markup was dropped).
#include <string>

#include "galley/foreign_markup.hpp"
#include "galley/io.hpp"
#include "galley/math.hpp"
#include "galley/text.hpp"
#include "jats/state.hpp"

namespace galley::jats {
namespace {

void flattened(State& st, El e, const Inlines& xs) {
  st.warn_once("lost-formatting", std::string("<") + element_name(e) + "> is not allowed inside <" +
                                      element_name(st.top()) + "> in this JATS tag set; its text was kept");
  write_inlines(st, xs);
}

// Raw HTML that is one <math> element: a formula with MathML only.
bool is_mathml_raw(const RawInline& r) {
  return (r.format == "html" || r.format == "html5" || r.format == "xhtml") && is_mathml_fragment(r.text);
}

// " (title: ...)" naming an SVG drawing in a warning, "" when it has no title.
std::string svg_title_note(std::string_view svg) {
  std::string t = svg_title(svg);
  return t.empty() ? std::string() : " (title: " + t + ")";
}

void text_or_drop(State& st, std::string_view s) {
  if (s.empty()) return;
  if (st.can_text()) st.text(s);
  else st.warn_once("lost-content", std::string("text inside <") + element_name(st.top()) + "> cannot be written");
}

// Curly quotes matching the language (METADATA.md: Quoted gets the quotes of `lang`).
std::pair<const char*, const char*> quotes(const std::string& lang, bool dbl) {
  std::string_view l(lang);
  l = l.substr(0, l.find_first_of("-_"));
  if (l == "fr") return dbl ? std::pair{"\u00AB\u00A0", "\u00A0\u00BB"} : std::pair{"\u2039\u00A0", "\u00A0\u203A"};
  if (l == "de" || l == "cs" || l == "sk" || l == "pl" || l == "ro" || l == "hu" || l == "bg")
    return dbl ? std::pair{"\u201E", "\u201C"} : std::pair{"\u201A", "\u2018"};
  if (l == "ru" || l == "uk" || l == "es" || l == "it" || l == "pt" || l == "ca")
    return dbl ? std::pair{"\u00AB", "\u00BB"} : std::pair{"\u201C", "\u201D"};
  if (l == "ja") return dbl ? std::pair{"\u300C", "\u300D"} : std::pair{"\u300E", "\u300F"};
  return dbl ? std::pair{"\u201C", "\u201D"} : std::pair{"\u2018", "\u2019"};
}

// A formula (docs/MATH.md): <mml:math> when MathML is known (its TeX rides along as
// the MathML's annotation), <tex-math> when only TeX is and the tag set has it,
// else the TeX converted to MathML, so that no formula is lost.
void write_formula(State& st, const Formula& f) {
  El outer = f.display() && st.can(El::disp_formula) ? El::disp_formula : El::inline_formula;
  bool opened = st.can(outer);
  if (opened) st.open(outer);
  bool tex_only = f.mathml.empty() && !f.tex.empty();
  if (tex_only && st.can(El::tex_math)) {
    st.open(El::tex_math);
    st.text(f.tex);
    st.close();
  } else if (st.can(El::mml_math)) {
    st.raw(prefixed_elements(formula_mathml(f), "mml"));
  } else {
    st.warn_once("lost-formatting", std::string("a formula inside <") + element_name(st.top()) + "> is written as text");
    text_or_drop(st, formula_text(f));
  }
  if (opened) st.close();
}

void write_link(State& st, const Link& l) {
  const std::string& url = l.target.url;
  if (!url.empty() && url[0] == '#') {
    auto it = st.source_ids.find(url.substr(1));
    if (it != st.source_ids.end() && st.valid_targets.count(it->second) && st.can(El::xref)) {
      st.xref_targets.insert(it->second);
      st.open(El::xref, {{"rid", it->second}});
      write_inlines(st, l.content);
      st.close();
      return;
    }
    st.warn_once("lost-content", "internal link to " + url + " has no target element in JATS; its text was kept");
    write_inlines(st, l.content);
    return;
  }
  if (is_dangerous_url(url)) {
    st.warn_once("unsafe-content", "script URL in a link dropped (link text kept)");
    write_inlines(st, l.content);
    return;
  }
  if (url.rfind("mailto:", 0) == 0 && st.can(El::email) && stringify(l.content) == url.substr(7)) {
    st.open(El::email);
    st.text(url.substr(7));
    st.close();
    return;
  }
  if (!st.can(El::ext_link)) {
    st.warn_once("lost-content", std::string("a link inside <") + element_name(st.top()) +
                                     "> cannot keep its address in this JATS tag set: " + url);
    write_inlines(st, l.content);
    return;
  }
  st.open(El::ext_link, {{"ext-link-type", "uri"}, {"xlink:href", url}, {"xlink:title", l.target.title}});
  write_inlines(st, l.content);
  st.close();
}

void write_image(State& st, const Image& im) {
  if (is_dangerous_url(im.target.url)) {
    st.warn_once("unsafe-content", "script URL as image source dropped (alt text kept)");
    write_inlines(st, im.content);
    return;
  }
  if (!st.can(El::inline_graphic)) {
    st.warn_once("lost-content", std::string("an image inside <") + element_name(st.top()) +
                                     "> cannot be written in this JATS tag set: " + im.target.url);
    write_inlines(st, im.content);
    return;
  }
  std::string alt = stringify(im.content);
  st.open(El::inline_graphic, {{"xlink:href", im.target.url}, {"xlink:title", im.target.title}});
  if (!alt.empty() && st.can(El::alt_text)) {
    st.open(El::alt_text);
    st.text(alt);
    st.close();
  }
  st.close();
}

void write_note(State& st, const Note& n) {
  if (st.ts != TagSet::ArticleAuthoring && st.can(El::xref)) {
    int num = ++st.note_counter;
    std::string id = st.fresh_id("fn" + std::to_string(num));
    st.footnotes.push_back({id, n.content});
    std::string label = std::to_string(num);
    st.open(El::xref, {{"ref-type", "fn"}, {"rid", id}});
    st.text(label);
    st.close();
  } else if (st.can(El::fn)) {
    // Article Authoring has no fn-group: the footnote stays where it is cited.
    st.open(El::fn);
    write_blocks(st, n.content);
    if (st.children() == 0) { st.open(El::p); st.close(); }
    st.close();
  } else {
    st.warn_once("lost-content", std::string("a footnote inside <") + element_name(st.top()) + "> was dropped");
  }
}

void write_span(State& st, const Span& s) {
  const std::string* id = st.id_for(s.attr);
  El fmt = El::count_;
  if (s.attr.has_class("smallcaps")) fmt = El::sc;
  else if (s.attr.has_class("underline") || s.attr.has_class("ul")) fmt = El::underline;
  bool opened = false;
  if (id) {
    std::string type = s.attr.classes.empty() ? std::string("span") : s.attr.classes.front();  // required
    const std::string* lang = s.attr.get("lang");
    if (st.can(El::named_content)) {
      st.open(El::named_content, {{"id", *id}, {"content-type", type}, {"xml:lang", lang ? *lang : ""}});
      opened = true;
    } else if (st.can(El::target)) {
      st.open(El::target, {{"id", *id}});
      opened = true;
    }
  }
  if (fmt != El::count_) write_inline_element(st, fmt, s.content);
  else write_inlines(st, s.content);
  if (opened) st.close();
}

}  // namespace

void write_inline_element(State& st, El e, const Inlines& xs, std::initializer_list<Attribute> attrs) {
  if (!st.can(e)) return flattened(st, e, xs);
  st.open(e, attrs);
  write_inlines(st, xs);
  st.close();
}

void write_inline(State& st, const Inline& x) {
  galley::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, Str>) text_or_drop(st, v.text);
        else if constexpr (std::is_same_v<T, Space>) text_or_drop(st, " ");
        else if constexpr (std::is_same_v<T, SoftBreak>) text_or_drop(st, "\n");
        else if constexpr (std::is_same_v<T, LineBreak>) {
          if (st.can(El::break_)) st.empty(El::break_);
          else text_or_drop(st, "\n");
        }
        else if constexpr (std::is_same_v<T, Emph>) write_inline_element(st, El::italic, v.content);
        else if constexpr (std::is_same_v<T, Strong>) write_inline_element(st, El::bold, v.content);
        else if constexpr (std::is_same_v<T, Underline>) write_inline_element(st, El::underline, v.content);
        else if constexpr (std::is_same_v<T, Strikeout>) write_inline_element(st, El::strike, v.content);
        else if constexpr (std::is_same_v<T, Superscript>) write_inline_element(st, El::sup, v.content);
        else if constexpr (std::is_same_v<T, Subscript>) write_inline_element(st, El::sub, v.content);
        else if constexpr (std::is_same_v<T, SmallCaps>) write_inline_element(st, El::sc, v.content);
        else if constexpr (std::is_same_v<T, Quoted>) {
          auto q = quotes(st.lang, v.type == QuoteType::DoubleQuote);
          text_or_drop(st, q.first);
          write_inlines(st, v.content);
          text_or_drop(st, q.second);
        }
        else if constexpr (std::is_same_v<T, Cite>) write_inlines(st, v.content);
        else if constexpr (std::is_same_v<T, Code>) {
          if (st.can(El::monospace)) {
            st.open(El::monospace);
            st.text(v.text);
            st.close();
          } else {
            text_or_drop(st, v.text);
          }
        }
        else if constexpr (std::is_same_v<T, Math>) write_formula(st, Formula{v.type, v.text, {}});
        else if constexpr (std::is_same_v<T, RawInline>) {
          if (v.format == "jats") st.raw(v.text);
          else if (is_mathml_raw(v)) write_formula(st, Formula{MathType::InlineMath, {}, v.text});
          else if (is_svg_fragment(v.text))
            st.warn_once("lost-content", "inline SVG cannot be held by JATS and was dropped" + svg_title_note(v.text));
          else st.warn_once("lost-content", "raw " + v.format + " inline content is not written to JATS");
        }
        else if constexpr (std::is_same_v<T, Link>) write_link(st, v);
        else if constexpr (std::is_same_v<T, Image>) write_image(st, v);
        else if constexpr (std::is_same_v<T, Note>) write_note(st, v);
        else if constexpr (std::is_same_v<T, Span>) {
          if (auto f = formula_of(v)) write_formula(st, *f);
          else write_span(st, v);
        }
      }, x);
}

void write_inlines(State& st, const Inlines& xs) {
  for (const Inline& x : xs) write_inline(st, x);
}

}  // namespace galley::jats
