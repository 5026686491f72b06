// Small DOM helpers over libxml2 nodes used by every pass of the HTML reader.
#include <array>
#include <cstring>

#include "html/internal.hpp"

namespace galley::html {

std::optional<std::string_view> attr(const xmlNode* n, std::string_view key) {
  if (!n || n->type != XML_ELEMENT_NODE) return std::nullopt;
  for (const xmlAttr* a = n->properties; a; a = a->next) {
    if (!a->name) continue;
    std::string_view an(reinterpret_cast<const char*>(a->name));
    if (an.size() != key.size()) continue;
    if (!iequals(an, key)) continue;
    if (!a->children) return std::string_view();
    if (a->children->next == nullptr && a->children->content)
      return std::string_view(reinterpret_cast<const char*>(a->children->content));
    // Several child nodes (entity refs): not produced by the HTML parser, but be safe.
    return std::string_view();
  }
  return std::nullopt;
}

void append_text(const xmlNode* n, std::string& out) {
  if (!n) return;
  if (is_text(n)) {
    out += content(n);
    return;
  }
  if (n->type != XML_ELEMENT_NODE && n->type != XML_DOCUMENT_NODE && n->type != XML_HTML_DOCUMENT_NODE) return;
  for (const xmlNode* cur = n->children; cur; cur = next_in_tree(cur, n, cur->children && !is_dropped_tag(name(cur))))
    if (is_text(cur)) out += content(cur);
}

std::string text_of(const xmlNode* n) {
  std::string s;
  append_text(n, s);
  return s;
}

std::string clean_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool sp = is_space(c);
    // U+00A0 counts as a space here (titles, bylines).
    if (!sp && static_cast<unsigned char>(c) == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      sp = true;
      ++i;
    }
    if (sp) {
      pending = !out.empty();
    } else {
      if (pending) out += ' ';
      pending = false;
      out += c;
    }
  }
  return out;
}

namespace {
bool in_list(std::string_view tag, std::initializer_list<std::string_view> list) {
  for (auto t : list)
    if (t == tag) return true;
  return false;
}
}  // namespace

bool is_block_tag(std::string_view t) {
  return in_list(t, {"p", "div", "section", "article", "main", "aside", "header", "footer", "nav", "blockquote",
                     "pre", "ul", "ol", "dl", "dt", "dd", "li", "table", "thead", "tbody", "tfoot", "tr", "td",
                     "th", "caption", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "figure", "figcaption", "address",
                     "details", "summary", "fieldset", "form", "hgroup", "center", "menu", "dialog", "legend",
                     "colgroup", "col", "body", "html", "video", "audio", "iframe", "listing", "xmp", "plaintext",
                     "dir", "frameset", "noframes", "search"});
}

bool is_dropped_tag(std::string_view t) {
  return in_list(t, {"script", "style", "template", "head", "title", "meta", "link", "base", "form", "input",
                     "button", "select", "option", "optgroup", "textarea", "datalist", "output", "progress",
                     "meter", "object", "embed", "param", "applet", "canvas", "dialog", "map", "area", "noembed",
                     "frame", "frameset", "noframes"});
}

bool is_void_tag(std::string_view t) {
  return in_list(t, {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                     "wbr", "param"});
}



bool contains_word_ci(std::string_view h, std::string_view n) {
  if (n.empty()) return true;
  if (h.size() < n.size()) return false;
  for (std::size_t i = 0; i + n.size() <= h.size(); ++i)
    if (iequals(h.substr(i, n.size()), n)) return true;
  return false;
}

void remove_node(xmlNode* n) {
  if (!n) return;
  xmlUnlinkNode(n);
  xmlFreeNode(n);
}

const xmlNode* next_in_tree(const xmlNode* cur, const xmlNode* root, bool descend) {
  if (descend && cur->type == XML_ELEMENT_NODE && cur->children) return cur->children;
  for (; cur && cur != root; cur = cur->parent)
    if (cur->next) return cur->next;
  return nullptr;
}

xmlNode* find_first(xmlNode* root, std::string_view tag) {
  if (!root) return nullptr;
  for (xmlNode* cur = root->children; cur; cur = next_in_tree(cur, root))
    if (is(cur, tag)) return cur;
  return nullptr;
}

xmlNode* html_body(xmlDoc* doc) {
  xmlNode* root = xmlDocGetRootElement(doc);
  if (!root) return nullptr;
  for (xmlNode* c = root->children; c; c = c->next)
    if (is(c, "body")) return c;
  return find_first(root, "body");
}

xmlNode* html_head(xmlDoc* doc) {
  xmlNode* root = xmlDocGetRootElement(doc);
  if (!root) return nullptr;
  for (xmlNode* c = root->children; c; c = c->next)
    if (is(c, "head")) return c;
  return nullptr;
}

}  // namespace galley::html
