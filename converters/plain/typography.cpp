// Typography: restore missing spaces after punctuation; smart quotes (pandoc's
// `smart` extension: Quoted inlines, apostrophes inside words become ’).
#include <utf8proc.h>

#include <array>
#include <string>
#include <vector>

#include "galley/builder.hpp"
#include "galley/detail/swar.hpp"
#include "galley/text.hpp"
#include "plain/reader_detail.hpp"

namespace galley::plain::detail {

bool cp_letter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  auto cat = utf8proc_category((utf8proc_int32_t)c);
  return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}
bool cp_upper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  auto cat = utf8proc_category((utf8proc_int32_t)c);
  return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}
bool cp_lower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return utf8proc_category((utf8proc_int32_t)c) == UTF8PROC_CATEGORY_LL;
}
bool cp_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x202F || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x3000;
}

namespace {

char32_t cp_at(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  if ((unsigned char)s[i] < 0x80) return (unsigned char)s[i];
  std::size_t j = i;
  return next_codepoint(s, j);
}
// Code point ending just before byte i (0 at start).
char32_t cp_before(std::string_view s, std::size_t i, std::size_t* start = nullptr) {
  if (i == 0) return 0;
  if ((unsigned char)s[i - 1] < 0x80) {
    if (start) *start = i - 1;
    return (unsigned char)s[i - 1];
  }
  std::size_t j = i - 1;
  while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80 && i - j < 4) --j;
  if (start) *start = j;
  std::size_t k = j;
  return next_codepoint(s, k);
}
std::size_t cp_size(std::string_view s, std::size_t i) {
  unsigned char c = s[i];
  return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}
bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

// Does the whitespace-delimited token [a, b) look like a URL, e-mail or markup?
bool protected_token(std::string_view tok) {
  return tok.find("://") != std::string_view::npos || tok.find('@') != std::string_view::npos ||
         tok.rfind("www.", 0) == 0 || tok.find('&') != std::string_view::npos ||
         tok.find("\\") != std::string_view::npos;
}

}  // namespace

namespace {

// Byte classes for the scans below: 1 space/tab, 2 sentence punctuation (. , ; : ! ?).
constexpr std::array<unsigned char, 256> kTokClass = [] {
  std::array<unsigned char, 256> t{};
  t[' '] = t['\t'] = 1;
  t['.'] = t[','] = t[';'] = t[':'] = t['!'] = t['?'] = 2;
  return t;
}();

// Is a space missing after the punctuation at s[i] (0 < i, i + 1 < s.size(), token not protected)?
bool missing_space(std::string_view s, std::size_t i) {
  char c = s[i];
  char32_t next = cp_at(s, i + 1);
  if (!cp_letter(next)) return false;
  std::size_t pstart = 0;
  char32_t prev = cp_before(s, i, &pstart);
  switch (c) {
    case '.': {
      // "giới.Từ": previous word lower-case (>= 2 letters), next word Capitalised then lower-case.
      if (!cp_lower(prev) || !cp_upper(next)) return false;
      char32_t after = cp_at(s, i + 1 + cp_size(s, i + 1));
      if (!cp_lower(after)) return false;
      std::size_t p2 = 0;
      char32_t prev2 = pstart > 0 ? cp_before(s, pstart, &p2) : 0;
      return cp_letter(prev2);
    }
    case ',':
    case ';':
      return cp_letter(prev) || prev == ')' || prev == '"' || prev == 0x201D;
    case ':':
    case '!':
    case '?':
      return cp_letter(prev) && cp_upper(next);
  }
  return false;
}

// Can byte c start a letter? ASCII letters and every non-ASCII byte (missing_space()
// decides); digits, spaces and punctuation cannot, which rules out "1.000" and ". ".
constexpr std::array<bool, 256> kMayStartLetter = [] {
  std::array<bool, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = t[c - 'a' + 'A'] = true;
  for (int c = 0x80; c < 0x100; ++c) t[c] = true;
  return t;
}();

// The number of spaces inserted; when > 0, `out` holds the fixed text (untouched otherwise).
// Only punctuation followed directly by a letter can lack a space, so the scan looks for
// that pair and examines the whitespace-delimited token around it (URLs, e-mail addresses
// and markup are left alone).
std::size_t spacing_fixes(std::string_view s, std::string& out) {
  std::size_t fixes = 0, copied = 0, n = s.size();
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t tok_begin = 0, tok_end = 0;  // the last token examined
  bool tok_protected = false;
  auto consider = [&](std::size_t k) {  // s[k] is punctuation, s[k + 1] may start a letter
    if (k >= tok_end) {
      tok_begin = k;
      while (tok_begin > 0 && kTokClass[p[tok_begin - 1]] != 1) --tok_begin;
      tok_end = k;
      while (tok_end < n && kTokClass[p[tok_end]] != 1) ++tok_end;
      tok_protected = protected_token(s.substr(tok_begin, tok_end - tok_begin));
    }
    if (tok_protected || !missing_space(s, k)) return false;
    if (!fixes) out.reserve(n + n / 64);
    out.append(s.substr(copied, k + 1 - copied));
    out.push_back(' ');
    copied = k + 1;
    ++fixes;
    return false;
  };
  std::size_t k = 1;
#if GALLEY_SSE2
  // sixteen positions at a time while the byte after the block can be read
  if (n >= 18) {
    namespace sw = galley::detail::swar;
    auto candidates = [](const char* q) -> unsigned {
      __m128i x = sw::load16(q), next = sw::load16(q + 1);
      __m128i punct = _mm_or_si128(_mm_or_si128(_mm_or_si128(sw::eq16(x, '.'), sw::eq16(x, ',')), _mm_or_si128(sw::eq16(x, ';'), sw::eq16(x, ':'))),
                                   _mm_or_si128(sw::eq16(x, '!'), sw::eq16(x, '?')));
      __m128i folded = _mm_or_si128(next, _mm_set1_epi8(0x20));  // ASCII letters to lower case
      __m128i ascii_letter = _mm_and_si128(_mm_cmpgt_epi8(folded, _mm_set1_epi8('a' - 1)), _mm_cmplt_epi8(folded, _mm_set1_epi8('z' + 1)));
      return unsigned(_mm_movemask_epi8(punct) & (_mm_movemask_epi8(ascii_letter) | _mm_movemask_epi8(next)));
    };
    bool stopped = false;
    k = sw::each_marked16(s.data(), 1, n - 1, candidates, consider, stopped);
  }
#endif
  for (; k + 1 < n; ++k)
    if (kTokClass[p[k]] == 2 && kMayStartLetter[p[k + 1]]) consider(k);
  if (fixes) out.append(s.substr(copied));
  return fixes;
}

}  // namespace

