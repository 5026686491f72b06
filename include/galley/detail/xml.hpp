// Escaping for XML/HTML output. Every writer that produces markup uses these,
// so nothing reaches markup unescaped and XML 1.0's forbidden characters
// (C0 controls except tab/LF/CR, U+FFFE, U+FFFF, lone surrogates) never do.
#pragma once
#include <string>
#include <string_view>

#include "galley/diagnostics.hpp"

namespace galley::detail {

// Append `s` escaped for text content (& < > and, when `attribute`, " too).
// Forbidden characters are removed; each removal is counted in `*removed`
// when given (callers warn once with kind "invalid-xml-char").
void append_escaped(std::string& out, std::string_view s, bool attribute = false, std::size_t* removed = nullptr);
inline std::string escape(std::string_view s, bool attribute = false) {
  std::string out;
  append_escaped(out, s, attribute);
  return out;
}

// A valid XML NCName id from arbitrary text ("1abc" -> "id-1abc"; bad chars -> "-").
std::string xml_id(std::string_view s);

}  // namespace galley::detail
