// Photo and video captions: the credit markers ("Ảnh:", "Photo:", "/ AFP", "Getty Images")
// that make a line a caption, found with one scan (sixteen bytes at a time with SSE2).
#include <array>
#include <cstdint>
#include <iterator>
#include <string_view>

#include "galley/detail/swar.hpp"
#include "plain/article_detail.hpp"

namespace galley::plain::detail {

namespace {

// Photo and video credit markers. Most paragraphs have none, so one scan looks for the
// bytes a marker can start with and compares only there (a find() per marker walked
// every Vietnamese letter, which shares the lead byte of "Ảnh").
constexpr std::string_view kPhotoMarkers[] = {
    "Ảnh:", "ảnh:", "(Ảnh", "(ảnh", "Ảnh minh họa", "Ảnh minh hoạ", "Photo:", "Photo by", "(Photo", "Photograph:",
    "Image:", "Picture:", "Getty Images", "Photo credit", "(Nguồn ảnh", "Ảnh chụp", "Clip:", "Video:", "Photo :",
    "Ảnh :", "Crédit photo", "/ AFP", "/AFP", "/ Reuters", "/Reuters", "/ AP", "Illustration"};
constexpr std::size_t kPhotoMarkerCount = std::size(kPhotoMarkers);
static_assert(kPhotoMarkerCount <= 32);
// For each byte, the markers that start with it (a bit per marker).
constexpr std::array<std::uint32_t, 256> kPhotoMarkerBucket = [] {
  std::array<std::uint32_t, 256> t{};
  for (std::size_t k = 0; k < kPhotoMarkerCount; ++k) t[(unsigned char)kPhotoMarkers[k][0]] |= 1u << k;
  return t;
}();

// Does a marker start at s[i]?
bool photo_marker_at(std::string_view s, std::size_t i) {
  std::uint32_t bucket = kPhotoMarkerBucket[(unsigned char)s[i]];
  std::string_view rest = s.substr(i);
  for (; bucket; bucket &= bucket - 1) {
    const std::string_view m = kPhotoMarkers[__builtin_ctz(bucket)];
    // every marker is at least 4 bytes: bytes 1-2 reject nearly all Vietnamese letters
    if (rest.size() >= m.size() && rest[1] == m[1] && rest[2] == m[2] && rest.starts_with(m)) return true;
  }
  return false;
}

#if GALLEY_SSE2
// The sixteen-byte scan below looks only where a marker can start: "(", "/", "C", "G",
// "I", "P", "V" or the letters "Ả" / "ả" (E1 BA A2 / E1 BA A3).
constexpr bool photo_markers_prefiltered() {
  for (auto m : kPhotoMarkers)
    if (!(std::string_view("(/CGIPV").find(m[0]) != std::string_view::npos || m.starts_with("\xE1\xBA\xA2") ||
          m.starts_with("\xE1\xBA\xA3")))
      return false;
  return true;
}
static_assert(photo_markers_prefiltered(), "a photo marker starts with a byte the scan does not look for");
#endif

}  // namespace

bool photo_marker(std::string_view s) {
  std::size_t i = 0, n = s.size();
#if GALLEY_SSE2
  if (n >= 18) {
    namespace sw = galley::detail::swar;
    auto starts = [](const char* q) -> unsigned {
      __m128i x = sw::load16(q), x1 = sw::load16(q + 1), x2 = sw::load16(q + 2);
      __m128i ascii = _mm_or_si128(_mm_or_si128(_mm_or_si128(sw::eq16(x, '('), sw::eq16(x, '/')), _mm_or_si128(sw::eq16(x, 'C'), sw::eq16(x, 'G'))),
                                   _mm_or_si128(_mm_or_si128(sw::eq16(x, 'I'), sw::eq16(x, 'P')), sw::eq16(x, 'V')));
      __m128i anh = _mm_and_si128(_mm_and_si128(sw::eq16(x, 0xE1), sw::eq16(x1, 0xBA)), _mm_or_si128(sw::eq16(x2, 0xA2), sw::eq16(x2, 0xA3)));
      return unsigned(_mm_movemask_epi8(_mm_or_si128(ascii, anh)));
    };
    bool found = false;
    i = sw::each_marked16(s.data(), 0, n - 2, starts, [&](std::size_t k) { return photo_marker_at(s, k); }, found);
    if (found) return true;
  }
#endif
  for (; i < n; ++i)
    if (kPhotoMarkerBucket[(unsigned char)s[i]] && photo_marker_at(s, i)) return true;
  return false;
}

// A unit that is only a photo credit: "(Ảnh: Getty Images)".
bool photo_credit_only(std::string_view s) {
  s = rtrim_punct(trim(s), ".");
  if (s.size() < 4 || s.front() != '(' || s.back() != ')') return false;
  return word_count_upto(s, 9) <= 8 && photo_marker(s);
}

}  // namespace galley::plain::detail
