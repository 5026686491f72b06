// TeX -> MathML (galley/math.hpp: tex_to_mathml). A recursive-descent reader
// of the LaTeX math articles use, writing presentation MathML as it goes. Token
// choices (one <mi> per letter, digits with a decimal point in one <mn>, the
// Unicode characters of commands and fonts) follow pandoc's texmath so that
// the two agree (conformance.math_tex_pandoc measures it).
#include <optional>
#include <string>
#include <vector>

#include "galley/detail/xml.hpp"
#include "galley/math.hpp"
#include "galley/text.hpp"
#include "tex_symbols.hpp"

namespace galley {
namespace {

using detail::TexFont;
using detail::TexSymbolKind;

enum class T { Eof, Cmd, Letter, Number, Char, Open, Close, Sup, Sub, Amp, Newline, Tilde, Prime };
struct Tok {
  T t = T::Eof;
  std::string s;
};

// One item of a formula's row: its markup and how scripts attach to it.
struct Item {
  std::string xml;
  bool limits = false;  // scripts go under/over (big operators, lim, max in display style)
};

constexpr int kMaxDepth = 64;

bool ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool ascii_digit(char c) { return c >= '0' && c <= '9'; }

std::string esc(std::string_view s) { return detail::escape(s); }
std::string token(std::string_view el, std::string_view text, std::string_view attrs = {}) {
  std::string out = "<" + std::string(el);
  out += attrs;
  out += ">" + esc(text) + "</" + std::string(el) + ">";
  return out;
}
std::string space(std::string_view width) { return "<mspace width=\"" + std::string(width) + "\"/>"; }

// Several items as one element (an mrow unless there is exactly one).
std::string row(const std::vector<Item>& items) {
  if (items.size() == 1) return items.front().xml;
  std::string out = "<mrow>";
  for (auto& i : items) out += i.xml;
  return out + "</mrow>";
}

class TexParser {
 public:
  TexParser(std::string_view s, bool display) : s_(s), display_(display) {}

  std::string run(bool* complete) {
    std::vector<Item> all;
    for (;;) {
      auto items = expr(false);
      all.insert(all.end(), items.begin(), items.end());
      Tok t = next();
      if (t.t == T::Eof) break;
      // What a row cannot hold at the top: a stray }, & or \\, \right or \end.
      if (t.t == T::Cmd && t.s == "right") {
        std::string d = delimiter();
        if (!d.empty()) all.push_back({token("mo", d, " stretchy=\"true\" form=\"postfix\""), false});
      } else if (t.t == T::Cmd && t.s == "end") {
        raw_argument();
      }
    }
    if (complete) *complete = complete_;
    return all.empty() ? "<mrow/>" : row(all);
  }

