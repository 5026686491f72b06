// UTF-8 handling, NFC, stringify and pandoc-compatible identifiers.
#include "galley/text.hpp"

#include "galley/detail/swar.hpp"

#include <utf8proc.h>


#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "galley/error.hpp"

namespace galley {

namespace {

const char* quote_open(QuoteType t) { return t == QuoteType::DoubleQuote ? "\u201C" : "\u2018"; }
const char* quote_close(QuoteType t) { return t == QuoteType::DoubleQuote ? "\u201D" : "\u2019"; }

void stringify_into(std::string& out, const Inlines& xs);
void stringify_blocks_into(std::string& out, const Blocks& bs);

void stringify_into(std::string& out, const Inline& x) {
  galley::visit(
      [&](const auto& n) {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, Str>) out += n.text;
        else if constexpr (std::is_same_v<T, Space> || std::is_same_v<T, SoftBreak> || std::is_same_v<T, LineBreak>) out += ' ';
        else if constexpr (std::is_same_v<T, Code> || std::is_same_v<T, Math>) out += n.text;
        else if constexpr (std::is_same_v<T, RawInline>) {}
        else if constexpr (std::is_same_v<T, Quoted>) {
          out += quote_open(n.type);
          stringify_into(out, n.content);
          out += quote_close(n.type);
        } else if constexpr (std::is_same_v<T, Note>) {}
        else stringify_into(out, n.content);
      }, x);
}

void stringify_into(std::string& out, const Inlines& xs) {
  for (auto& x : xs) stringify_into(out, x);
}

void stringify_block(std::string& out, const Block& b) {
  galley::visit(
      [&](const auto& n) {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, Plain> || std::is_same_v<T, Para> || std::is_same_v<T, Header>) stringify_into(out, n.content);
        else if constexpr (std::is_same_v<T, LineBlock>) {
          for (std::size_t i = 0; i < n.lines.size(); ++i) {
            if (i) out += '\n';
            stringify_into(out, n.lines[i]);
          }
        } else if constexpr (std::is_same_v<T, CodeBlock>) out += n.text;
        else if constexpr (std::is_same_v<T, BlockQuote> || std::is_same_v<T, Div>) stringify_blocks_into(out, n.content);
        else if constexpr (std::is_same_v<T, OrderedList> || std::is_same_v<T, BulletList>) {
          for (std::size_t i = 0; i < n.items.size(); ++i) {
            if (i) out += '\n';
            stringify_blocks_into(out, n.items[i]);
          }
        } else if constexpr (std::is_same_v<T, DefinitionList>) {
          for (auto& item : n.items) {
            stringify_into(out, item.term);
            for (auto& d : item.definitions) { out += '\n'; stringify_blocks_into(out, d); }
            out += '\n';
          }
        } else if constexpr (std::is_same_v<T, Figure>) {
          stringify_blocks_into(out, n.content);
          if (!n.content.empty() && !n.caption.long_caption.empty()) out += '\n';
          stringify_blocks_into(out, n.caption.long_caption);
        } else if constexpr (std::is_same_v<T, Table>) {
          std::size_t start = out.size();
          stringify_blocks_into(out, n.caption.long_caption);
          auto rows = [&](const std::vector<Row>& rs) {
            for (auto& r : rs) {
              if (out.size() > start) out += '\n';
              for (std::size_t c = 0; c < r.cells.size(); ++c) {
                if (c) out += ' ';
                stringify_blocks_into(out, r.cells[c].content);
              }
            }
          };
          rows(n.head.rows);
          for (auto& b : n.bodies) { rows(b.head); rows(b.body); }
          rows(n.foot.rows);
        }
      }, b);
}

void stringify_blocks_into(std::string& out, const Blocks& bs) {
  for (std::size_t i = 0; i < bs.size(); ++i) {
    if (i) out += '\n';
    stringify_block(out, bs[i]);
  }
}

}  // namespace

std::string stringify(const Inlines& inlines) {
  std::string out;
  stringify_into(out, inlines);
  return out;
}

std::string stringify(const Blocks& blocks) {
  std::string out;
  stringify_blocks_into(out, blocks);
  return out;
}

