// TeX math's tokens (src/tex_lexer.hpp): white space and % comments skipped,
// control words and symbols, one token per letter, digits with one decimal point,
// and the raw text of arguments that are not math (\text, \begin, \label).
#include "tex_lexer.hpp"

#include "galley/text.hpp"

namespace galley::detail::tex {

void TexLexer::skip_space() {
  while (i_ < s_.size()) {
    char c = s_[i_];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') ++i_;
    else if (c == '%') {
      while (i_ < s_.size() && s_[i_] != '\n') ++i_;
    } else break;
  }
}

Tok TexLexer::lex() {
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

const Tok& TexLexer::peek() {
  if (!peeked_) peeked_ = lex();
  return *peeked_;
}

Tok TexLexer::next() {
  if (peeked_) {
    Tok t = std::move(*peeked_);
    peeked_.reset();
    return t;
  }
  return lex();
}

char TexLexer::peek_char() {
  if (peeked_) return 0;
  skip_space();
  return i_ < s_.size() ? s_[i_] : 0;
}

std::string TexLexer::raw_argument() {
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

std::string text_content(std::string_view raw, TexFont f) {
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
      if (auto* sym = tex_symbol(name)) out += sym->text;
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
    if (f != TexFont::None && f != TexFont::Normal) append_utf8(out, tex_font_char(f, cp));
    else out.append(raw.substr(b, i - b));
  }
  return out;
}

}  // namespace galley::detail::tex
