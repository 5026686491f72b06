// Eight bytes at a time in a 64-bit register ("SIMD within a register"): the text scans
// that run over every byte of an input (word and code point counts, looking for a few
// byte values) use these instead of a loop with a branch per byte. Every mask is exact:
// byte k of the result is 0x80 where the condition holds for byte k of the input, 0
// elsewhere. Little-endian only: callers keep a byte loop for other machines
// (`kSwarLittleEndian`).
#pragma once
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

// GALLEY_SSE2: 1 where the sixteen-byte SSE2 scans are compiled in. -DGALLEY_NO_SSE2=ON
// (CMake) builds the portable scans instead, so that an x86-64 machine can test them too
// (the sanitizer phase of .ci/run does).
#if defined(__SSE2__) && !defined(GALLEY_NO_SSE2)
#define GALLEY_SSE2 1
#include <emmintrin.h>
#else
#define GALLEY_SSE2 0
#endif

namespace galley::detail::swar {

inline constexpr bool kSwarLittleEndian = std::endian::native == std::endian::little;
inline constexpr std::uint64_t kOnes = 0x0101010101010101ull;
inline constexpr std::uint64_t kHigh = 0x8080808080808080ull;
inline constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7Full;

inline std::uint64_t load8(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

// Bytes equal to c.
inline std::uint64_t eq(std::uint64_t x, unsigned char c) {
  std::uint64_t t = x ^ (kOnes * c);
  return ~(((t & kLow7) + kLow7) | t | kLow7);
}

// UTF-8 continuation bytes (10xxxxxx): bit 7 set, bit 6 clear.
inline std::uint64_t continuation(std::uint64_t x) { return x & ~(x << 1) & kHigh; }

// Bytes that start a word: not in `space`, and the byte before (in memory order) is.
// `carry` is the `space` mask of the previous eight bytes (start a text with kHigh: the
// byte before the first counts as a space).
inline std::uint64_t word_starts(std::uint64_t space, std::uint64_t& carry) {
  std::uint64_t before = (space << 8) | (carry >> 56);
  carry = space;
  return ~space & kHigh & before;
}

// The number of bytes set in a mask. A multiply adds the eight 0/1 bytes into the top
// byte: the baseline x86-64 target has no popcount instruction, and std::popcount
// becomes a library call there.
inline int count(std::uint64_t mask) { return int(((mask >> 7) * kOnes) >> 56); }

// x with each byte and-ed with m (m is one byte, repeated).
inline std::uint64_t bytes_and(std::uint64_t x, unsigned char m) { return x & (kOnes * m); }

#if GALLEY_SSE2
// Sixteen bytes at a time where the machine has SSE2 (every x86-64): `count16` adds up,
// over whole blocks of sixteen bytes from p, how many bytes `mark` sets (0xFF for a
// byte that counts); returns the count and the number of bytes covered.
template <class Mark>
inline std::size_t count16(const char* p, std::size_t n, std::size_t& covered, Mark mark) {
  std::size_t total = 0, i = 0;
  while (i + 16 <= n) {
    __m128i acc = _mm_setzero_si128();  // per-byte counts, emptied before they reach 255
    for (int k = 0; k < 255 && i + 16 <= n; ++k, i += 16)
      acc = _mm_sub_epi8(acc, mark(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i))));
    __m128i sums = _mm_sad_epu8(acc, _mm_setzero_si128());
    total += std::size_t(_mm_cvtsi128_si32(sums)) + std::size_t(_mm_cvtsi128_si32(_mm_srli_si128(sums, 8)));
  }
  covered = i;
  return total;
}

// For each block of sixteen bytes from `from` while the block ends at or before `to`:
// mark(p + i) gives a 16-bit mask of the positions to look at, and f(k) is called for
// each of them in order; f returning true stops the scan. Returns the end of the blocks
// covered (the caller looks at the rest byte by byte), or `stopped` at k when f said so.
template <class Mark, class F>
inline std::size_t each_marked16(const char* p, std::size_t from, std::size_t to, Mark mark, F f, bool& stopped) {
  std::size_t i = from;
  stopped = false;
  for (; i + 16 <= to; i += 16)
    for (unsigned m = mark(p + i); m; m &= m - 1) {
      std::size_t k = i + std::size_t(std::countr_zero(m));
      if (f(k)) {
        stopped = true;
        return k;
      }
    }
  return i;
}

inline __m128i load16(const char* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)); }
inline __m128i eq16(__m128i x, unsigned char c) { return _mm_cmpeq_epi8(x, _mm_set1_epi8(static_cast<char>(c))); }
#endif

}  // namespace galley::detail::swar
