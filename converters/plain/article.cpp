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


// ASCII-folded equality
bool eq_ci(std::string_view a, std::string_view b) { return a.size() == b.size() && starts_with_ci(a, b); }

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
      "Sputnik", "TASS", "RIA Novosti", "Al Jazeera", "NHK", "KCNA", "CNA", "Nikkei", "Politico", "Axios",
      // agencies of the European and Latin American press, and the press-release wires
      "dpa", "epd", "KNA", "AFX", "APA", "SDA", "Keystone-SDA", "ANP", "Belga", "Lusa", "Europa Press", "AGI",
      "Adnkronos", "Agência Brasil", "Agencia Brasil", "Notimex", "Télam", "Prensa Latina", "Xinhua News Agency",
      "Agence France-Presse", "Kyodo News", "Anadolu", "PAP", "ČTK", "MTI", "BTA", "IANS", "AAP", "Canadian Press",
      "Press Association", "PA Media", "PRNewswire", "PR Newswire", "Business Wire", "BUSINESS WIRE",
      "GLOBE NEWSWIRE", "GlobeNewswire", "Globe Newswire", "ACCESSWIRE", "Newswire", "Marketwired", "CNW"};
  return v;
}
bool is_agency(std::string_view s) {
  for (auto a : agencies())
    if (s == a) return true;
  return false;
}
// ASCII case folded: "DPA" and "dpa", "EFE" and "Efe"
bool is_agency_ci(std::string_view s) {
  for (auto a : agencies())
    if (a.size() == s.size() && starts_with_ci(s, a)) return true;
  return false;
}

// "Staff Writer", "Korrespondent", "corresponsal en Bruselas": a role, not a name
bool role_words(std::string_view s) {
  static const char* roles[] = {"writer", "writers", "correspondent", "correspondents", "reporter", "reporters",
                                "editor", "editors", "staff", "photographer", "columnist", "analyst", "contributor",
                                "korrespondent", "korrespondentin", "redakteur", "redakteurin", "corresponsal",
                                "redactor", "redactora", "enviado", "enviada", "correspondente", "repórter",
                                "corrispondente", "inviato", "inviata", "redattore", "correspondant",
                                "correspondante", "envoyé", "envoyée", "journaliste", "verslaggever", "redacteur",
                                "correspondenten", "journalist", "journalistin", "korrespondenten",
                                "korrespondentinnen", "redaktion", "envoyé", "envoyée", "inviato", "inviata"};
  for (auto w : words_of(s)) {
    w = rtrim_punct(w, ",.;:");
    for (auto* r : roles)
      if (w.size() == std::char_traits<char>::length(r) && starts_with_ci(w, r)) return true;
  }
  return false;
}

// The second line of a wire byline: "Associated Press", "The Associated Press",
// "AP Science Writer", "Reuters Staff". Sets `agency` to the agency named.
bool affiliation_line(std::string_view s, std::string* agency = nullptr) {
  s = rtrim_punct(trim(s), ".");
  if (s.empty() || cp_len(s) > 60 || has_digit(s) || ends_with_sentence_punct(s)) return false;
  auto ws = words_of(s);
  if (ws.empty() || ws.size() > 6) return false;
  std::string_view rest = s;
  if (starts_with_ci(rest, "for ")) rest = trim(rest.substr(4));  // "For The Associated Press"
  if (starts_with_ci(rest, "the ")) rest = trim(rest.substr(4));
  if (is_agency(rest)) {
    if (agency) *agency = std::string(rest);
    return true;
  }
  // "Staff Writer", "Senior Correspondent": a role alone
  {
    bool caps = true;
    for (auto w : ws)
      if (!cp_upper(first_cp(w))) caps = false;
    std::string_view lastw = ws.back();
    if (caps && ws.size() <= 4 && role_words(lastw)) {
      std::string_view best;
      for (auto a : agencies())
        if (a.size() > best.size() && rest.size() > a.size() + 1 && rest.starts_with(a) && rest[a.size()] == ' ') best = a;
      if (agency) *agency = std::string(best);
      return true;
    }
  }
  // "<agency> <role> Writer": the longest agency name that starts the line, a role word last
  std::string_view best;
  for (auto a : agencies())
    if (a.size() > best.size() && rest.size() > a.size() + 1 && rest.starts_with(a) && rest[a.size()] == ' ') best = a;
  if (best.empty()) return false;
  auto rws = words_of(rest.substr(best.size() + 1));
  if (rws.empty()) return false;
  for (auto w : rws)
    if (!cp_upper(first_cp(w))) return false;
  static const char* roles[] = {"writer", "writers", "correspondent", "correspondents", "reporter", "reporters",
                                "editor", "editors", "staff", "photographer", "columnist", "analyst"};
  bool role = false;
  for (auto* r : roles)
    if (rws.back().size() == std::char_traits<char>::length(r) && starts_with_ci(rws.back(), r)) role = true;
  if (!role) return false;
  if (agency) *agency = std::string(best);
  return true;
}