std::string fix_spacing(std::string_view s, Rewrites& rw) {
  std::string out;
  std::size_t fixes = spacing_fixes(s, out);
  rw.add("space", fixes);
  if (!fixes) out.assign(s);
  return out;
}

namespace {

constexpr std::array<bool, 256> kQuoteStart = [] {
  std::array<bool, 256> t{};
  t['"'] = t['\''] = t[0xE2] = true;
  return t;
}();

enum class Q { None, OpenD, CloseD, OpenS, CloseS, Apos, Literal };

struct Ev {
  std::size_t pos, len;
  bool dbl;
  Q fate = Q::Literal;
};

bool opening_punct(char32_t c) {
  return c == '(' || c == '[' || c == '{' || c == '-' || c == 0x2013 || c == 0x2014 || c == '/' || c == '"' ||
         c == '\'' || c == 0x201C || c == 0x2018 || c == 0xAB;
}

// Any byte a quote can start with (the straight quotes, 0xE2 of the curly ones)?
bool may_have_quotes(std::string_view s) {
  std::size_t i = 0, n = s.size();
#if GALLEY_SSE2
  namespace sw16 = galley::detail::swar;
  for (; i + 16 <= n; i += 16) {
    __m128i x = sw16::load16(s.data() + i);
    if (_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(sw16::eq16(x, '"'), sw16::eq16(x, '\'')), sw16::eq16(x, 0xE2)))) return true;
  }
#endif
  if constexpr (galley::detail::swar::kSwarLittleEndian) {
    namespace sw = galley::detail::swar;
    for (; i + 8 <= n; i += 8) {
      std::uint64_t x = sw::load8(s.data() + i);
      if (sw::eq(x, '"') | sw::eq(x, '\'') | sw::eq(x, 0xE2)) return true;
    }
  }
  for (; i < n; ++i)
    if (kQuoteStart[(unsigned char)s[i]]) return true;
  return false;
}

void flush(std::string& buf, Inlines& target) {
  if (buf.empty()) return;
  bool lead = cp_space(cp_at(buf, 0));
  std::size_t st = 0;
  char32_t last = cp_before(buf, buf.size(), &st);
  bool trail = cp_space(last);
  // text(buf) appended to target: words only when buf has a byte other than ' ' '\t' '\n' '\r'.
  bool words = false;
  for (char c : buf)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      words = true;
      break;
    }
  if ((lead || (!words && trail)) && !target.empty() && !target.back().is<Space>()) target.push_back(Space{});
  if (words) append_text(target, buf);
  if (trail && words) target.push_back(Space{});
  buf.clear();
}

}  // namespace

