// DOM -> pandoc AST, following pandoc's HTML reader where it has an answer
// (see tests/conformance/html_pandoc_differences.md for where galley differs).
#include <libxml/HTMLtree.h>

#include <algorithm>
#include <cstdlib>
#include <initializer_list>
#include <map>
#include <set>

#include "galley/text.hpp"
#include "html/internal.hpp"

namespace galley::html {

// ---- words: Str/Space splitting ----
namespace {

bool ascii_only(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

// An inline sequence under construction: merges adjacent Str, collapses spaces.
struct Run {
  Inlines v;
  void space(bool soft) {
    if (v.empty()) {
      v.push_back(soft ? Inline{SoftBreak{}} : Inline{Space{}});
      return;
    }
    Inline& last = v.back();
    if (last.is<LineBreak>()) return;
    if (last.is<Space>()) {
      if (soft) last = SoftBreak{};
      return;
    }
    if (last.is<SoftBreak>()) return;
    v.push_back(soft ? Inline{SoftBreak{}} : Inline{Space{}});
  }
  void str(std::string_view s) {
    if (s.empty()) return;
    if (!v.empty())
      if (auto* st = v.back().as<Str>()) {
        st->text.append(s);
        return;
      }
    v.push_back(Str{std::string(s)});
  }
  void text(std::string_view s) {
    std::string normalized;
    if (!ascii_only(s)) {
      normalized = nfc(s);
      s = normalized;
    }
    std::size_t i = 0;
    while (i < s.size()) {
      if (is_space(s[i])) {
        bool soft = false;
        while (i < s.size() && is_space(s[i])) {
          if (s[i] == '\n') soft = true;
          ++i;
        }
        space(soft);
      } else {
        std::size_t j = i;
        while (j < s.size() && !is_space(s[j])) ++j;
        str(s.substr(i, j - i));
        i = j;
      }
    }
  }
  void push(Inline x) {
    if (auto* s = x.as<Str>()) {
      str(s->text);
      return;
    }
    if (x.is<Space>()) return space(false);
    if (x.is<SoftBreak>()) return space(true);
    if (x.is<LineBreak>()) {
      while (!v.empty() && (v.back().is<Space>() || v.back().is<SoftBreak>())) v.pop_back();
    }
    v.push_back(std::move(x));
  }
  void append(Inlines xs) {
    for (auto& x : xs) push(std::move(x));
  }
  bool blank() const {
    for (auto& x : v)
      if (!x.is<Space>() && !x.is<SoftBreak>() && !x.is<LineBreak>()) return false;
    return true;
  }
  Inlines take_trimmed() {
    Inlines out = std::move(v);
    v.clear();
    while (!out.empty() && (out.back().is<Space>() || out.back().is<SoftBreak>() || out.back().is<LineBreak>()))
      out.pop_back();
    std::size_t k = 0;
    while (k < out.size() && (out[k].is<Space>() || out[k].is<SoftBreak>())) ++k;
    if (k) out.erase(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(k));
    return out;
  }
};

}  // namespace

Inlines words(std::string_view s) {
  Run r;
  r.text(s);
  return r.take_trimmed();
}

namespace {

constexpr std::uintptr_t kHasBlock = 1;  // element has a block-level descendant

bool flag(const xmlNode* n, std::uintptr_t f) { return reinterpret_cast<std::uintptr_t>(n->_private) & f; }
void set_flag(xmlNode* n, std::uintptr_t f) {
  n->_private = reinterpret_cast<void*>(reinterpret_cast<std::uintptr_t>(n->_private) | f);
}

// One pass: mark elements that contain block-level elements.
void mark_blocks(xmlNode* root) {
  xmlNode* cur = root->children;
  if (!cur) return;
  while (cur) {
    if (cur->type == XML_ELEMENT_NODE) cur->_private = nullptr;
    if (cur->type == XML_ELEMENT_NODE && cur->children) {
      cur = cur->children;
      continue;
    }
    // leaving cur (a leaf); propagate up while leaving parents
    while (true) {
      if (cur->type == XML_ELEMENT_NODE && cur->parent && cur->parent != root &&
          (is_block_tag(name(cur)) || flag(cur, kHasBlock)))
        set_flag(cur->parent, kHasBlock);
      if (cur->next) {
        cur = cur->next;
        break;
      }
      cur = cur->parent;
      if (!cur || cur == root) return;
    }
  }
}

// Every attribute kept in the AST passes safe_attribute (galley/safety.hpp)
// under the key it will have there (data-x as x): event handlers, script and
// navigation hooks and refused URLs are dropped, style is reduced.
// Keys in `skip` (read by the caller itself) are left out.
Attr attributes_of(const xmlNode* n, Dropped& dropped, std::initializer_list<std::string_view> skip = {}) {
  Attr a;
  std::string_view el = name(n);
  for (const xmlAttr* p = n->properties; p; p = p->next) {
    std::string k = p->name ? lower(reinterpret_cast<const char*>(p->name)) : std::string();
    if (std::find(skip.begin(), skip.end(), k) != skip.end()) continue;
    std::string_view v = (p->children && p->children->content)
                             ? std::string_view(reinterpret_cast<const char*>(p->children->content))
                             : std::string_view();
    if (k == "id") {
      a.id = std::string(v);
    } else if (k == "class") {
      std::size_t i = 0;
      while (i < v.size()) {
        while (i < v.size() && is_space(v[i])) ++i;
        std::size_t j = i;
        while (j < v.size() && !is_space(v[j])) ++j;
        if (j > i) a.classes.emplace_back(v.substr(i, j - i));
        i = j;
      }
    } else {
      if (k.rfind("data-", 0) == 0) k.erase(0, 5);
      std::string& key = k;
      auto keep = reader_attribute(el, key, v);
      if (!keep) {
        ++dropped.attributes;
        continue;
      }
      if (key == "style" && *keep != v) ++dropped.attributes;
      a.attributes.emplace_back(std::move(key), std::move(*keep));
    }
  }
  return a;
}

Alignment align_of(const xmlNode* n) {
  std::string a = lower(attr_or(n, "align"));
  std::string style = lower(attr_or(n, "style"));
  auto ta = style.find("text-align");
  if (a.empty() && ta != std::string::npos) {
    auto colon = style.find(':', ta);
    if (colon != std::string::npos) {
      std::size_t i = colon + 1;
      while (i < style.size() && is_space(style[i])) ++i;
      std::size_t j = i;
      while (j < style.size() && std::isalpha(static_cast<unsigned char>(style[j]))) ++j;
      a = style.substr(i, j - i);
    }
  }
  if (a == "left") return Alignment::AlignLeft;
  if (a == "right") return Alignment::AlignRight;
  if (a == "center") return Alignment::AlignCenter;
  return Alignment::AlignDefault;
}

bool is_placeholder_src(std::string_view src) {
  if (src.empty()) return true;
  if (src.rfind("data:", 0) == 0) return src.size() < 200;  // 1x1 gifs and svg placeholders
  return contains_word_ci(src, "placeholder") || contains_word_ci(src, "blank.gif") ||
         contains_word_ci(src, "spacer.gif") || (contains_word_ci(src, "lazy") && contains_word_ci(src, ".svg"));
}

class Converter {
 public:
  Converter(const ConvertOptions& o, Diagnostics& d) : opt_(o), diag_(d) {}

