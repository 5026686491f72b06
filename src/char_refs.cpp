// galley::decode_char_refs (galley/text.hpp): HTML character references as the
// HTML5 tokenizer decodes them. One decoder for every place that meets text a
// parser left partly encoded (the HTML reader's metadata and URL checks, the
// safety scans, the markup fragment parser), so that "&#150;" or "&notin;" mean
// the same thing wherever they turn up.
#include <algorithm>
#include <cstdint>

#include "galley/text.hpp"

namespace galley {
namespace {

struct NamedRef {
  std::string_view name;  // without ';'
  const char* text;       // UTF-8, one or two code points
  bool legacy;            // also a reference without ';'
};
constexpr NamedRef kNamedRefs[] = {
#include "char_refs.inc"
};
// The longest legacy name ("frac34", "middot"): a legacy match is searched no longer.
constexpr std::size_t kLongestLegacy = 6;

const NamedRef* find_named(std::string_view name) {
  auto it = std::lower_bound(std::begin(kNamedRefs), std::end(kNamedRefs), name,
                             [](const NamedRef& r, std::string_view n) { return r.name < n; });
  return it != std::end(kNamedRefs) && it->name == name ? it : nullptr;
}

bool ascii_alnum(char c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }

// What the standard's "numeric character reference end state" makes of a number:
// browsers read &#128;-&#159; as the windows-1252 characters pages meant by them.
char32_t numeric_ref_value(std::uint32_t v) {
  if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0xFFFD;
  if (v >= 0x80 && v <= 0x9F) {
    static constexpr char16_t kC1[32] = {
        0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
    return kC1[v - 0x80];
  }
  return static_cast<char32_t>(v);
}

}  // namespace

std::string decode_char_refs(std::string_view s, RefContext where) {
  if (s.find('&') == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  const std::size_t n = s.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    std::size_t j = i + 1;
    if (j < n && s[j] == '#') {
      ++j;
      const bool hex = j < n && (s[j] | 0x20) == 'x';
      if (hex) ++j;
      const std::size_t start = j;
      std::uint32_t v = 0;
      for (; j < n; ++j) {
        int d = hex ? hex_digit_value(s[j]) : (s[j] >= '0' && s[j] <= '9' ? s[j] - '0' : -1);
        if (d < 0) break;
        // Saturate: any value past U+10FFFF is U+FFFD, however many digits follow.
        if (v <= 0x10FFFF) v = v * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
      }
      if (j == start) {  // "&#" or "&#x" without digits is text
        out += '&';
        continue;
      }
      if (j < n && s[j] == ';') ++j;
      append_utf8(out, numeric_ref_value(v));
      i = j - 1;
      continue;
    }
    std::size_t k = j;
    while (k < n && ascii_alnum(s[k])) ++k;
    if (k == j) {
      out += '&';
      continue;
    }
    // A name with ';' spans the whole run of letters and digits; without one, the
    // longest legacy name the run begins with.
    const NamedRef* r = nullptr;
    std::size_t end = k;
    if (k < n && s[k] == ';' && (r = find_named(s.substr(j, k - j)))) {
      end = k + 1;
    } else {
      r = nullptr;
      for (std::size_t len = std::min(k - j, kLongestLegacy); len >= 2 && !r; --len)
        if (auto* c = find_named(s.substr(j, len)); c && c->legacy) {
          r = c;
          end = j + len;
        }
      if (r && where == RefContext::Attribute && end < n && (s[end] == '=' || ascii_alnum(s[end]))) r = nullptr;
    }
    if (!r) {
      out += '&';
      continue;
    }
    out += r->text;
    i = end - 1;
  }
  return out;
}

}  // namespace galley
