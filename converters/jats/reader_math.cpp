// Formulas: <inline-formula>/<disp-formula> with <tex-math> and/or <mml:math> into
// docs/MATH.md's representation: a bare Math for TeX only; with MathML, the
// galley-math Span carrying the MathML (namespaced, no prefix) around a Math whose
// text is the TeX (tex-math, else a TeX annotation) or, with neither, a linear
// reading of the MathML (class galley-math-linear).
//
// This builds the Span itself because galley::formula_inline (galley/math.hpp) is
// declared but not implemented yet; when it is, formula() should call it (it also
// sanitises the MathML). Writers sanitise the attribute again in any case.
#include <string>
#include <string_view>

#include "galley/math.hpp"
#include "galley/whitespace.hpp"
#include "jats/reader.hpp"

namespace galley::jats::in {
namespace {

// A tex-math element may hold a whole LaTeX document (SciELO) or delimiters.
std::string bare_tex(std::string s) {
  std::size_t b = s.find("\\begin{document}");
  if (b != std::string::npos) {
    s = s.substr(b + 16);
    std::size_t e = s.find("\\end{document}");
    if (e != std::string::npos) s.resize(e);
  }
  std::string t(collapse_whitespace(s));
  auto strip = [&](std::string_view open, std::string_view close) {
    if (t.size() >= open.size() + close.size() && t.compare(0, open.size(), open) == 0 &&
        t.compare(t.size() - close.size(), close.size(), close) == 0) {
      t = collapse_whitespace(t.substr(open.size(), t.size() - open.size() - close.size()));
      return true;
    }
    return false;
  };
  strip("$$", "$$") || strip("\\[", "\\]") || strip("\\(", "\\)") || strip("$", "$") ||
      strip("\\begin{equation}", "\\end{equation}") || strip("\\begin{equation*}", "\\end{equation*}");
  return t;
}

void linear(const xmlNode* n, std::string& out, int depth);

void linear_children(const xmlNode* n, std::string& out, int depth) {
  for (const xmlNode* c = n->children; c; c = c->next) linear(c, out, depth + 1);
}

// The k-th element child.
const xmlNode* nth(const xmlNode* n, int k) {
  for (const xmlNode* c = n->children; c; c = c->next)
    if (is_el(c) && k-- == 0) return c;
  return nullptr;
}

void group(const xmlNode* n, std::string& out, int depth) {
  if (!n) return;
  std::string inner;
  linear(n, inner, depth + 1);
  inner = collapse_whitespace(inner);
  if (inner.find(' ') != std::string::npos || (inner.size() > 1 && (is_el(n, "mrow") || is_el(n, "mfrac"))))
    out += "(" + inner + ")";
  else out += inner;
}

void linear(const xmlNode* n, std::string& out, int depth) {
  if (!n || depth > 200) return;
  if (n->type == XML_TEXT_NODE) {
    if (n->content) out += reinterpret_cast<const char*>(n->content);
    return;
  }
  if (n->type == XML_ENTITY_REF_NODE) {
    for (const xmlNode* c = entity_children(n); c; c = c->next) linear(c, out, depth + 1);
    return;
  }
  if (!is_el(n)) return;
  std::string_view name = name_of(n);
  if (name == "annotation" || name == "annotation-xml") return;
  if (name == "semantics") return linear(nth(n, 0), out, depth + 1);
  if (name == "msub" || name == "msup" || name == "msubsup" || name == "munder" || name == "mover" ||
      name == "munderover") {
    group(nth(n, 0), out, depth);
    bool sub_first = name == "msub" || name == "msubsup" || name == "munder" || name == "munderover";
    bool two = name == "msubsup" || name == "munderover";
    out += sub_first ? "_" : "^";
    group(nth(n, 1), out, depth);
    if (two) {
      out += "^";
      group(nth(n, 2), out, depth);
    }
    return;
  }
  if (name == "mfrac") {
    group(nth(n, 0), out, depth);
    out += "/";
    group(nth(n, 1), out, depth);
    return;
  }
  if (name == "msqrt") {
    out += "sqrt(";
    linear_children(n, out, depth);
    out += ")";
    return;
  }
  if (name == "mroot") {
    out += "root(";
    group(nth(n, 1), out, depth);
    out += ", ";
    group(nth(n, 0), out, depth);
    out += ")";
    return;
  }
  if (name == "mo" || name == "mtext" || name == "mtd") {
    out += ' ';
    linear_children(n, out, depth);
    out += ' ';
    return;
  }
  if (name == "mtr" || name == "mlabeledtr") {
    linear_children(n, out, depth);
    out += "; ";
    return;
  }
  linear_children(n, out, depth);
}

const xmlNode* find_child(const xmlNode* n, std::string_view name) {
  if (!n) return nullptr;
  if (const xmlNode* c = first(n, name)) return c;
  if (const xmlNode* alt = first(n, "alternatives")) return first(alt, name);
  return nullptr;
}

std::string tex_annotation(const xmlNode* math) {
  const xmlNode* sem = first(math, "semantics");
  for (const xmlNode* a : all(sem, "annotation")) {
    std::string enc = attr(a, "encoding");
    if (enc.find("tex") != std::string::npos || enc.find("TeX") != std::string::npos) return text(a);
  }
  return {};
}

}  // namespace

Inline formula(Reading& r, const xmlNode* n, MathType type) {
  const xmlNode* tex_el = is_el(n, "tex-math") ? n : find_child(n, "tex-math");
  const xmlNode* math = is_el(n, "math") ? n : find_child(n, "math");
  std::string tex = tex_el ? bare_tex(raw_text(tex_el)) : std::string();
  if (!math) {
    if (tex.empty()) {
      // A formula given as an image or as plain text: its text (an image through read_inline).
      Inlines t;
      for (const xmlNode* c = n->children; c; c = c->next)
        if (!is_el(c, "label")) read_inline(r, c, t);
      tidy(t);
      return Span{Attr{{}, {"formula"}, {}}, std::move(t)};
    }
    return Math{type, std::move(tex)};
  }
  bool linear_text = false;
  if (tex.empty()) tex = tex_annotation(math);
  if (tex.empty()) {
    linear(math, tex, 0);
    tex = collapse_whitespace(tex);
    linear_text = true;
  }
  Attr a;
  a.classes.emplace_back(kMathSpanClass);
  if (linear_text) a.classes.emplace_back(kMathLinearClass);
  a.attributes.emplace_back(std::string(kMathMLAttribute), serialise(math));
  return Span{std::move(a), Inlines{Math{type, std::move(tex)}}};
}

}  // namespace galley::jats::in
