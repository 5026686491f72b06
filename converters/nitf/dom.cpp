// The NITF/NewsML readers' own text helpers (the parse and lookups are the core's).
#include "nitf/dom.hpp"

#include <libxml/entities.h>

#include "galley/whitespace.hpp"

namespace galley::nitf {
namespace {

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
