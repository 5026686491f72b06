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

Inlines text(std::string_view s) {
  Inlines out;
  const char* p = s.data();
  std::size_t i = 0, n = s.size();
  {
    // Exact bound of the result size: each word, plus one separator before all but the first.
    std::size_t words = 0;
    bool prev_space = true;
    for (std::size_t k = 0; k < n; ++k) {
      bool sp = kSpaceClass[(unsigned char)p[k]] != 0;
      words += prev_space && !sp;
      prev_space = sp;
    }
    if (words) out.reserve(2 * words - 1);
  }
  while (i < n) {
    if (kSpaceClass[(unsigned char)p[i]]) {
      bool newline = false;
      while (i < n) {
        unsigned char k = kSpaceClass[(unsigned char)p[i]];
        if (!k) break;
        newline |= k == 2;
        ++i;
      }
      if (!out.empty() && i < n) {
        if (newline) out.emplace_back(SoftBreak{});
        else out.emplace_back(Space{});
      }
      continue;
    }
    std::size_t start = i;
    while (i < n && !kSpaceClass[(unsigned char)p[i]]) ++i;
    out.emplace_back(Str{std::string(p + start, i - start)});
  }
  return out;
}

}  // namespace galley
