// Bylines: "By Jane Doe", "Par Jean Dupont", "Theo Minh An", "Von unserem Korrespondenten X",
// "(Theo Reuters)" and a name alone under the article; a wire byline's second line ("AP
// Science Writer"); what a name looks like.
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plain/article_detail.hpp"

namespace galley::plain::detail {

namespace {

// Words that name a role, not a person; the first kWireRoles are those that end the second
// line of an English wire byline ("AP Science Writer").
constexpr std::string_view kRoles[] = {
    "writer", "writers", "correspondent", "correspondents", "reporter", "reporters", "editor", "editors", "staff",
    "photographer", "columnist", "analyst",
    "contributor", "korrespondent", "korrespondentin", "redakteur", "redakteurin", "corresponsal", "redactor",
    "redactora", "enviado", "enviada", "correspondente", "repórter", "corrispondente", "inviato", "inviata",
    "redattore", "correspondant", "correspondante", "envoyé", "envoyée", "journaliste", "verslaggever", "redacteur",
    "correspondenten", "journalist", "journalistin", "korrespondenten", "korrespondentinnen", "redaktion"};
constexpr std::size_t kWireRoles = 12;

// Is `w` one of the first `count` role words (ASCII case folded)?
bool role_word(std::string_view w, std::size_t count) {
  for (std::size_t k = 0; k < count; ++k)
    if (eq_ci(w, kRoles[k])) return true;
  return false;
}

// "Staff Writer", "Korrespondent", "corresponsal en Bruselas": a role, not a name
bool role_words(std::string_view s) {
  for (auto w : words_of(s)) {
    w = rtrim_punct(w, ",.;:");
    if (role_word(w, std::size(kRoles))) return true;
  }
  return false;
}

}  // namespace

// The second line of a wire byline: "Associated Press", "The Associated Press",
// "AP Science Writer", "Reuters Staff". Sets `agency` to the agency named.
bool affiliation_line(std::string_view s, std::string* agency) {
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
      if (agency) *agency = std::string(agency_prefix(rest));
      return true;
    }
  }
  // "<agency> <role> Writer": the longest agency name that starts the line, a role word last
  std::string_view best = agency_prefix(rest);
  if (best.empty()) return false;
  auto rws = words_of(rest.substr(best.size() + 1));
  if (rws.empty()) return false;
  for (auto w : rws)
    if (!cp_upper(first_cp(w))) return false;
  if (!role_word(rws.back(), kWireRoles)) return false;
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

namespace {

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

}  // namespace

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

bool byline_line(std::string_view s) { return parse_byline(s, false).has_value(); }

}  // namespace galley::plain::detail
