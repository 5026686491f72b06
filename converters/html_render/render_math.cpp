// HtmlRenderer::Impl: formulas as MathML and raw MathML/SVG fragments, both through
// the one foreign-markup sanitiser (galley/foreign_markup.hpp, docs/MATH.md).
#include "galley/foreign_markup.hpp"
#include "galley/math.hpp"

#include "html_render/render_impl.hpp"

namespace galley::detail {

void HtmlRenderer::Impl::formula(std::string& out, const Formula& f) {
  // MathML in its own namespace: XHTML (EPUB) needs the xmlns, HTML5 allows it.
  // alttext carries the TeX (or the linear text) for reading systems without MathML.
  if (r.opt_.formulas_as_text) esc(out, formula_text(f));
  else out += formula_mathml(f);
}

void HtmlRenderer::Impl::inl(std::string& out, const Math& v) { formula(out, Formula{v.type, v.text, {}}); }

bool HtmlRenderer::Impl::foreign_raw(std::string& out, const std::string& text, bool block) {
  bool math = is_mathml_fragment(text);
  if (!math && !is_svg_fragment(text)) return false;
  ForeignRemoved removed;
  auto clean = math ? sanitize_mathml(text, &removed) : sanitize_svg_markup(text, &removed);
  if (!clean) return false;  // more than one element: the raw-HTML path judges it
  if (removed.elements + removed.attributes)
    warn("unsafe-content", std::string(math ? "MathML" : "SVG") + ": " +
                               std::to_string(removed.elements + removed.attributes) +
                               " unsafe or unknown element(s)/attribute(s) removed");
  out += *clean;
  if (block) out += '\n';
  return true;
}

}  // namespace galley::detail
