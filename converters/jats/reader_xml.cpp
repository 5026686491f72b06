// JATS's side of parsing (the core's galley/detail/xml_dom.hpp does the safe parse):
// the JATS DTDs' named characters, supplied to the parse from entities.inc (generated
// by tools/gen_entities.py) so &nbsp; reads as U+00A0 without the DTD, and the text
// and serialisation helpers the reader's parts share.
#include <algorithm>
#include <iterator>

#include "galley/detail/xml.hpp"
#include "galley/error.hpp"
#include "galley/whitespace.hpp"
#include "jats/reader.hpp"

namespace galley::jats::in {
namespace {

struct EntityRow {
  const char* name;
  const char* text;
};
constexpr EntityRow kEntities[] = {
#include "jats/entities.inc"
};

void append_raw(const xmlNode* n, std::string& out, int depth) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content) out += reinterpret_cast<const char*>(c->content);
    } else if (c->type == XML_ELEMENT_NODE) {
      if (depth < 2000) append_raw(c, out, depth + 1);
    } else if (c->type == XML_ENTITY_REF_NODE) {
      if (const xmlNode* e = entity_children(c))
        for (; e; e = e->next) {
          if (e->type == XML_TEXT_NODE && e->content) out += reinterpret_cast<const char*>(e->content);
          else if (e->type == XML_ELEMENT_NODE && depth < 2000) append_raw(e, out, depth + 1);
        }
    }
  }
}

void serialise_into(const xmlNode* n, std::string& out, bool root, int depth) {
  if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
    if (n->content) detail::append_escaped(out, reinterpret_cast<const char*>(n->content));
    return;
  }
  if (n->type == XML_ENTITY_REF_NODE) {
    for (const xmlNode* e = entity_children(n); e; e = e->next) serialise_into(e, out, false, depth);
    return;
  }
  if (n->type != XML_ELEMENT_NODE || depth > 2000) return;
  std::string_view name = name_of(n);
  out += '<';
  out += name;
  if (root) out += " xmlns=\"http://www.w3.org/1998/Math/MathML\"";
  for (const xmlAttr* a = n->properties; a; a = a->next) {
    if (a->ns || !a->name) continue;  // xlink and other namespaced attributes stay behind
    xmlChar* v = xmlNodeListGetString(n->doc, a->children, 1);
    out += ' ';
    out += reinterpret_cast<const char*>(a->name);
    out += "=\"";
    if (v) detail::append_escaped(out, reinterpret_cast<const char*>(v), true);
    out += '"';
    xmlFree(v);
  }
  if (!n->children) {
    out += "/>";
    return;
  }
  out += '>';
  for (const xmlNode* c = n->children; c; c = c->next) serialise_into(c, out, false, depth + 1);
  out += "</";
  out += name;
  out += '>';
}

}  // namespace

const char* dtd_entity(std::string_view name) {
  auto it = std::lower_bound(std::begin(kEntities), std::end(kEntities), name,
                             [](const EntityRow& row, std::string_view n) { return std::string_view(row.name) < n; });
  if (it == std::end(kEntities) || std::string_view(it->name) != name) return nullptr;
  return it->text;
}

XmlDoc parse(std::string_view input, const ReaderOptions& options, Diagnostics& diag) {
  detail::dom::ParseSettings settings;
  settings.area = "jats";
  settings.dtd_entity = dtd_entity;
  settings.dtd_root = "article";
  return detail::dom::parse(input, options, diag, settings);
}

std::string xlink_href(const xmlNode* n) {
  return collapse_whitespace(detail::dom::ns_attr(n, "href", "http://www.w3.org/1999/xlink"));
}

std::string raw_text(const xmlNode* n) {
  std::string out;
  if (n) append_raw(n, out, 0);
  return out;
}
std::string text(const xmlNode* n) { return n ? collapse_whitespace(raw_text(n)) : std::string(); }

const xmlNode* entity_children(const xmlNode* ref) {
  if (!ref || ref->type != XML_ENTITY_REF_NODE) return nullptr;
  // libxml2 points an entity reference's children at its xmlEntity.
  auto* e = reinterpret_cast<const xmlEntity*>(ref->children);
  if (!e || e->type != XML_ENTITY_DECL || e->etype != XML_INTERNAL_GENERAL_ENTITY) return nullptr;
  return e->children;
}

std::string serialise(const xmlNode* n) {
  std::string out;
  if (n) serialise_into(n, out, true, 0);
  return out;
}

const xmlNode* scope_of(const xmlNode* n) {
  for (const xmlNode* p = n; p && p->type == XML_ELEMENT_NODE; p = p->parent)
    if (is_el(p, "sub-article") || is_el(p, "response") || is_el(p, "article") || is_el(p, "book-part")) return p;
  return nullptr;
}

Deeper::Deeper(Reading& r) : r_(r) {
  if (++r_.depth > r_.options.limits.max_nesting) {
    --r_.depth;
    throw InputError("galley.jats.too-deep", "elements nested deeper than " +
                                                 std::to_string(r_.options.limits.max_nesting) +
                                                 " levels (--max-nesting)");
  }
}

}  // namespace galley::jats::in
