// Escaping for markup output; removes what XML 1.0 forbids.
#include "galley/detail/xml.hpp"

#include "galley/text.hpp"

namespace galley::detail {

void append_escaped(std::string& out, std::string_view s, bool attribute, std::size_t* removed) {
  std::size_t i = 0, n = s.size();
  while (i < n) {
    std::size_t start = i;
    // Copy the run of bytes that need no attention in one go.
    while (i < n) {
      auto c = static_cast<unsigned char>(s[i]);
      // Stop at markup characters, forbidden controls and any non-ASCII byte
      // (each multi-byte sequence is decoded and checked whole below).
      if (c == '&' || c == '<' || c == '>' || (attribute && c == '"') || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
          c >= 0x80)
        break;
      ++i;
    }
    out.append(s.data() + start, i - start);
    if (i >= n) break;
    auto c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '&': out += "&amp;"; ++i; continue;
      case '<': out += "&lt;"; ++i; continue;
      case '>': out += "&gt;"; ++i; continue;
      case '"': out += "&quot;"; ++i; continue;
      default: break;
    }
    if (c < 0x20) { if (removed) ++*removed; ++i; continue; }
    std::size_t j = i;
    char32_t cp = next_codepoint(s, j);
    bool bad = (cp == 0xFFFD && !(j - i == 3 && c == 0xEF)) || cp == 0xFFFE || cp == 0xFFFF;
    if (bad) { if (removed) ++*removed; i = j; continue; }
    out.append(s.data() + i, j - i);
    i = j;
  }
}

std::string xml_id(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t start = i;
    char32_t cp = next_codepoint(s, i);
    bool ok = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_' || cp >= 0xC0;
    bool ok_later = (cp >= '0' && cp <= '9') || cp == '-' || cp == '.' || cp == 0xB7;
    if (cp == 0xFFFD || cp == 0xFFFE || cp == 0xFFFF || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0x37E ||
        (cp >= 0x2000 && cp <= 0x206F && !(cp >= 0x200C && cp <= 0x200D) && !(cp >= 0x203F && cp <= 0x2040)) ||
        (cp >= 0x3000 && cp <= 0x3000) || (cp >= 0xD7 && cp == 0xD7) || cp == 0xF7) ok = false;
    if (ok || (ok_later && !out.empty())) out.append(s.substr(start, i - start));
    else if (ok_later) { out += "id-"; out.append(s.substr(start, i - start)); }
    else out += out.empty() ? "id-" : "-";
  }
  if (out.empty()) out = "id";
  return out;
}

}  // namespace galley::detail
