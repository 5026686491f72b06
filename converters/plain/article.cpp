// Structure detection: kicker, headline, time stamps, bylines, lede with credit or
// dateline, photo captions, sub-heads, lists, end marks. Never invents metadata:
// a field is set only when a line of the text supports it.
#include <algorithm>
#include <array>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "galley/builder.hpp"
#include "galley/detail/swar.hpp"
#include "galley/text.hpp"
#include "plain/reader_detail.hpp"

namespace galley::plain::detail {

// ---------- small text helpers ----------

namespace {

// min(cp_len(s), cap)
std::size_t cp_len_upto(std::string_view s, std::size_t cap) { return std::min(cp_len(s), cap); }

char32_t first_cp(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    char32_t c = next_codepoint(s, i);
    if (c == '"' || c == '\'' || c == '(' || c == 0x201C || c == 0x2018 || c == '[' || c == 0xAB) continue;
    return c;
  }
  return 0;
}

char32_t last_cp(std::string_view s, std::size_t* start = nullptr) {
  if (s.empty()) return 0;
  std::size_t j = s.size() - 1;
  while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80) --j;
  if (start) *start = j;
  std::size_t k = j;
  return next_codepoint(s, k);
}

bool closing_char(char32_t c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0xBB || c == '*';
}

bool starts_with_ci(std::string_view s, std::string_view p) {
  if (s.size() < p.size()) return false;
  for (std::size_t i = 0; i < p.size(); ++i) {
    char a = s[i], b = p[i];
    if (a >= 'A' && a <= 'Z') a = char(a - 'A' + 'a');
    if (b >= 'A' && b <= 'Z') b = char(b - 'A' + 'a');
    if (a != b) return false;
  }
  return true;
}


