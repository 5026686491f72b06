#include "nitf/dom.hpp"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <climits>

#include "galley/error.hpp"
#include "galley/whitespace.hpp"

namespace galley::nitf {
namespace {

struct FirstError {
  std::string message;
  int line = 0;
};

void on_error(void* ctx, const xmlError* e) {
  auto* first = static_cast<FirstError*>(ctx);
  if (!e || e->level < XML_ERR_ERROR || !first->message.empty()) return;
  first->message = e->message ? e->message : "error";
  while (!first->message.empty() && (first->message.back() == '\n' || first->message.back() == ' '))
    first->message.pop_back();
  first->line = e->line;
}


void append_text(const xmlNode* n, std::string& out, int depth) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content) out += reinterpret_cast<const char*>(c->content);
    } else if (c->type == XML_ELEMENT_NODE) {
      if (depth < 1000) append_text(c, out, depth + 1);
    } else if (c->type == XML_ENTITY_REF_NODE) {
      // Only entities the document declares internally have text; without
      // XML_PARSE_NOENT libxml2 keeps the reference (no external entity is loaded).
      xmlEntity* e = xmlGetDocEntity(c->doc, c->name);
      if (e && e->etype == XML_INTERNAL_GENERAL_ENTITY && e->content)
        out += reinterpret_cast<const char*>(e->content);
    }
  }
}

}  // namespace

XmlDocPtr parse_xml(std::string_view input, const ReaderOptions& options, Diagnostics& diag, const char* area) {
  if (input.size() > options.limits.max_input_bytes || input.size() > static_cast<std::size_t>(INT_MAX))
    throw InputError(std::string("galley.") + area + ".too-large",
                     "input of " + std::to_string(input.size()) + " bytes is larger than the input limit");
  FirstError first;
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (!ctxt) throw InputError(std::string("galley.") + area + ".parser", "cannot create the XML parser");
  xmlSetStructuredErrorFunc(&first, reinterpret_cast<xmlStructuredErrorFunc>(on_error));
  // No XML_PARSE_NOENT and no DTDLOAD: an external entity or DTD is never fetched.
  int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE | XML_PARSE_NOCDATA;
  xmlDoc* doc = xmlCtxtReadMemory(ctxt, input.data(), static_cast<int>(input.size()),
                                  options.input_name.empty() ? nullptr : options.input_name.c_str(), nullptr, opts);
  bool well_formed = ctxt->wellFormed;
  xmlSetStructuredErrorFunc(nullptr, nullptr);
  xmlFreeParserCtxt(ctxt);
  if (!doc || !well_formed) {
    if (doc) xmlFreeDoc(doc);
    throw InputError(std::string("galley.") + area + ".parse",
                     "the input is not well-formed XML" +
                         (first.message.empty() ? std::string()
                                                : " (line " + std::to_string(first.line) + ": " + first.message + ")"));
  }
  (void)diag;
  return XmlDocPtr(doc);
}

std::string_view local_name(const xmlNode* n) {
  return n && n->name ? std::string_view(reinterpret_cast<const char*>(n->name)) : std::string_view();
}
bool is_element(const xmlNode* n) { return n && n->type == XML_ELEMENT_NODE; }
bool is(const xmlNode* n, std::string_view name) { return is_element(n) && local_name(n) == name; }

std::string attr(const xmlNode* n, const char* name) {
  if (!is_element(n)) return {};
  for (const xmlAttr* a = n->properties; a; a = a->next) {
    if (a->ns || !a->name || std::string_view(reinterpret_cast<const char*>(a->name)) != name) continue;
    xmlChar* v = xmlNodeListGetString(n->doc, a->children, 1);
    std::string s = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return s;
  }
  return {};
}

std::string lang_attr(const xmlNode* n) {
  if (!is_element(n)) return {};
  xmlChar* v = xmlGetNsProp(n, BAD_CAST "lang", XML_XML_NAMESPACE);
  std::string s = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return s;
}

const xmlNode* child(const xmlNode* n, std::string_view name) {
  if (!n) return nullptr;
  for (const xmlNode* c = n->children; c; c = c->next)
    if (is(c, name)) return c;
  return nullptr;
}

std::vector<const xmlNode*> children(const xmlNode* n, std::string_view name) {
  std::vector<const xmlNode*> out;
  if (!n) return out;
  for (const xmlNode* c = n->children; c; c = c->next)
    if (is(c, name)) out.push_back(c);
  return out;
}

std::string text_of(const xmlNode* n) {
  std::string out;
  if (n) append_text(n, out, 0);
  return out;
}

std::string collapse(std::string_view s) { return collapse_whitespace(s); }

std::string normalise_date(std::string_view raw) {
  std::string s = collapse(raw);
  auto digits = [&](std::size_t at, std::size_t n) {
    if (at + n > s.size()) return false;
    for (std::size_t i = at; i < at + n; ++i)
      if (s[i] < '0' || s[i] > '9') return false;
    return true;
  };
  std::string out;
  std::size_t i = 0;
  if (!digits(0, 4)) return {};
  out = s.substr(0, 4);
  i = 4;
  bool basic = digits(4, 4) && (s.size() == 8 || s[8] == 'T');
  // date part
  if (basic) {
    out += '-' + s.substr(4, 2) + '-' + s.substr(6, 2);
    i = 8;
  } else {
    for (int part = 0; part < 2 && i < s.size() && s[i] == '-' && digits(i + 1, 2); ++part) {
      out += s.substr(i, 3);
      i += 3;
    }
  }
  if (i < s.size() && (s[i] == 'T' || s[i] == ' ') && digits(i + 1, 2)) {
    std::size_t j = i + 1;
    std::string time = s.substr(j, 2);
    j += 2;
    for (int part = 0; part < 2; ++part) {
      if (j < s.size() && s[j] == ':' && digits(j + 1, 2)) time += s.substr(j, 3), j += 3;
      else if (digits(j, 2)) time += ':' + s.substr(j, 2), j += 2;
      else break;
    }
    if (j < s.size() && s[j] == '.')  // fractions of a second are dropped
      for (++j; j < s.size() && s[j] >= '0' && s[j] <= '9'; ++j) {}
    out += 'T' + time;
    if (j < s.size() && s[j] == 'Z') out += 'Z', ++j;
    else if (j < s.size() && (s[j] == '+' || s[j] == '-') && digits(j + 1, 2)) {
      std::string zone = s.substr(j, 3);
      std::size_t k = j + 3;
      if (k < s.size() && s[k] == ':' && digits(k + 1, 2)) zone += s.substr(k, 3), k += 3;
      else if (digits(k, 2)) zone += ':' + s.substr(k, 2), k += 2;
      else zone += ":00";
      out += zone;
      j = k;
    }
    i = j;
  }
  if (i != s.size()) return {};
  return out;
}

}  // namespace galley::nitf
