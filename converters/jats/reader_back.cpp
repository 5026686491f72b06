// Back matter: the reference list (each reference's text in its order, DOIs and
// PubMed ids as links, an id per reference so citations link to it), footnote
// groups (the notes no xref cited), and the sections read_block knows (ack, app,
// glossary, notes, sec).
#include <string>

#include "galley/builder.hpp"
#include "galley/text.hpp"
#include "galley/whitespace.hpp"
#include "jats/reader.hpp"

namespace galley::jats::in {
namespace {

bool ends_with_punct(const Inlines& xs) {
  for (auto it = xs.rbegin(); it != xs.rend(); ++it) {
    if (it->is<Space>()) continue;
    if (auto s = it->as<Str>()) {
      char c = s->text.empty() ? ' ' : s->text.back();
      return c == '.' || c == ',' || c == ':' || c == ';' || c == '(' || c == '?' || c == '!';
    }
    return false;
  }
  return true;  // nothing yet: no separator needed
}

// "Surname GN Jr" from a name (element-citation names have no spaces between parts).
std::string person_name(const xmlNode* n) {
  if (is_el(n, "string-name") && !first(n, "surname")) return text(n);
  std::string out;
  for (const char* part : {"prefix", "surname", "given-names", "suffix"}) {
    std::string t = text(first(n, part));
    if (t.empty()) continue;
    if (!out.empty()) out += ' ';
    out += t;
  }
  return out.empty() ? text(n) : out;
}

void cite_inlines(Reading& r, const xmlNode* n, Inlines& out, bool structured);

// Does n hold text of its own (not only elements and white space)?
bool has_own_text(const xmlNode* n) {
  for (const xmlNode* t = n->children; t; t = t->next)
    if (t->type == XML_TEXT_NODE && t->content && !is_xml_blank(reinterpret_cast<const char*>(t->content)))
      return true;
  return false;
}

bool is_phrase(const xmlNode* n) {
  static constexpr std::string_view kPhrase[] = {"italic", "bold", "sup", "sub", "sc", "monospace", "underline",
                                                 "inline-formula", "xref", "named-content", "styled-content"};
  for (auto p : kPhrase)
    if (name_of(n) == p) return true;
  return false;
}

void cite_child(Reading& r, const xmlNode* c, Inlines& out, bool structured) {
  std::string_view name = name_of(c);
  if (name == "name" || name == "string-name") add_text(out, person_name(c));
  else if (name == "etal") add_text(out, "et al.");
  else if (name == "person-group" && (structured || !has_own_text(c))) {
    bool any = false;
    for (const xmlNode* p = c->children; p; p = p->next) {
      if (!is_el(p)) continue;
      if (any) add_text(out, ", ");
      cite_child(r, p, out, true);
      any = true;
    }
  } else if (name == "pub-id" || name == "ext-link" || name == "uri" || name == "italic" || name == "bold" ||
             name == "sup" || name == "sub" || name == "sc" || name == "monospace" || name == "inline-formula" ||
             name == "email" || name == "xref" || name == "underline")
    read_inline(r, c, out);
  else if (name == "label") {
  } else cite_inlines(r, c, out, false);
}

void cite_inlines(Reading& r, const xmlNode* n, Inlines& out, bool structured) {
  Deeper d(r);
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (!is_el(c)) {
      // Between the fields of a structured citation white space is layout: separators come below.
      bool blank = c->type == XML_TEXT_NODE && (!c->content || is_xml_blank(reinterpret_cast<const char*>(c->content)));
      if (!(structured && blank)) read_inline(r, c, out);
      continue;
    }
    // element-citation has no punctuation between its parts: a full stop separates them.
    if (structured) {
      if (!ends_with_punct(out)) add_text(out, ". ");
      else if (!out.empty() && !out.back().is<Space>()) out.emplace_back(Space{});
      if (is_el(c, "year")) {
        add_text(out, "(" + text(c) + ")");
        continue;
      }
    } else if (!is_phrase(c) && c->prev && c->prev->type == XML_ELEMENT_NODE && !out.empty() && out.back().is<Str>()) {
      // Two fields with nothing between them ("<source>X</source><year>2001</year>").
      out.emplace_back(Space{});
    }
    cite_child(r, c, out, structured);
  }
}

Block reference(Reading& r, const xmlNode* ref) {
  Div d{Attr{attr(ref, "id"), {"ref"}, {}}, {}};
  Inlines label = inlines_of(r, first(ref, "label"));
  bool first_para = true;
  for (const xmlNode* c = ref->children; c; c = c->next) {
    if (!is_el(c) || is_el(c, "label")) continue;
    const xmlNode* cit = c;
    if (is_el(c, "citation-alternatives")) {
      // Other renderings of one reference: the first (mixed-citation when present).
      cit = first(c, "mixed-citation");
      if (!cit)
        for (cit = c->children; cit && !is_el(cit); cit = cit->next) {
        }
      if (!cit) continue;
    }
    Inlines xs;
    if (is_el(cit, "mixed-citation") || is_el(cit, "element-citation") || is_el(cit, "nlm-citation") ||
        is_el(cit, "citation")) {
      // A mixed-citation without text of its own (PMC's conversions) is as structured
      // as an element-citation: its parts need separators.
      cite_inlines(r, cit, xs, !is_el(cit, "mixed-citation") || !has_own_text(cit));
    } else {
      Blocks b;
      read_block(r, cit, b);
      append_moved(d.content, b);
      continue;
    }
    tidy(xs);
    if (first_para && !label.empty()) {
      Inlines withlab = label;
      withlab.emplace_back(Space{});
      xs.insert(xs.begin(), withlab.begin(), withlab.end());
    }
    first_para = false;
    if (!xs.empty()) d.content.emplace_back(Para{std::move(xs)});
  }
  return d;
}

}  // namespace

