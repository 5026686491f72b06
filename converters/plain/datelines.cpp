// Datelines and credits that open the lede: "HÀ NỘI - ", "(Reuters) - ", "LEEDS, England
// (AP) — ", "SAN FRANCISCO--(BUSINESS WIRE)--", "(ANSA) - ROMA, 25 NOV - ", "PORTLAND, Ore.
// (March 12, 2021) — ", "Dân trí ", and the NLĐ headline that runs into its lede.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include "plain/article_detail.hpp"

namespace galley::plain::detail {

namespace {

// The length of a hyphen, an en dash or an em dash at s[k]; 0 when there is none.
std::size_t dash_len(std::string_view s, std::size_t k) {
  if (k >= s.size()) return 0;
  if (s[k] == '-') return 1;
  return long_dash_at(s, k) ? 3 : 0;
}

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

}  // namespace

// The credit, dateline and date before the lede's text, as far as up to three segments go.
std::optional<Prefix> parse_prefix(std::string_view s) {
  Prefix p;
  // "Dân trí Năm 2020, ..." (outlet name, no dash)
  for (std::string_view name : {std::string_view("Dân trí"), std::string_view("Dân Trí")}) {
    if (s.rfind(name, 0) == 0 && s.size() > name.size() + 1 && s[name.size()] == ' ') {
      std::size_t k = name.size() + 1;
      std::size_t k2 = k;
      if (std::size_t d = dash_len(s, k)) {
        k += d;
        while (k < s.size() && s[k] == ' ') ++k;
        k2 = k;
      }
      if (cp_upper(next_codepoint(s, k2))) {
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
    if (dash_len(s, k)) {
      if (word_count(s.substr(0, i)) >= 3) return i;
    }
  }
  return std::nullopt;
}

}  // namespace galley::plain::detail