  void prepare(xmlNode* root) {
    mark_blocks(root);
    collect_notes(root);
  }

  Blocks blocks(xmlNode* parent, int depth, bool loose_as_para) {
    Blocks out;
    Run run;
    block_children(parent, out, run, depth, loose_as_para);
    flush(out, run, loose_as_para);
    return out;
  }

  Inlines inlines(xmlNode* parent, int depth) {
    Run r;
    inline_children(parent, r, depth);
    return r.take_trimmed();
  }

  void finish(Blocks& out) {
    (void)out;
    dropped_.report(diag_);
    if (deep_warned_) diag_.warn("deep-nesting", "HTML nested deeper than " + std::to_string(limit()) +
                                                     " levels: the deeper content was flattened to text");
  }

 private:
  const ConvertOptions& opt_;
  Diagnostics& diag_;
  std::map<std::string, xmlNode*> note_targets_;
  std::set<const xmlNode*> used_notes_;
  IdentifierSet ids_;
  int quote_depth_ = 0;
  bool deep_warned_ = false;
  bool media_warned_ = false;
  int in_note_ = 0;
  Dropped dropped_;

  Attr attr_of(const xmlNode* n, std::initializer_list<std::string_view> skip = {}) {
    return attributes_of(n, dropped_, skip);
  }
  Attr only_id_class(const xmlNode* n) {
    Attr a = attr_of(n);
    a.attributes.clear();
    return a;
  }
  // A URL from the page for the AST: allowed for its kind (galley/safety.hpp),
  // then resolved against the base; nullopt (counted in `count`) when refused.
  std::optional<std::string> safe_url(std::string_view u, UrlKind kind, std::size_t& count) {
    auto ok = reader_url(u, kind);
    if (ok && kind == UrlKind::Image && ok->starts_with("data:image/svg+xml;base64,") &&
        *ok != strip_url_controls(attribute_text(u)))
      ++dropped_.svg;
    if (ok) {
      std::string r = url(*ok);
      if (!is_dangerous_url(r)) return r;  // (a --source-url could be anything)
    }
    dropped_.url(count, u);
    return std::nullopt;
  }

