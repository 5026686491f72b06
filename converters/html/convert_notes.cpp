// The html reader's DOM -> AST converter (converter.hpp). Footnotes: note containers, references, bodies and backlinks.
#include "html/converter.hpp"

namespace galley::html::conv {

bool Converter::is_note_container(const xmlNode* n) {
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

bool Converter::is_note_body(const xmlNode* n) {
  auto role = attr_or(n, "role");
  auto et = attr_or(n, "epub:type");
  return role == "doc-footnote" || role == "doc-endnote" || contains_word_ci(et, "footnote") ||
         contains_word_ci(et, "endnote") || contains_word_ci(et, "rearnote");
}

void Converter::collect_notes(xmlNode* root) {
  // Candidate bodies: elements with an id that are note bodies or items of a notes list.
  for (xmlNode* cur = root->children; cur; cur = next_in_tree(cur, root)) {
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
  }
}

xmlNode* Converter::note_ref(const xmlNode* a) {
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

bool Converter::is_backlink(const xmlNode* a) {
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

Inline Converter::make_note(xmlNode* body, int depth) {
  used_notes_.insert(body);
  ++in_note_;
  Blocks b = blocks(body, depth + 1, true);
  --in_note_;
  // A note that was a bare <li>text</li> gives Plain: make it a paragraph.
  for (auto& x : b)
    if (auto* p = x.as<Plain>()) x = Para{std::move(p->content)};
  return Note{std::move(b)};
}

bool Converter::note_container_fully_used(xmlNode* n) {
  bool any = false;
  for (xmlNode* cur = n->children; cur;) {
    bool descend = true;
    if (auto id = attr(cur, "id")) {
      auto it = note_targets_.find(std::string(*id));
      if (it != note_targets_.end() && it->second == cur) {
        if (!used_notes_.count(cur)) return false;
        any = true;
        descend = false;  // a used note's own ids are not notes of this container
      }
    }
    cur = next_in_tree(cur, n, descend);
  }
  return any;
}

}  // namespace galley::html::conv