std::vector<std::string_view> words_of(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

bool has_digit(std::string_view s) {
  for (char c : s)
    if (c >= '0' && c <= '9') return true;
  return false;
}

// Letters all upper case (at least two letters).
bool all_caps(std::string_view s) {
  std::size_t i = 0, upper = 0;
  while (i < s.size()) {
    char32_t c = next_codepoint(s, i);
    if (cp_lower(c)) return false;
    if (cp_upper(c)) ++upper;
  }
  return upper >= 2;
}

std::string_view rtrim_punct(std::string_view s, std::string_view chars) {
  while (!s.empty() && chars.find(s.back()) != std::string_view::npos) s.remove_suffix(1);
  return trim(s);
}

const std::vector<std::string_view>& agencies() {
  static const std::vector<std::string_view> v = {
      "Reuters", "AFP", "AP", "Associated Press", "Bloomberg", "BBC", "CNN", "Xinhua", "Tân Hoa Xã", "Kyodo",
      "Yonhap", "TTXVN", "VNA", "TTO", "PLO", "VOV", "VTV", "Dân trí", "Dân Trí", "NLĐ", "TN", "TT", "VnExpress",
      "Tuổi Trẻ", "Thanh Niên", "ANTĐ", "GDVN", "Zing", "VietNamNet", "Vietnamnet", "Infonet", "SGGP", "QĐND",
      "CAND", "ANTV", "Vietnam+", "VTC News", "Kênh14", "Lao Động", "LĐO", "DPA", "EFE", "ANSA", "PTI", "UPI",
      "Sputnik", "TASS", "RIA Novosti", "Al Jazeera", "NHK", "KCNA", "CNA", "Nikkei", "Politico", "Axios"};
  return v;
}
bool is_agency(std::string_view s) {
  for (auto a : agencies())
    if (s == a) return true;
  return false;
}

bool particle(std::string_view w) {
  static const char* p[] = {"de", "van", "von", "der", "den", "la", "le", "du", "da", "di", "bin", "al", "el",
                            "y", "and", "và", "&", "-", "–", "et", "dos", "das", "ter", "af", "zu"};
  for (auto* x : p)
    if (w == x) return true;
  return false;
}

// "Nguyễn Hiền", "Priya Raman", "N. HỮU", "Jean-Paul de la Croix"
bool name_like(std::string_view s, std::size_t min_words = 2) {
  s = trim(s);
  if (s.empty() || cp_len(s) > 50 || has_digit(s)) return false;
  if (ends_with_sentence_punct(s) && s.back() != '.') return false;
  auto ws = words_of(s);
  if (ws.size() < min_words || ws.size() > 6) return false;
  static const char* bad[] = {"Phần", "Kỳ", "Part", "Chapter", "Chương", "Tiếp", "Bài", "Video", "Ảnh", "Photo",
                              "Xem", "Read", "Related", "Tags", "Tag", "Nguồn", "Source", "Hết", "End", "Trang"};
  for (auto* b : bad)
    if (ws[0] == b) return false;
  std::size_t caps = 0;
  for (auto w : ws) {
    if (particle(w)) continue;
    for (char c : w)
      if (c == ':' || c == ',' || c == ';' || c == '!' || c == '?' || c == '"' || c == '/') return false;
    char32_t f = first_cp(w);
    if (!cp_upper(f)) return false;
    ++caps;
  }
  return caps >= 1;
}

// Split "A and B", "A, B", "A và B", "A - B" into names.
std::vector<std::string> split_names(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  auto ws = words_of(s);
  auto push = [&] {
    std::string_view t = rtrim_punct(trim(cur), ",;");
    if (!t.empty()) out.emplace_back(t);
    cur.clear();
  };
  for (auto w : ws) {
    if (w == "and" || w == "và" || w == "&" || w == "et" || w == "-" || w == "–" || w == "—" || w == "|" ||
        w == "y" || w == "und") {
      push();
      continue;
    }
    bool comma = !w.empty() && (w.back() == ',' || w.back() == ';');
    if (!cur.empty()) cur.push_back(' ');
    cur.append(comma ? w.substr(0, w.size() - 1) : w);
    if (comma) push();
  }
  push();
  return out;
}

struct Byline {
  std::vector<std::string> names;
  std::string credit;
};

// "By Jane Doe", "Par Jean Dupont", "Theo Minh An", "Tác giả: X", "(Theo Reuters)"
std::optional<Byline> parse_byline(std::string_view s, bool bottom) {
  s = trim(s);
  if (s.empty() || cp_len(s) > 90) return std::nullopt;
  bool paren = false;
  if (s.front() == '(' && s.back() == ')') {
    s = trim(s.substr(1, s.size() - 2));
    paren = true;
  }
  static const char* prefixes[] = {"by ", "par ", "theo ", "tác giả:", "tác giả ", "author:", "written by ",
                                   "bài và ảnh:", "bài, ảnh:", "bài:", "text:", "texte:", "reporter:", "phóng viên:"};
  std::string_view rest;
  bool prefixed = false, theo = false;
  for (auto* p : prefixes) {
    std::string_view pv(p);
    if (starts_with_ci(s, pv)) {
      rest = trim(s.substr(pv.size()));
      prefixed = true;
      theo = pv == "theo ";
      break;
    }
  }
  if (!prefixed) {
    if (!bottom || paren) return std::nullopt;
    rest = s;
  }
  rest = rtrim_punct(rest, ".");
  if (rest.empty()) return std::nullopt;
  Byline b;
  // "Minh Anh (tổng hợp)", "Nguyễn Hiền (TTXVN)"
  if (rest.back() == ')' && rest.find(" (") != std::string_view::npos) {
    std::size_t open = rest.rfind(" (");
    std::string_view inside = trim(rest.substr(open + 2, rest.size() - open - 3));
    if (starts_with_ci(inside, "theo ")) inside = trim(inside.substr(5));
    if (is_agency(inside)) b.credit = std::string(inside);
    else if (!(inside == "tổng hợp" || inside == "tổng hợp" || inside == "lược dịch" || inside == "dịch")) return std::nullopt;
    rest = trim(rest.substr(0, open));
  }
  if (is_agency(rest)) {
    b.names.emplace_back(rest);
    b.credit = std::string(rest);
    return b;
  }
  // "Jane Doe, Reuters" / "Jane Doe | Reuters"
  auto names = split_names(rest);
  if (names.empty() || names.size() > 6) return std::nullopt;
  for (auto& n : names) {
    if (is_agency(n)) {
      if (b.credit.empty()) b.credit = n;
      continue;
    }
    if (!name_like(n, theo || !prefixed ? 2 : 1)) return std::nullopt;
    b.names.push_back(n);
  }
  if (b.names.empty()) {
    if (b.credit.empty()) return std::nullopt;
    b.names.push_back(b.credit);
  }
  return b;
}

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

struct Prefix {
  std::string credit, dateline;
  std::size_t consumed = 0;  // bytes of the lede taken by the prefix
};

// Where does a dash separator start? Returns position of the dash and its length.
bool find_dash(std::string_view s, std::size_t from, std::size_t limit, std::size_t& pos, std::size_t& len) {
  for (std::size_t i = from; i < s.size() && i < limit; ++i) {
    if (s[i] == '-') { pos = i; len = 1; }
    else if (s.compare(i, 3, "\xE2\x80\x93") == 0 || s.compare(i, 3, "\xE2\x80\x94") == 0) { pos = i; len = 3; }
    else continue;
    bool before_ok = i > 0 && (s[i - 1] == ' ' || s[i - 1] == ')');
    bool after_ok = i + len < s.size() && (s[i + len] == ' ' || cp_upper([&] { std::size_t k = i + len; return next_codepoint(s, k); }()));
    if (before_ok && after_ok) return true;
  }
  return false;
}

bool dateline_like(std::string_view s) {
  s = trim(s);
  if (s.empty() || cp_len(s) > 60) return false;
  auto ws = words_of(s);
  if (ws.empty() || ws.size() > 7) return false;
  // first word ALL CAPS ("LEEDS,", "HÀ", "WASHINGTON")
  std::string_view w0 = rtrim_punct(ws[0], ",");
  if (!all_caps(w0)) return false;
  for (auto w : ws)
    if (!cp_upper(first_cp(w)) && !has_digit(w) && !particle(w)) return false;
  return true;
}

std::string strip_dateline_date(std::string_view s) {
  // "WASHINGTON, Nov 25" -> "WASHINGTON"
  std::string_view t = trim(s);
  std::size_t comma = t.rfind(',');
  if (comma != std::string_view::npos) {
    std::string_view tail = trim(t.substr(comma + 1));
    if (has_digit(tail) && word_count(tail) <= 3) t = trim(t.substr(0, comma));
  }
  return std::string(rtrim_punct(t, ","));
}

std::optional<Prefix> parse_prefix(std::string_view s) {
  Prefix p;
  // "Dân trí Năm 2020, ..." (outlet name, no dash)
  for (std::string_view name : {std::string_view("Dân trí"), std::string_view("Dân Trí")}) {
    if (s.rfind(name, 0) == 0 && s.size() > name.size() + 1 && s[name.size()] == ' ') {
      std::size_t k = name.size() + 1;
      std::size_t k2 = k;
      if (s[k] == '-' || s.compare(k, 3, "\xE2\x80\x93") == 0 || s.compare(k, 3, "\xE2\x80\x94") == 0) {
        k += s[k] == '-' ? 1 : 3;
        while (k < s.size() && s[k] == ' ') ++k;
        k2 = k;
      }
      if (cp_upper(next_codepoint(s, k2 = k2))) {
        p.credit = std::string(name);
        p.consumed = k;
        return p;
      }
    }
  }
  std::size_t dpos = 0, dlen = 0;
  if (!find_dash(s, 1, 130, dpos, dlen)) return std::nullopt;
  std::string_view head = trim(s.substr(0, dpos));
  std::size_t after = dpos + dlen;
  while (after < s.size() && s[after] == ' ') ++after;
  if (after >= s.size()) return std::nullopt;
  if (head.empty()) return std::nullopt;
  if (head.back() == ')') {
    std::size_t open = head.rfind('(');
    if (open == std::string_view::npos) return std::nullopt;
    std::string_view inside = trim(head.substr(open + 1, head.size() - open - 2));
    std::string_view before = trim(head.substr(0, open));
    if (inside.empty() || cp_len(inside) > 40 || word_count(inside) > 5 || !cp_upper(first_cp(inside))) return std::nullopt;
    if (!before.empty() && !dateline_like(before)) return std::nullopt;
    p.credit = std::string(inside);
    if (!before.empty()) p.dateline = strip_dateline_date(before);
    p.consumed = after;
    return p;
  }
  if (is_agency(head)) {
    p.credit = std::string(head);
    p.consumed = after;
    return p;
  }
  if (dateline_like(head)) {
    auto ws = words_of(head);
    std::size_t letters = cp_len(head);
    if (ws.size() == 1 && letters <= 4 && head.find(',') == std::string_view::npos) p.credit = std::string(head);
    else p.dateline = strip_dateline_date(head);
    p.consumed = after;
    return p;
  }
  return std::nullopt;
}

// NLĐ style: "Headline words (NLĐ)- Lede ..." on one line. Returns the byte offset of "(".
std::optional<std::size_t> inline_credit_split(std::string_view s) {
  std::size_t limit = std::min<std::size_t>(s.size(), 400);
  for (std::size_t i = 1; i < limit; ++i) {
    if (s[i] != '(' || s[i - 1] != ' ') continue;
    std::size_t close = s.find(')', i);
    if (close == std::string_view::npos || close - i > 30) continue;
    std::string_view inside = s.substr(i + 1, close - i - 1);
    if (!all_caps(inside) && !is_agency(inside)) continue;
    std::size_t k = close + 1;
    while (k < s.size() && s[k] == ' ') ++k;
    if (k < s.size() && (s[k] == '-' || s.compare(k, 3, "\xE2\x80\x93") == 0 || s.compare(k, 3, "\xE2\x80\x94") == 0)) {
      if (word_count(s.substr(0, i)) >= 3) return i;
    }
  }
  return std::nullopt;
}

bool title_like(const Unit& u, const Unit* next) {
  if (u.list != ListKind::None || !next) return false;
  std::string_view s = u.text;
  std::size_t len = cp_len(s), wc = word_count(s);
  if (len > 200 || wc == 0 || wc > 35) return false;
  if (starts_lower(s)) return false;
  if (!ends_with_sentence_punct(s)) return true;
  std::size_t st = 0;
  char32_t last = last_cp(s, &st);
  if (last == '?' || last == '!') return true;
  if (last == '.' && len <= 150 && s.substr(0, s.size() - 1).find(". ") == std::string_view::npos &&
      cp_len(next->text) > len)
    return true;
  return false;
}

bool kicker_like(const Unit& u) {
  if (u.list != ListKind::None) return false;
  std::string_view s = u.text;
  if (cp_len(s) > 32 || word_count(s) > 5 || ends_with_sentence_punct(s) || starts_lower(s)) return false;
  if (has_digit(s)) return false;
  return true;
}

bool strip_end_mark(std::string& t) {
  std::string_view v = t;
  bool changed = false;
  for (std::string_view m : {std::string_view("./."), std::string_view("/.")}) {
    if (v.size() >= m.size() && v.substr(v.size() - m.size()) == m) {
      std::size_t keep = v.size() - m.size();
      // "./." keeps the final "." of the sentence; "xã hội./." -> "xã hội."
      t.resize(keep);
      if (m == "./.") t.push_back('.');
      while (!t.empty() && t.back() == ' ') t.pop_back();
      if (t == ".") t.clear();
      changed = true;
      break;
    }
  }
  return changed;
}

}  // namespace

