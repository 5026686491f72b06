// TeX -> MathML, the commands (src/tex_parser.hpp): fractions, roots, delimiters,
// text and fonts, accents, spaces, symbols from the tables of tex_symbols.cpp, and
// the environments (matrices, cases, arrays, alignments) as <mtable>.
#include <string>
#include <vector>

#include "galley/text.hpp"
#include "tex_parser.hpp"

namespace galley::detail::tex {

Item TexParser::command(const std::string& n) {
  // Fractions and binomials.
  if (n == "frac" || n == "dfrac" || n == "tfrac" || n == "cfrac") {
    std::string a = argument(), b = argument();
    std::string f = "<mfrac>" + a + b + "</mfrac>";
    if (n == "dfrac" || n == "cfrac") f = "<mstyle displaystyle=\"true\">" + f + "</mstyle>";
    if (n == "tfrac") f = "<mstyle displaystyle=\"false\">" + f + "</mstyle>";
    return {f, false};
  }
  if (n == "binom" || n == "dbinom" || n == "tbinom") {
    std::string a = argument(), b = argument();
    return {fenced("(", "<mfrac linethickness=\"0\">" + a + b + "</mfrac>", ")"), false};
  }
  if (n == "sqrt") {
    auto index = optional_argument();
    std::string body = argument();
    if (index) return {"<mroot>" + body + row_or_empty(*index) + "</mroot>", false};
    return {"<msqrt>" + body + "</msqrt>", false};
  }
  // Delimiters.
  if (n == "left") {
    std::string open = delimiter();
    auto items = expr(false);
    std::string close;
    if (peek().t == T::Cmd && peek().s == "right") {
      next();
      close = delimiter();
    }
    std::string inner;
    for (auto& i : items) inner += i.xml;
    return {fenced(open, inner, close), false};
  }
  if (n == "middle") return {token("mo", delimiter(), " stretchy=\"true\""), false};
  if (auto size = big_size(n); !size.empty()) {
    std::string d = delimiter();
    if (d.empty()) return {};
    std::string attrs = " minsize=\"" + std::string(size) + "\" maxsize=\"" + std::string(size) + "\" stretchy=\"false\"";
    return {token("mo", d, attrs), false};
  }
  if (n == "begin") return {environment(raw_argument()), false};
  // Text and names.
  if (n == "text" || n == "textrm" || n == "textnormal" || n == "mbox" || n == "hbox" || n == "textup" ||
      n == "textit" || n == "textbf" || n == "textsf" || n == "texttt" || n == "emph") {
    TexFont f = n == "text" || n == "mbox" || n == "hbox" || n == "textnormal" || n == "textrm" || n == "textup"
                    ? TexFont::None
                    : tex_font(n);
    return {token("mtext", text_content(raw_argument(), f)), false};
  }
  if (n == "operatorname") {
    bool star = peek_char() == '*';
    if (star) ++i_;
    return {token("mi", text_content(raw_argument(), TexFont::None)), star && display_};
  }
  if (n == "mathop") {
    Item a = atom();
    a.limits = display_;
    return a;
  }
  // Fonts: \mathbf{x} for its argument, \bf to the end of the group.
  if (TexFont f = tex_font(n); f != TexFont::None) {
    if (n == "rm" || n == "bf" || n == "it" || n == "cal" || n == "sf" || n == "tt") {
      font_ = f;
      return {};
    }
    TexFont saved = font_;
    font_ = f;
    Item a = atom();
    font_ = saved;
    return a;
  }
  // Accents, over- and under-sets.
  bool under = false;
  if (auto accent = tex_accent(n, &under); !accent.empty()) {
    std::string base = argument();
    if (under) return {"<munder>" + base + token("mo", accent, " accent=\"true\"") + "</munder>", false};
    return {"<mover>" + base + token("mo", accent, " accent=\"true\"") + "</mover>", false};
  }
  if (n == "overset" || n == "stackrel" || n == "underset") {
    std::string over = argument(), base = argument();
    if (n == "underset") return {"<munder>" + base + over + "</munder>", false};
    return {"<mover>" + base + over + "</mover>", false};
  }
  if (n == "xrightarrow" || n == "xleftarrow") {
    auto below = optional_argument();
    std::string above = argument();
    std::string arrow = token("mo", n == "xrightarrow" ? "→" : "←");
    if (below) return {"<munderover>" + arrow + row_or_empty(*below) + above + "</munderover>", false};
    return {"<mover>" + arrow + above + "</mover>", false};
  }
  if (n == "not") {
    Item a = atom();
    if (a.xml == "<mo>=</mo>") return {token("mo", "≠"), false};
    if (a.xml == "<mo>∈</mo>") return {token("mo", "∉"), false};
    return {"<menclose notation=\"updiagonalstrike\">" + a.xml + "</menclose>", false};
  }
  if (n == "boxed" || n == "fbox") return {"<menclose notation=\"box\">" + argument() + "</menclose>", false};
  if (n == "cancel") return {"<menclose notation=\"updiagonalstrike\">" + argument() + "</menclose>", false};
  if (n == "phantom" || n == "hphantom" || n == "vphantom") return {"<mphantom>" + argument() + "</mphantom>", false};
  if (n == "pmod") return {fenced("(", token("mi", "mod") + space("0.333em") + argument(), ")"), false};
  if (n == "bmod" || n == "mod") return {token("mo", "mod"), false};
  // Spaces and things that only change layout.
  if (auto w = tex_space(n); !w.empty()) return {space(w), false};
  if (n == "hspace" || n == "kern" || n == "mkern" || n == "hskip" || n == "mspace") {
    raw_argument();
    return {space("0.167em"), false};
  }
  if (n == "color") {
    raw_argument();
    return {};
  }
  if (n == "textcolor" || n == "colorbox") {
    raw_argument();
    return atom();
  }
  if (n == "label" || n == "tag" || n == "tag*") {
    raw_argument();
    return {};
  }
  if (n == "displaystyle" || n == "textstyle" || n == "scriptstyle" || n == "scriptscriptstyle" ||
      n == "nonumber" || n == "notag" || n == "hline" || n == "mathstrut" || n == "strut" || n == "nolinebreak" ||
      n == "allowbreak" || n == "limits" || n == "nolimits" || n == "displaylimits" || n == "end")
    return {};
  // Escaped characters.
  if (n == "{") return {token("mo", "{", " stretchy=\"false\" form=\"prefix\""), false};
  if (n == "}") return {token("mo", "}", " stretchy=\"false\" form=\"postfix\""), false};
  if (n == "|") return {token("mo", "∥", " stretchy=\"false\""), false};
  if (n == "#" || n == "%" || n == "$" || n == "_" || n == "&") return {token(n == "&" ? "mo" : "mi", n), false};
  if (auto* sym = tex_symbol(n)) return symbol(*sym);
  return unknown(n);
}

Item TexParser::symbol(const TexSymbol& sym) {
  std::string text(sym.text);
  if (font_ == TexFont::Bold || font_ == TexFont::BoldItalic) {
    std::size_t i = 0;
    char32_t cp = next_codepoint(text, i);
    if (i == text.size()) {
      char32_t m = tex_font_char(font_, cp);
      if (m != cp) {
        text.clear();
        append_utf8(text, m);
        return {token("mi", text), false};
      }
    }
  }
  switch (sym.kind) {
    case TexSymbolKind::Operator: return {token("mo", text), false};
    case TexSymbolKind::Delimiter: return {token("mo", text, " stretchy=\"false\""), false};
    case TexSymbolKind::Identifier: return {token("mi", text), false};
    case TexSymbolKind::Upright: return {token("mi", text, " mathvariant=\"normal\""), false};
    case TexSymbolKind::BigOperator: return {token("mo", text), display_};
    case TexSymbolKind::Integral: return {token("mo", text), false};
    case TexSymbolKind::Function: return {token("mi", text), false};
    case TexSymbolKind::LimitFunction: return {token("mi", text), display_};
  }
  return {};
}

std::string_view TexParser::big_size(std::string_view n) {
  for (std::string_view suffix : {"l", "r", "m", ""}) {
    if (!n.ends_with(suffix)) continue;
    std::string_view stem = n.substr(0, n.size() - suffix.size());
    if (stem == "big") return "1.2";
    if (stem == "Big") return "1.623";
    if (stem == "bigg") return "2.047";
    if (stem == "Bigg") return "2.470";
  }
  return {};
}

// \begin{name} ... \end{name}: matrices, cases, arrays and alignments as <mtable>.
std::string TexParser::environment(const std::string& env) {
  std::string open, close, align;
  if (env == "pmatrix") open = "(", close = ")";
  else if (env == "bmatrix") open = "[", close = "]";
  else if (env == "Bmatrix") open = "{", close = "}";
  else if (env == "vmatrix") open = "|", close = "|";
  else if (env == "Vmatrix") open = "∥", close = "∥";
  else if (env == "cases" || env == "dcases") open = "{", align = "left";
  else if (env == "rcases") close = "}", align = "left";
  bool alternate = env == "aligned" || env == "align" || env == "align*" || env == "split" || env == "alignat" ||
                   env == "alignat*" || env == "alignedat" || env == "eqnarray" || env == "eqnarray*" ||
                   env == "flalign" || env == "flalign*";
  if (env == "array" || env == "subarray" || env == "alignat" || env == "alignat*" || env == "alignedat")
    raw_argument();  // the column specification or the column count
  bool known = !open.empty() || !close.empty() || alternate || env == "matrix" || env == "smallmatrix" ||
               env == "array" || env == "subarray" || env == "gathered" || env == "gather" || env == "gather*" ||
               env == "multline" || env == "multline*" || env == "equation" || env == "equation*" ||
               env == "displaymath" || env == "cases";
  if (!known) complete_ = false;
  std::string table = "<mtable>";
  std::vector<std::string> rows;
  for (;;) {
    std::string r = "<mtr>";
    int col = 0;
    bool empty_row = true;
    for (;;) {
      auto items = expr(false);
      if (!items.empty()) empty_row = false;
      std::string a = align.empty() ? (alternate ? (col % 2 == 0 ? "right" : "left") : "") : align;
      r += a.empty() ? "<mtd>" : "<mtd columnalign=\"" + a + "\">";
      for (auto& i : items) r += i.xml;
      r += "</mtd>";
      ++col;
      if (peek().t == T::Amp) {
        next();
        empty_row = false;
        continue;
      }
      break;
    }
    r += "</mtr>";
    if (!empty_row) rows.push_back(std::move(r));
    if (peek().t == T::Newline) {
      next();
      optional_argument();  // \\[2pt]
      continue;
    }
    if (peek().t == T::Close) {  // a stray } inside the environment: skip it
      next();
      continue;
    }
    break;
  }
  if (peek().t == T::Cmd && peek().s == "end") {
    next();
    raw_argument();
  }
  for (auto& r : rows) table += r;
  table += "</mtable>";
  if (!known) table = "<merror>" + token("mtext", "\\begin{" + env + "}") + "</merror>" + table;
  if (open.empty() && close.empty()) return table;
  return fenced(open, table, close);
}

}  // namespace galley::detail::tex
