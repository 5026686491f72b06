// What the HTML reader keeps out of the document model for safety: the
// decisions are galley/safety.hpp's; this file applies them to libxml2's DOM
// (attribute values, the subtrees kept as raw HTML) and reports what went.
#include <libxml/tree.h>

#include "html/internal.hpp"

namespace galley::html {

std::string attribute_text(std::string_view value) {
  // libxml2 decodes HTML 4 entities and numeric references; the HTML5 names
  // it does not know (&colon; &Tab; &NewLine; ...) are left as text, and a
  // browser would decode them. Every reference still there is decoded, so a
  // value the page escaped twice ("?a=1&amp;amp;b=2", "&amp;copy; Name") reads
  // as meant, as the metadata does.
  if (value.find('&') == std::string_view::npos) return std::string(value);
  return decode_char_refs(value, RefContext::Attribute);
}

std::optional<std::string> reader_attribute(std::string_view element, std::string_view key, std::string_view value) {
  if (value.find('&') == std::string_view::npos) return safe_attribute(element, key, value);
  return safe_attribute(element, key, decode_char_refs(value, RefContext::Attribute));
}

std::optional<std::string> reader_url(std::string_view value, UrlKind kind) {
  if (value.find('&') == std::string_view::npos) return allowed_url(value, kind);
  return allowed_url(decode_char_refs(value, RefContext::Attribute), kind);
}

void Dropped::url(std::size_t& count, std::string_view value) {
  ++count;
  auto* list = &count == &links ? &link_schemes : &count == &images ? &image_schemes : nullptr;
  std::string s = url_scheme(attribute_text(value));
  if (!list || s.empty() || s.size() > 20) return;
  for (auto& k : *list)
    if (k == s) return;
  if (list->size() < 6) list->push_back(s);
}

namespace {
std::string scheme_list(const std::vector<std::string>& schemes) {
  std::string which;
  for (auto& s : schemes) which += (which.empty() ? "" : ", ") + s + ":";
  return which.empty() ? "" : " (" + which + ")";
}
}  // namespace

void Dropped::report(Diagnostics& diag) const {
  if (links)
    diag.warn("unsafe-content", "html: " + std::to_string(links) +
                                    " link(s) with a script or unsupported URL dropped, link text kept" +
                                    scheme_list(link_schemes));
  if (images)
    diag.warn("unsafe-content", "html: " + std::to_string(images) +
                                    " image(s) with a script or unsupported URL dropped, alt text kept" +
                                    scheme_list(image_schemes));
  if (attributes)
    diag.warn("unsafe-content", "html: " + std::to_string(attributes) +
                                    " attribute(s) dropped or reduced (event handlers, script URLs, unsafe CSS)");
  if (svg)
    diag.warn("unsafe-content", "html: scripts and event handlers removed from " + std::to_string(svg) +
                                    " data: SVG image(s)");
  if (raw)
    diag.warn("unsafe-content", "html: " + std::to_string(raw) +
                                    " element(s) or attribute(s) removed from media kept as raw HTML");
}

namespace {

// Elements never kept inside a raw HTML fragment.
bool unsafe_raw_element(std::string_view t) {
  for (std::string_view x : {"script", "style", "link", "meta", "base", "object", "embed", "applet", "param", "form",
                             "input", "button", "select", "textarea", "iframe", "frame", "frameset", "template",
                             "svg", "handler", "listener", "set", "animate", "animatemotion", "animatetransform",
                             "portal", "noscript", "xml", "import"})
    if (t == x) return true;
  return false;
}

void set_attribute_text(xmlAttr* a, const std::string& value) {
  xmlFreeNodeList(a->children);
  xmlNode* t = xmlNewDocText(a->doc, reinterpret_cast<const xmlChar*>(value.c_str()));
  a->children = a->last = t;
  if (t) t->parent = reinterpret_cast<xmlNode*>(a);
}

void clean_attributes(xmlNode* n, Dropped& dropped) {
  std::string el = lower(name(n));
  xmlAttr* a = n->properties;
  while (a) {
    xmlAttr* next = a->next;
    std::string key = a->name ? lower(reinterpret_cast<const char*>(a->name)) : std::string();
    if (a->ns && a->ns->prefix) key = lower(reinterpret_cast<const char*>(a->ns->prefix)) + ":" + key;
    std::string value;
    for (xmlNode* c = a->children; c; c = c->next)
      if (c->content) value += reinterpret_cast<const char*>(c->content);
    auto keep = reader_attribute(el, key, value);
    if (!keep) {
      xmlRemoveProp(a);
      ++dropped.raw;
    } else if (*keep != value) {
      set_attribute_text(a, *keep);
    }
    a = next;
  }
}

}  // namespace

void sanitize_subtree(xmlNode* root, Dropped& dropped) {
  if (!root || root->type != XML_ELEMENT_NODE) return;
  clean_attributes(root, dropped);
  for (xmlNode* cur = root->children; cur;) {
    bool element = cur->type == XML_ELEMENT_NODE;
    bool text = cur->type == XML_TEXT_NODE || cur->type == XML_CDATA_SECTION_NODE;
    if ((!element && !text) || (element && unsafe_raw_element(lower(name(cur))))) {
      // comments (conditional comments run in old browsers), PIs, unsafe elements
      xmlNode* next = next_in_tree(cur, root, false);  // found before cur is freed
      remove_node(cur);
      ++dropped.raw;
      cur = next;
      continue;
    }
    if (element) clean_attributes(cur, dropped);
    cur = next_in_tree(cur, root);
  }
}

}  // namespace galley::html