bool ends_with_sentence_punct(std::string_view s) {
  s = trim(s);
  while (!s.empty()) {
    std::size_t st = 0;
    char32_t c = last_cp(s, &st);
    if (closing_char(c)) {
      s = s.substr(0, st);
      continue;
    }
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == 0x2026 || c == 0x3002;
  }
  return false;
}
bool starts_upper(std::string_view s) { return cp_upper(first_cp(s)); }
bool starts_lower(std::string_view s) { return cp_lower(first_cp(s)); }
// Words are separated by spaces and tabs; units hold no CR or LF (decode() and layout()
// removed them), so galley::count_words() counts the same words, eight bytes at a time.
std::size_t word_count(std::string_view s) { return count_words(s); }
std::size_t word_count_upto(std::string_view s, std::size_t cap) { return std::min(count_words(s), cap); }

void Rewrites::report(Diagnostics& diag) const {
  for (auto& [kind, n] : counts) diag.info("rewrite-" + kind, std::to_string(n) + " " + kind + " rewrite(s)");
}

// ---------- the document ----------

namespace {

struct Builder {
  const ArticleOptions& opt;
  Rewrites& rw;
  IdentifierSet ids;

  Inlines inl(std::string_view s, std::size_t words = kUnknownWords) { return make_inlines(s, opt.typo, rw, words); }