std::string stringify(const MetaValue& value) {
  return galley::visit(
      [](const auto& n) -> std::string {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, MetaString>) return n.text;
        else if constexpr (std::is_same_v<T, MetaBool>) return n.value ? "true" : "false";
        else if constexpr (std::is_same_v<T, MetaInlines>) return stringify(n.content);
        else if constexpr (std::is_same_v<T, MetaBlocks>) return stringify(n.content);
        else if constexpr (std::is_same_v<T, MetaList>) {
          std::string out;
          for (std::size_t i = 0; i < n.items.size(); ++i) {
            if (i) out += ", ";
            out += stringify(n.items[i]);
          }
          return out;
        } else {
          auto it = n.entries.find("name");
          if (it != n.entries.end()) return stringify(it->second);
          it = n.entries.find("text");
          return it != n.entries.end() ? stringify(it->second) : std::string();
        }
      }, value);
}

bool already_nfc(std::string_view s) { return nfc_quick_prefix(s) == s.size(); }

namespace {

#if GALLEY_SSE2
// Are the sixteen bytes at p plainly NFC, given that the bytes before them are (p[-2]
// and p[-1] are read)? Plainly NFC: ASCII, lead bytes C2..CB (U+0080..U+02FF), E1
// followed by B8..BB (U+1E00..U+1EFF, Vietnamese), E2 80 followed by 90..BF (dashes,
// quotes, ellipsis), each with the continuation bytes it calls for and no others.
// False means "look byte by byte": the text may still be NFC (E2 81, EF ...).
bool quick_nfc_16(const char* p) {
  auto load = [](const char* q) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(q)); };
  auto eq = [](__m128i a, int c) { return _mm_cmpeq_epi8(a, _mm_set1_epi8(static_cast<char>(c))); };
  auto lead2 = [](__m128i a) {  // C2..CB, compared as signed bytes after flipping the top bit
    __m128i f = _mm_xor_si128(a, _mm_set1_epi8(static_cast<char>(0x80)));
    return _mm_and_si128(_mm_cmpgt_epi8(f, _mm_set1_epi8(0x41)), _mm_cmplt_epi8(f, _mm_set1_epi8(0x4C)));
  };
  const __m128i x = load(p), x1 = load(p - 1), x2 = load(p - 2);
  const __m128i cont = eq(_mm_and_si128(x, _mm_set1_epi8(static_cast<char>(0xC0))), 0x80);
  const __m128i e1_1 = eq(x1, 0xE1), e2_1 = eq(x1, 0xE2), e2_2 = eq(x2, 0xE2);
  const __m128i owed = _mm_or_si128(_mm_or_si128(lead2(x1), e1_1), _mm_or_si128(_mm_or_si128(eq(x2, 0xE1), e2_1), e2_2));
  const __m128i known_lead = _mm_or_si128(lead2(x), _mm_or_si128(eq(x, 0xE1), eq(x, 0xE2)));
  __m128i bad = _mm_xor_si128(owed, cont);                                                       // continuation where owed
  bad = _mm_or_si128(bad, _mm_andnot_si128(eq(_mm_and_si128(x, _mm_set1_epi8(static_cast<char>(0xFC))), 0xB8), e1_1));  // E1 B8..BB
  bad = _mm_or_si128(bad, _mm_andnot_si128(eq(x, 0x80), e2_1));                                   // E2 80
  bad = _mm_or_si128(bad, _mm_andnot_si128(                                                       // E2 80 90..BF
                              _mm_cmpgt_epi8(_mm_xor_si128(x, _mm_set1_epi8(static_cast<char>(0x80))), _mm_set1_epi8(0x0F)), e2_2));
  int other_lead = _mm_movemask_epi8(x) & ~_mm_movemask_epi8(_mm_or_si128(cont, known_lead));
  return _mm_movemask_epi8(bad) == 0 && other_lead == 0;
}

// From i (the start of a code point), past the blocks of sixteen bytes that are plainly NFC.
std::size_t skip_quick_nfc(const char* p, std::size_t i, std::size_t n) {
  if (i < 2) return i;  // the first block needs two bytes before it
  while (i + 16 <= n && quick_nfc_16(p + i)) i += 16;
  return i;
}
#else
// The same eight bytes at a time: ASCII, C2..CB and E1 B8..BB sequences only (E2 is left
// to the byte loop). `owed`, `owed_e1`: the continuation bytes the previous block still owes.
bool quick_nfc_block(std::uint64_t x, std::uint64_t& owed, std::uint64_t& owed_e1) {
  namespace sw = detail::swar;
  std::uint64_t cont = sw::continuation(x);
  std::uint64_t lead2 = (sw::eq(sw::bytes_and(x, 0xF8), 0xC0) & ~sw::eq(x, 0xC0) & ~sw::eq(x, 0xC1)) |
                        sw::eq(sw::bytes_and(x, 0xFC), 0xC8);
  std::uint64_t e1 = sw::eq(x, 0xE1);
  std::uint64_t other = x & sw::kHigh & ~cont & ~lead2 & ~e1;
  std::uint64_t leads = lead2 | e1;
  std::uint64_t want_cont = (leads << 8) | (e1 << 16) | owed;
  std::uint64_t after_e1 = (e1 << 8) | owed_e1;
  bool ok = !other && want_cont == cont && !(after_e1 & ~sw::eq(sw::bytes_and(x, 0xFC), 0xB8));
  owed = (leads >> 56) | (e1 >> 48);
  owed_e1 = e1 >> 56;
  return ok;
}

