// Fuzz the one MathML/SVG sanitiser (galley/foreign_markup.hpp) and the SVG-image
// cleaner for data: and file images (galley/safety.hpp: sanitize_svg). The first
// byte picks MathML or SVG (bit 0) and whether the markup is wrapped in a root of
// that language (bit 1) so that mutations start from a recognised element.
// Checks (abort on violation), for whatever the sanitiser returns:
//   - well-formed, UTF-8 XML; prefixed_elements (JATS's mml:) well-formed too;
//   - nothing executable, judged on the parsed result (libxml2): no script, handler,
//     foreignObject or animation element, no on* attribute, no dangerous URL
//     (is_dangerous_url) in any attribute, no dangerous CSS in style;
//   - idempotent: sanitising the result again gives the same bytes;
//   - the linear reading, the TeX annotation and the SVG title are UTF-8.
#include <libxml/tree.h>

#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "fuzz_common.hpp"
#include "galley/foreign_markup.hpp"
#include "galley/math.hpp"
#include "galley/safety.hpp"

namespace {

void fail(const char* what, const std::string& s) {
  std::fprintf(stderr, "galley fuzz: %s:\n%.*s\n", what, static_cast<int>(s.size() < 4096 ? s.size() : 4096), s.c_str());
  std::abort();
}

std::string lower(const char* s) {
  std::string out(s ? s : "");
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Element and attribute checks on the parsed tree; text content may say anything.
void check_tree(xmlNodePtr n, const std::string& clean) {
  for (; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    std::string name = lower(reinterpret_cast<const char*>(n->name));
    for (const char* bad : {"script", "handler", "listener", "foreignobject", "set", "animate", "animatemotion",
                            "animatetransform", "iframe", "object", "embed", "annotation-xml", "style"})
      if (name == bad) fail("an executable element survived the sanitiser", clean);
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
      std::string an = lower(reinterpret_cast<const char*>(a->name));
      xmlChar* v = xmlNodeGetContent(reinterpret_cast<xmlNodePtr>(a));
      std::string value(v ? reinterpret_cast<const char*>(v) : "");
      xmlFree(v);
      if (an.starts_with("on")) fail("an event attribute survived the sanitiser", clean);
      if (galley::is_dangerous_url(value)) fail("a dangerous URL survived the sanitiser", clean);
      if (an == "style" && galley::is_dangerous_css(value)) fail("dangerous CSS survived the sanitiser", clean);
    }
    check_tree(n->children, clean);
  }
}

void check_clean(const std::string& clean, bool svg) {
  galley_fuzz::require_utf8(clean, "sanitised markup");
  galley_fuzz::require_well_formed(clean, "sanitised markup");
  xmlDocPtr d = xmlReadMemory(clean.data(), static_cast<int>(clean.size()), "fuzz.xml", nullptr,
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
  if (d) {
    check_tree(xmlDocGetRootElement(d), clean);
    xmlFreeDoc(d);
  }
  auto again = svg ? galley::sanitize_svg_markup(clean) : galley::sanitize_mathml(clean);
  if (!again || *again != clean) fail("the sanitiser is not idempotent on", clean);
  std::string jats = "<r xmlns:mml=\"http://www.w3.org/1998/Math/MathML\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">" +
                     galley::prefixed_elements(clean, svg ? "svg" : "mml") + "</r>";
  if (svg) jats.insert(2, " xmlns:svg=\"http://www.w3.org/2000/svg\"");
  galley_fuzz::require_well_formed(jats, "prefixed_elements");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  bool svg = data[0] & 1;
  // UTF-8, as the document model always holds (readers and the JSON reader ensure it).
  std::string markup = galley_fuzz::to_utf8(std::string_view(reinterpret_cast<const char*>(data + 1), size - 1));
  if (data[0] & 2) markup = (svg ? "<svg>" : "<math>") + markup + (svg ? "</svg>" : "</math>");
  if (svg) {
    if (auto clean = galley::sanitize_svg_markup(markup)) check_clean(*clean, true);
    galley_fuzz::require_utf8(galley::svg_title(markup), "svg_title");
    // The image path: whatever it returns must pass its own safety test.
    if (auto img = galley::sanitize_svg(markup); img && galley::svg_is_unsafe(*img))
      fail("sanitize_svg returned unsafe SVG", *img);
  } else {
    if (auto clean = galley::sanitize_mathml(markup)) {
      check_clean(*clean, false);
      galley_fuzz::require_utf8(galley::mathml_to_text(*clean), "mathml_to_text");
      if (auto tex = galley::mathml_tex_annotation(*clean)) galley_fuzz::require_utf8(*tex, "tex annotation");
    }
  }
  return 0;
}
