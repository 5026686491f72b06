// The recursive-descent reader behind tex_to_mathml (galley/math.hpp), writing
// presentation MathML as it goes. Split by job: src/tex_lexer.* (tokens),
// src/tex_mathml.cpp (rows, scripts, atoms, delimiters: the structure of a
// formula), src/tex_commands.cpp (what each command and environment writes).
// Token choices (one <mi> per letter, digits with a decimal point in one <mn>,
// the Unicode characters of commands and fonts) follow pandoc's texmath so that
// the two agree (conformance.math_tex_pandoc measures it).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tex_lexer.hpp"
#include "tex_symbols.hpp"

namespace galley::detail::tex {

// One item of a formula's row: its markup and how scripts attach to it.
struct Item {
  std::string xml;
  bool limits = false;  // scripts go under/over (big operators, lim, max in display style)
};

// A token element (<mi>x</mi>, the text escaped) and an <mspace>.
std::string token(std::string_view el, std::string_view text, std::string_view attrs = {});
std::string space(std::string_view width);
// Several items as one element (an mrow unless there is exactly one), and <mrow/> for none.
std::string row(const std::vector<Item>& items);
std::string row_or_empty(const std::vector<Item>& items);

class TexParser : private TexLexer {
 public:
  TexParser(std::string_view s, bool display) : TexLexer(s), display_(display) {}

  // The formula's MathML body (what goes inside <semantics>); *complete is cleared
  // when a command or environment was unknown or the nesting too deep.
  std::string run(bool* complete);

 private:
  // tex_mathml.cpp: the structure.
  std::optional<std::vector<Item>> optional_argument();
  std::vector<Item> expr(bool bracket);
  Item item();
  std::string argument();
  Item atom();
  Item too_deep();  // the rest of the formula as <merror> text, when nesting passes kMaxDepth
  std::string letter(const std::string& s);
  static std::string character(const std::string& c);
  std::string delimiter();
  std::string fenced(std::string_view open, const std::string& inner, std::string_view close);
  Item unknown(const std::string& name);

  // tex_commands.cpp: commands and environments.
  Item command(const std::string& n);
  Item symbol(const TexSymbol& sym);
  static std::string_view big_size(std::string_view n);
  std::string environment(const std::string& env);

  struct DepthGuard {
    int& d;
    explicit DepthGuard(int& depth) : d(depth) { ++d; }
    ~DepthGuard() { --d; }
  };

  bool display_;
  bool complete_ = true;
  int depth_ = 0;
  TexFont font_ = TexFont::None;
};

}  // namespace galley::detail::tex