std::size_t skip_quick_nfc(const char* p, std::size_t i, std::size_t n) {
  if constexpr (!detail::swar::kSwarLittleEndian) return i;
  std::uint64_t owed = 0, owed_e1 = 0;
  while (i + 8 <= n && quick_nfc_block(detail::swar::load8(p + i), owed, owed_e1)) i += 8;
  return i;
}
#endif

}  // namespace

std::size_t nfc_quick_prefix(std::string_view s) {
  // Code points below U+0300, Latin Extended Additional (Vietnamese), general
  // punctuation U+2010..U+205F, currency signs U+20A0..U+20BF, U+FEFF and U+FFFD are
  // NFC on their own and never combine with a neighbour: such text is already NFC.
  const char* p = s.data();
  const auto* u = reinterpret_cast<const unsigned char*>(p);
  std::size_t i = 0, n = s.size();
  auto cont = [&](std::size_t k) { return k < n && (u[k] & 0xC0) == 0x80; };
  for (;;) {
    // whole blocks while they are plainly NFC; the last code point they reached into may
    // run on past them, so the byte loop checks it again from its start
    std::size_t from = i;
    i = skip_quick_nfc(p, i, n);
    if (i > from) {
      --i;
      while (i > from && (u[i] & 0xC0) == 0x80) --i;
    }
    if (i >= n) return n;
    // byte by byte over the next sixteen bytes (whole code points), or to the answer
    for (std::size_t stop = std::min(n, i + 16); i < stop;) {
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
    if (i >= n) return n;
  }
}

std::string nfc(std::string_view s) {
  if (already_nfc(s)) return std::string(s);
  utf8proc_uint8_t* out = nullptr;
  auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()), &out,
                        static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  if (n < 0) return std::string(s);  // invalid input: leave it to repair_utf8
  std::unique_ptr<utf8proc_uint8_t, void (*)(void*)> guard(out, std::free);
  return std::string(reinterpret_cast<char*>(out), static_cast<std::size_t>(n));
}

char32_t next_codepoint(std::string_view s, std::size_t& i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) { ++i; return c; }
  int len = 0;
  char32_t cp = 0, min = 0;
  if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; min = 0x80; }
  else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; min = 0x800; }
  else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; min = 0x10000; }
  else { ++i; return 0xFFFD; }
  if (i + len > s.size()) { ++i; return 0xFFFD; }
  for (int k = 1; k < len; ++k) {
    auto cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) { ++i; return 0xFFFD; }
    cp = (cp << 6) | (cc & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) { ++i; return 0xFFFD; }
  i += len;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) out += static_cast<char>(cp);
  else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

namespace {
// Length of a valid UTF-8 sequence starting at i, 0 when invalid.
std::size_t valid_seq(std::string_view s, std::size_t i) {
  std::size_t j = i;
  char32_t cp = next_codepoint(s, j);
  if (cp == 0xFFFD && !(j - i == 3 && static_cast<unsigned char>(s[i]) == 0xEF)) return 0;
  return j - i;
}
}  // namespace

bool valid_utf8(std::string_view s) {
  // Strict UTF-8 (no overlongs, surrogates or code points above U+10FFFF): the
  // sequences valid_seq() accepts, checked inline.
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  auto cont = [&](std::size_t k) { return k < n && (p[k] & 0xC0) == 0x80; };
  std::size_t i = 0;
  while (i < n) {
    // skip ASCII eight bytes at a time
    while (i + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, p + i, 8);
      if (w & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = p[i];
    if (c < 0x80) { ++i; continue; }
    if (c >= 0xC2 && c <= 0xDF) {
      if (!cont(i + 1)) return false;
      i += 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      if (i + 2 >= n || !cont(i + 2)) return false;
      unsigned char d = p[i + 1];
      unsigned char lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
      if (d < lo || d > hi) return false;
      i += 3;
    } else if (c >= 0xF0 && c <= 0xF4) {
      if (i + 3 >= n || !cont(i + 2) || !cont(i + 3)) return false;
      unsigned char d = p[i + 1];
      unsigned char lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
      if (d < lo || d > hi) return false;
      i += 4;
    } else {
      return false;
    }
  }
  return true;
}

std::string repair_utf8(std::string_view s, Diagnostics& diag, std::string_view what) {
  std::string out;
  std::size_t bad = 0, first = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t start = i;
    while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
    out.append(s.substr(start, i - start));
    if (i >= s.size()) break;
    auto n = valid_seq(s, i);
    if (n) { out.append(s.substr(i, n)); i += n; continue; }
    if (!bad) first = i;
    ++bad;
    out += "\xEF\xBF\xBD";
    ++i;
  }
  if (bad)
    diag.warn("invalid-utf8", std::string(what) + ": " + std::to_string(bad) +
                                  " invalid UTF-8 byte(s) replaced with U+FFFD, first at byte offset " +
                                  std::to_string(first));
  return out;
}

