// Formulas in the document model (galley/math.hpp, docs/MATH.md): building and
// reading the one representation, MathML -> text, the TeX annotation.
#include "galley/math.hpp"

#include <algorithm>
#include <cctype>

#include "galley/detail/xml.hpp"
#include "galley/foreign_markup.hpp"
#include "galley/text.hpp"
#include "galley/whitespace.hpp"
#include "markup_tree.hpp"

namespace galley {
namespace {

using detail::MarkupNode;
using detail::markup_local_name;

bool is_token(std::string_view local) { return local == "mi" || local == "mn" || local == "mo" || local == "mtext" || local == "ms"; }

// Operators read with space around them ("a = b", not "a=b").
bool spaced_operator(std::string_view op) {
  static constexpr std::string_view kOps[] = {"=", "+", "\xe2\x88\x92", "-", "<", ">", "\xe2\x89\xa4", "\xe2\x89\xa5",
                                              "\xe2\x89\xa0", "\xc3\x97", "\xc2\xb1", "\xe2\x86\x92", "\xe2\x88\x88",
                                              "\xe2\x89\x88", "\xe2\x89\xa1", "\xe2\x87\x92", "\xe2\x87\x94",
                                              "\xe2\x88\x9d", "\xe2\x88\xbc", "\xe2\x8b\x85"};
  return std::find(std::begin(kOps), std::end(kOps), op) != std::end(kOps);
}

// The MathML elements that are only markup (mrow) with one child: that child.
const MarkupNode* unwrap(const MarkupNode* n) {
  while (n->element) {
    std::string l = markup_local_name(n->name);
    if (l != "mrow" && l != "mstyle" && l != "semantics" && l != "mpadded") break;
    const MarkupNode* only = nullptr;
    int elements = 0;
    for (auto& c : n->children)
      if (c.element) {
        ++elements;
        only = &c;
      }
    if (elements != 1) break;
    n = only;
  }
  return n;
}

class Linear {
 public:
  std::string run(const std::vector<MarkupNode>& top) {
    for (auto& n : top) node(n, out_);
    return collapse_whitespace(out_);
  }

 private:
  // A script or fraction part: bare when it is one token, else in parentheses.
  void part(const MarkupNode& n, std::string& out) {
    std::string s;
    node(n, s);
    s = collapse_whitespace(s);
    const MarkupNode* u = unwrap(&n);
    bool single = !u->element || is_token(markup_local_name(u->name));
    if (single && s.find(' ') == std::string::npos) out += s;
    else out += "(" + s + ")";
  }

  void node(const MarkupNode& n, std::string& out) {
    if (!n.element) {
      // Text outside token elements is white space in MathML; inside tokens it is read.
      return;
    }
    std::string l = markup_local_name(n.name);
    std::vector<const MarkupNode*> kids;
    for (auto& c : n.children)
      if (c.element) kids.push_back(&c);
    if (is_token(l)) {
      std::string t;
      detail::append_markup_text(n, t);
      t = collapse_whitespace(t);
      // Invisible times, function application and separators are not read.
      for (std::string_view inv : {"\xe2\x81\xa1", "\xe2\x81\xa2", "\xe2\x81\xa3", "\xe2\x81\xa4"})
        for (std::size_t p; (p = t.find(inv)) != std::string::npos;) t.erase(p, inv.size());
      if (l == "mo" && spaced_operator(t)) out += " " + t + " ";
      else if (l == "mtext") out += " " + t + " ";
      else if (l == "ms") out += "\"" + t + "\"";
      else out += t;
      return;
    }
    if (l == "annotation" || l == "annotation-xml") return;
    if (l == "mspace") {
      out += ' ';
      return;
    }
    if (l == "semantics") {
      if (!kids.empty()) node(*kids[0], out);
      return;
    }
    if ((l == "msup" || l == "msub" || l == "mover" || l == "munder") && kids.size() >= 2) {
      node(*kids[0], out);
      bool accent = l == "mover" || l == "munder";
      if (accent && is_token(markup_local_name(unwrap(kids[1])->name))) {
        std::string a;
        detail::append_markup_text(*kids[1], a);
        // Accents (hat, bar, arrow) read as nothing more than the base.
        if (a.size() <= 3 && !a.empty() && static_cast<unsigned char>(a[0]) >= 0x80) return;
      }
      out += (l == "msup" || l == "mover") ? "^" : "_";
      part(*kids[1], out);
      return;
    }
    if ((l == "msubsup" || l == "munderover") && kids.size() >= 3) {
      node(*kids[0], out);
      out += "_";
      part(*kids[1], out);
      out += "^";
      part(*kids[2], out);
      return;
    }
    if (l == "mfrac" && kids.size() >= 2) {
      part(*kids[0], out);
      out += "/";
      part(*kids[1], out);
      return;
    }
    if (l == "msqrt") {
      out += "\xe2\x88\x9a(";
      for (auto* k : kids) node(*k, out);
      out += ")";
      return;
    }
    if (l == "mroot" && kids.size() >= 2) {
      out += "root(";
      node(*kids[1], out);
      out += ")(";
      node(*kids[0], out);
      out += ")";
      return;
    }
    if (l == "mtable") {
      out += " [";
      bool first_row = true;
      for (auto* row : kids) {
        if (!first_row) out += "; ";
        first_row = false;
        bool first_cell = true;
        for (auto& cell : row->children) {
          if (!cell.element) continue;
          if (!first_cell) out += ", ";
          first_cell = false;
          node(cell, out);
        }
      }
      out += "] ";
      return;
    }
    if (l == "mfenced") {
      std::string open = "(", close = ")";
      for (auto& [k, v] : n.attributes) {
        if (k == "open") open = v;
        if (k == "close") close = v;
      }
      out += open;
      bool first = true;
      for (auto* k : kids) {
        if (!first) out += ", ";
        first = false;
        node(*k, out);
      }
      out += close;
      return;
    }
    for (auto* k : kids) node(*k, out);
  }