  std::size_t limit() const { return std::min<std::size_t>(opt_.max_nesting, 1000); }

  std::string url(std::string_view u) const { return resolve_url(opt_.base_url, u); }

  // ---- footnotes ----
  static bool is_note_container(const xmlNode* n) {
    auto role = attr_or(n, "role");
    auto et = attr_or(n, "epub:type");
    if (role == "doc-endnotes" || role == "doc-footnotes" || contains_word_ci(et, "footnotes") ||
        contains_word_ci(et, "endnotes") || contains_word_ci(et, "rearnotes"))
      return true;
    auto cls = attr_or(n, "class");
    return (is(n, "div") || is(n, "section") || is(n, "ol") || is(n, "aside")) &&
           (contains_word_ci(cls, "footnotes") || contains_word_ci(cls, "endnotes") ||
            contains_word_ci(cls, "footnote-list") || (contains_word_ci(cls, "references") && is(n, "ol")));
  }
  static bool is_note_body(const xmlNode* n) {
    auto role = attr_or(n, "role");
    auto et = attr_or(n, "epub:type");
    return role == "doc-footnote" || role == "doc-endnote" || contains_word_ci(et, "footnote") ||
           contains_word_ci(et, "endnote") || contains_word_ci(et, "rearnote");
  }

  void collect_notes(xmlNode* root) {
    // Candidate bodies: elements with an id that are note bodies or items of a notes list.
    xmlNode* cur = root->children;
    while (cur) {
      if (cur->type == XML_ELEMENT_NODE) {
        auto id = attr(cur, "id");
        if (id && !id->empty()) {
          bool in_container = false;
          for (xmlNode* p = cur->parent; p && p != root->parent; p = p->parent)
            if (is_note_container(p)) {
              in_container = true;
              break;
            }
          if (is_note_body(cur) || (in_container && (is(cur, "li") || is(cur, "div") || is(cur, "p") || is(cur, "aside"))))
            note_targets_.emplace(std::string(*id), cur);
        }
      }
      if (cur->type == XML_ELEMENT_NODE && cur->children) {
        cur = cur->children;
        continue;
      }
      while (cur && !cur->next) {
        cur = cur->parent;
        if (cur == root) return;
      }
      if (cur) cur = cur->next;
    }
  }

  // Is this <a> a note reference? Returns the note body.
  xmlNode* note_ref(const xmlNode* a) {
    auto href = attr(a, "href");
    if (!href || href->size() < 2 || (*href)[0] != '#') return nullptr;
    auto it = note_targets_.find(std::string(href->substr(1)));
    if (it == note_targets_.end() || used_notes_.count(it->second)) return nullptr;
    auto role = attr_or(a, "role");
    auto et = attr_or(a, "epub:type");
    bool marked = role == "doc-noteref" || contains_word_ci(et, "noteref");
    bool in_sup = a->parent && is(a->parent, "sup");
    bool fn_class = contains_word_ci(attr_or(a, "class"), "footnote") || contains_word_ci(attr_or(a, "class"), "fnref");
    if (!(marked || in_sup || fn_class)) return nullptr;
    return it->second;
  }

  static bool is_backlink(const xmlNode* a) {
    if (!is(a, "a")) return false;
    auto role = attr_or(a, "role");
    if (role == "doc-backlink") return true;
    auto cls = attr_or(a, "class");
    if (contains_word_ci(cls, "backlink") || contains_word_ci(cls, "footnote-back") || contains_word_ci(cls, "reversefootnote"))
      return true;
    auto href = attr_or(a, "href");
    std::string t = clean_text(text_of(a));
    return !href.empty() && href[0] == '#' && (t == "\xE2\x86\xA9" || t == "\xE2\x86\xA9\xEF\xB8\x8E" || t == "^" || t == "\xE2\x86\x91");
  }

