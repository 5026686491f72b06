// The byte-at-a-time definitions that galley's block scans (SSE2, or eight bytes in a
// register) must agree with: the unit tests and the plain reader's fuzz target compare
// them on every input.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "galley/ast.hpp"

namespace galley_test {

// nfc_quick_prefix(), from its definition by code point: the longest prefix of whole,
// valid code points each below U+0300 or in U+1E00..U+1EFF, U+2010..U+205F,
// U+20A0..U+20BF, U+FEFF or U+FFFD.
inline std::size_t reference_quick_prefix(std::string_view s) {
  std::size_t i = 0, n = s.size();
  while (i < n) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > n) return i;
    char32_t cp = len == 1 ? c : (c & (0x7F >> len));
    for (std::size_t k = 1; k < len; ++k) {
      auto d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (d & 0x3F);
    }
    static constexpr char32_t shortest[] = {0, 0, 0x80, 0x800, 0x10000};  // below: an overlong form
    if (cp < shortest[len]) return i;
    bool quick = cp < 0x300 || (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0x2010 && cp <= 0x205F) ||
                 (cp >= 0x20A0 && cp <= 0x20BF) || cp == 0xFEFF || cp == 0xFFFD;
    if (!quick) return i;
    i += len;
  }
  return n;
}
inline std::size_t reference_words(std::string_view s) {
  std::size_t n = 0;
  bool prev_space = true;
  for (char c : s) {
    bool sp = c == ' ' || c == '\t' || c == '\r' || c == '\n';
    n += prev_space && !sp;
    prev_space = sp;
  }
  return n;
}

// galley::text(): words between runs of space, tab, CR and LF; a run between two words is
// one Space, or one SoftBreak when it holds a newline; nothing at either end.
inline galley::Inlines reference_text(std::string_view s) {
  galley::Inlines out;
  std::size_t i = 0, n = s.size();
  auto sep = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (i < n) {
    if (sep(s[i])) {
      bool newline = false;
      for (; i < n && sep(s[i]); ++i) newline |= s[i] == '\n';
      if (!out.empty() && i < n) {
        if (newline) out.push_back(galley::SoftBreak{});
        else out.push_back(galley::Space{});
      }
      continue;
    }
    std::size_t start = i;
    while (i < n && !sep(s[i])) ++i;
    out.push_back(galley::Str{std::string(s.substr(start, i - start))});
  }
  return out;
}

}  // namespace galley_test
