// The XML readers' one safe parse and node lookups (galley/detail/xml_dom.hpp).
//
// Without NOENT, DTDLOAD and DTDVALID libxml2 opens neither the DOCTYPE's DTD nor an
// external entity. A reader that supplies a DTD's named characters (JATS's &nbsp; ...)
// gets SAX hooks: the getEntity hook answers names the document does not declare from the
// reader's table, and refuses external entities whatever the options (counted, warned once).
#include "galley/detail/xml_dom.hpp"

#include <libxml/SAX2.h>
#include <libxml/entities.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <climits>
#include <cstring>

#include "galley/error.hpp"

namespace galley::detail::dom {
namespace {

// Per-parse state reachable from the error handler and the SAX hooks.
struct ParseState {
  const ParseSettings* settings = nullptr;
  std::string first_error;
  int error_line = 0;
  std::size_t external_refused = 0;
  std::string external_name;
};

void on_error(void* ctx, const xmlError* e) {
  auto* st = static_cast<ParseState*>(ctx);
  if (!e || e->level < XML_ERR_ERROR || !st->first_error.empty()) return;
  st->first_error = e->message ? e->message : "error";
  while (!st->first_error.empty() && (st->first_error.back() == '\n' || st->first_error.back() == ' '))
    st->first_error.pop_back();
  st->error_line = e->line;
}

xmlEntityPtr get_entity(void* ctx, const xmlChar* name) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  auto* st = static_cast<ParseState*>(ctxt->_private);
  xmlEntityPtr e = xmlSAX2GetEntity(ctx, name);
  if (e) {
    if (e->etype == XML_INTERNAL_GENERAL_ENTITY || e->etype == XML_INTERNAL_PREDEFINED_ENTITY) return e;
    // An external entity (SYSTEM "file:///etc/passwd"): never read. An empty internal
    // entity stands in for it, so the document stays well-formed (libxml2 makes an
    // undeclared entity fatal in a document without an external subset); the reference
    // node still names the external one, whose text nobody reads (no NOENT).
    ++st->external_refused;
    if (st->external_name.empty()) st->external_name = reinterpret_cast<const char*>(name);
    if (!ctxt->myDoc || !ctxt->myDoc->intSubset) return nullptr;
    static const xmlChar kStandIn[] = "galley-refused-external-entity";
    xmlEntityPtr empty = xmlGetDocEntity(ctxt->myDoc, kStandIn);
    if (!empty) empty = xmlAddDocEntity(ctxt->myDoc, kStandIn, XML_INTERNAL_GENERAL_ENTITY, nullptr, nullptr, BAD_CAST "");
    return empty;
  }
  const char* t = st->settings->dtd_entity(reinterpret_cast<const char*>(name));
  if (!t || !ctxt->myDoc) return nullptr;
  if (!ctxt->myDoc->intSubset) xmlCreateIntSubset(ctxt->myDoc, BAD_CAST st->settings->dtd_root, nullptr, nullptr);
  // The replacement text is parsed as markup when referenced: & and < as references.
  std::string content;
  for (const char* p = t; *p; ++p) {
    if (*p == '&') content += "&#38;";
    else if (*p == '<') content += "&#60;";
    else content += *p;
  }
  return xmlAddDocEntity(ctxt->myDoc, name, XML_INTERNAL_GENERAL_ENTITY, nullptr, nullptr, BAD_CAST content.c_str());
}

// External parameter entities are refused too (libxml2 would not load them without
// DTDLOAD anyway; this keeps it so whatever options change).
xmlEntityPtr get_parameter_entity(void* ctx, const xmlChar* name) {
  xmlEntityPtr e = xmlSAX2GetParameterEntity(ctx, name);
  if (e && e->etype != XML_INTERNAL_PARAMETER_ENTITY) return nullptr;
  return e;
}

xmlParserInputPtr resolve_entity(void*, const xmlChar*, const xmlChar*) { return nullptr; }

}  // namespace

void XmlDocFree::operator()(xmlDoc* d) const { xmlFreeDoc(d); }