std::string IdentifierSet::unique(std::string base) {
  std::string id = base;
  if (contains(id)) {
    int& n = last_suffix_[base];
    do id = base + "-" + std::to_string(++n);
    while (contains(id) || reserved_.find(id) != reserved_.end());
  }
  used_.insert(id);
  return id;
}

std::string make_identifier(std::string_view text, IdentifierSet* used) {
  // pandoc: remove everything up to the first letter; keep alphanumerics,
  // '_', '-', '.'; spaces become '-'; everything lower-cased.
  std::string id;
  bool seen_letter = false;
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = next_codepoint(text, i);
    auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    bool letter = cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
    bool digit = cat == UTF8PROC_CATEGORY_ND;
    if (!seen_letter && !letter) continue;
    seen_letter = true;
    if (letter || digit || cp == '_' || cp == '-' || cp == '.') {
      append_utf8(id, static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp))));
    } else if (cp == ' ' || cp == '\t' || cp == '\n' || cp == 0xA0) {
      id += '-';
    }
  }
  if (id.empty()) id = "section";
  return used ? used->unique(std::move(id)) : id;
}

std::string_view trim(std::string_view s) {
  auto is_space_at = [&](std::size_t i, std::size_t& len) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') { len = 1; return true; }
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) { len = 2; return true; }
    if (c == 0xE3 && s.substr(i, 3) == "\u3000") { len = 3; return true; }
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
      auto d = static_cast<unsigned char>(s[i + 2]);
      if ((d >= 0x80 && d <= 0x8B) || d == 0xAF) { len = 3; return true; }
    }
    return false;
  };
  std::size_t b = 0, len = 0;
  while (b < s.size() && is_space_at(b, len)) b += len;
  std::size_t e = s.size();
  while (e > b) {
    // step back to the start of the previous code point
    std::size_t p = e - 1;
    while (p > b && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) --p;
    if (is_space_at(p, len) && p + len == e) e = p;
    else break;
  }
  return s.substr(b, e - b);
}

std::optional<std::string> guess_utf16(std::string_view bytes) {
  std::string_view head = bytes.substr(0, bytes.size() < 4096 ? bytes.size() : 4096);
  auto u = [&](std::size_t i) { return static_cast<unsigned char>(head[i]); };
  if (head.size() >= 2 && ((u(0) == 0xFF && u(1) == 0xFE) || (u(0) == 0xFE && u(1) == 0xFF))) return std::nullopt;
  if (bytes.size() % 2) return std::nullopt;  // UTF-16 comes in whole 2-byte units
  std::size_t units = head.size() / 2, le = 0, be = 0;
  for (std::size_t i = 0; i + 1 < head.size(); i += 2) {
    bool z0 = u(i) == 0, z1 = u(i + 1) == 0;
    if (z1 && !z0) ++le;
    else if (z0 && !z1) ++be;
  }
  // At least a quarter of the units (and two) in one pattern, the other nearly absent.
  if (le >= 2 && le * 4 >= units && be * 10 <= le) return std::string("UTF-16LE");
  if (be >= 2 && be * 4 >= units && le * 10 <= be) return std::string("UTF-16BE");
  return std::nullopt;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool ascii_iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

PercentDecoded percent_decode(std::string_view s, bool plus_is_space) {
  PercentDecoded out;
  out.text.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '+' && plus_is_space) {
      out.text += ' ';
      continue;
    }
    if (c == '%') {
      const int hi = i + 2 < s.size() ? hex_digit_value(s[i + 1]) : -1;
      const int lo = hi >= 0 ? hex_digit_value(s[i + 2]) : -1;
      if (lo >= 0) {
        out.text += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
      out.malformed = true;
    }
    out.text += c;
  }
  return out;
}

}  // namespace galley