void read_ref_list(Reading& r, const xmlNode* n, int level, Blocks& out) {
  Deeper d(r);
  Inlines head = inlines_of(r, first(n, "title"));
  if (Inlines lab = inlines_of(r, first(n, "label")); !lab.empty()) {
    if (!head.empty()) lab.emplace_back(Space{});
    head.insert(head.begin(), lab.begin(), lab.end());
  }
  if (head.empty() && level <= 2) head = galley::text("References");
  if (!head.empty()) out.emplace_back(Header{level > 6 ? 6 : level, Attr{attr(n, "id"), {}, {}}, std::move(head)});
  Div refs{Attr{{}, {"references"}, {}}, {}};
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (!is_el(c) || is_el(c, "title") || is_el(c, "label")) continue;
    if (is_el(c, "ref")) refs.content.push_back(reference(r, c));
    else if (is_el(c, "ref-list")) read_ref_list(r, c, level + 1, refs.content);
    else read_block(r, c, refs.content);
  }
  out.emplace_back(std::move(refs));
}

void read_fn_group(Reading& r, const xmlNode* n, int level, Blocks& out) {
  Deeper d(r);
  Div group{Attr{attr(n, "id"), {"fn-group"}, {}}, {}};
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (!is_el(c) || is_el(c, "title") || is_el(c, "label")) continue;
    // A cited footnote is a Note where it is cited.
    if (is_el(c, "fn") && r.fns_cited.count(Reading::FnKey{scope_of(c), attr(c, "id")})) continue;
    read_block(r, c, group.content);
  }
  if (group.content.empty()) return;
  Inlines head = inlines_of(r, first(n, "title"));
  if (!head.empty()) out.emplace_back(Header{level > 6 ? 6 : level, Attr{}, std::move(head)});
  out.emplace_back(std::move(group));
}

void read_back(Reading& r, const xmlNode* back, int level, Blocks& out) {
  Deeper d(r);
  Inlines head = inlines_of(r, first(back, "title"));
  if (!head.empty()) out.emplace_back(Header{level > 6 ? 6 : level, Attr{}, std::move(head)});
  int saved = r.section_base;
  r.section_base = level - 1;
  for (const xmlNode* c = back->children; c; c = c->next)
    if (is_el(c) && !is_el(c, "title") && !is_el(c, "label")) read_block(r, c, out);
  r.section_base = saved;
}

}  // namespace galley::jats::in