  Inline make_note(xmlNode* body, int depth) {
    used_notes_.insert(body);
    ++in_note_;
    Blocks b = blocks(body, depth + 1, true);
    --in_note_;
    // A note that was a bare <li>text</li> gives Plain: make it a paragraph.
    for (auto& x : b)
      if (auto* p = x.as<Plain>()) x = Para{std::move(p->content)};
    return Note{std::move(b)};
  }

  bool note_container_fully_used(xmlNode* n) {
    bool any = false;
    xmlNode* cur = n->children;
    while (cur) {
      if (cur->type == XML_ELEMENT_NODE) {
        auto id = attr(cur, "id");
        if (id) {
          auto it = note_targets_.find(std::string(*id));
          if (it != note_targets_.end() && it->second == cur) {
            if (!used_notes_.count(cur)) return false;
            any = true;
            goto next;  // don't descend into a used note
          }
        }
        if (cur->children) {
          cur = cur->children;
          continue;
        }
      }
    next:
      while (cur && !cur->next) {
        cur = cur->parent;
        if (cur == n) return any;
      }
      if (cur) cur = cur->next;
    }
    return any;
  }

  // ---- blocks ----
  void flush(Blocks& out, Run& run, bool as_para) {
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

  void block_children(xmlNode* parent, Blocks& out, Run& run, int depth, bool loose_as_para) {
    for (xmlNode* c = parent->children; c; c = c->next) block_node(c, out, run, depth, loose_as_para);
  }

  void too_deep(xmlNode* n, Run& run) {
    deep_warned_ = true;
    run.space(false);
    run.text(text_of(n));
    run.space(false);
  }

  void block_node(xmlNode* n, Blocks& out, Run& run, int depth, bool loose) {
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

  // List style from a class ("lower-roman") or CSS list-style(-type), like pandoc.
  static ListNumberStyle list_style(const xmlNode* n) {
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

  void container(xmlNode* n, std::string_view t, Blocks& out, int d) {
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

  void code_block(xmlNode* n, Blocks& out) {
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

  void list_items(xmlNode* n, std::vector<Blocks>& items, int d) {
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

  void definition_list(xmlNode* n, Blocks& out, int d) {
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

  // ---- tables ----
  Row row(xmlNode* tr, int d) {
    Row r;
    r.attr = attr_of(tr);
    for (xmlNode* c = tr->children; c; c = c->next) {
      if (!is(c, "td") && !is(c, "th")) continue;
      Cell cell;
      cell.align = align_of(c);
      cell.row_span = std::max(1, std::atoi(std::string(attr_or(c, "rowspan", "1")).c_str()));
      cell.col_span = std::max(1, std::atoi(std::string(attr_or(c, "colspan", "1")).c_str()));
      cell.row_span = std::min(cell.row_span, 65534);
      cell.col_span = std::min(cell.col_span, 1000);
      Attr a = attr_of(c);
      std::erase_if(a.attributes, [](auto& kv) {
        return kv.first == "colspan" || kv.first == "rowspan" || kv.first == "align" ||
               (kv.first == "style" && contains_word_ci(kv.second, "text-align"));
      });
      cell.attr = std::move(a);
      cell.content = blocks(c, d + 1, false);
      r.cells.push_back(std::move(cell));
    }
    return r;
  }

  // Leading <th> cells shared by every body row (pandoc's RowHeadColumns).
  static int row_heads(xmlNode* parent) {
    int best = -1;
    for (xmlNode* tr = parent->children; tr; tr = tr->next) {
      if (!is(tr, "tr") || all_th(tr)) continue;
      int k = 0;
      for (xmlNode* c = tr->children; c; c = c->next) {
        if (is(c, "th")) ++k;
        else if (is(c, "td")) break;
      }
      best = best < 0 ? k : std::min(best, k);
    }
    return best < 0 ? 0 : best;
  }

  static bool all_th(xmlNode* tr) {
    bool any = false;
    for (xmlNode* c = tr->children; c; c = c->next) {
      if (is(c, "td")) return false;
      if (is(c, "th")) any = true;
    }
    return any;
  }

  void table(xmlNode* n, Blocks& out, int d) {
    Table t;
    t.attr = attr_of(n);
    std::erase_if(t.attr.attributes, [](auto& kv) {
      return kv.first == "border" || kv.first == "cellpadding" || kv.first == "cellspacing" || kv.first == "width" ||
             kv.first == "summary";
    });
    std::vector<std::optional<double>> widths;
    TableBody loose_body;
    bool has_loose = false;
    for (xmlNode* c = n->children; c; c = c->next) {
      std::string_view tn = name(c);
      if (tn == "caption") {
        Inlines in = inlines(c, d + 1);
        if (!in.empty()) t.caption.long_caption.push_back(Plain{std::move(in)});
      } else if (tn == "colgroup" || tn == "col") {
        auto add = [&](xmlNode* col) {
          std::string w(attr_or(col, "width"));
          std::string style = lower(attr_or(col, "style"));
          if (w.empty()) {
            auto p = style.find("width");
            if (p != std::string::npos) {
              auto colon = style.find(':', p);
              if (colon != std::string::npos) w = clean_text(style.substr(colon + 1, style.find(';', colon) - colon - 1));
            }
          }
          int span = std::max(1, std::atoi(std::string(attr_or(col, "span", "1")).c_str()));
          std::optional<double> width;
          if (!w.empty() && w.back() == '%') width = std::atof(w.c_str()) / 100.0;
          for (int i = 0; i < span && widths.size() < 1000; ++i) widths.push_back(width);
        };
        if (tn == "col") add(c);
        else
          for (xmlNode* col = c->children; col; col = col->next)
            if (is(col, "col")) add(col);
      } else if (tn == "thead") {
        t.head.attr = attr_of(c);
        for (xmlNode* tr = c->children; tr; tr = tr->next)
          if (is(tr, "tr")) t.head.rows.push_back(row(tr, d));
      } else if (tn == "tfoot") {
        t.foot.attr = attr_of(c);
        for (xmlNode* tr = c->children; tr; tr = tr->next)
          if (is(tr, "tr")) t.foot.rows.push_back(row(tr, d));
      } else if (tn == "tbody") {
        TableBody b;
        b.attr = attr_of(c);
        for (xmlNode* tr = c->children; tr; tr = tr->next)
          if (is(tr, "tr")) {
            if (b.body.empty() && all_th(tr)) b.head.push_back(row(tr, d));
            else b.body.push_back(row(tr, d));
          }
        b.row_head_columns = row_heads(c);
        if (!b.body.empty() || !b.head.empty()) t.bodies.push_back(std::move(b));
      } else if (tn == "tr") {
        if (t.head.rows.empty() && t.bodies.empty() && loose_body.body.empty() && all_th(c))
          t.head.rows.push_back(row(c, d));
        else {
          loose_body.body.push_back(row(c, d));
          has_loose = true;
        }
      }
    }
    if (has_loose) {
      loose_body.row_head_columns = row_heads(n);
      t.bodies.insert(t.bodies.begin(), std::move(loose_body));
    }
    // Column count: the widest row, counting colspans and cells spanning down from above.
    std::size_t cols = 0;
    auto measure = [&](const std::vector<Row>& rows) {
      std::vector<int> pending;  // remaining rowspan per column
      for (auto& r : rows) {
        std::size_t col = 0, used = 0;
        for (auto& cell : r.cells) {
          while (col < pending.size() && pending[col] > 0) ++col, ++used;
          for (int k = 0; k < cell.col_span; ++k) {
            if (pending.size() <= col) pending.resize(col + 1, 0);
            pending[col] = cell.row_span;
            ++col;
            ++used;
          }
        }
        while (col < pending.size()) {
          if (pending[col] > 0) ++used;
          ++col;
        }
        cols = std::max(cols, used);
        for (auto& p : pending)
          if (p > 0) --p;
      }
    };
    measure(t.head.rows);
    for (auto& b : t.bodies) measure(b.body);
    measure(t.foot.rows);
    if (cols == 0) {
      if (t.caption.long_caption.empty()) return;
    }
    cols = std::min<std::size_t>(cols, 1000);
    bool all_widths = widths.size() == cols && cols > 0;
    for (auto& w : widths)
      if (!w) all_widths = false;
    const Row* first_row = !t.head.rows.empty() ? &t.head.rows[0]
                           : (!t.bodies.empty() && !t.bodies[0].head.empty()) ? &t.bodies[0].head[0]
                           : (!t.bodies.empty() && !t.bodies[0].body.empty()) ? &t.bodies[0].body[0] : nullptr;
    std::vector<Alignment> aligns(cols, Alignment::AlignDefault);
    if (first_row) {
      std::size_t col = 0;
      for (auto& cell : first_row->cells) {
        if (col < cols && cell.col_span == 1) aligns[col] = cell.align;
        col += static_cast<std::size_t>(cell.col_span);
      }
    }
    for (std::size_t i = 0; i < cols; ++i) {
      ColSpec cs;
      cs.align = aligns[i];
      if (all_widths) cs.width = widths[i];
      t.colspecs.push_back(cs);
    }
    // A single-column "layout" table around real content stays a table (pandoc does the same).
    out.push_back(std::move(t));
  }

  // ---- figures, images, media ----
  void figure(xmlNode* n, Blocks& out, int d) {
    Figure f;
    f.attr = attr_of(n);
    Blocks content;
    Run run;
    for (xmlNode* c = n->children; c; c = c->next) {
      if (is(c, "figcaption")) {
        Blocks cap = blocks(c, d + 1, false);
        for (auto& b : cap) f.caption.long_caption.push_back(std::move(b));
      } else {
        block_node(c, content, run, d + 1, false);
      }
    }
    flush(content, run, false);
    f.content = std::move(content);
    if (f.content.empty() && f.caption.long_caption.empty()) return;
    out.push_back(std::move(f));
  }

  void media(xmlNode* n, Blocks& out) {
    if (in_note_ < 0) return;
    sanitize_subtree(n, dropped_);
    xmlBufferPtr buf = xmlBufferCreate();
    htmlNodeDump(buf, n->doc, n);
    std::string raw(reinterpret_cast<const char*>(xmlBufferContent(buf)), static_cast<std::size_t>(xmlBufferLength(buf)));
    xmlBufferFree(buf);
    out.push_back(RawBlock{"html", std::move(raw)});
    if (!media_warned_) {
      media_warned_ = true;
      diag_.warn("raw-media", std::string("<") + std::string(name(n)) +
                                  "> kept as raw HTML (not fetched); formats without raw HTML drop it");
    }
  }

  // The image of an <img>; nullopt for placeholders and for images whose URL
  // is refused (then `fallback`, when given, gets the alt text).
  std::optional<Image> image(xmlNode* img, Inlines* fallback = nullptr) {
    std::string src(attr_or(img, "src"));
    std::string lazy;
    for (const char* k : {"data-src", "data-lazy-src", "data-original", "data-url", "data-hi-res-src",
                          "data-lazy", "data-echo", "data-img-src", "data-full-src"}) {
      auto v = attr(img, k);
      if (v && !clean_text(*v).empty()) {
        lazy = clean_text(*v);
        break;
      }
    }
    if (lazy.empty()) {
      for (const char* k : {"data-srcset", "data-lazy-srcset", "srcset"}) {
        auto v = attr(img, k);
        if (v && !v->empty()) {
          lazy = best_srcset(*v);
          if (!lazy.empty() && std::string_view(k) == "srcset" && !is_placeholder_src(src)) lazy.clear();
          if (!lazy.empty()) break;
        }
      }
    }
    if (is_placeholder_src(src) && !lazy.empty()) src = lazy;
    // <picture><source srcset><img></picture> (libxml2 2.9 nests the <img> inside <source>).
    xmlNode* picture = nullptr;
    for (xmlNode* p = img->parent; p && !picture && p->type == XML_ELEMENT_NODE; p = p->parent) {
      if (is(p, "picture")) picture = p;
      else if (!is(p, "source")) break;
    }
    if ((src.empty() || is_placeholder_src(src)) && picture) {
      for (xmlNode* s = picture; s; s = find_first(s, "source")) {
        if (!is(s, "source")) continue;
        std::string b = best_srcset(attr_or(s, "srcset", attr_or(s, "data-srcset")));
        if (!b.empty()) {
          src = b;
          break;
        }
      }
    }
    if (src.empty() || is_placeholder_src(src)) return std::nullopt;
    auto target = safe_url(src, UrlKind::Image, dropped_.images);
    if (!target) {
      if (fallback) *fallback = words(attr_or(img, "alt"));
      return std::nullopt;
    }
    Image im;
    Attr a = attr_of(img, {"src", "srcset", "data-src", "data-srcset", "data-lazy-src", "data-lazy-srcset", "style"});
    std::erase_if(a.attributes, [](auto& kv) {
      static const char* drop[] = {"src", "alt", "title", "srcset", "sizes", "loading", "decoding", "style",
                                   "src",  "lazy-src", "original", "lazy", "lazy-srcset", "srcset", "url",
                                   "hi-res-src", "echo", "img-src", "full-src", "fetchpriority"};
      for (auto* x : drop)
        if (kv.first == x) return true;
      return false;
    });
    im.attr = std::move(a);
    im.content = words(attr_or(img, "alt"));
    im.target.url = std::move(*target);
    im.target.title = std::string(attr_or(img, "title"));
    return im;
  }

  void math(xmlNode* n, Run& run) {
    // Prefer a TeX annotation; else keep the MathML as raw HTML.
    xmlNode* cur = n->children;
    while (cur) {
      if (is(cur, "annotation") && contains_word_ci(attr_or(cur, "encoding"), "tex")) {
        std::string tex = clean_text(text_of(cur));
        bool display = attr_or(n, "display") == "block" || attr_or(n, "mode") == "display";
        run.push(Math{display ? MathType::DisplayMath : MathType::InlineMath, tex});
        return;
      }
      if (cur->type == XML_ELEMENT_NODE && cur->children) {
        cur = cur->children;
        continue;
      }
      while (cur && !cur->next) {
        cur = cur->parent;
        if (cur == n) cur = nullptr;
      }
      if (cur) cur = cur->next;
    }
    sanitize_subtree(n, dropped_);
    xmlBufferPtr buf = xmlBufferCreate();
    htmlNodeDump(buf, n->doc, n);
    std::string raw(reinterpret_cast<const char*>(xmlBufferContent(buf)), static_cast<std::size_t>(xmlBufferLength(buf)));
    xmlBufferFree(buf);
    run.push(RawInline{"html", std::move(raw)});
  }

  // ---- inlines ----
  void inline_children(xmlNode* parent, Run& run, int depth) {
    for (xmlNode* c = parent->children; c; c = c->next) inline_node(c, run, depth);
  }

  Inlines sub(xmlNode* n, int depth) {
    Run r;
    inline_children(n, r, depth + 1);
    return std::move(r.v);
  }

  // Wrap with spaces moved outside (pandoc's extractSpaces).
  template <class T>
  void wrap(Run& run, Inlines in) {
    bool lead = !in.empty() && (in.front().is<Space>() || in.front().is<SoftBreak>());
    bool lead_soft = lead && in.front().is<SoftBreak>();
    if (lead) in.erase(in.begin());
    bool trail = !in.empty() && (in.back().is<Space>() || in.back().is<SoftBreak>());
    bool trail_soft = trail && in.back().is<SoftBreak>();
    if (trail) in.pop_back();
    if (lead) run.space(lead_soft);
    run.push(T{std::move(in)});  // pandoc keeps empty <em></em>
    if (trail) run.space(trail_soft);
  }

  void span(Run& run, Attr a, Inlines in) {
    bool lead = !in.empty() && (in.front().is<Space>() || in.front().is<SoftBreak>());
    if (lead) in.erase(in.begin());
    bool trail = !in.empty() && (in.back().is<Space>() || in.back().is<SoftBreak>());
    if (trail) in.pop_back();
    if (lead) run.space(false);
    run.push(Span{std::move(a), std::move(in)});
    if (trail) run.space(false);
  }

  void inline_node(xmlNode* n, Run& run, int depth) {
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
      // Inline SVG drawings carry no text worth keeping; their <title> is alt text.
      return;
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

  void link(xmlNode* n, Run& run, int depth) {
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
};

}  // namespace

Blocks convert_blocks(xmlNode* root, const ConvertOptions& options, Diagnostics& diag) {
  Converter c(options, diag);
  c.prepare(root);
  Blocks b = c.blocks(root, 0, true);
  c.finish(b);
  return b;
}

Inlines convert_inlines(xmlNode* root, const ConvertOptions& options, Diagnostics& diag) {
  Converter c(options, diag);
  c.prepare(root);
  return c.inlines(root, 0);
}

}  // namespace galley::html
