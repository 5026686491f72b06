// TeX -> MathML (galley/math.hpp: tex_to_mathml): the structure of a formula, rows,
// scripts and limits, groups, atoms and delimiters, and the <math> element around
// it. Commands and environments: src/tex_commands.cpp; tokens: src/tex_lexer.cpp.
#include <optional>
#include <string>
#include <vector>

#include "galley/detail/xml.hpp"
#include "galley/math.hpp"
#include "galley/text.hpp"
#include "tex_parser.hpp"

namespace galley {
namespace detail::tex {

constexpr int kMaxDepth = 64;

std::string token(std::string_view el, std::string_view text, std::string_view attrs) {
  std::string out = "<" + std::string(el);
  out += attrs;
  out += ">" + escape(text) + "</" + std::string(el) + ">";
  return out;
}

std::string space(std::string_view width) { return "<mspace width=\"" + std::string(width) + "\"/>"; }

std::string row(const std::vector<Item>& items) {
  if (items.size() == 1) return items.front().xml;
  std::string out = "<mrow>";
  for (auto& i : items) out += i.xml;
  return out + "</mrow>";
}

std::string row_or_empty(const std::vector<Item>& items) { return items.empty() ? "<mrow/>" : row(items); }

std::string TexParser::run(bool* complete) {
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

std::optional<std::vector<Item>> TexParser::optional_argument() {
  if (peek_char() != '[') return std::nullopt;
  ++i_;
  auto items = expr(true);
  Tok t = next();  // the ']' (or the end)
  (void)t;
  return items;
}

std::vector<Item> TexParser::expr(bool bracket) {
  std::vector<Item> items;
  for (;;) {
    const Tok& t = peek();
    if (t.t == T::Eof || t.t == T::Close || t.t == T::Amp || t.t == T::Newline) break;
    if (t.t == T::Cmd && (t.s == "right" || t.s == "end")) break;
    if (bracket && t.t == T::Char && t.s == "]") break;
    if (t.t == T::Cmd && (t.s == "over" || t.s == "choose")) {
      bool choose = t.s == "choose";
      next();
      // "a \over b \over c ..." nests one expr per \over with no atom between: counted
      // as nesting so that thousands of them neither overflow the stack nor take
      // quadratic time.
      DepthGuard guard(depth_);
      auto below = depth_ > kMaxDepth ? std::vector<Item>{too_deep()} : expr(bracket);
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

Item TexParser::item() {
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
std::string TexParser::argument() {
  Item a = atom();
  return a.xml.empty() ? "<mrow/>" : a.xml;
}

Item TexParser::too_deep() {
  // Deeper than any formula: the rest as text, not a stack overflow.
  complete_ = false;
  std::string rest(s_.substr(i_));
  i_ = s_.size();
  peeked_.reset();
  return {"<merror>" + token("mtext", rest) + "</merror>", false};
}

Item TexParser::atom() {
  DepthGuard guard(depth_);
  if (depth_ > kMaxDepth) return too_deep();
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

std::string TexParser::letter(const std::string& s) {
  if (font_ == TexFont::Normal) return token("mi", s, " mathvariant=\"normal\"");
  if (font_ == TexFont::None) return token("mi", s);
  std::string out;
  append_utf8(out, tex_font_char(font_, static_cast<char32_t>(s[0])));
  return token("mi", out);
}

std::string TexParser::character(const std::string& c) {
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
std::string TexParser::delimiter() {
  Tok t = next();
  if (t.t == T::Char) {
    if (t.s == ".") return {};
    return t.s;
  }
  if (t.t == T::Cmd) {
    if (t.s == "{" || t.s == "}") return t.s;
    if (t.s == "|") return "∥";
    if (t.s == "backslash") return "\\";
    if (auto* sym = tex_symbol(t.s)) return std::string(sym->text);
  }
  if (t.t == T::Open) return "{";  // rare: \left{ written for \left\{
  return {};
}

std::string TexParser::fenced(std::string_view open, const std::string& inner, std::string_view close) {
  std::string out = "<mrow>";
  if (!open.empty()) out += token("mo", open, " stretchy=\"true\" form=\"prefix\"");
  out += inner;
  if (!close.empty()) out += token("mo", close, " stretchy=\"true\" form=\"postfix\"");
  return out + "</mrow>";
}

Item TexParser::unknown(const std::string& name) {
  complete_ = false;
  return {"<merror>" + token("mtext", "\\" + name) + "</merror>", false};
}

}  // namespace detail::tex

std::string tex_to_mathml(std::string_view tex, MathType type, bool* complete) {
  bool display = type == MathType::DisplayMath;
  std::string body = detail::tex::TexParser(tex, display).run(complete);
  std::string out = "<math xmlns=\"";
  out += kMathMLNamespace;
  out += display ? "\" display=\"block\">" : "\">";
  out += "<semantics>" + body + "<annotation encoding=\"application/x-tex\">";
  detail::append_escaped(out, tex);
  out += "</annotation></semantics></math>";
  return out;
}

}  // namespace galley