  Block header(int level, std::string_view s) {
    Inlines c = inl(s);
    std::string id = make_identifier(stringify(c), &ids);
    return Header{level, Attr{id, {}, {}}, std::move(c)};
  }
  Block figure(std::string_view s) {
    Figure f;
    f.caption.long_caption.push_back(Plain{inl(s)});
    return f;
  }

  // Lists from units[i..] of the same kind; advances i.
  Block list(const std::vector<Unit>& u, std::size_t& i, std::size_t end) {
    ListKind k = u[i].list;
    char delim = u[i].delim;
    std::vector<Blocks> items;
    int start = u[i].number;
    while (i < end && u[i].list == k && (k == ListKind::Bullet || u[i].delim == delim)) {
      items.push_back(Blocks{Plain{inl(u[i].text)}});
      ++i;
    }
    if (k == ListKind::Bullet) return BulletList{std::move(items)};
    ListAttributes a;
    a.start = start;
    a.style = ListNumberStyle::Decimal;
    a.delim = delim == ')' ? ListNumberDelim::OneParen : ListNumberDelim::Period;
    return OrderedList{a, std::move(items)};
  }
};

bool heading_like(std::string_view s) {
  if (s.empty() || ends_with_sentence_punct(s) || starts_lower(s)) return false;
  std::size_t st = 0;
  char32_t last = last_cp(s, &st);
  if (last == ',' || last == '-' || last == 0x2013 || last == 0x2014 || last == '(' || last == '/') return false;
  return cp_len(s) <= 120 && word_count(s) <= 14;
}

Document plain_document(std::vector<Unit>& units, Builder& b) {
  Document doc;
  std::size_t n = units.size();
  for (std::size_t i = 0; i < n;) {
    Unit& u = units[i];
    if (u.list != ListKind::None) {
      doc.blocks.push_back(b.list(units, i, n));
      continue;
    }
    bool next_para = i + 1 < n && units[i + 1].list == ListKind::None && !heading_like(units[i + 1].text);
    if (next_para && heading_like(u.text) && (all_caps(u.text) || word_count(u.text) <= 10))
      doc.blocks.push_back(b.header(i == 0 ? 1 : 2, u.text));
    else
      doc.blocks.push_back(Para{b.inl(u.text)});
    ++i;
  }
  return doc;
}

}  // namespace