bool particle(std::string_view w) {
  static const char* p[] = {"de", "van", "von", "der", "den", "la", "le", "du", "da", "di", "bin", "al", "el",
                            "y", "and", "và", "&", "-", "–", "et", "dos", "das", "ter", "af", "zu", "do", "del",
                            "della", "delle", "dei", "degli", "ten", "te", "op", "het", "'t", "e", "und", "en"};
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
        w == "y" || w == "und" || w == "e" || w == "ed" || w == "en" || w == "i" || w == "og") {
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
  // "von", "di" and "door" also begin names and sentences: the name after them must have two words
  static const char* prefixes[] = {"by ", "par ", "theo ", "tác giả:", "tác giả ", "author:", "written by ",
                                   "bài và ảnh:", "bài, ảnh:", "bài:", "text:", "texte:", "reporter:", "phóng viên:",
                                   "von ", "por ", "di ", "door ", "autor:", "autora:", "autore:", "auteur:",
                                   "text von ", "texto:", "texto de ", "testo di ", "tekst:"};
  std::string_view rest;
  bool prefixed = false, theo = false;
  for (auto* p : prefixes) {
    std::string_view pv(p);
    if (starts_with_ci(s, pv)) {
      rest = trim(s.substr(pv.size()));
      prefixed = true;
      theo = pv == "theo " || pv == "von " || pv == "di " || pv == "door ";
      break;
    }
  }
  if (!prefixed) {
    if (!bottom || paren) return std::nullopt;
    rest = s;
  }
  rest = rtrim_punct(rest, ".");
  // "Von unserem Korrespondenten Hans Müller", "Door onze correspondent X", "Par notre envoyé spécial X"
  if (prefixed) {
    auto ws = words_of(rest);
    static const char* possessive[] = {"our", "unser", "unsere", "unserem", "unseren", "unserer", "nuestro",
                                       "nuestra", "nuestros", "nosso", "nossa", "nostro", "nostra", "il", "la",
                                       "notre", "nos", "onze", "ons"};
    bool poss = false;
    for (auto* x : possessive)
      if (!ws.empty() && eq_ci(ws[0], x)) poss = true;
    if (poss) {
      std::size_t k = 1;
      if (k < ws.size() && (eq_ci(ws[k], "nostro") || eq_ci(ws[k], "nostra"))) ++k;  // "il nostro inviato"
      bool role = false;
      while (k < ws.size() && (role_words(ws[k]) || eq_ci(ws[k], "special") || eq_ci(ws[k], "spécial") ||
                               eq_ci(ws[k], "especial") || eq_ci(ws[k], "speciale") || eq_ci(ws[k], "senior") ||
                               eq_ci(ws[k], "sports") || eq_ci(ws[k], "political"))) {
        role = role || role_words(ws[k]);
        ++k;
      }
      if (role && k < ws.size()) rest = trim(rest.substr(std::size_t(ws[k].data() - rest.data())));
    }
  }
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
  // "Por Lucía Fernández, corresponsal en Bruselas", "Von Katrin Bauer, Berlin": after a
  // prefix, a comma part that is a role or a place (not a name of two words) ends the names
  if (prefixed) {
    std::size_t from = rest.find(", ");
    while (from != std::string_view::npos) {
      std::size_t next = rest.find(", ", from + 2);
      std::string_view piece = trim(rest.substr(from + 2, next == std::string_view::npos ? next : next - from - 2));
      std::string_view head = trim(rest.substr(0, from));
      bool keep = is_agency(piece) || affiliation_line(piece) || (name_like(piece, 2) && !role_words(piece));
      if (!keep && name_like(head, theo ? 2 : 1)) {
        rest = head;
        break;
      }
      from = next;
    }
  }
  // "Jane Doe, Reuters" / "Jane Doe | Reuters"
  auto names = split_names(rest);
  if (names.empty() || names.size() > 6) return std::nullopt;
  for (auto& n : names) {
    std::string agency;
    if (is_agency(n)) {
      if (b.credit.empty()) b.credit = n;
      continue;
    }
    // "By Jane Doe, AP Science Writer": the role is not a name
    if (affiliation_line(n, &agency)) {
      if (b.credit.empty()) b.credit = agency;
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
  std::string credit, dateline, date;  // date: ISO, only when the dateline gives a year
  std::size_t consumed = 0;            // bytes of the lede taken by the prefix
};

// A separator after a dateline or credit starting at s[i]: " - ", " – ", " — ", "--" (press
// wires, also without spaces: "SAN FRANCISCO--(BUSINESS WIRE)--"), ").-" (EFE), "—" (no
// spaces). Returns its length, 0 when there is none.
std::size_t separator_at(std::string_view s, std::size_t i) {
  std::size_t k = i;
  bool dot = false;
  if (k < s.size() && s[k] == '.') {
    if (i == 0 || s[i - 1] != ')') return 0;  // ".-" only right after the credit: "(EFE).-"
    dot = true;
    ++k;
  }
  std::size_t dashes = 0;
  bool em = false;
  while (k < s.size()) {
    if (s[k] == '-') { ++k; ++dashes; }
    else if (s.compare(k, 3, "\xE2\x80\x93") == 0) { k += 3; ++dashes; }
    else if (s.compare(k, 3, "\xE2\x80\x94") == 0) { k += 3; ++dashes; em = true; }
    else break;
  }
  if (dashes == 0 || dashes > 3) return 0;
  char before = i > 0 ? s[i - 1] : 0;
  // a single hyphen between letters joins a word ("co-operative"); two dashes or an em dash separate
  bool before_ok = before == ' ' || before == ')' || before == '/' || dot || dashes >= 2 || em;
  if (!before_ok || i == 0) return 0;
  if (k >= s.size()) return 0;
  std::size_t q = k;
  char32_t next = next_codepoint(s, q);
  bool after_ok = next == ' ' || cp_upper(next) || next == '(' || (next >= '0' && next <= '9') || next == '"' ||
                  next == 0x201C || next == 0xAB || next == 0x2018 || next == '\'';
  return after_ok ? k - i : 0;
}

bool find_dash(std::string_view s, std::size_t from, std::size_t limit, std::size_t& pos, std::size_t& len) {
  for (std::size_t i = from; i < s.size() && i < limit; ++i) {
    unsigned char c = (unsigned char)s[i];
    if (c != '-' && c != '.' && c != 0xE2) continue;
    if (std::size_t l = separator_at(s, i)) {
      pos = i;
      len = l;
      return true;
    }
  }
  return false;
}

// "(Reuters)" / "dpa" / "dpa/lni": a credit as printed inside brackets or slashes
bool credit_ok(std::string_view inside) {
  inside = trim(inside);
  if (inside.empty() || cp_len(inside) > 40 || word_count(inside) > 5) return false;
  if (cp_upper(first_cp(inside))) return true;
  return is_agency_ci(inside.substr(0, std::min(inside.find_first_of("/ ,"), inside.size())));
}

// "LEEDS, England", "HÀ NỘI", "PORTLAND, Ore.", "DEN HAAG"; title case ("Hamburg", "Lisboa")
// only when a credit follows it.
bool place_like(std::string_view s, bool credit) {
  s = trim(s);
  if (s.empty() || cp_len(s) > 60 || has_digit(s)) return false;
  auto ws = words_of(s);
  if (ws.empty() || ws.size() > 7) return false;
  std::string_view w0 = rtrim_punct(ws[0], ",");
  if (!all_caps(w0) && !(credit && ws.size() <= 4)) return false;
  for (auto w : ws)
    if (!cp_upper(first_cp(w)) && !particle(w)) return false;
  return true;
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

// "AUSTIN, Texas, June 8, 2021" -> place "AUSTIN, Texas", date "June 8, 2021": the comma
// parts at the end that hold digits are the date.
void split_place_date(std::string_view s, std::string_view& place, std::string_view& date) {
  s = trim(s);
  std::size_t cut = s.size();
  while (true) {
    std::size_t comma = s.rfind(',', cut == 0 ? 0 : cut - 1);
    if (comma == std::string_view::npos || comma == 0) break;
    std::string_view part = trim(s.substr(comma + 1, cut - comma - 1));
    if (part.empty() || !has_digit(part) || word_count(part) > 6) break;
    cut = comma;
  }
  place = rtrim_punct(s.substr(0, cut), ",");
  date = cut < s.size() ? trim(s.substr(cut + 1)) : std::string_view();
}

// One segment of a lede prefix, the text before a separator. `relaxed`: a title-case place
// is accepted (a date segment follows it).
std::optional<Prefix> prefix_segment(std::string_view head, bool first, bool relaxed = false) {
  Prefix p;
  head = trim(head);
  if (head.size() >= 2 && head.substr(head.size() - 2) == ").") head.remove_suffix(1);  // "(EFE).-"
  if (head.empty()) return std::nullopt;
  // a date standing alone: "PORTLAND, Ore. — March 12, 2021 — ...", "March 12, 2021 — PORTLAND — "
  // (not "BRIGHTON, 3 May 2022", a place with its date)
  if (auto d = parse_date_line(head)) {
    std::string_view pl, dt;
    split_place_date(head, pl, dt);
    if (dt.empty() || pl.empty() || !place_like(pl, true)) {
      p.date = d->iso;
      return p;
    }
  }
  if (!first && yearless_date_line(head)) return p;
  // trailing credit: "(Reuters)", "/PRNewswire/"; a date in brackets: "PORTLAND, Ore. (March 12, 2021)"
  bool bracket_date = false;
  if (head.back() == ')' || (head.back() == '/' && head.size() > 2)) {
    char open = head.back() == ')' ? '(' : '/';
    std::size_t o = head.rfind(open, head.size() - 2);
    if (o == std::string_view::npos) return std::nullopt;
    std::string_view inside = trim(head.substr(o + 1, head.size() - o - 2));
    if (auto d = parse_date_line(inside)) {
      p.date = d->iso;
      bracket_date = true;
    } else if (yearless_date_line(inside)) {
      bracket_date = true;
    } else if (!credit_ok(inside)) {
      return std::nullopt;
    } else {
      p.credit = std::string(inside);
    }
    head = trim(head.substr(0, o));
    if (head.empty()) return bracket_date ? std::nullopt : std::optional<Prefix>(p);
  }
  if (p.credit.empty() && is_agency(head)) {
    p.credit = std::string(head);
    return p;
  }
  std::string_view place, date;
  split_place_date(head, place, date);
  // a date that names its month ("Lisboa, 25 nov", "Roma, 25 novembre 2019") makes a
  // title-case place a dateline too
  bool named_date = bracket_date;
  if (!date.empty()) {
    if (!p.date.empty()) return std::nullopt;
    if (auto d = parse_date_line(date)) {
      p.date = d->iso;
      named_date = true;
    } else if (yearless_date_line(date)) {
      named_date = true;
    } else if (!(has_digit(date) && word_count(date) <= 3)) {
      return std::nullopt;
    }
  }
  // "Berlin - Die ...", "Stuttgart – Der ...": one capitalised word before the dash
  bool one_word = words_of(place).size() == 1 && cp_len(place) >= 3 && place.find('.') == std::string_view::npos;
  if (!place_like(place, !p.credit.empty() || named_date || relaxed || one_word)) return std::nullopt;
  // "TTO - ", "PLO - ", "SGGP - ": a short acronym with nothing else is the outlet ("ROMA - ",
  // "LIMA - " have the vowels of a word: places)
  std::size_t vowels = 0;
  for (char c : place) vowels += std::string_view("AEIOUaeiou").find(c) != std::string_view::npos;
  if (p.credit.empty() && date.empty() && words_of(place).size() == 1 && all_caps(place) &&
      (cp_len(place) <= 3 || (cp_len(place) == 4 && vowels <= 1)) && place.find(',') == std::string_view::npos) {
    p.credit = std::string(place);
    return p;
  }
  p.dateline = std::string(place);
  return p;
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
  // Up to three segments: place and credit, then a date or a place ("(ANSA) - ROMA, 25 NOV - ",
  // "SAN FRANCISCO--(BUSINESS WIRE)--", "PORTLAND, Ore. — March 12, 2021 — ").
  std::size_t pos = 0;
  int segs = 0;
  while (segs < 3) {
    std::size_t dpos = 0, dlen = 0;
    if (!find_dash(s, pos + 1, pos + 130, dpos, dlen)) break;
    std::size_t after = dpos + dlen;
    while (after < s.size() && s[after] == ' ') ++after;
    if (after >= s.size()) break;
    auto q = prefix_segment(s.substr(pos, dpos - pos), segs == 0);
    if (!q && segs == 0) {
      // "Portland, Oregon — March 12, 2021 — ": a title-case place before a date segment
      std::size_t d2 = 0, l2 = 0;
      if (find_dash(s, after + 1, after + 60, d2, l2) && parse_date_line(trim(s.substr(after, d2 - after))))
        q = prefix_segment(s.substr(pos, dpos - pos), true, true);
    }
    if (!q) break;
    if ((!q->dateline.empty() && !p.dateline.empty()) || (!q->credit.empty() && !p.credit.empty()) ||
        (!q->date.empty() && !p.date.empty()))
      break;
    // after the first segment only what completes it: a date, a credit or the place of a credit
    if (segs > 0 && q->dateline.empty() && q->credit.empty() && q->date.empty() && !yearless_date_line(trim(s.substr(pos, dpos - pos))))
      break;
    if (!q->credit.empty()) p.credit = q->credit;
    if (!q->dateline.empty()) p.dateline = q->dateline;
    if (!q->date.empty()) p.date = q->date;
    pos = after;
    ++segs;
  }
  if (segs == 0) return std::nullopt;
  p.consumed = pos;
  return p;
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

// A deck (sub-headline): one short line, not a sentence run, not a byline.
bool deck_like(const Unit& u) {
  if (u.list != ListKind::None) return false;
  std::string_view s = u.text;
  std::size_t wc = word_count_upto(s, 41);
  if (wc < 3 || wc > 40 || cp_len(s) > 250 || starts_lower(s)) return false;
  std::size_t st = 0;
  char32_t last = last_cp(s, &st);
  if (last == ':' || last == ',' || last == ';') return false;
  if (ends_with_sentence_punct(s) && s.substr(0, st).find(". ") != std::string_view::npos) return false;
  return !photo_marker(s);
}

bool kicker_like(const Unit& u) {
  if (u.list != ListKind::None) return false;
  std::string_view s = u.text;
  if (cp_len(s) > 32 || word_count(s) > 5 || ends_with_sentence_punct(s) || starts_lower(s)) return false;
  if (has_digit(s)) return false;
  return true;
}

// ---------- press-release and wire-copy furniture ----------

// Does `s` start with `label` followed by the end, a colon or (when `open`) a space?
bool label_at(std::string_view s, std::string_view label, bool open = false) {
  if (!starts_with_ci(s, label)) return false;
  std::string_view r = trim(s.substr(label.size()));
  if (r.empty() || r.front() == ':' || r.front() == '-') return true;
  return open && s.size() > label.size() && s[label.size()] == ' ';
}

// "FOR IMMEDIATE RELEASE", "EMBARGOED UNTIL 00:01 GMT ...", "PRESS RELEASE", "Pressemitteilung":
// release furniture above a press release's headline.
bool release_line(std::string_view s) {
  s = trim(s);
  if (s.empty() || word_count_upto(s, 21) > 20) return false;
  static const char* open[] = {"for immediate release", "for release", "immediate release", "embargoed",
                               "embargo", "under embargo", "not for publication", "not for release",
                               "strictly embargoed", "sperrfrist", "zur sofortigen veröffentlichung",
                               "para publicación inmediata", "para difusión inmediata", "para divulgação imediata",
                               "per la diffusione immediata", "voor onmiddellijke publicatie",
                               "pour diffusion immédiate", "diffusion immédiate"};
  for (auto* l : open)
    if (label_at(s, l, true)) return true;
  // a label that is the whole line, perhaps with a date
  static const char* whole[] = {"news release", "press release", "media release", "media advisory", "news advisory",
                                "press statement", "media statement", "press notice", "pressemitteilung",
                                "presseinformation", "pressemeldung", "medienmitteilung", "comunicado de prensa",
                                "nota de prensa", "comunicado", "comunicado à imprensa", "nota à imprensa",
                                "comunicato stampa", "persbericht", "communiqué de presse", "communiqué"};
  for (auto* l : whole) {
    std::size_t n = std::char_traits<char>::length(l);
    if (!starts_with_ci(s, l)) continue;
    std::string_view r = trim(s.substr(n));
    while (!r.empty() && (r.front() == ':' || r.front() == '-' || r.front() == '|' || r.front() == ',')) r = trim(r.substr(1));
    if (r.empty() || parse_date_line(r) || yearless_date_line(r)) return true;
    if (r.rfind("\xE2\x80\x93", 0) == 0 || r.rfind("\xE2\x80\x94", 0) == 0) {
      r = trim(r.substr(3));
      if (r.empty() || parse_date_line(r)) return true;
    }
  }
  return false;
}

// "Media contact: ...", "Contacts", "Press office:", "Pressekontakt:"
bool contact_label(std::string_view s) {
  s = trim(s);
  if (s.empty() || word_count_upto(s, 31) > 30) return false;
  static const char* labels[] = {"media contacts", "media contact", "press contacts", "press contact",
                                 "media inquiries", "media enquiries", "press inquiries", "press enquiries",
                                 "investor contacts", "investor contact", "investor relations", "press office",
                                 "contacts", "contact", "for media inquiries", "pressekontakt", "kontakt",
                                 "medienkontakt", "contacto de prensa", "contactos", "contacto", "contato",
                                 "contatos", "contatto stampa", "contatti", "ufficio stampa", "perscontact",
                                 "contact presse", "contacts presse", "persvoorlichting"};
  for (auto* l : labels)
    if (label_at(s, l)) return true;
  return starts_with_ci(s, "for more information, contact") || starts_with_ci(s, "for further information, contact") ||
         starts_with_ci(s, "for more information contact") || starts_with_ci(s, "for further information contact");
}

// An e-mail address, a web address or a telephone number: the details under a contact label.
bool contact_detail(std::string_view s) {
  if (s.find('@') != std::string_view::npos || s.find("www.") != std::string_view::npos ||
      s.find("://") != std::string_view::npos)
    return true;
  std::size_t digits = 0;
  for (char c : s)
    if (c >= '0' && c <= '9') ++digits;
    else if (!(c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '+' || c == '/')) digits = digits >= 7 ? digits : 0;
  return digits >= 7;
}

// "###", "# # #", "-30-", "ENDS", "- ends -", "(END)": the end of a release or of wire copy
bool end_mark_line(std::string_view s) {
  s = trim(s);
  if (s.empty() || s.size() > 12) return false;
  if (s == "###" || s == "# # #" || s == "####") return true;
  std::string_view core = s;
  bool framed = false;
  auto strip = [&] {
    while (!core.empty()) {
      if (core.front() == '-' || core.front() == '(' || core.front() == '[' || core.front() == ' ') { core.remove_prefix(1); framed = true; }
      else if (core.rfind("\xE2\x80\x93", 0) == 0 || core.rfind("\xE2\x80\x94", 0) == 0) { core.remove_prefix(3); framed = true; }
      else break;
    }
    while (!core.empty()) {
      if (core.back() == '-' || core.back() == ')' || core.back() == ']' || core.back() == ' ') core.remove_suffix(1);
      else if (core.size() >= 3 && (core.substr(core.size() - 3) == "\xE2\x80\x93" || core.substr(core.size() - 3) == "\xE2\x80\x94")) core.remove_suffix(3);
      else break;
    }
  };
  strip();
  if (core == "30") return framed;
  if (core == "ENDS" || core == "END" || core == "Ends" || core == "ends" || core == "Ende" || core == "FIN" ||
      core == "EINDE" || core == "FINE")
    return core == "ENDS" || core == "Ends" || core == "ends" || framed || all_caps(core);
  return false;
}

// "___", "* * *", "-----", "===": a rule between parts of the text
bool separator_line(std::string_view s) {
  s = trim(s);
  if (s.size() < 3) return false;
  std::size_t marks = 0;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    if (c == '_' || c == '-' || c == '*' || c == '=' || c == '~' || c == '#') { ++marks; ++i; }
    else if (c == ' ') ++i;
    else if (s.compare(i, 3, "\xE2\x80\x94") == 0 || s.compare(i, 3, "\xE2\x80\x93") == 0 ||
             s.compare(i, 3, "\xE2\x80\xA2") == 0 || s.compare(i, 2, "\xC2\xB7") == 0) {
      ++marks;
      i += (c == 0xC2) ? 2 : 3;
    } else return false;
  }
  return marks >= 3;
}

// Wire slugs and version lines: "BC-US--Weather-Floods, 1st Ld-Writethru", "US-WEATHER-FLOODS",
// "URGENT", "2nd Ld-Writethru", "Eds: UPDATES with ...".
bool version_word(std::string_view w) {
  static const char* words[] = {"ld", "lead", "writethru", "write-thru", "writethrough", "urgent", "bulletin", "flash",
                                "advisory", "adv", "apnewsalert", "correction", "corrected", "corrective", "update",
                                "sub", "takes", "take", "rpt", "repeat", "refile", "sked", "budget", "kill",
                                "withdrawal", "insert", "add", "eilmeldung", "urgente", "avance"};
  for (auto* x : words)
    if (eq_ci(w, x)) return true;
  return false;
}
bool version_token(std::string_view w) {
  if (w.empty()) return true;
  if (has_digit(w)) {
    // "1st", "2nd", "3rd", "4th", "2"
    std::size_t k = 0;
    while (k < w.size() && w[k] >= '0' && w[k] <= '9') ++k;
    std::string_view suf = w.substr(k);
    return suf.empty() || eq_ci(suf, "st") || eq_ci(suf, "nd") || eq_ci(suf, "rd") || eq_ci(suf, "th");
  }
  return version_word(w);
}
bool version_line(std::string_view s) {
  s = trim(s);
  if (s.empty() || cp_len(s) > 60 || ends_with_sentence_punct(s)) return false;
  std::size_t words = 0, real = 0;
  std::string tok;
  auto flush = [&] {
    if (tok.empty()) return true;
    ++words;
    bool ok = version_token(tok);
    if (ok && !has_digit(tok)) ++real;
    tok.clear();
    return ok;
  };
  for (char c : s) {
    if (c == ' ' || c == '-' || c == ',' || c == '/' || c == '(' || c == ')') {
      if (!flush()) return false;
    } else tok.push_back(c);
  }
  if (!flush()) return false;
  return real >= 1 && words <= 6;
}
bool slug_line(std::string_view s) {
  s = trim(s);
  if (s.empty() || cp_len(s) > 80 || ends_with_sentence_punct(s)) return false;
  std::size_t end = s.find_first_of(" ,");
  std::string_view tok = s.substr(0, end);
  std::string_view rest = end == std::string_view::npos ? std::string_view() : trim(s.substr(end));
  while (!rest.empty() && (rest.front() == ',' || rest.front() == ';')) rest = trim(rest.substr(1));
  std::size_t hyphens = std::count(tok.begin(), tok.end(), '-');
  // "AP-EU-Rail-Strike": an all-capitals code of two to four letters first
  std::size_t first_hyphen = tok.find('-');
  bool code = hyphens >= 2 && first_hyphen >= 2 && first_hyphen <= 4 && all_caps(tok.substr(0, first_hyphen));
  bool strong = starts_with_ci(tok, "BC-") || tok.find("--") != std::string_view::npos || (code && rest.empty());
  // "US-WEATHER-FLOODS": capitals and hyphens only
  bool caps = hyphens >= 2 && all_caps(tok) && tok.find_first_of(".:") == std::string_view::npos;
  if (!strong && !caps) return false;
  if (tok.size() >= 2 && (tok.back() == '-' || tok.front() == '-')) return false;
  return rest.empty() || version_line(rest) || (strong && word_count(rest) <= 4 && has_digit(rest));
}
// "Eds: ...", "Editors: ...": notes to the desk that head wire copy
bool desk_note_line(std::string_view s) {
  s = trim(s);
  return starts_with_ci(s, "eds:") || starts_with_ci(s, "eds.:") || starts_with_ci(s, "editors:") ||
         starts_with_ci(s, "eds note:");
}

// "UPDATE 2-Floods swamp ...", "RPT-", "EXCLUSIVE-", "ANALYSIS-": wire headline prefixes. Version
// prefixes are dropped; a story-type prefix becomes the kicker.
std::string_view wire_title_prefix(std::string_view title, std::string* kind) {
  std::size_t k = 0;
  while (k < title.size() && ((title[k] >= 'A' && title[k] <= 'Z') || title[k] == ' ')) ++k;
  std::size_t word_end = k;
  while (k < title.size() && (title[k] == ' ' || (title[k] >= '0' && title[k] <= '9'))) ++k;
  if (k == 0 || k + 1 >= title.size() || title[k] != '-') return title;
  std::size_t q = k + 1;
  if (!cp_upper(next_codepoint(title, q))) return title;
  std::string_view word = trim(title.substr(0, word_end));
  static const char* versions[] = {"UPDATE", "RPT", "REFILE", "CORRECTED", "CORRECTION", "URGENT", "WRAPUP", "BRIEF",
                                   "REPEAT", "CORRECTED REPEAT", "RPT UPDATE"};
  static const char* kinds[] = {"EXCLUSIVE", "ANALYSIS", "FACTBOX", "INSIGHT", "EXPLAINER", "INTERVIEW", "FEATURE",
                                "PREVIEW", "TIMELINE", "COLUMN", "BREAKINGVIEWS", "SPECIAL REPORT", "GRAPHIC",
                                "POLL", "QUOTEBOX", "SCENARIOS", "NEWSMAKER", "ANALYSE", "HINTERGRUND", "ANÁLISIS"};
  for (auto* v : versions)
    if (word == v) return trim(title.substr(k + 1));
  for (auto* v : kinds)
    if (word == v) {
      if (kind) *kind = std::string(word);
      return trim(title.substr(k + 1));
    }
  return title;
}

// Boilerplate that closes a press release: "About Acme", "Notes to editors", "SOURCE Acme",
// "Forward-Looking Statements". `about` is set for an "About X" heading (X in *name).
bool closing_heading(std::string_view s, bool& about, std::string_view* name) {
  about = false;
  s = trim(s);
  if (s.empty() || word_count_upto(s, 13) > 12 || has_digit(s)) return false;
  std::string_view v = s;
  if (!v.empty() && v.back() == ':') v = trim(v.substr(0, v.size() - 1));
  if (ends_with_sentence_punct(v)) return false;
  static const char* notes[] = {"notes to editors", "note to editors", "notes for editors", "note for editors",
                                "editor's notes", "editors' notes", "notes to editor", "hinweis für redaktionen",
                                "hinweise für redaktionen", "nota para los editores", "notas para los editores",
                                "nota para editores", "nota ai redattori", "nota per le redazioni",
                                "noot voor de redactie", "noot voor redacties", "notes aux rédactions",
                                "forward-looking statements", "forward looking statements", "safe harbor statement",
                                "safe harbour statement", "cautionary statement", "disclaimer",
                                "about the author", "about the authors"};
  for (auto* x : notes)
    if (eq_ci(v, x)) return true;
  if (v.rfind("SOURCE ", 0) == 0 && word_count(v) <= 8) return true;
  static const char* abouts[] = {"about ", "über ", "acerca de ", "sobre ", "a proposito di ", "informazioni su ",
                                 "chi è ", "over ", "à propos de ", "a propos de ", "qui est "};
  for (auto* x : abouts) {
    std::size_t n = std::char_traits<char>::length(x);
    if (!starts_with_ci(v, x) || v.size() <= n) continue;
    std::string_view rest = trim(v.substr(n));
    // the organisation's name: capitalised words
    if (!cp_upper(first_cp(rest)) && !starts_with_ci(rest, "the ")) return false;
    about = true;
    if (name) *name = rest;
    return true;
  }
  return false;
}

// The first word of a name that is not an article: "the Coastal Trust" -> "Coastal"
std::string_view first_name_word(std::string_view s) {
  auto ws = words_of(s);
  for (auto w : ws) {
    if (eq_ci(w, "the") || eq_ci(w, "der") || eq_ci(w, "die") || eq_ci(w, "das") || eq_ci(w, "el") ||
        eq_ci(w, "la") || eq_ci(w, "los") || eq_ci(w, "las") || eq_ci(w, "il") || eq_ci(w, "lo") ||
        eq_ci(w, "o") || eq_ci(w, "a") || eq_ci(w, "de") || eq_ci(w, "het") || eq_ci(w, "le") || eq_ci(w, "l'"))
      continue;
    return rtrim_punct(w, ",.:;");
  }
  return {};
}

// "Copyright 2021 The Associated Press. All rights reserved.", "© 2019 dpa"
bool rights_line(std::string_view s) {
  s = trim(s);
  if (s.empty() || word_count_upto(s, 41) > 40) return false;
  if (s.rfind("\xC2\xA9", 0) == 0 || starts_with_ci(s, "(c) ") || starts_with_ci(s, "copyright ") ||
      starts_with_ci(s, "copyright\xC2\xA9"))
    return true;
  static const char* phrases[] = {"all rights reserved", "alle rechte vorbehalten", "todos los derechos reservados",
                                  "todos os direitos reservados", "tutti i diritti riservati",
                                  "alle rechten voorbehouden", "tous droits réservés"};
  std::string low;
  for (char c : s) low.push_back(c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c);
  for (auto* p : phrases)
    if (low.find(p) != std::string::npos) return word_count(s) <= 20;
  return false;
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

bool byline_line(std::string_view s) { return parse_byline(s, false).has_value(); }

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
    if (separator_line(u.text)) {
      if (!doc.blocks.empty() && !doc.blocks.back().is<HorizontalRule>()) doc.blocks.push_back(HorizontalRule{});
      ++i;
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

  // Press releases and wire copy: "###", "-30-", "ENDS" close the copy; what follows (notes to
  // editors, contacts, "About X") and the closing boilerplate before it are not the article.
  // Metadata cannot hold them: they are dropped (counted as the "boilerplate" rewrite).
  {
    std::size_t cut = units.size();
    bool release = false;
    for (std::size_t k = 0; k < units.size() && k < 6; ++k)
      if (release_line(units[k].text)) release = true;
    for (std::size_t k = 2; k < units.size(); ++k)
      if (units[k].list == ListKind::None && end_mark_line(units[k].text)) {
        cut = k;
        release = true;
        break;
      }
    // closing headings in the last dozen units, at least three units into the text
    std::size_t from = cut > 12 ? cut - 12 : 0;
    for (std::size_t k = std::max<std::size_t>(from, 3); k < cut; ++k) {
      const Unit& u = units[k];
      if (u.list != ListKind::None) continue;
      bool about = false;
      std::string_view name;
      bool closing = closing_heading(u.text, about, &name);
      if (closing && about) {
        // "About Acme" with Acme's description after it, or in a text that is a release
        std::string_view w = first_name_word(name);
        bool described = k + 1 < cut && !w.empty() && cp_upper(first_cp(w)) && first_name_word(units[k + 1].text) == w;
        closing = release || described;
        if (!closing && k + 1 < cut)
          for (std::size_t m = k + 1; m < cut && m < k + 8; ++m)
            if (contact_label(units[m].text)) closing = true;
      }
      if (!closing && contact_label(u.text)) {
        // a contact label with an address or number under it (or in it)
        for (std::size_t m = k; m < cut && m < k + 4; ++m)
          if (contact_detail(units[m].text)) closing = true;
        closing = closing || release;
      }
      if (closing) {
        cut = k;
        break;
      }
    }
    if (cut < units.size()) {
      rw.add("boilerplate", units.size() - cut);
      units.resize(cut);
    }
  }

  Document doc;
  Meta& meta = doc.meta;
  std::size_t n = units.size();
  std::size_t i = 0;
  std::string title, subject, date, modified, credit, dateline, abstract;
  std::vector<std::string> authors, affiliations;
  std::string source_url, subtitle, byline_agency, rights;

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
    for (auto& nm : bl.names) {
      authors.push_back(nm);
      affiliations.emplace_back();
    }
    if (credit.empty() && !bl.credit.empty()) credit = bl.credit;
  };
  std::size_t lede_offset = 0;  // bytes of units[i] already taken (NLĐ split)
  std::size_t furniture = 0;    // release, slug, contact and separator lines passed over
  for (int guard = 0; guard < 16 && i < n; ++guard) {
    Unit& u = units[i];
    if (u.list != ListKind::None) break;
    // furniture of press releases and wire copy: never the headline
    if (release_line(u.text)) {
      // "FOR IMMEDIATE RELEASE – March 12, 2021": the release date (an embargo's is not)
      std::string_view t = u.text;
      for (std::string_view label : {std::string_view("for immediate release"), std::string_view("immediate release"),
                                     std::string_view("for release")}) {
        if (!starts_with_ci(t, label)) continue;
        std::string_view rest = trim(t.substr(label.size()));
        while (!rest.empty() && (rest.front() == ':' || rest.front() == '-' || rest.front() == ',' ||
                                 (unsigned char)rest.front() == 0xE2)) {
          std::size_t q = 0;
          next_codepoint(rest, q);
          rest = trim(rest.substr(q));
        }
        if (auto d = parse_date_line(rest)) take_date(*d);
        break;
      }
      ++furniture;
      ++i;
      continue;
    }
    if (slug_line(u.text) || version_line(u.text) || desk_note_line(u.text) || separator_line(u.text)) {
      ++furniture;
      ++i;
      continue;
    }
    if (contact_label(u.text)) {
      // the label and the lines of its block (names, numbers, addresses)
      ++furniture;
      ++i;
      while (i < n && !units[i].after_blank && units[i].list == ListKind::None &&
             (contact_detail(units[i].text) || (word_count(units[i].text) <= 4 && !ends_with_sentence_punct(units[i].text)))) {
        ++furniture;
        ++i;
      }
      continue;
    }
    if (auto d = parse_date_line(u.text)) { take_date(*d); ++i; continue; }
    // "Nov. 25": a day without a year is not a date, and not a headline either
    if (yearless_date_line(u.text)) { ++furniture; ++i; continue; }
    if (auto bl = parse_byline(u.text, false)) {
      std::size_t first = authors.size();
      take_byline(*bl);
      ++i;
      // a wire byline's second line: "Associated Press", "AP Science Writer"
      std::string agency;
      if (i < n && units[i].list == ListKind::None && affiliation_line(units[i].text, &agency)) {
        for (std::size_t k = first; k < authors.size(); ++k) affiliations[k] = std::string(rtrim_punct(trim(units[i].text), "."));
        if (byline_agency.empty()) byline_agency = agency;
        ++i;
      }
      continue;
    }
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
    if (!title.empty()) {
      // a deck between the headline and a byline or time stamp
      if (subtitle.empty() && deck_like(u) && i + 1 < n &&
          (parse_date_line(units[i + 1].text) || parse_byline(units[i + 1].text, false))) {
        subtitle = u.text;
        ++i;
        continue;
      }
      break;
    }
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
      std::string kind;
      title = std::string(wire_title_prefix(u.text, &kind));
      if (!kind.empty() && subject.empty()) subject = kind;
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
    // a deck between the headline and a lede that opens with a dateline or credit
    if (!p && !lede_offset && !title.empty() && subtitle.empty() && i + 1 < n && deck_like(units[i]) &&
        units[i + 1].list == ListKind::None) {
      auto p2 = parse_prefix(units[i + 1].text);
      if (p2 && (!p2->dateline.empty() || !p2->credit.empty())) {
        subtitle = units[i].text;
        ++i;
        body_start = i;
        lede = units[i].text;
        p = p2;
      }
    }
    bool full_header = !title.empty() && (!subject.empty() || !date.empty() || !authors.empty());
    if (p) {
      if (!p->credit.empty() && credit.empty()) credit = p->credit;
      if (!p->dateline.empty()) dateline = p->dateline;
      if (!p->date.empty() && date.empty()) date = p->date;
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
  for (int guard = 0; guard < 5 && body_end > body_start + 1; ++guard) {
    Unit& u = units[body_end - 1];
    if (u.list != ListKind::None) break;
    if (separator_line(u.text)) {
      --body_end;
      continue;
    }
    if (rights_line(u.text)) {
      if (rights.empty()) rights = u.text;
      --body_end;
      continue;
    }
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
    // "___", "* * *": a rule between parts (never two in a row, never first)
    if (separator_line(s)) {
      if (!doc.blocks.empty() && !doc.blocks.back().is<HorizontalRule>()) doc.blocks.push_back(HorizontalRule{});
      ++j;
      continue;
    }
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
  if (credit.empty() && !byline_agency.empty()) credit = byline_agency;
  rw.add("furniture", furniture);
  if (!title.empty()) meta["title"] = MetaInlines{b.inl(title)};
  if (!subtitle.empty()) meta["subtitle"] = MetaInlines{b.inl(subtitle)};
  if (!rights.empty()) meta["rights"] = MetaInlines{b.inl(rights)};
  if (!subject.empty()) meta["subject"] = MetaInlines{b.inl(subject)};
  if (!date.empty()) meta["date"] = MetaString{date};
  if (!modified.empty()) meta["date-modified"] = MetaString{modified};
  if (!authors.empty()) {
    MetaList l;
    for (std::size_t k = 0; k < authors.size(); ++k) {
      if (k < affiliations.size() && !affiliations[k].empty()) {
        MetaMap m;
        m.entries["name"] = MetaInlines{b.inl(authors[k])};
        m.entries["affiliation"] = MetaInlines{b.inl(affiliations[k])};
        l.items.push_back(std::move(m));
      } else {
        l.items.push_back(MetaInlines{b.inl(authors[k])});
      }
    }
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
