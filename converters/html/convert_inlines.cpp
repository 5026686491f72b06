// The html reader's DOM -> AST converter (converter.hpp). Inline elements: text runs, emphasis, spans, links, code, quotes.
#include "html/converter.hpp"

namespace galley::html::conv {

void Converter::span(Run& run, Attr a, Inlines in) {
  bool lead = !in.empty() && (in.front().is<Space>() || in.front().is<SoftBreak>());
  if (lead) in.erase(in.begin());
  bool trail = !in.empty() && (in.back().is<Space>() || in.back().is<SoftBreak>());
  if (trail) in.pop_back();
  if (lead) run.space(false);
  run.push(Span{std::move(a), std::move(in)});
  if (trail) run.space(false);
}

void Converter::inline_node(xmlNode* n, Run& run, int depth) {
  if (is_text(n)) {
    run.text(content(n));
    return;
  }
  if (n->type != XML_ELEMENT_NODE) return;
  if (static_cast<std::size_t>(depth) > limit()) {
    too_deep(n, run);
    return;
  }
  std::string_view t = name(n);
  if (is_dropped_tag(t)) return;
  if (t == "br") {
    run.push(LineBreak{});
  } else if (t == "em" || t == "i" || t == "cite" || t == "dfn") {
    wrap<Emph>(run, sub(n, depth));
  } else if (t == "strong" || t == "b") {
    wrap<Strong>(run, sub(n, depth));
  } else if (t == "u" || t == "ins") {
    wrap<Underline>(run, sub(n, depth));
  } else if (t == "s" || t == "del" || t == "strike") {
    wrap<Strikeout>(run, sub(n, depth));
  } else if (t == "sup") {
    // <sup><a href="#fn1">1</a></sup>: a footnote call.
    xmlNode* only = nullptr;
    int elems = 0;
    bool text_other = false;
    for (xmlNode* c = n->children; c; c = c->next) {
      if (c->type == XML_ELEMENT_NODE) {
        ++elems;
        only = c;
      } else if (is_text(c) && !clean_text(content(c)).empty()) {
        std::string tx = clean_text(content(c));
        if (tx != "[" && tx != "]") text_other = true;
      }
    }
    if (elems == 1 && !text_other && is(only, "a"))
      if (xmlNode* body = note_ref(only)) {
        run.push(make_note(body, depth));
        return;
      }
    wrap<Superscript>(run, sub(n, depth));
  } else if (t == "sub") {
    wrap<Subscript>(run, sub(n, depth));
  } else if (t == "code" || t == "samp" || t == "var" || t == "kbd") {
    Attr a = only_id_class(n);
    if (t == "samp") a.classes.push_back("sample");
    if (t == "var") a.classes.push_back("variable");
    std::string txt = text_of(n);
    if (!ascii_only(txt)) txt = nfc(txt);
    if (t == "kbd") {
      a.classes.insert(a.classes.begin(), "kbd");
      span(run, std::move(a), sub(n, depth));
      return;
    }
    // pandoc collapses newlines in inline code to spaces.
    for (auto& ch : txt)
      if (ch == '\n' || ch == '\r') ch = ' ';
    run.push(Code{std::move(a), std::move(txt)});
  } else if (t == "q") {
    ++quote_depth_;
    Inlines in = sub(n, depth);
    --quote_depth_;
    Quoted q{quote_depth_ % 2 == 0 ? QuoteType::DoubleQuote : QuoteType::SingleQuote, {}};
    while (!in.empty() && (in.front().is<Space>() || in.front().is<SoftBreak>())) in.erase(in.begin());
    while (!in.empty() && (in.back().is<Space>() || in.back().is<SoftBreak>())) in.pop_back();
    Attr qa = attr_of(n);
    if (!qa.empty()) in = Inlines{Span{std::move(qa), std::move(in)}};
    q.content = std::move(in);
    run.push(std::move(q));
  } else if (t == "a") {
    link(n, run, depth);
  } else if (t == "img") {
    if (math_fallback_image(n)) return;
    Inlines alt;
    if (auto im = image(n, &alt)) run.push(std::move(*im));
    else run.append(std::move(alt));
  } else if (t == "picture") {
    xmlNode* img = find_first(n, "img");
    if (img) {
      Inlines alt;
      if (auto im = image(img, &alt)) run.push(std::move(*im));
      else run.append(std::move(alt));
    }
  } else if (t == "noscript") {
    // A lazy-loading fallback: keep its image when the preceding image was only a placeholder.
    bool prev_real = false;
    for (xmlNode* p = n->prev; p; p = p->prev) {
      if (is_text(p) && clean_text(content(p)).empty()) continue;
      if (is(p, "img") || is(p, "picture")) prev_real = image(is(p, "img") ? p : find_first(p, "img")).has_value();
      break;
    }
    if (prev_real) return;
    xmlNode* img = find_first(n, "img");
    if (img)
      if (auto im = image(img)) run.push(std::move(*im));
  } else if (t == "math") {
    math(n, run);
  } else if (t == "svg") {
    svg(n, run);
  } else if (t == "video" || t == "audio" || t == "iframe") {
    Blocks b;
    media(n, b);
    if (!b.empty()) run.push(RawInline{"html", std::move(b.front().as<RawBlock>()->text)});
  } else if (t == "abbr" || t == "acronym") {
    Attr a = attr_of(n);
    Inlines in = sub(n, depth);
    if (a.empty()) run.append(std::move(in));
    else span(run, std::move(a), std::move(in));
  } else if (t == "time") {
    Attr a = attr_of(n);
    Inlines in = sub(n, depth);
    if (a.empty()) run.append(std::move(in));
    else span(run, std::move(a), std::move(in));
  } else if (hidden_math_wrapper(n)) {
    inline_children(n, run, depth);
  } else if (t == "span" || t == "font" || t == "small" || t == "mark" || t == "big" || t == "bdi" ||
             t == "bdo" || t == "data" || t == "label" || t == "output" || t == "nobr" || t == "wbr") {
    if (t == "wbr") return;
    Attr a = attr_of(n);
    std::string style = lower(attr_or(n, "style"));
    if (t == "span" && contains_word_ci(style, "small-caps")) {
      wrap<SmallCaps>(run, sub(n, depth));
      return;
    }
    if (t == "small" || t == "mark") a.classes.insert(a.classes.begin(), std::string(t));
    Inlines in = sub(n, depth);
    if (t == "font" || t == "big" || t == "nobr" || t == "label" || t == "data" || t == "output") {
      if (t != "data" || a.empty()) {
        run.append(std::move(in));
        return;
      }
    }
    span(run, std::move(a), std::move(in));
  } else if (t == "tt") {
    run.append(sub(n, depth));
  } else {
    // Unknown inline (custom elements, <ruby>, ...): keep the content.
    if (t == "rp") return;
    run.append(sub(n, depth));
  }
}

void Converter::link(xmlNode* n, Run& run, int depth) {
  if (xmlNode* body = note_ref(n)) {
    run.push(make_note(body, depth));
    return;
  }
  if (in_note_ && is_backlink(n)) return;
  auto href = attr(n, "href");
  Attr a = attr_of(n, {"href", "style"});
  std::erase_if(a.attributes, [](auto& kv) {
    return kv.first == "href" || kv.first == "title" || kv.first == "target" || kv.first == "rel" ||
           kv.first == "style";
  });
  Inlines in = sub(n, depth);
  if (!href) {
    if (a.empty()) run.append(std::move(in));
    else span(run, std::move(a), std::move(in));
    return;
  }
  auto target = safe_url(*href, UrlKind::Link, dropped_.links);
  if (!target) {
    run.append(std::move(in));
    return;
  }
  bool lead = !in.empty() && (in.front().is<Space>() || in.front().is<SoftBreak>());
  if (lead) in.erase(in.begin());
  bool trail = !in.empty() && (in.back().is<Space>() || in.back().is<SoftBreak>());
  if (trail) in.pop_back();
  if (lead) run.space(false);
  run.push(Link{std::move(a), std::move(in), Target{std::move(*target), std::string(attr_or(n, "title"))}});
  if (trail) run.space(false);
}

}  // namespace galley::html::conv
