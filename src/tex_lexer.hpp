// The tokens of TeX math and the lexer tex_to_mathml's parser reads them from
// (src/tex_parser.hpp). Apart from the parser so that each file has one job:
// this one knows TeX's characters (commands, groups, scripts, comments, numbers),
// the parser knows what they mean.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "tex_symbols.hpp"

namespace galley::detail::tex {

enum class T { Eof, Cmd, Letter, Number, Char, Open, Close, Sup, Sub, Amp, Newline, Tilde, Prime };
struct Tok {
  T t = T::Eof;
  std::string s;  // a command's name (no backslash), a letter, a number, a character
};

inline bool ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool ascii_digit(char c) { return c >= '0' && c <= '9'; }

// One token of look-ahead over the formula's text. The parser derives from it and
// also moves the position itself where TeX reads characters, not tokens ('*' after
// \operatorname, '[' of an optional argument, the rest of a formula nested too deep).
class TexLexer {
 public:
  explicit TexLexer(std::string_view s) : s_(s) {}

  const Tok& peek();
  Tok next();
  // The next character after white space, without taking it (no token may be peeked).
  char peek_char();
  // A brace group's text as written, or the next character; for \text, \begin, \label.
  std::string raw_argument();

 protected:
  std::string_view s_;
  std::size_t i_ = 0;
  std::optional<Tok> peeked_;

 private:
  void skip_space();
  Tok lex();
};

// The text of \text{...}: TeX's escapes and spaces read, braces and math shifts
// dropped, letters in font `f` (None and Normal: as written).
std::string text_content(std::string_view raw, TexFont f);

}  // namespace galley::detail::tex
