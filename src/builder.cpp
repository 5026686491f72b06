// text(): split a string into Str/Space/SoftBreak exactly as pandoc does.
#include "galley/builder.hpp"

#include <array>

namespace galley {

namespace {

// 0: word byte, 1: ' ' '\t' '\r', 2: '\n'
constexpr std::array<unsigned char, 256> kSpaceClass = [] {
  std::array<unsigned char, 256> t{};
  t[' '] = 1;
  t['\t'] = 1;
  t['\r'] = 1;
  t['\n'] = 2;
  return t;
}();

}  // namespace

void append_text(Inlines& out, std::string_view s) {
  const char* p = s.data();
  std::size_t i = 0, n = s.size();
  bool word = false;  // separators only between this piece's words, as text() does
  while (i < n) {
    if (kSpaceClass[(unsigned char)p[i]]) {
      bool newline = false;
      while (i < n) {
        unsigned char k = kSpaceClass[(unsigned char)p[i]];
        if (!k) break;
        newline |= k == 2;
        ++i;
      }
      if (word && i < n) {
        if (newline) out.emplace_back(SoftBreak{});
        else out.emplace_back(Space{});
      }
      continue;
    }
    std::size_t start = i;
    while (i < n && !kSpaceClass[(unsigned char)p[i]]) ++i;
    out.emplace_back(Str{std::string(p + start, i - start)});
    word = true;
  }
}

Inlines text(std::string_view s) {
  Inlines out;
  {
    // Exact bound of the result size: each word, plus one separator before all but the first.
    std::size_t words = 0;
    bool prev_space = true;
    for (char c : s) {
      bool sp = kSpaceClass[(unsigned char)c] != 0;
      words += prev_space && !sp;
      prev_space = sp;
    }
    if (words) out.reserve(2 * words - 1);
  }
  append_text(out, s);
  return out;
}

}  // namespace galley
