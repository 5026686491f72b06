// The byte-at-a-time definitions that galley's block scans (SSE2, or eight bytes in a
// register) must agree with: the unit tests and the plain reader's fuzz target compare
// them on every input.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "galley/ast.hpp"

namespace galley_test {

inline std::size_t reference_quick_prefix(std::string_view s) {
  const auto* u = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t i = 0, n = s.size();
  auto cont = [&](std::size_t k) { return k < n && (u[k] & 0xC0) == 0x80; };
  while (i < n) {
    unsigned char c = u[i];
    if (c < 0x80) { ++i; continue; }
    if (c >= 0xC2 && c <= 0xCB && cont(i + 1)) { i += 2; continue; }
    if (!cont(i + 1) || !cont(i + 2)) return i;
    unsigned char d = u[i + 1], e = u[i + 2];
    if ((c == 0xE1 && d >= 0xB8 && d <= 0xBB) || (c == 0xE2 && d == 0x80 && e >= 0x90) ||
        (c == 0xE2 && d == 0x81 && e <= 0x9F) || (c == 0xE2 && d == 0x82 && e >= 0xA0) ||
        (c == 0xEF && d == 0xBF && e == 0xBD) || (c == 0xEF && d == 0xBB && e == 0xBF)) {
      i += 3;
      continue;
    }
    return i;
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
