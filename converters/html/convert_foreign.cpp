// The html reader's DOM -> AST converter (converter.hpp): MathML and inline SVG,
// "foreign content" that the core's one sanitiser (galley/foreign_markup.hpp) judges.
#include <libxml/tree.h>

#include "galley/foreign_markup.hpp"
#include "galley/math.hpp"
#include "html/converter.hpp"

namespace galley::html::conv {
namespace {

// The subtree as markup for the sanitiser (XML syntax: every element closed).
std::string dump(xmlNode* n) {
  xmlBufferPtr buf = xmlBufferCreate();
  xmlNodeDump(buf, n->doc, n, 0, 0);
  std::string out(reinterpret_cast<const char*>(xmlBufferContent(buf)), static_cast<std::size_t>(xmlBufferLength(buf)));
  xmlBufferFree(buf);
  return out;
}

}  // namespace

void Converter::math(xmlNode* n, Run& run) {
  bool display = attr_or(n, "display") == "block" || attr_or(n, "mode") == "display";
  Inline f = formula_inline(display ? MathType::DisplayMath : MathType::InlineMath, {}, dump(n));
  if (auto* m = f.as<Math>(); m && m->text.empty()) {
    // Nothing the sanitiser could keep and no TeX: the text is all there is.
    std::string text = clean_text(text_of(n));
    if (!text.empty()) run.push(Str{std::move(text)});
    return;
  }
  run.push(std::move(f));
}

bool Converter::math_fallback_image(xmlNode* img) {
  if (!contains_word_ci(attr_or(img, "class"), "math-fallback")) return false;
  xmlNode* parent = img->parent;
  return parent && parent->type == XML_ELEMENT_NODE && find_first(parent, "math") != nullptr;
}

bool Converter::hidden_math_wrapper(xmlNode* n) {
  std::string style;
  for (char c : attr_or(n, "style"))
    if (c != ' ' && c != '\t') style += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (style.find("display:none") == std::string::npos) return false;
  for (xmlNode* c = n->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE) return is(c, "math");
  return false;
}

void Converter::svg(xmlNode* n, Run& run) {
  if (in_note_ < 0) return;
  if (attr_or(n, "aria-hidden") == "true") return;  // an icon beside its text
  ForeignRemoved removed;
  auto clean = sanitize_svg_markup(dump(n), &removed);
  if (!clean) return;
  dropped_.raw += removed.elements + removed.attributes;
  run.push(RawInline{"html", std::move(*clean)});
}

}  // namespace galley::html::conv