 private:
  // ---- lexer ----
  void skip_space() {
    while (i_ < s_.size()) {
      char c = s_[i_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') ++i_;
      else if (c == '%') {
        while (i_ < s_.size() && s_[i_] != '\n') ++i_;
      } else break;
    }
  }

  Tok lex() {
    skip_space();
    if (i_ >= s_.size()) return {};
    char c = s_[i_];
    if (c == '\\') {
      ++i_;
      if (i_ >= s_.size()) return {T::Char, "\\"};
      if (s_[i_] == '\\') {
        ++i_;
        return {T::Newline, ""};
      }
      std::size_t b = i_;
      if (ascii_letter(s_[i_])) {
        while (i_ < s_.size() && ascii_letter(s_[i_])) ++i_;
      } else {
        next_codepoint(s_, i_);
      }
      return {T::Cmd, std::string(s_.substr(b, i_ - b))};
    }
    switch (c) {
      case '{': ++i_; return {T::Open, ""};
      case '}': ++i_; return {T::Close, ""};
      case '^': ++i_; return {T::Sup, ""};
      case '_': ++i_; return {T::Sub, ""};
      case '&': ++i_; return {T::Amp, ""};
      case '~': ++i_; return {T::Tilde, ""};
      case '\'': ++i_; return {T::Prime, ""};
      default: break;
    }
    if (ascii_digit(c) || (c == '.' && i_ + 1 < s_.size() && ascii_digit(s_[i_ + 1]))) {
      std::size_t b = i_;
      while (i_ < s_.size() && ascii_digit(s_[i_])) ++i_;
      if (i_ + 1 < s_.size() && s_[i_] == '.' && ascii_digit(s_[i_ + 1])) {
        ++i_;
        while (i_ < s_.size() && ascii_digit(s_[i_])) ++i_;
      }
      return {T::Number, std::string(s_.substr(b, i_ - b))};
    }
    if (ascii_letter(c)) {
      ++i_;
      return {T::Letter, std::string(1, c)};
    }
    std::size_t b = i_;
    next_codepoint(s_, i_);
    return {T::Char, std::string(s_.substr(b, i_ - b))};
  }

  const Tok& peek() {
    if (!peeked_) peeked_ = lex();
    return *peeked_;
  }
  Tok next() {
    if (peeked_) {
      Tok t = std::move(*peeked_);
      peeked_.reset();
      return t;
    }
    return lex();
  }
  // The next character after white space, without taking it (no token may be peeked).
  char peek_char() {
    if (peeked_) return 0;
    skip_space();
    return i_ < s_.size() ? s_[i_] : 0;
  }

  // A brace group's text as written, or the next character; for \text, \begin, \label.
  std::string raw_argument() {
    if (peeked_) {  // a token was looked at already: take it as the argument
      Tok t = next();
      if (t.t != T::Open) return t.s;
    } else {
      skip_space();
      if (i_ >= s_.size()) return {};
      if (s_[i_] != '{') {
        std::size_t b = i_;
        if (s_[i_] == '\\') {
          ++i_;
          while (i_ < s_.size() && ascii_letter(s_[i_])) ++i_;
          if (i_ == b + 1 && i_ < s_.size()) next_codepoint(s_, i_);
        } else {
          next_codepoint(s_, i_);
        }
        return std::string(s_.substr(b, i_ - b));
      }
      ++i_;
    }
    std::size_t b = i_;
    int depth = 1;
    while (i_ < s_.size()) {
      char c = s_[i_];
      if (c == '\\' && i_ + 1 < s_.size()) {
        i_ += 2;
        continue;
      }
      if (c == '{') ++depth;
      else if (c == '}' && --depth == 0) break;
      ++i_;
    }
    std::string out(s_.substr(b, i_ - b));
    if (i_ < s_.size()) ++i_;
    return out;
  }

  // An optional [..] argument's text, "" when there is none.
  std::optional<std::vector<Item>> optional_argument() {
    if (peek_char() != '[') return std::nullopt;
    ++i_;
    auto items = expr(true);
    Tok t = next();  // the ']' (or the end)
    (void)t;
    return items;
  }

  // ---- parser ----
  std::vector<Item> expr(bool bracket) {
    std::vector<Item> items;
    for (;;) {
      const Tok& t = peek();
      if (t.t == T::Eof || t.t == T::Close || t.t == T::Amp || t.t == T::Newline) break;
      if (t.t == T::Cmd && (t.s == "right" || t.s == "end")) break;
      if (bracket && t.t == T::Char && t.s == "]") break;
      if (t.t == T::Cmd && (t.s == "over" || t.s == "choose")) {
        bool choose = t.s == "choose";
        next();
        auto below = expr(bracket);
        std::string frac = std::string(choose ? "<mfrac linethickness=\"0\">" : "<mfrac>") + row_or_empty(items) +
                           row_or_empty(below) + "</mfrac>";
        if (choose) frac = "<mrow><mo>(</mo>" + frac + "<mo>)</mo></mrow>";
        return {Item{frac, false}};
      }
      Item it = item();
      if (!it.xml.empty()) items.push_back(std::move(it));
    }
    return items;
  }

  static std::string row_or_empty(const std::vector<Item>& items) { return items.empty() ? "<mrow/>" : row(items); }

  Item item() {
    Item base;
    const Tok& first = peek();
    if (first.t == T::Sup || first.t == T::Sub) base.xml = "<mrow/>";
    else base = atom();
    std::optional<std::string> sub, sup;
    std::string primes;
    for (;;) {
      const Tok& t = peek();
      if (t.t == T::Sup && !sup) {
        next();
        sup = argument();
      } else if (t.t == T::Sub && !sub) {
        next();
        sub = argument();
      } else if (t.t == T::Prime) {
        next();
        primes += "′";
      } else if (t.t == T::Cmd && (t.s == "limits" || t.s == "nolimits" || t.s == "displaylimits")) {
        base.limits = t.s != "nolimits";
        next();
      } else {
        break;
      }
    }
    if (!primes.empty()) sup = token("mo", primes) + sup.value_or("");
    if (!primes.empty() && sup->find('<', 1) != std::string::npos && sup->size() > token("mo", primes).size())
      sup = "<mrow>" + *sup + "</mrow>";
    if (!sub && !sup) return base;
    bool under = base.limits;
    std::string out;
    if (sub && sup)
      out = std::string(under ? "<munderover>" : "<msubsup>") + base.xml + *sub + *sup +
            (under ? "</munderover>" : "</msubsup>");
    else if (sub) out = std::string(under ? "<munder>" : "<msub>") + base.xml + *sub + (under ? "</munder>" : "</msub>");
    else out = std::string(under ? "<mover>" : "<msup>") + base.xml + *sup + (under ? "</mover>" : "</msup>");
    return {out, false};
  }

  // A command's or script's argument: one atom (a group, a letter, a command with its arguments).
  std::string argument() {
    Item a = atom();
    return a.xml.empty() ? "<mrow/>" : a.xml;
  }

  struct DepthGuard {
    int& d;
    explicit DepthGuard(int& depth) : d(depth) { ++d; }
    ~DepthGuard() { --d; }
  };

  Item atom() {
    DepthGuard guard(depth_);
    if (depth_ > kMaxDepth) {  // deeper than any formula: the rest as text, not a stack overflow
      complete_ = false;
      std::string rest(s_.substr(i_));
      i_ = s_.size();
      peeked_.reset();
      return {"<merror>" + token("mtext", rest) + "</merror>", false};
    }
    Tok t = next();
    switch (t.t) {
      case T::Eof: return {};
      case T::Open: {
        TexFont saved = font_;
        auto items = expr(false);
        if (peek().t == T::Close) next();
        font_ = saved;
        return {items.empty() ? "<mrow/>" : row(items), items.size() == 1 && items.front().limits};
      }
      case T::Close: return {};
      case T::Letter: return {letter(t.s), false};
      case T::Number: return {token("mn", t.s), false};
      case T::Char: return {character(t.s), false};
      case T::Tilde: return {space("0.333em"), false};
      case T::Prime: return {token("mo", "′"), false};
      case T::Sup:
      case T::Sub:
      case T::Amp:
      case T::Newline: return {};
      case T::Cmd: return command(t.s);
    }
    return {};
  }

  std::string letter(const std::string& s) {
    if (font_ == TexFont::Normal) return token("mi", s, " mathvariant=\"normal\"");
    if (font_ == TexFont::None) return token("mi", s);
    std::string out;
    append_utf8(out, detail::tex_font_char(font_, static_cast<char32_t>(s[0])));
    return token("mi", out);
  }

  static std::string character(const std::string& c) {
    if (c == "-") return token("mo", "−");
    if (c == "(" || c == ")" || c == "[" || c == "]" || c == "|")
      return token("mo", c, c == "(" || c == "[" ? " stretchy=\"false\" form=\"prefix\"" : " stretchy=\"false\"");
    if (c.size() == 1 && std::string_view("+=<>,;:*/!?").find(c[0]) != std::string_view::npos) return token("mo", c);
    if (c.size() == 1) return token("mi", c);
    // Arrows and mathematical operators typed as Unicode are operators; other characters identifiers.
    std::size_t i = 0;
    char32_t cp = next_codepoint(c, i);
    bool op = cp >= 0x2190 && cp <= 0x22FF && cp != 0x221E && cp != 0x2202 && cp != 0x2207 && cp != 0x2205;
    return token(op ? "mo" : "mi", c);
  }

  // The delimiter after \left, \right, \big...: its character, "" for '.'.
  std::string delimiter() {
    Tok t = next();
    if (t.t == T::Char) {
      if (t.s == ".") return {};
      return t.s;
    }
    if (t.t == T::Cmd) {
      if (t.s == "{" || t.s == "}") return t.s;
      if (t.s == "|") return "∥";
      if (t.s == "backslash") return "\\";
      if (auto* sym = detail::tex_symbol(t.s)) return std::string(sym->text);
    }
    if (t.t == T::Open) return "{";  // rare: \left{ written for \left\{
    return {};
  }

  std::string fenced(std::string_view open, const std::string& inner, std::string_view close) {
    std::string out = "<mrow>";
    if (!open.empty()) out += token("mo", open, " stretchy=\"true\" form=\"prefix\"");
    out += inner;
    if (!close.empty()) out += token("mo", close, " stretchy=\"true\" form=\"postfix\"");
    return out + "</mrow>";
  }

  Item unknown(const std::string& name) {
    complete_ = false;
    return {"<merror>" + token("mtext", "\\" + name) + "</merror>", false};
  }

  Item command(const std::string& n) {
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
                      : detail::tex_font(n);
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
    if (TexFont f = detail::tex_font(n); f != TexFont::None) {
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
    if (auto accent = detail::tex_accent(n, &under); !accent.empty()) {
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
    if (auto w = detail::tex_space(n); !w.empty()) return {space(w), false};
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
    if (auto* sym = detail::tex_symbol(n)) return symbol(*sym);
    return unknown(n);
  }

  Item symbol(const detail::TexSymbol& sym) {
    std::string text(sym.text);
    if (font_ == TexFont::Bold || font_ == TexFont::BoldItalic) {
      std::size_t i = 0;
      char32_t cp = next_codepoint(text, i);
      if (i == text.size()) {
        char32_t m = detail::tex_font_char(font_, cp);
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

  static std::string_view big_size(std::string_view n) {
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

  // The text of \text{...}: TeX's escapes and spaces read, braces and math shifts dropped.
  static std::string text_content(std::string_view raw, TexFont f) {
    std::string out;
    for (std::size_t i = 0; i < raw.size();) {
      char c = raw[i];
      if (c == '\\' && i + 1 < raw.size()) {
        char d = raw[i + 1];
        if (!ascii_letter(d)) {
          out += d == ' ' || d == ',' || d == ';' || d == ':' || d == '!' ? ' ' : d;
          if (d == '!') out.pop_back();
          i += 2;
          continue;
        }
        std::size_t e = i + 1;
        while (e < raw.size() && ascii_letter(raw[e])) ++e;
        std::string_view name = raw.substr(i + 1, e - i - 1);
        if (auto* sym = detail::tex_symbol(name)) out += sym->text;
        else if (name == "quad" || name == "qquad") out += ' ';
        i = e;
        continue;
      }
      if (c == '{' || c == '}' || c == '$') {
        ++i;
        continue;
      }
      if (c == '~') {
        out += "\xc2\xa0";
        ++i;
        continue;
      }
      std::size_t b = i;
      char32_t cp = next_codepoint(raw, i);
      if (f != TexFont::None && f != TexFont::Normal) append_utf8(out, detail::tex_font_char(f, cp));
      else out.append(raw.substr(b, i - b));
    }
    return out;
  }

  // \begin{name} ... \end{name}: matrices, cases, arrays and alignments as <mtable>.
  std::string environment(const std::string& env) {
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

  std::string_view s_;
  bool display_;
  std::size_t i_ = 0;
  std::optional<Tok> peeked_;
  bool complete_ = true;
  int depth_ = 0;
  TexFont font_ = TexFont::None;
};

}  // namespace

std::string tex_to_mathml(std::string_view tex, MathType type, bool* complete) {
  bool display = type == MathType::DisplayMath;
  std::string body = TexParser(tex, display).run(complete);
  std::string out = "<math xmlns=\"";
  out += kMathMLNamespace;
  out += display ? "\" display=\"block\">" : "\">";
  out += "<semantics>" + body + "<annotation encoding=\"application/x-tex\">";
  detail::append_escaped(out, tex);
  out += "</annotation></semantics></math>";
  return out;
}

}  // namespace galley
