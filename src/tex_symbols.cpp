// TeX command tables for tex_mathml.cpp (tex_symbols.hpp). Characters follow
// Unicode's mathematical mappings, which is also what pandoc's texmath writes.
#include "tex_symbols.hpp"

#include <algorithm>
#include <iterator>
#include <vector>

namespace galley::detail {
namespace {

using K = TexSymbolKind;

struct Entry {
  std::string_view name;
  TexSymbol sym;
};

constexpr Entry kSymbols[] = {
    {"AA", {K::Identifier, "Å"}},        {"Delta", {K::Upright, "Δ"}},       {"Downarrow", {K::Operator, "⇓"}},
    {"Gamma", {K::Upright, "Γ"}},        {"Im", {K::Identifier, "ℑ"}},       {"Lambda", {K::Upright, "Λ"}},
    {"Leftarrow", {K::Operator, "⇐"}},   {"Leftrightarrow", {K::Operator, "⇔"}}, {"Longleftarrow", {K::Operator, "⟸"}},
    {"Longleftrightarrow", {K::Operator, "⟺"}}, {"Longrightarrow", {K::Operator, "⟹"}}, {"Omega", {K::Upright, "Ω"}},
    {"P", {K::Identifier, "¶"}},         {"Phi", {K::Upright, "Φ"}},         {"Pi", {K::Upright, "Π"}},
    {"Pr", {K::LimitFunction, "Pr"}},    {"Psi", {K::Upright, "Ψ"}},         {"Re", {K::Identifier, "ℜ"}},
    {"Rightarrow", {K::Operator, "⇒"}},  {"S", {K::Identifier, "§"}},        {"Sigma", {K::Upright, "Σ"}},
    {"Theta", {K::Upright, "Θ"}},        {"Uparrow", {K::Operator, "⇑"}},    {"Upsilon", {K::Upright, "Υ"}},
    {"Vert", {K::Delimiter, "∥"}},       {"Xi", {K::Upright, "Ξ"}},          {"aleph", {K::Operator, "ℵ"}},
    {"alpha", {K::Identifier, "α"}},     {"amalg", {K::Operator, "⨿"}},      {"angle", {K::Identifier, "∠"}},
    {"approx", {K::Operator, "≈"}},      {"arccos", {K::Function, "arccos"}}, {"arcsin", {K::Function, "arcsin"}},
    {"arctan", {K::Function, "arctan"}}, {"arg", {K::Function, "arg"}},      {"ast", {K::Operator, "*"}},
    {"asymp", {K::Operator, "≍"}},       {"backslash", {K::Identifier, "\\"}}, {"beta", {K::Identifier, "β"}},
    {"bigcap", {K::BigOperator, "⋂"}},   {"bigcirc", {K::Operator, "◯"}},    {"bigcup", {K::BigOperator, "⋃"}},
    {"bigodot", {K::BigOperator, "⨀"}},  {"bigoplus", {K::BigOperator, "⨁"}}, {"bigotimes", {K::BigOperator, "⨂"}},
    {"bigsqcup", {K::BigOperator, "⨆"}}, {"bigstar", {K::Identifier, "★"}},  {"bigtriangledown", {K::Operator, "▽"}},
    {"bigtriangleup", {K::Operator, "△"}}, {"biguplus", {K::BigOperator, "⨄"}}, {"bigvee", {K::BigOperator, "⋁"}},
    {"bigwedge", {K::BigOperator, "⋀"}}, {"blacksquare", {K::Identifier, "■"}}, {"bot", {K::Identifier, "⊥"}},
    {"bowtie", {K::Operator, "⋈"}},      {"bullet", {K::Operator, "•"}},     {"cap", {K::Operator, "∩"}},
    {"cdot", {K::Operator, "⋅"}},        {"cdots", {K::Identifier, "⋯"}},    {"checkmark", {K::Identifier, "✓"}},
    {"chi", {K::Identifier, "χ"}},       {"circ", {K::Operator, "∘"}},       {"clubsuit", {K::Identifier, "♣"}},
    {"colon", {K::Operator, ":"}},       {"coloneqq", {K::Operator, "≔"}},   {"cong", {K::Operator, "≅"}},
    {"coprod", {K::BigOperator, "∐"}},   {"cos", {K::Function, "cos"}},      {"cosh", {K::Function, "cosh"}},
    {"cot", {K::Function, "cot"}},       {"coth", {K::Function, "coth"}},    {"csc", {K::Function, "csc"}},
    {"cup", {K::Operator, "∪"}},         {"dag", {K::Identifier, "†"}},      {"dagger", {K::Operator, "†"}},
    {"dashv", {K::Operator, "⊣"}},       {"ddag", {K::Identifier, "‡"}},     {"ddagger", {K::Operator, "‡"}},
    {"ddots", {K::Operator, "⋱"}},       {"deg", {K::Function, "deg"}},      {"degree", {K::Identifier, "°"}},
    {"delta", {K::Identifier, "δ"}},     {"det", {K::LimitFunction, "det"}}, {"diamond", {K::Operator, "⋄"}},
    {"diamondsuit", {K::Identifier, "♢"}}, {"dim", {K::Function, "dim"}},   {"div", {K::Operator, "÷"}},
    {"doteq", {K::Operator, "≐"}},       {"dots", {K::Identifier, "…"}},     {"downarrow", {K::Operator, "↓"}},
    {"ell", {K::Operator, "ℓ"}},         {"emptyset", {K::Identifier, "∅"}}, {"epsilon", {K::Identifier, "ϵ"}},
    {"equiv", {K::Operator, "≡"}},       {"eta", {K::Identifier, "η"}},      {"exists", {K::Operator, "∃"}},
    {"exp", {K::Function, "exp"}},       {"flat", {K::Identifier, "♭"}},     {"forall", {K::Operator, "∀"}},
    {"frown", {K::Operator, "⌢"}},       {"gamma", {K::Identifier, "γ"}},    {"gcd", {K::LimitFunction, "gcd"}},
    {"ge", {K::Operator, "≥"}},          {"geq", {K::Operator, "≥"}},        {"geqslant", {K::Operator, "⩾"}},
    {"gets", {K::Operator, "←"}},        {"gg", {K::Operator, "≫"}},         {"gtrsim", {K::Operator, "≳"}},
    {"hbar", {K::Identifier, "ℏ"}},      {"heartsuit", {K::Identifier, "♡"}}, {"hom", {K::Function, "hom"}},
    {"hookleftarrow", {K::Operator, "↩"}}, {"hookrightarrow", {K::Operator, "↪"}}, {"iff", {K::Operator, "⟺"}},
    {"iiint", {K::Integral, "∭"}},       {"iint", {K::Integral, "∬"}},       {"imath", {K::Identifier, "ı"}},
    {"implies", {K::Operator, "⟹"}},     {"in", {K::Operator, "∈"}},         {"inf", {K::LimitFunction, "inf"}},
    {"infty", {K::Identifier, "∞"}},     {"int", {K::Integral, "∫"}},        {"iota", {K::Identifier, "ι"}},
    {"jmath", {K::Identifier, "ȷ"}},     {"kappa", {K::Identifier, "κ"}},    {"ker", {K::Function, "ker"}},
    {"lambda", {K::Identifier, "λ"}},    {"land", {K::Operator, "∧"}},       {"langle", {K::Delimiter, "⟨"}},
    {"lbrace", {K::Delimiter, "{"}},     {"lbrack", {K::Delimiter, "["}},    {"lceil", {K::Delimiter, "⌈"}},
    {"ldots", {K::Identifier, "…"}},     {"le", {K::Operator, "≤"}},         {"leftarrow", {K::Operator, "←"}},
    {"leftharpoonup", {K::Operator, "↼"}}, {"leftrightarrow", {K::Operator, "↔"}}, {"leq", {K::Operator, "≤"}},
    {"leqslant", {K::Operator, "⩽"}},    {"lesssim", {K::Operator, "≲"}},    {"lfloor", {K::Delimiter, "⌊"}},
    {"lg", {K::Function, "lg"}},         {"lim", {K::LimitFunction, "lim"}}, {"liminf", {K::LimitFunction, "liminf"}},
    {"limsup", {K::LimitFunction, "limsup"}}, {"ll", {K::Operator, "≪"}},    {"ln", {K::Function, "ln"}},
    {"lnot", {K::Operator, "¬"}},        {"log", {K::Function, "log"}},      {"longleftarrow", {K::Operator, "⟵"}},
    {"longleftrightarrow", {K::Operator, "⟷"}}, {"longmapsto", {K::Operator, "⟼"}}, {"longrightarrow", {K::Operator, "⟶"}},
    {"lor", {K::Operator, "∨"}},         {"lVert", {K::Delimiter, "∥"}},     {"lvert", {K::Delimiter, "|"}},
    {"mapsto", {K::Operator, "↦"}},      {"max", {K::LimitFunction, "max"}}, {"mid", {K::Operator, "∣"}},
    {"min", {K::LimitFunction, "min"}},  {"models", {K::Operator, "⊨"}},     {"mp", {K::Operator, "∓"}},
    {"mu", {K::Identifier, "μ"}},        {"nabla", {K::Identifier, "∇"}},    {"natural", {K::Identifier, "♮"}},
    {"ne", {K::Operator, "≠"}},          {"nearrow", {K::Operator, "↗"}},    {"neg", {K::Operator, "¬"}},
    {"neq", {K::Operator, "≠"}},         {"nexists", {K::Operator, "∄"}},    {"ni", {K::Operator, "∋"}},
    {"notin", {K::Operator, "∉"}},       {"nu", {K::Identifier, "ν"}},       {"nwarrow", {K::Operator, "↖"}},
    {"odot", {K::Operator, "⊙"}},        {"oint", {K::Integral, "∮"}},       {"omega", {K::Identifier, "ω"}},
    {"omicron", {K::Identifier, "ο"}},   {"ominus", {K::Operator, "⊖"}},     {"oplus", {K::Operator, "⊕"}},
    {"oslash", {K::Operator, "⊘"}},      {"otimes", {K::Operator, "⊗"}},     {"parallel", {K::Operator, "∥"}},
    {"partial", {K::Identifier, "∂"}},   {"perp", {K::Operator, "⊥"}},       {"phi", {K::Identifier, "ϕ"}},
    {"pi", {K::Identifier, "π"}},        {"pm", {K::Operator, "±"}},         {"pounds", {K::Identifier, "£"}},
    {"prec", {K::Operator, "≺"}},        {"preceq", {K::Operator, "⪯"}},     {"prime", {K::Identifier, "′"}},
    {"prod", {K::BigOperator, "∏"}},     {"propto", {K::Operator, "∝"}},     {"psi", {K::Identifier, "ψ"}},
    {"rVert", {K::Delimiter, "∥"}},      {"rangle", {K::Delimiter, "⟩"}},    {"rbrace", {K::Delimiter, "}"}},
    {"rbrack", {K::Delimiter, "]"}},     {"rceil", {K::Delimiter, "⌉"}},     {"rfloor", {K::Delimiter, "⌋"}},
    {"rho", {K::Identifier, "ρ"}},       {"rightarrow", {K::Operator, "→"}}, {"rightharpoonup", {K::Operator, "⇀"}},
    {"rightleftharpoons", {K::Operator, "⇌"}}, {"rvert", {K::Delimiter, "|"}}, {"searrow", {K::Operator, "↘"}},
    {"sec", {K::Function, "sec"}},       {"setminus", {K::Operator, "∖"}},   {"sharp", {K::Identifier, "♯"}},
    {"sigma", {K::Identifier, "σ"}},     {"sim", {K::Operator, "∼"}},        {"simeq", {K::Operator, "≃"}},
    {"sin", {K::Function, "sin"}},       {"sinh", {K::Function, "sinh"}},    {"smile", {K::Operator, "⌣"}},
    {"spadesuit", {K::Identifier, "♠"}}, {"sqcap", {K::Operator, "⊓"}},      {"sqcup", {K::Operator, "⊔"}},
    {"sqsubseteq", {K::Operator, "⊑"}},  {"sqsupseteq", {K::Operator, "⊒"}}, {"square", {K::Identifier, "□"}},
    {"star", {K::Operator, "⋆"}},        {"subset", {K::Operator, "⊂"}},     {"subseteq", {K::Operator, "⊆"}},
    {"succ", {K::Operator, "≻"}},        {"succeq", {K::Operator, "⪰"}},     {"sum", {K::BigOperator, "∑"}},
    {"sup", {K::LimitFunction, "sup"}},  {"supset", {K::Operator, "⊃"}},     {"supseteq", {K::Operator, "⊇"}},
    {"surd", {K::Identifier, "√"}},      {"swarrow", {K::Operator, "↙"}},    {"tan", {K::Function, "tan"}},
    {"tanh", {K::Function, "tanh"}},     {"tau", {K::Identifier, "τ"}},      {"theta", {K::Identifier, "θ"}},
    {"times", {K::Operator, "×"}},       {"to", {K::Operator, "→"}},         {"top", {K::Identifier, "⊤"}},
    {"triangle", {K::Identifier, "△"}},  {"triangleleft", {K::Operator, "◃"}}, {"triangleq", {K::Operator, "≜"}},
    {"triangleright", {K::Operator, "▹"}}, {"uparrow", {K::Operator, "↑"}},  {"updownarrow", {K::Operator, "↕"}},
    {"uplus", {K::Operator, "⊎"}},       {"upsilon", {K::Identifier, "υ"}},  {"varepsilon", {K::Identifier, "ε"}},
    {"varkappa", {K::Identifier, "ϰ"}},  {"varnothing", {K::Identifier, "⌀"}}, {"varphi", {K::Identifier, "φ"}},
    {"varpi", {K::Operator, "ϖ"}},       {"varrho", {K::Identifier, "ϱ"}},   {"varsigma", {K::Operator, "ς"}},
    {"vartheta", {K::Identifier, "ϑ"}},  {"vdash", {K::Operator, "⊢"}},      {"vdots", {K::Identifier, "⋮"}},
    {"vee", {K::Operator, "∨"}},         {"vert", {K::Delimiter, "|"}},      {"wedge", {K::Operator, "∧"}},
    {"wp", {K::Identifier, "℘"}},        {"wr", {K::Operator, "≀"}},         {"xi", {K::Identifier, "ξ"}},
    {"zeta", {K::Identifier, "ζ"}},
};

struct Pair {
  std::string_view name, value;
};
constexpr Pair kAccents[] = {
    {"acute", "\xcc\x81"},  {"bar", "‾"},      {"breve", "\xcc\x86"}, {"check", "\xcc\x8c"},
    {"ddot", "\xcc\x88"},   {"dot", "\xcc\x87"}, {"grave", "\xcc\x80"}, {"hat", "\xcc\x82"},
    {"mathring", "\xcc\x8a"}, {"overbrace", "⏞"}, {"overleftarrow", "←"}, {"overline", "¯"},
    {"overrightarrow", "→"}, {"tilde", "\xcc\x83"}, {"vec", "⃗"}, {"widehat", "\xcc\x82"},
    {"widetilde", "\xcc\x83"},
};
constexpr Pair kUnderAccents[] = {{"underbrace", "⏟"}, {"underline", "_"}};
constexpr Pair kSpaces[] = {{" ", "0.333em"},     {"!", "-0.167em"}, {",", "0.167em"},      {":", "0.222em"},
                            {";", "0.278em"},     {">", "0.222em"},  {"enspace", "0.5em"},  {"qquad", "2em"},
                            {"quad", "1em"},      {"thinspace", "0.167em"}};

std::string_view find(const Pair* b, const Pair* e, std::string_view name) {
  for (auto* p = b; p != e; ++p)
    if (p->name == name) return p->value;
  return {};
}

}  // namespace

const TexSymbol* tex_symbol(std::string_view name) {
  // The table is written in reading order; searched sorted (byte order: "lVert" < "lambda").
  static const std::vector<Entry> sorted = [] {
    std::vector<Entry> v(std::begin(kSymbols), std::end(kSymbols));
    std::sort(v.begin(), v.end(), [](const Entry& a, const Entry& b) { return a.name < b.name; });
    return v;
  }();
  auto it = std::lower_bound(sorted.begin(), sorted.end(), name,
                             [](const Entry& e, std::string_view n) { return e.name < n; });
  return it != sorted.end() && it->name == name ? &it->sym : nullptr;
}

std::string_view tex_accent(std::string_view name, bool* under) {
  if (auto v = find(std::begin(kAccents), std::end(kAccents), name); !v.empty()) {
    *under = false;
    return v;
  }
  *under = true;
  return find(std::begin(kUnderAccents), std::end(kUnderAccents), name);
}

std::string_view tex_space(std::string_view name) { return find(std::begin(kSpaces), std::end(kSpaces), name); }

TexFont tex_font(std::string_view n) {
  if (n == "mathrm" || n == "textrm" || n == "rm" || n == "mathup" || n == "textup" || n == "text" || n == "mbox" ||
      n == "hbox" || n == "textnormal")
    return TexFont::Normal;
  if (n == "mathbf" || n == "textbf" || n == "bf" || n == "mathbold") return TexFont::Bold;
  if (n == "boldsymbol" || n == "bm" || n == "pmb") return TexFont::Bold;  // upright bold, as texmath writes it
  if (n == "mathit" || n == "textit" || n == "it" || n == "emph") return TexFont::Italic;
  if (n == "mathcal" || n == "mathscr" || n == "cal") return TexFont::Script;
  if (n == "mathfrak") return TexFont::Fraktur;
  if (n == "mathbb" || n == "Bbb") return TexFont::DoubleStruck;
  if (n == "mathsf" || n == "textsf" || n == "sf") return TexFont::SansSerif;
  if (n == "mathtt" || n == "texttt" || n == "tt") return TexFont::Monospace;
  return TexFont::None;
}

std::string_view tex_font_variant(TexFont f) {
  switch (f) {
    case TexFont::Normal: return "normal";
    case TexFont::Bold: return "bold";
    case TexFont::Italic: return "italic";
    case TexFont::BoldItalic: return "bold-italic";
    case TexFont::Script: return "script";
    case TexFont::Fraktur: return "fraktur";
    case TexFont::DoubleStruck: return "double-struck";
    case TexFont::SansSerif: return "sans-serif";
    case TexFont::Monospace: return "monospace";
    case TexFont::None: break;
  }
  return "";
}

char32_t tex_font_char(TexFont f, char32_t cp) {
  bool upper = cp >= 'A' && cp <= 'Z', lower = cp >= 'a' && cp <= 'z';
  char32_t idx = upper ? cp - 'A' : lower ? cp - 'a' + 26 : 0;
  // Bold Greek (\boldsymbol{\mu}): alpha..omega and Alpha..Omega have their own rows.
  if (f == TexFont::Bold || f == TexFont::BoldItalic) {
    char32_t base = f == TexFont::Bold ? 0 : 0x1D71C - 0x1D6A8;
    if (cp >= 0x391 && cp <= 0x3A9) return 0x1D6A8 + base + (cp - 0x391);
    if (cp >= 0x3B1 && cp <= 0x3C9) return 0x1D6C2 + base + (cp - 0x3B1);
  }
  if (!upper && !lower) return cp;
  switch (f) {
    case TexFont::Bold: return 0x1D400 + idx;
    case TexFont::Italic: return cp == 'h' ? 0x210E : 0x1D434 + idx;
    case TexFont::BoldItalic: return 0x1D468 + idx;
    case TexFont::Script: {
      constexpr std::pair<char32_t, char32_t> holes[] = {{'B', 0x212C}, {'E', 0x2130}, {'F', 0x2131}, {'H', 0x210B},
                                                         {'I', 0x2110}, {'L', 0x2112}, {'M', 0x2133}, {'R', 0x211B},
                                                         {'e', 0x212F}, {'g', 0x210A}, {'o', 0x2134}};
      for (auto [c, v] : holes)
        if (c == cp) return v;
      return 0x1D49C + idx;
    }
    case TexFont::Fraktur: {
      constexpr std::pair<char32_t, char32_t> holes[] = {
          {'C', 0x212D}, {'H', 0x210C}, {'I', 0x2111}, {'R', 0x211C}, {'Z', 0x2128}};
      for (auto [c, v] : holes)
        if (c == cp) return v;
      return 0x1D504 + idx;
    }
    case TexFont::DoubleStruck: {
      constexpr std::pair<char32_t, char32_t> holes[] = {{'C', 0x2102}, {'H', 0x210D}, {'N', 0x2115}, {'P', 0x2119},
                                                         {'Q', 0x211A}, {'R', 0x211D}, {'Z', 0x2124}};
      for (auto [c, v] : holes)
        if (c == cp) return v;
      return 0x1D538 + idx;
    }
    case TexFont::SansSerif: return 0x1D5A0 + idx;
    case TexFont::Monospace: return 0x1D670 + idx;
    case TexFont::None:
    case TexFont::Normal: break;
  }
  return cp;
}

}  // namespace galley::detail
