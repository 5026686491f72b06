// Formulas in the document model (docs/MATH.md): one representation that keeps
// what the source had, TeX and/or MathML, and the format-free helpers readers
// and writers share: TeX -> MathML, MathML -> text, the TeX annotation.
//
//   TeX only (pandoc's own form)   Math t "tex"
//   MathML (with or without TeX)   Span ("", ["galley-math"], [("mathml", "<math xmlns=...>...</math>")])
//                                       [Math t "tex or linear text"]
//   MathML and no TeX known         the Span also has class "galley-math-linear": the Math's text
//                                   is a linear reading of the MathML, not TeX.
//
// pandoc reads the Span and its Math unchanged; galley's writers read both
// forms through formula_of(). The MathML in the attribute is always the output
// of sanitize_mathml (galley/foreign_markup.hpp); writers sanitise it again,
// since they may be given any document.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "galley/ast.hpp"

namespace galley {

inline constexpr std::string_view kMathMLNamespace = "http://www.w3.org/1998/Math/MathML";
inline constexpr std::string_view kMathSpanClass = "galley-math";
inline constexpr std::string_view kMathLinearClass = "galley-math-linear";
inline constexpr std::string_view kMathMLAttribute = "mathml";

// A formula as writers need it.
struct Formula {
  MathType type = MathType::InlineMath;
  std::string tex;     // the TeX source; "" when the source had none
  std::string mathml;  // sanitised, namespaced <math> element; "" when only TeX is known
  bool display() const { return type == MathType::DisplayMath; }
};

// The inline that holds a formula: a bare Math when `mathml` is empty (or
// nothing is left of it after sanitising), else the galley-math Span around a
// Math. `mathml` is sanitised here; without `tex` the Math gets the MathML's
// linear text and the Span the galley-math-linear class. When the MathML has
// a TeX annotation and `tex` is empty, the annotation is the TeX.
Inline formula_inline(MathType type, std::string tex, std::string_view mathml);

// The formula an inline holds: a galley-math Span around one Math, or a bare
// Math; nullopt for anything else.
std::optional<Formula> formula_of(const Inline& in);
std::optional<Formula> formula_of(const Span& s);

// The MathML to write for a formula: its own (sanitised again) or the TeX
// converted; display="block" for display math; alttext set (TeX when known,
// else the linear text) for reading systems. Never empty.
std::string formula_mathml(const Formula& f);

// A linear text for a formula: the TeX when known, else the MathML's text (alttext).
std::string formula_text(const Formula& f);

// The formula as plain text reads it: the MathML's text ("α + ω × x^2"), from the
// TeX converted when only TeX is known; the TeX itself when it uses commands
// tex_to_mathml does not know.
std::string formula_reading(const Formula& f);

// TeX (the LaTeX math subset articles use: fractions, roots, scripts, Greek,
// operators, matrices and environments, \text, accents, delimiters, fonts) as
// a <math xmlns="http://www.w3.org/1998/Math/MathML"> element. Unknown
// commands become <merror><mtext>\name</mtext></merror> and clear `*complete`.
// Never throws; nesting deeper than a limit is written as text.
std::string tex_to_mathml(std::string_view tex, MathType type, bool* complete = nullptr);

// The text of MathML in reading order, tokens separated where a reader would
// pause ("E = mc^2"-like: scripts as ^ / _, fractions as (a)/(b), roots as
// sqrt(x)); annotations are not text. Markup is parsed leniently.
std::string mathml_to_text(std::string_view mathml);

// The TeX annotation of MathML (<annotation encoding="application/x-tex">,
// any encoding naming tex), trimmed; nullopt when there is none.
std::optional<std::string> mathml_tex_annotation(std::string_view mathml);

}  // namespace galley