Document build_document(std::vector<Unit> units, const ArticleOptions& opt, Rewrites& rw) {
  Builder b{opt, rw, {}};
  if (!opt.article) {
    Document doc = plain_document(units, b);
    if (!opt.lang.empty()) doc.meta["lang"] = MetaString{opt.lang};
    return doc;
  }

  // End marks "./." and "/." (Vietnamese press) at the end of a paragraph.
  {
    std::size_t marks = 0;
    std::vector<Unit> kept;
    kept.reserve(units.size());
    for (auto& u : units) {
      if (strip_end_mark(u.text)) ++marks;
      if (!trim(u.text).empty()) kept.push_back(std::move(u));
    }
    units.swap(kept);
    rw.add("end-mark", marks);
  }

  Document doc;
  Meta& meta = doc.meta;
  std::size_t n = units.size();
  std::size_t i = 0;
  std::string title, subject, date, modified, credit, dateline, abstract;
  std::vector<std::string> authors;
  std::string source_url;

  // corpus-style comment header: "# date = 20201001", "# url = ..."
  while (i < n && units[i].text.rfind("# ", 0) == 0 && units[i].text.find(" = ") != std::string::npos) {
    std::string_view t = units[i].text;
    std::size_t eq = t.find(" = ");
    std::string_view key = trim(t.substr(2, eq - 2)), val = trim(t.substr(eq + 3));
    if (key == "date" && date.empty()) {
      if (auto d = parse_compact_date(val)) date = *d;
      else if (auto dl = parse_date_line(val)) date = dl->iso;
    } else if ((key == "url" || key == "source" || key == "link") && val.find("://") != std::string_view::npos) {
      source_url = std::string(val);
    }
    ++i;
  }

  // Header region: kicker, headline, dates and bylines in any order.
  auto take_date = [&](const DateLine& d) {
    if (d.modified) { if (modified.empty()) modified = d.iso; }
    else if (date.empty()) date = d.iso;
    else if (modified.empty()) modified = d.iso;
  };
  auto take_byline = [&](const Byline& bl) {
    for (auto& nm : bl.names) authors.push_back(nm);
    if (credit.empty() && !bl.credit.empty()) credit = bl.credit;
  };
  std::size_t lede_offset = 0;  // bytes of units[i] already taken (NLĐ split)
  for (int guard = 0; guard < 8 && i < n; ++guard) {
    Unit& u = units[i];
    if (u.list != ListKind::None) break;
    if (auto d = parse_date_line(u.text)) { take_date(*d); ++i; continue; }
    if (auto bl = parse_byline(u.text, false)) { take_byline(*bl); ++i; continue; }
    // "By Jane Doe | March 15, 2021" / "Xã hội | 25/11/2019"
    if (u.text.find(" | ") != std::string::npos || u.text.find(" \xC2\xB7 ") != std::string::npos) {
      std::string t = u.text;
      for (std::size_t k; (k = t.find(" \xC2\xB7 ")) != std::string::npos;) t.replace(k, 4, " | ");
      std::vector<std::string_view> parts;
      std::string_view v = t;
      for (std::size_t k; (k = v.find(" | ")) != std::string_view::npos; v = v.substr(k + 3)) parts.push_back(v.substr(0, k));
      parts.push_back(v);
      std::vector<std::optional<DateLine>> ds;
      std::vector<std::optional<Byline>> bs;
      bool all = true;
      for (auto p : parts) {
        ds.push_back(parse_date_line(trim(p)));
        bs.push_back(ds.back() ? std::nullopt : parse_byline(trim(p), false));
        if (!ds.back() && !bs.back()) all = false;
      }
      if (all) {
        for (std::size_t k = 0; k < parts.size(); ++k) {
          if (ds[k]) take_date(*ds[k]);
          else take_byline(*bs[k]);
        }
        ++i;
        continue;
      }
    }
    if (!title.empty()) break;
    const Unit* next = i + 1 < n ? &units[i + 1] : nullptr;
    // skip date lines when looking at what follows a kicker
    std::size_t nj = i + 1;
    while (nj < n && nj < i + 3 && parse_date_line(units[nj].text)) ++nj;
    const Unit* next_title = nj < n ? &units[nj] : nullptr;
    const Unit* after_title = nj + 1 < n ? &units[nj + 1] : nullptr;
    bool header_follows = after_title && (parse_date_line(after_title->text) || parse_byline(after_title->text, false));
    bool title_after_kicker = next_title && (!next_title->after_blank || header_follows) &&
                              (!ends_with_sentence_punct(next_title->text) || next_title->text.back() == '?' ||
                               next_title->text.back() == '!');
    if (subject.empty() && kicker_like(u) && title_after_kicker && title_like(*next_title, after_title) &&
        cp_len(next_title->text) > cp_len(u.text) && !parse_byline(next_title->text, false)) {
      subject = u.text;
      ++i;
      continue;
    }
    if (title_like(u, next)) {
      title = u.text;
      ++i;
      continue;
    }
    if (auto k = inline_credit_split(u.text); k && i + 0 < n) {
      title = std::string(trim(std::string_view(u.text).substr(0, *k)));
      lede_offset = *k;
      break;
    }
    break;
  }

  // Lede: credit / dateline prefix, or the first paragraph after a full header.
  std::size_t body_start = i;
  if (i < n && units[i].list == ListKind::None) {
    std::string_view lede = std::string_view(units[i].text).substr(lede_offset);
    auto p = parse_prefix(lede);
    bool full_header = !title.empty() && (!subject.empty() || !date.empty() || !authors.empty());
    if (p) {
      if (!p->credit.empty() && credit.empty()) credit = p->credit;
      if (!p->dateline.empty()) dateline = p->dateline;
      abstract = std::string(lede.substr(p->consumed));
      rw.add("lede-prefix");
      body_start = i + 1;
    } else if (full_header && (ends_with_sentence_punct(lede) || word_count(lede) >= 15) && word_count(lede) >= 6) {
      abstract = std::string(lede);
      body_start = i + 1;
    } else if (lede_offset) {
      units[i].text = std::string(lede);
    }
  }

  // A one-paragraph article: the lede is also the body.
  if (!abstract.empty() && body_start >= n) {
    units.push_back(Unit{abstract, true, ListKind::None, 0, 0, {}});
    n = units.size();
  }

  // Bottom: bylines ("Nguyễn Hiền", "Theo Reuters", "(Theo Reuters)") and a trailing time stamp.
  std::size_t body_end = n;
  for (int guard = 0; guard < 3 && body_end > body_start + 1; ++guard) {
    Unit& u = units[body_end - 1];
    if (u.list != ListKind::None) break;
    if (auto d = parse_date_line(u.text)) {
      take_date(*d);
      --body_end;
      continue;
    }
    auto bl = parse_byline(u.text, true);
    if (!bl) break;
    if (authors.empty()) take_byline(*bl);
    else if (credit.empty() && !bl->credit.empty()) credit = bl->credit;
    --body_end;
  }

  // Body: paragraphs, captions, sub-heads, lists.
  bool had_abstract = !abstract.empty();
  // Each unit's words, counted once: the loop below asks about a unit and both its
  // neighbours (comparing with bounds <= 45), and the paragraph's inlines are sized by it.
  std::vector<std::size_t> words(body_end > body_start ? body_end - body_start : 0);
  for (std::size_t j = body_start; j < body_end; ++j) words[j - body_start] = word_count(units[j].text);
  auto words_of_unit = [&](std::size_t j) -> std::size_t { return std::min<std::size_t>(words[j - body_start], 46); };
  std::size_t figures = 0, heads = 0;
  doc.blocks.reserve(doc.blocks.size() + words.size());  // at most a block per unit
  for (std::size_t j = body_start; j < body_end;) {
    Unit& u = units[j];
    if (u.list != ListKind::None) {
      doc.blocks.push_back(b.list(units, j, body_end));
      continue;
    }
    std::string_view s = u.text;
    // "(Ảnh: Getty Images)" under a short sentence: the sentence is the caption
    if (photo_credit_only(s)) {
      if (!doc.blocks.empty() && doc.blocks.back().is<Para>() && j > body_start &&
          words_of_unit(j - 1) <= 35 && units[j - 1].list == ListKind::None) {
        std::string cap = units[j - 1].text + " " + u.text;
        doc.blocks.back() = b.figure(cap);
      } else {
        doc.blocks.push_back(b.figure(s));
      }
      ++figures;
      ++j;
      continue;
    }
    bool has_prev = j > body_start || had_abstract;
    bool has_next = j + 1 < body_end;
    bool first_after_lede = j == body_start && had_abstract;
    // word and code point counts are only compared with small bounds (<= 45, <= 250)
    std::size_t wc = words_of_unit(j), len = cp_len_upto(s, 251);
    bool short_line = !ends_with_sentence_punct(s) && len <= 250 && wc <= 40 && !starts_lower(s);
    {
      std::size_t st = 0;
      char32_t last = last_cp(s, &st);
      if (last == ',' || last == '-' || last == 0x2013 || last == 0x2014) short_line = false;
    }
    bool marker = wc <= 45 && photo_marker(s);
    if (marker && has_prev && (short_line || ends_with_sentence_punct(s))) {
      doc.blocks.push_back(b.figure(s));
      ++figures;
      ++j;
      continue;
    }
    if (short_line && has_next) {
      // a sub-head or caption stands between paragraphs, not in a run of short lines
      const Unit& nx = units[j + 1];
      bool next_para = nx.list != ListKind::None || ends_with_sentence_punct(nx.text) || words_of_unit(j + 1) > 15;
      bool prev_short = j > body_start && units[j - 1].list == ListKind::None &&
                        !ends_with_sentence_punct(units[j - 1].text) && words_of_unit(j - 1) <= 15;
      if (!next_para || prev_short) short_line = false;
    }
    if (short_line && has_prev && has_next) {
      bool before_list = units[j + 1].list != ListKind::None;
      if (before_list && (wc > 12 || first_after_lede)) short_line = false;
    }
    if (short_line && has_prev && has_next) {
      if (all_caps(s) && wc <= 14) {
        doc.blocks.push_back(b.header(2, s));
        ++heads;
      } else if (first_after_lede) {
        doc.blocks.push_back(b.figure(s));
        ++figures;
      } else if (wc <= 10 && len <= 90) {
        doc.blocks.push_back(b.header(2, s));
        ++heads;
      } else {
        doc.blocks.push_back(b.figure(s));
        ++figures;
      }
      ++j;
      continue;
    }
    doc.blocks.push_back(Para{b.inl(s, words[j - body_start])});
    ++j;
  }
  (void)figures;
  (void)heads;

  // Metadata (only what the text gave).
  if (!title.empty()) meta["title"] = MetaInlines{b.inl(title)};
  if (!subject.empty()) meta["subject"] = MetaInlines{b.inl(subject)};
  if (!date.empty()) meta["date"] = MetaString{date};
  if (!modified.empty()) meta["date-modified"] = MetaString{modified};
  if (!authors.empty()) {
    MetaList l;
    for (auto& a : authors) l.items.push_back(MetaInlines{b.inl(a)});
    meta["author"] = std::move(l);
  }
  if (!credit.empty()) meta["credit"] = MetaInlines{b.inl(credit)};
  if (!dateline.empty()) meta["dateline"] = MetaInlines{b.inl(dateline)};
  if (!abstract.empty()) meta["abstract"] = MetaBlocks{Blocks{Para{b.inl(abstract)}}};
  if (!source_url.empty()) meta["source-url"] = MetaString{source_url};
  std::string lang = opt.lang;
  if (lang.empty()) {
    std::string sample = title + "\n" + abstract + "\n";
    for (std::size_t j = body_start; j < body_end && sample.size() < (1u << 16); ++j) {
      sample += units[j].text;
      sample += '\n';
    }
    lang = detect_lang(sample);
  }
  if (!lang.empty()) meta["lang"] = MetaString{lang};
  return doc;
}

}  // namespace galley::plain::detail