XmlDoc parse(std::string_view input, const ReaderOptions& options, Diagnostics& diag, const ParseSettings& settings) {
  const std::string area = settings.area;
  if (input.size() > options.limits.max_input_bytes || input.size() > static_cast<std::size_t>(INT_MAX))
    throw InputError("galley." + area + ".too-large",
                     "input of " + std::to_string(input.size()) + " bytes is larger than the input limit");
  ParseState st;
  st.settings = &settings;
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (!ctxt) throw InputError("galley." + area + ".parser", "cannot create the XML parser");
  ctxt->_private = &st;
  if (settings.dtd_entity) {
    ctxt->sax->getEntity = get_entity;
    ctxt->sax->getParameterEntity = get_parameter_entity;
    ctxt->sax->resolveEntity = resolve_entity;
  }
  xmlSetStructuredErrorFunc(&st, reinterpret_cast<xmlStructuredErrorFunc>(on_error));
  // COMPACT: text nodes of up to 15 bytes live inside their node, one malloc (and free)
  // fewer for most white space and short words; the readers never change the tree's text.
  int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA | XML_PARSE_COMPACT;
  if (settings.huge) opts |= XML_PARSE_HUGE;
  xmlDoc* doc = xmlCtxtReadMemory(ctxt, input.data(), static_cast<int>(input.size()),
                                  options.input_name.empty() ? nullptr : options.input_name.c_str(), nullptr, opts);
  bool well_formed = ctxt->wellFormed;
  xmlSetStructuredErrorFunc(nullptr, nullptr);
  xmlFreeParserCtxt(ctxt);
  if (!doc || !well_formed) {
    if (doc) xmlFreeDoc(doc);
    throw InputError("galley." + area + ".parse",
                     "the input is not well-formed XML" +
                         (st.first_error.empty() ? std::string()
                                                 : " (line " + std::to_string(st.error_line) + ": " + st.first_error + ")"));
  }
  if (st.external_refused)
    diag.warn("resource-refused", area + ": " + std::to_string(st.external_refused) +
                                      " reference(s) to external entities (first: &" + st.external_name +
                                      ";) were not read: galley never loads external entities");
  return XmlDoc(doc);
}

std::string_view name_of(const xmlNode* n) {
  return n && n->name ? std::string_view(reinterpret_cast<const char*>(n->name)) : std::string_view();
}
bool is_el(const xmlNode* n) { return n && n->type == XML_ELEMENT_NODE; }
bool is_el(const xmlNode* n, std::string_view name) { return is_el(n) && name_of(n) == name; }

std::string attr(const xmlNode* n, const char* name) {
  if (!is_el(n)) return {};
  for (const xmlAttr* a = n->properties; a; a = a->next) {
    if (a->ns || !a->name || std::strcmp(reinterpret_cast<const char*>(a->name), name) != 0) continue;
    // Nearly every value is one text node: read it in place (no libxml2 copy to free).
    if (!a->children) return {};
    if (a->children->type == XML_TEXT_NODE && !a->children->next)
      return a->children->content ? std::string(reinterpret_cast<const char*>(a->children->content)) : std::string();
    xmlChar* v = xmlNodeListGetString(n->doc, a->children, 1);
    std::string s = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return s;
  }
  return {};
}

std::string ns_attr(const xmlNode* n, const char* name, const char* ns) {
  if (!is_el(n)) return {};
  xmlChar* v = xmlGetNsProp(n, BAD_CAST name, BAD_CAST ns);
  std::string s = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return s;
}

std::string xml_lang(const xmlNode* n) { return ns_attr(n, "lang", reinterpret_cast<const char*>(XML_XML_NAMESPACE)); }

const xmlNode* first(const xmlNode* n, std::string_view name) {
  if (!n) return nullptr;
  for (const xmlNode* c = n->children; c; c = c->next)
    if (is_el(c, name)) return c;
  return nullptr;
}

std::vector<const xmlNode*> all(const xmlNode* n, std::string_view name) {
  std::vector<const xmlNode*> out;
  if (!n) return out;
  for (const xmlNode* c = n->children; c; c = c->next)
    if (is_el(c, name)) out.push_back(c);
  return out;
}

}  // namespace galley::detail::dom