Inlines make_inlines(std::string_view input, const TypoOptions& opt, Rewrites& rw, std::size_t words) {
  std::string fixed;
  std::string_view s = input;
  if (opt.spacing) {
    std::size_t fixes = spacing_fixes(input, fixed);
    rw.add("space", fixes);
    if (fixes) s = fixed;
    if (words != kUnknownWords) words += fixes;  // each space inserted splits a word in two
  }
  if (words == kUnknownWords) words = count_words(s);
  if (!opt.smart || !may_have_quotes(s)) return text(s, words);

  // 1. quote characters
  std::vector<Ev> ev;
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = s[i];
    if (!kQuoteStart[c]) continue;
    if (c == '"' || c == '\'') ev.push_back({i, 1, c == '"'});
    else if (c == 0xE2 && i + 2 < s.size() && (unsigned char)s[i + 1] == 0x80) {
      unsigned char d = s[i + 2];
      if (d == 0x9C || d == 0x9D || d == 0x98 || d == 0x99) ev.push_back({i, 3, d == 0x9C || d == 0x9D});
    }
  }
  if (ev.empty()) return text(s);

  // 2. decide each one's fate with a stack of open quotes
  std::vector<std::size_t> stack;  // indices into ev
  std::size_t quotes = 0, apos = 0;
  for (std::size_t k = 0; k < ev.size(); ++k) {
    Ev& e = ev[k];
    char32_t prev = cp_before(s, e.pos);
    char32_t next = cp_at(s, e.pos + e.len);
    bool prev_space = prev == 0 || cp_space(prev);
    bool next_space = next == 0 || cp_space(next);
    bool can_open = (prev_space || opening_punct(prev)) && !next_space;
    bool can_close = !prev_space && (next_space || !(cp_letter(next) || is_digit(next)));
    unsigned char b = e.len == 3 ? (unsigned char)s[e.pos + 2] : 0;
    bool curly_open = b == 0x9C || b == 0x98, curly_close = b == 0x9D || b == 0x99;
    if (curly_open) can_close = false;
    if (curly_close) can_open = false;
    if (!e.dbl && (cp_letter(prev) || is_digit(prev)) && cp_letter(next)) {  // don't, l'homme
      e.fate = Q::Apos;
      continue;
    }
    if (can_close && !stack.empty() && ev[stack.back()].dbl == e.dbl) {
      ev[stack.back()].fate = e.dbl ? Q::OpenD : Q::OpenS;
      e.fate = e.dbl ? Q::CloseD : Q::CloseS;
      stack.pop_back();
      ++quotes;
      continue;
    }
    if (can_close && e.dbl && !stack.empty()) {
      // close an outer double quote, dropping unclosed single quotes above it
      std::size_t d = stack.size();
      while (d > 0 && !ev[stack[d - 1]].dbl) --d;
      if (d > 0) {
        for (std::size_t x = d; x < stack.size(); ++x) ev[stack[x]].fate = Q::Apos;
        stack.resize(d);
        ev[stack.back()].fate = Q::OpenD;
        e.fate = Q::CloseD;
        stack.pop_back();
        ++quotes;
        continue;
      }
    }
    if (can_open && stack.size() < 16) {
      stack.push_back(k);
      e.fate = Q::Literal;  // until closed
      continue;
    }
    e.fate = e.dbl ? Q::Literal : Q::Apos;
  }
  for (auto k : stack) ev[k].fate = ev[k].dbl ? Q::Literal : Q::Apos;
  for (auto& e : ev)
    if (e.fate == Q::Apos) {
      // a straight apostrophe becomes ’; a curly one stays as it is
      if (e.len == 1) ++apos;
    }

  // 3. build the inlines
  std::vector<std::pair<QuoteType, Inlines>> levels;
  levels.push_back({QuoteType::DoubleQuote, {}});
  levels.back().second.reserve(2 * words + 1);
  std::string buf;
  std::size_t last = 0;
  for (auto& e : ev) {
    buf.append(s.substr(last, e.pos - last));
    last = e.pos + e.len;
    switch (e.fate) {
      case Q::Apos:
        buf.append(e.len == 1 ? "\xE2\x80\x99" : std::string(s.substr(e.pos, e.len)));
        break;
      case Q::Literal:
      case Q::None:
        buf.append(s.substr(e.pos, e.len));
        break;
      case Q::OpenD:
      case Q::OpenS:
        flush(buf, levels.back().second);
        levels.push_back({e.fate == Q::OpenD ? QuoteType::DoubleQuote : QuoteType::SingleQuote, {}});
        break;
      case Q::CloseD:
      case Q::CloseS: {
        flush(buf, levels.back().second);
        auto lv = std::move(levels.back());
        levels.pop_back();
        levels.back().second.push_back(Quoted{lv.first, std::move(lv.second)});
        break;
      }
    }
  }
  buf.append(s.substr(last));
  flush(buf, levels.back().second);
  rw.add("quotes", quotes);
  rw.add("apostrophe", apos);
  return std::move(levels.front().second);
}

}  // namespace galley::plain::detail
