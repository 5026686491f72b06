// The html reader's DOM -> AST converter (converter.hpp). Block-level elements: paragraphs, containers, code, lists, definition lists.
#include "html/converter.hpp"

namespace galley::html::conv {

void Converter::flush(Blocks& out, Run& run, bool as_para) {
  if (run.v.empty()) return;
  if (run.blank()) {
    run.v.clear();
    return;
  }
  Inlines in = run.take_trimmed();
  if (in.empty()) return;
  if (as_para) out.push_back(Para{std::move(in)});
  else out.push_back(Plain{std::move(in)});
}

void Converter::too_deep(xmlNode* n, Run& run) {
  deep_warned_ = true;
  run.space(false);
  run.text(text_of(n));
  run.space(false);
}

void Converter::block_node(xmlNode* n, Blocks& out, Run& run, int depth, bool loose) {
  if (is_text(n)) {
    run.text(content(n));
    return;
  }
  if (n->type != XML_ELEMENT_NODE) return;
  std::string_view t = name(n);
  if (static_cast<std::size_t>(depth) > limit()) {
    too_deep(n, run);
    return;
  }
  if (is_dropped_tag(t)) return;
  if (!is_block_tag(t) && !flag(n, kHasBlock)) {
    inline_node(n, run, depth);
    return;
  }
  if (!is_block_tag(t)) {
    // An inline element wrapping blocks (<a><div>..</div></a>): read through it.
    block_children(n, out, run, depth + 1, loose);
    return;
  }
  flush(out, run, loose);
  int d = depth + 1;
  if (t == "p") {
    Inlines in = inlines(n, d);
    if (!in.empty()) out.push_back(Para{std::move(in)});
    // Blocks inside a <p> (bad markup libxml2 kept) are read in order.
  } else if (t.size() == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6') {
    Inlines in = inlines(n, d);
    if (in.empty()) return;
    Attr a = attr_of(n);
    if (a.id.empty()) a.id = make_identifier(stringify(in), &ids_);
    else ids_.insert(a.id);
    out.push_back(Header{t[1] - '0', std::move(a), std::move(in)});
  } else if (t == "hr") {
    out.push_back(HorizontalRule{});
  } else if (t == "pre" || t == "listing" || t == "xmp" || t == "plaintext") {
    code_block(n, out);
  } else if (t == "blockquote") {
    Blocks b = blocks(n, d, true);
    auto cite = attr(n, "cite");
    std::optional<std::string> cite_url;
    if (cite && !cite->empty()) cite_url = safe_url(*cite, UrlKind::Link, dropped_.attributes);
    if (cite_url) {
      Div div;
      div.attr.attributes.emplace_back("cite", std::move(*cite_url));
      div.content.push_back(BlockQuote{std::move(b)});
      out.push_back(std::move(div));
    } else {
      out.push_back(BlockQuote{std::move(b)});
    }
  } else if (t == "ul" || t == "menu" || t == "dir") {
    BulletList l;
    list_items(n, l.items, d);
    out.push_back(std::move(l));
  } else if (t == "ol") {
    if (is_note_container(n) && note_container_fully_used(n)) return;
    OrderedList l;
    l.attrs.start = std::atoi(std::string(attr_or(n, "start", "1")).c_str());
    std::string_view ty = attr_or(n, "type");
    if (ty == "1") l.attrs.style = ListNumberStyle::Decimal;
    else if (ty == "a") l.attrs.style = ListNumberStyle::LowerAlpha;
    else if (ty == "A") l.attrs.style = ListNumberStyle::UpperAlpha;
    else if (ty == "i") l.attrs.style = ListNumberStyle::LowerRoman;
    else if (ty == "I") l.attrs.style = ListNumberStyle::UpperRoman;
    if (l.attrs.style == ListNumberStyle::DefaultStyle) l.attrs.style = list_style(n);
    list_items(n, l.items, d);
    out.push_back(std::move(l));  // pandoc keeps empty lists
  } else if (t == "dl") {
    definition_list(n, out, d);
  } else if (t == "table") {
    table(n, out, d);
  } else if (t == "figure") {
    figure(n, out, d);
  } else if (t == "video" || t == "audio" || t == "iframe") {
    media(n, out);
  } else if (t == "details") {
    Div div{only_id_class(n), {}};
    div.attr.classes.insert(div.attr.classes.begin(), "details");
    div.content = blocks(n, d, false);
    if (!div.content.empty()) out.push_back(std::move(div));
  } else if (t == "summary") {
    Inlines in = inlines(n, d);
    if (!in.empty()) out.push_back(Div{Attr{"", {"summary"}, {}}, {Plain{std::move(in)}}});
  } else if (t == "li" || t == "dd" || t == "dt") {
    // Stray list parts: read their content.
    block_children(n, out, run, d, loose);
  } else if (t == "tr" || t == "td" || t == "th" || t == "tbody" || t == "thead" || t == "tfoot" ||
             t == "caption" || t == "colgroup" || t == "col") {
    block_children(n, out, run, d, false);
  } else if (t == "figcaption" || t == "legend") {
    Inlines in = inlines(n, d);
    if (!in.empty()) out.push_back(Plain{std::move(in)});
  } else {
    container(n, t, out, d);
  }
}

ListNumberStyle Converter::list_style(const xmlNode* n) {
  std::string cls = lower(attr_or(n, "class"));
  std::string style = lower(attr_or(n, "style"));
  std::string src = cls;
  if (style.find("list-style") != std::string::npos) src += " " + style;
  struct M { const char* name; ListNumberStyle s; };
  static const M ms[] = {{"lower-roman", ListNumberStyle::LowerRoman}, {"upper-roman", ListNumberStyle::UpperRoman},
                         {"lower-alpha", ListNumberStyle::LowerAlpha}, {"upper-alpha", ListNumberStyle::UpperAlpha},
                         {"lower-latin", ListNumberStyle::LowerAlpha}, {"upper-latin", ListNumberStyle::UpperAlpha},
                         {"decimal", ListNumberStyle::Decimal}};
  for (auto& m : ms)
    if (src.find(m.name) != std::string::npos) return m.s;
  return ListNumberStyle::DefaultStyle;
}

void Converter::container(xmlNode* n, std::string_view t, Blocks& out, int d) {
  if (used_notes_.count(n)) return;  // a note body already placed at its call
  if (is_note_container(n) && note_container_fully_used(n)) return;
  Attr a = attr_of(n);
  if (t == "article" || t == "nav" || t == "footer" || t == "body" || t == "html" || t == "center" ||
      t == "hgroup" || t == "fieldset" || t == "address" || t == "search" || t == "dialog") {
    Blocks b = blocks(n, d, true);
    for (auto& x : b) out.push_back(std::move(x));
    return;
  }
  if (t == "main") a.attributes.insert(a.attributes.begin(), {"role", "main"});
  if (t == "section") a.classes.insert(a.classes.begin(), "section");
  if (t == "aside") a.classes.insert(a.classes.begin(), "aside");
  Blocks b = blocks(n, d, false);
  if (b.empty() && a.id.empty()) return;
  out.push_back(Div{std::move(a), std::move(b)});
}

void Converter::code_block(xmlNode* n, Blocks& out) {
  Attr a = only_id_class(n);
  std::string txt = text_of(n);
  for (xmlNode* c = n->children; c; c = c->next)
    if (is(c, "code") || is(c, "samp") || is(c, "kbd")) {
      Attr ca = only_id_class(c);
      for (auto& k : ca.classes) a.classes.push_back(k);
    }
  for (auto& k : a.classes)
    if (k.rfind("language-", 0) == 0) k = k.substr(9);
    else if (k.rfind("lang-", 0) == 0) k = k.substr(5);
  // dedupe classes
  std::vector<std::string> cls;
  for (auto& k : a.classes)
    if (std::find(cls.begin(), cls.end(), k) == cls.end()) cls.push_back(k);
  a.classes = cls;
  if (!txt.empty() && txt[0] == '\n') txt.erase(0, 1);
  if (!txt.empty() && txt.back() == '\n') txt.pop_back();
  if (!ascii_only(txt)) txt = nfc(txt);
  out.push_back(CodeBlock{std::move(a), std::move(txt)});
}

void Converter::list_items(xmlNode* n, std::vector<Blocks>& items, int d) {
  for (xmlNode* c = n->children; c; c = c->next) {
    if (is(c, "li")) {
      if (used_notes_.count(c)) continue;
      bool has_p = false;
      for (xmlNode* k = c->children; k; k = k->next)
        if (is(k, "p")) has_p = true;
      items.push_back(blocks(c, d + 1, has_p));
    } else if (is_element(c) && (is(c, "ul") || is(c, "ol"))) {
      // Nested list directly in a list (bad markup): attach to the previous item.
      Blocks b;
      Run r;
      block_node(c, b, r, d + 1, false);
      if (items.empty()) items.emplace_back();
      for (auto& x : b) items.back().push_back(std::move(x));
    } else if (is_element(c) && !is_dropped_tag(name(c))) {
      // Converted once: converting it first only to see whether it was empty
      // doubled the work at each level of <ol><div><ol><div>..., 2^depth in
      // all (a fuzz finding: 4 KB took 10 s), and numbered ids twice.
      if (!c->children) continue;
      Blocks wrap;
      Run r;
      block_node(c, wrap, r, d + 1, false);
      flush(wrap, r, false);
      if (!wrap.empty()) items.push_back(std::move(wrap));
    } else if (is_text(c)) {
      std::string tx = clean_text(content(c));
      if (!tx.empty()) items.push_back(Blocks{Plain{words(tx)}});
    }
  }
}

void Converter::definition_list(xmlNode* n, Blocks& out, int d) {
  DefinitionList dl;
  auto visit = [&](xmlNode* parent, auto& self) -> void {
    for (xmlNode* c = parent->children; c; c = c->next) {
      if (is(c, "dt")) {
        if (!dl.items.empty() && dl.items.back().definitions.empty()) {
          // Several terms for one definition: one term joined by line breaks (pandoc).
          auto& term = dl.items.back().term;
          term.push_back(LineBreak{});
          for (auto& x : inlines(c, d + 1)) term.push_back(std::move(x));
        } else {
          dl.items.push_back(DefinitionItem{inlines(c, d + 1), {}});
        }
      } else if (is(c, "dd")) {
        if (dl.items.empty()) dl.items.push_back(DefinitionItem{});
        dl.items.back().definitions.push_back(blocks(c, d + 1, false));
      } else if (is(c, "div")) {
        self(c, self);  // <div> grouping allowed by HTML5
      }
    }
  };
  visit(n, visit);
  if (!dl.items.empty()) out.push_back(std::move(dl));
}

}  // namespace galley::html::conv
