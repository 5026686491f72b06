// text(): split a string into Str/Space/SoftBreak exactly as pandoc does.
#include "galley/builder.hpp"

#include <array>

#include "galley/detail/swar.hpp"

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

// Makes the Str where the list stores it: the conversion's result initialises the
// element directly, where a temporary string would be copied again by its move.
struct StrFrom {
  const char* p;
  std::size_t n;
  operator Str() const { return Str{std::string(p, n)}; }
};

// The bytes of x that separate words (kSpaceClass non-zero).
std::uint64_t separators(std::uint64_t x) {
  namespace sw = detail::swar;
  return sw::eq(x, ' ') | sw::eq(x, '\t') | sw::eq(x, '\r') | sw::eq(x, '\n');
}

#if GALLEY_SSE2
__m128i separators16(__m128i x) {
  namespace sw = detail::swar;
  return _mm_or_si128(_mm_or_si128(sw::eq16(x, ' '), sw::eq16(x, '\t')), _mm_or_si128(sw::eq16(x, '\r'), sw::eq16(x, '\n')));
}
#endif

// The end of the word that starts at i: the next space, tab, CR or LF, or n.
std::size_t word_end_at(const char* p, std::size_t i, std::size_t n) {
#if GALLEY_SSE2
  namespace sw = detail::swar;
  for (; i + 16 <= n; i += 16) {
    __m128i x = sw::load16(p + i);
    if (unsigned m = unsigned(_mm_movemask_epi8(separators16(x)))) return i + std::size_t(std::countr_zero(m));
  }
#endif
  if constexpr (detail::swar::kSwarLittleEndian) {
    namespace sw = detail::swar;
    for (; i + 8 <= n; i += 8) {
      std::uint64_t x = sw::load8(p + i);
      std::uint64_t space = separators(x);
      if (space) return i + (std::countr_zero(space) >> 3);
    }
  }
  while (i < n && !kSpaceClass[(unsigned char)p[i]]) ++i;
  return i;
}

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
    i = word_end_at(p, i, n);
    out.emplace_back(std::in_place_type<Str>, StrFrom{p + start, i - start});
    word = true;
  }
}

std::size_t word_end(std::string_view s, std::size_t i) { return word_end_at(s.data(), i, s.size()); }

std::size_t count_words(std::string_view s) {
  const char* p = s.data();
  std::size_t n = s.size(), i = 0, words = 0;
#if GALLEY_SSE2
  __m128i before_block = _mm_set1_epi8(-1);  // the byte before the text counts as a separator
  auto word_starts = [&before_block](__m128i x) {
    __m128i sep = separators16(x);
    __m128i before = _mm_or_si128(_mm_slli_si128(sep, 1), _mm_srli_si128(before_block, 15));
    before_block = sep;
    return _mm_andnot_si128(sep, before);
  };
  words = detail::swar::count16(p, n, i, word_starts);
#else
  if constexpr (detail::swar::kSwarLittleEndian) {
    namespace sw = detail::swar;
    std::uint64_t carry = sw::kHigh;
    for (; i + 8 <= n; i += 8) words += sw::count(sw::word_starts(separators(sw::load8(p + i)), carry));
  }
#endif
  // the rest byte by byte (a word running on from the last block was counted there)
  bool prev_space = i == 0 || kSpaceClass[(unsigned char)p[i - 1]];
  for (; i < n; ++i) {
    bool sp = kSpaceClass[(unsigned char)p[i]] != 0;
    words += prev_space && !sp;
    prev_space = sp;
  }
  return words;
}

Inlines text(std::string_view s) { return text(s, count_words(s)); }

Inlines text(std::string_view s, std::size_t words) {
  Inlines out;
  // Exact bound of the result size: each word, plus one separator before all but the first.
  if (words) out.reserve(2 * words - 1);
  append_text(out, s);
  return out;
}

}  // namespace galley
