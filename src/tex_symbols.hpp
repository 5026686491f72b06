// The TeX command tables tex_mathml.cpp reads: symbols, Greek, functions,
// accents, spaces, and the mathematical alphanumerics of the font commands.
#pragma once
#include <string>
#include <string_view>

namespace galley::detail {

enum class TexSymbolKind {
  Operator,    // <mo>: binary operators, relations, arrows, punctuation-like
  Identifier,  // <mi>: letters and ordinary symbols (infinity, partial, dots)
  Upright,     // <mi mathvariant="normal">: capital Greek
  BigOperator, // <mo>, limits above/below in display style (sum, prod, bigcup)
  Integral,    // <mo>, limits as scripts (int, oint)
  Function,    // <mi>name</mi>, no limits (sin, log)
  LimitFunction,  // <mi>name</mi>, limits in display style (lim, max, det)
  Delimiter,   // <mo> that \left/\big can stretch
};

struct TexSymbol {
  TexSymbolKind kind;
  std::string_view text;  // UTF-8
};

// The symbol a command (without the backslash) names; nullptr when unknown.
const TexSymbol* tex_symbol(std::string_view name);

// The combining or spacing character of an accent command (hat, bar, vec...);
// "" when `name` is no accent. *under is set for accents written below.
std::string_view tex_accent(std::string_view name, bool* under);

// The width of a spacing command (",", "quad", "!", " "...); "" when none.
std::string_view tex_space(std::string_view name);

// Font variants of \mathbf and friends.
enum class TexFont { None, Normal, Bold, Italic, BoldItalic, Script, Fraktur, DoubleStruck, SansSerif, Monospace };

// The font a command selects (mathbf, mathrm, mathcal, boldsymbol, textbf...);
// nullopt-like TexFont::None when the command is no font command.
TexFont tex_font(std::string_view name);
// MathML's mathvariant name of a font ("bold", "double-struck"...).
std::string_view tex_font_variant(TexFont f);

// The code point `cp` (an ASCII letter, or a Greek letter for Bold) in font `f`:
// the Mathematical Alphanumeric Symbols block with its holes (script B is U+212C).
// Other code points come back unchanged.
char32_t tex_font_char(TexFont f, char32_t cp);

}  // namespace galley::detail