  std::string out_;
};

// Is `s` one brace group "{...}" whose braces match each other?
bool one_group(std::string_view s) {
  if (s.size() < 2 || s.front() != '{' || s.back() != '}') return false;
  int depth = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
      continue;
    }
    if (s[i] == '{') ++depth;
    else if (s[i] == '}' && --depth == 0 && i + 1 != s.size()) return false;
  }
  return depth == 0;
}

// Insert `name="value"` into the root start tag unless it has the attribute already.
void set_root_attribute(std::string& xml, std::string_view name, std::string_view value) {
  std::size_t end = xml.find('>');
  if (end == std::string::npos) return;
  if (end > 0 && xml[end - 1] == '/') --end;
  std::string probe = " " + std::string(name) + "=\"";
  if (xml.substr(0, end).find(probe) != std::string::npos) return;
  std::string attr = probe;
  detail::append_escaped(attr, value, true);
  attr += '"';
  xml.insert(end, attr);
}

}  // namespace

std::string mathml_to_text(std::string_view mathml) { return Linear().run(detail::parse_markup(mathml)); }

std::optional<std::string> mathml_tex_annotation(std::string_view mathml) {
  auto top = detail::parse_markup(mathml);
  std::vector<const MarkupNode*> todo;
  for (auto& n : top) todo.push_back(&n);
  while (!todo.empty()) {
    const MarkupNode* n = todo.back();
    todo.pop_back();
    if (!n->element) continue;
    if (markup_local_name(n->name) == "annotation") {
      for (auto& [k, v] : n->attributes) {
        std::string enc = markup_local_name(v);  // lower-cased
        if (markup_local_name(k) == "encoding" && enc.find("tex") != std::string::npos) {
          std::string t;
          detail::append_markup_text(*n, t);
          std::string_view tv = trim(t);
          // Wikipedia wraps its TeX in {\displaystyle ...}: the wrapper is style, not the formula.
          for (std::string_view w : {"{\\displaystyle", "{\\textstyle"})
            if (tv.starts_with(w) && one_group(tv) && tv.size() > w.size() &&
                !std::isalpha(static_cast<unsigned char>(tv[w.size()])))
              tv = trim(tv.substr(w.size(), tv.size() - w.size() - 1));
          if (tv.empty()) return std::nullopt;
          return std::string(tv);
        }
      }
    }
    for (auto it = n->children.rbegin(); it != n->children.rend(); ++it) todo.push_back(&*it);
  }
  return std::nullopt;
}

Inline formula_inline(MathType type, std::string tex, std::string_view mathml) {
  std::optional<std::string> clean;
  if (!mathml.empty()) clean = sanitize_mathml(mathml);
  if (!clean) return Math{type, std::move(tex)};
  if (tex.empty())
    if (auto a = mathml_tex_annotation(*clean)) tex = *a;
  Span s;
  s.attr.classes.emplace_back(kMathSpanClass);
  if (tex.empty()) {
    s.attr.classes.emplace_back(kMathLinearClass);
    tex = mathml_to_text(*clean);
  }
  s.attr.attributes.emplace_back(std::string(kMathMLAttribute), std::move(*clean));
  s.content.push_back(Math{type, std::move(tex)});
  return s;
}

std::optional<Formula> formula_of(const Inline& in) {
  if (auto* m = in.as<Math>()) return Formula{m->type, m->text, {}};
  if (auto* s = in.as<Span>()) return formula_of(*s);
  return std::nullopt;
}

std::optional<Formula> formula_of(const Span& span) {
  const Span* s = &span;
  if (!s->attr.has_class(kMathSpanClass) || s->content.size() != 1) return std::nullopt;
  auto* m = s->content.front().as<Math>();
  if (!m) return std::nullopt;
  Formula f{m->type, s->attr.has_class(kMathLinearClass) ? std::string() : m->text, {}};
  for (auto& [k, v] : s->attr.attributes)
    if (k == kMathMLAttribute) f.mathml = v;
  if (f.mathml.empty() && f.tex.empty()) f.tex = m->text;  // a linear text with no MathML is all there is
  return f;
}

std::string formula_text(const Formula& f) { return f.tex.empty() ? mathml_to_text(f.mathml) : f.tex; }

std::string formula_reading(const Formula& f) {
  if (!f.mathml.empty()) return mathml_to_text(f.mathml);
  bool complete = true;
  std::string xml = tex_to_mathml(f.tex, f.type, &complete);
  return complete ? mathml_to_text(xml) : f.tex;
}

std::string formula_mathml(const Formula& f) {
  std::string xml;
  if (!f.mathml.empty())
    if (auto clean = sanitize_mathml(f.mathml)) xml = std::move(*clean);
  if (xml.empty()) xml = tex_to_mathml(f.tex, f.type);
  if (f.display()) set_root_attribute(xml, "display", "block");
  std::string alt = formula_text(f);
  if (!alt.empty()) set_root_attribute(xml, "alttext", alt);
  return xml;
}

}  // namespace galley
