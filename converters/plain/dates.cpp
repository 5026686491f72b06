// Newspaper time stamps -> ISO 8601. Hand-written tokenizer (no regex): lines are short.
#include <cstdio>
#include <string>
#include <vector>

#include "plain/reader_detail.hpp"

namespace galley::plain::detail {

namespace {

enum class K { Num, Word, Punct };
struct Tok {
  K kind;
  std::string text;  // words: ASCII-lower-cased
  bool used = false;
};

bool ascii_alpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::vector<Tok> tokenize(std::string_view s) {
  std::vector<Tok> out;
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = s[i];
    if (c == ' ' || c == '\t') { ++i; continue; }
    if (c >= '0' && c <= '9') {
      std::size_t j = i;
      while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
      out.push_back({K::Num, std::string(s.substr(i, j - i))});
      i = j;
    } else if (ascii_alpha(c) || c >= 0x80) {
      std::size_t j = i;
      std::string w;
      while (j < s.size() && (ascii_alpha((unsigned char)s[j]) || (unsigned char)s[j] >= 0x80)) {
        // stop at non-letter punctuation in UTF-8 (e.g. en dash, curly quotes, NBSP)
        if ((unsigned char)s[j] == 0xE2 || ((unsigned char)s[j] == 0xC2 && j + 1 < s.size() && (unsigned char)s[j + 1] == 0xA0)) break;
        char ch = s[j];
        if (ch >= 'A' && ch <= 'Z') ch = char(ch - 'A' + 'a');
        w.push_back(ch);
        ++j;
      }
      if (j == i) {  // a punctuation code point
        std::size_t k = i + 1;
        while (k < s.size() && ((unsigned char)s[k] & 0xC0) == 0x80) ++k;
        out.push_back({K::Punct, std::string(s.substr(i, k - i))});
        i = k;
      } else {
        out.push_back({K::Word, w});
        i = j;
      }
    } else {
      out.push_back({K::Punct, std::string(1, char(c))});
      ++i;
    }
  }
  return out;
}

int month_of(const std::string& w) {
  // en, fr, de, es, pt, it, nl: full names and the abbreviations newspapers print
  static const char* names[][16] = {
      {"january", "jan", "janvier", "janv", "januar", "jänner", "enero", "ene", "janeiro", "gennaio", "gen", "januari", "", "", "", ""},
      {"february", "feb", "février", "févr", "fevrier", "februar", "febrero", "fevereiro", "fev", "febbraio", "februari", "", "", "", "", ""},
      {"march", "mar", "mars", "märz", "mär", "maerz", "marzo", "março", "marco", "maart", "mrt", "", "", "", "", ""},
      {"april", "apr", "avril", "avr", "abril", "abr", "aprile", "", "", "", "", "", "", "", "", ""},
      {"may", "mai", "mayo", "maio", "maggio", "mag", "mei", "", "", "", "", "", "", "", "", ""},
      {"june", "jun", "juin", "juni", "junio", "junho", "giugno", "giu", "", "", "", "", "", "", "", ""},
      {"july", "jul", "juillet", "juil", "juli", "julio", "julho", "luglio", "lug", "", "", "", "", "", "", ""},
      {"august", "aug", "août", "aout", "agosto", "ago", "augustus", "", "", "", "", "", "", "", "", ""},
      {"september", "sep", "sept", "septembre", "septiembre", "setiembre", "setembro", "set", "settembre", "", "", "", "", "", "", ""},
      {"october", "oct", "octobre", "oktober", "okt", "octubre", "outubro", "out", "ottobre", "ott", "", "", "", "", "", ""},
      {"november", "nov", "novembre", "noviembre", "novembro", "", "", "", "", "", "", "", "", "", "", ""},
      {"december", "dec", "décembre", "déc", "decembre", "dezember", "dez", "diciembre", "dic", "dezembro", "dicembre", "", "", "", "", ""}};
  for (int m = 0; m < 12; ++m)
    for (auto* n : names[m])
      if (*n && w == n) return m + 1;
  return 0;
}

bool filler(const std::string& w) {
  static const char* words[] = {
      // vi
      "thứ", "hai", "ba", "tư", "năm", "sáu", "bảy", "chủ", "nhật", "cn", "ngày", "lúc", "cập", "đăng", "giờ",
      "tháng", "xuất", "bản", "đăng", "lần", "cuối", "sáng", "chiều", "tối", "trưa", "đêm",
      // en
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed",
      "thu", "thur", "thurs", "fri", "sat", "sun", "published", "updated", "posted", "last", "modified", "on",
      "at", "date", "time", "first", "created",
      // fr
      "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "le", "à", "publié", "mis", "jour",
      "modifié", "actualisé", "h", "et",
      // de
      "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag", "uhr", "am",
      "um", "veröffentlicht", "aktualisiert", "zuletzt", "stand", "erstellt",
      // es
      "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "de", "del", "a", "las", "la",
      "horas", "hrs", "hs", "publicado", "actualizado", "actualización", "el",
      // pt
      "segunda", "terça", "quarta", "quinta", "sexta", "feira", "em", "às", "atualizado", "atualização",
      // it
      "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica", "il", "alle", "ore",
      "pubblicato", "aggiornato", "aggiornamento",
      // nl
      "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "om", "op", "uur",
      "gepubliceerd", "bijgewerkt", "laatst", "gewijzigd"};
  for (auto* x : words)
    if (w == x) return true;
  return false;
}

bool is_num(const std::vector<Tok>& t, std::size_t i, std::size_t minlen = 1, std::size_t maxlen = 4) {
  return i < t.size() && t[i].kind == K::Num && t[i].text.size() >= minlen && t[i].text.size() <= maxlen;
}
bool is_p(const std::vector<Tok>& t, std::size_t i, const char* p) {
  return i < t.size() && t[i].kind == K::Punct && t[i].text == p;
}
bool is_w(const std::vector<Tok>& t, std::size_t i, const char* w) {
  return i < t.size() && t[i].kind == K::Word && t[i].text == w;
}
int num(const std::vector<Tok>& t, std::size_t i) { return std::stoi(t[i].text); }

struct Found {
  int y = 0, m = 0, d = 0;
  int hh = -1, mm = -1, ss = -1;
  std::string zone;
};

void mark(std::vector<Tok>& t, std::size_t a, std::size_t b) {
  for (std::size_t i = a; i < b && i < t.size(); ++i) t[i].used = true;
}

int fix_year(int y) { return y < 100 ? (y < 70 ? 2000 + y : 1900 + y) : y; }

// Zone after position i: "GMT+7", "(GMT+07:00)", "UTC", "+07:00", "Z". Returns tokens consumed.
std::size_t parse_zone(std::vector<Tok>& t, std::size_t i, std::string& zone) {
  std::size_t j = i;
  bool paren = is_p(t, j, "(");
  if (paren) ++j;
  bool named = is_w(t, j, "gmt") || is_w(t, j, "utc");
  bool zulu = is_w(t, j, "z");
  if (named || zulu) ++j;
  int sign = 0;
  if (is_p(t, j, "+")) sign = 1;
  else if (is_p(t, j, "-") || is_p(t, j, "\xE2\x88\x92")) sign = -1;
  int oh = -1, om = 0;
  std::size_t k = j;
  if (sign && is_num(t, j + 1, 1, 4)) {
    k = j + 2;
    const std::string& n = t[j + 1].text;
    if (n.size() <= 2) {
      oh = std::stoi(n);
      if (is_p(t, k, ":") && is_num(t, k + 1, 2, 2)) { om = num(t, k + 1); k += 2; }
    } else if (n.size() == 4) {
      oh = std::stoi(n.substr(0, 2));
      om = std::stoi(n.substr(2));
    }
  }
  if (oh >= 0 && oh <= 14 && om < 60 && (named || !paren || true)) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%c%02d:%02d", sign > 0 ? '+' : '-', oh, om);
    zone = buf;
  } else if (named) {
    zone = "+00:00";
    k = j;
  } else if (zulu) {
    zone = "Z";
    k = j;
  } else {
    return 0;
  }
  if (paren && is_p(t, k, ")")) ++k;
  else if (paren) return 0;
  mark(t, i, k);
  return k - i;
}

}  // namespace

std::optional<std::string> parse_compact_date(std::string_view s) {
  std::string d;
  for (char c : s)
    if (c >= '0' && c <= '9') d.push_back(c);
    else if (c != '-' && c != ' ' && c != '/') return std::nullopt;
  if (d.size() != 8) return std::nullopt;
  int y = std::stoi(d.substr(0, 4)), m = std::stoi(d.substr(4, 2)), dd = std::stoi(d.substr(6, 2));
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || dd < 1 || dd > 31) return std::nullopt;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, dd);
  return std::string(buf);
}

bool yearless_date_line(std::string_view line) {
  if (line.size() > 80) return false;
  std::vector<Tok> t = tokenize(line);
  bool day_month = false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i].used) continue;
    if (t[i].kind == K::Num) {
      // "Nov. 25", "25 nov", "25. November", "25 de noviembre"
      if (t[i].text.size() > 2) return false;
      int d = num(t, i);
      std::size_t j = i + 1;
      if (is_p(t, j, ".")) ++j;
      if (is_w(t, j, "de")) ++j;
      if (!day_month && d >= 1 && d <= 31 && j < t.size() && t[j].kind == K::Word && month_of(t[j].text)) {
        day_month = true;
        mark(t, i, j + 1);
        continue;
      }
      // a time "13:38", "13.38 Uhr", "10h12"
      if ((is_p(t, i + 1, ":") || is_p(t, i + 1, ".") || is_w(t, i + 1, "h")) && is_num(t, i + 2, 2, 2)) {
        mark(t, i, i + 3);
        continue;
      }
      return false;
    }
    if (t[i].kind == K::Word) {
      int m = month_of(t[i].text);
      std::size_t j = i + 1;
      if (is_p(t, j, ".")) ++j;
      if (m && !day_month && is_num(t, j, 1, 2) && num(t, j) >= 1 && num(t, j) <= 31) {
        day_month = true;
        mark(t, i, j + 1);
        continue;
      }
      if (!filler(t[i].text) && t[i].text != "pm" && t[i].text != "am" && t[i].text != "p" && t[i].text != "m" &&
          t[i].text != "a")
        return false;
    }
  }
  return day_month;
}

std::optional<DateLine> parse_date_line(std::string_view line) {
  if (line.size() > 160) return std::nullopt;
  std::vector<Tok> t = tokenize(line);
  if (t.empty()) return std::nullopt;
  DateLine out;
  {
    std::string_view s = line;
    auto starts = [&](const char* p) {
      std::size_t n = std::char_traits<char>::length(p);
      if (s.size() < n) return false;
      for (std::size_t i = 0; i < n; ++i) {
        char a = s[i];
        if (a >= 'A' && a <= 'Z') a = char(a - 'A' + 'a');
        if (a != p[i]) return false;
      }
      return true;
    };
    out.modified = starts("cập nhật") || starts("updated") || starts("last updated") || starts("mis à jour") ||
                   starts("modified") || starts("last modified") || starts("actualisé") || starts("modifié") ||
                   starts("aktualisiert") || starts("zuletzt aktualisiert") || starts("actualizado") ||
                   starts("última actualización") || starts("atualizado") || starts("atualização") ||
                   starts("aggiornato") || starts("ultimo aggiornamento") || starts("bijgewerkt") ||
                   starts("laatst bijgewerkt") || starts("gewijzigd");
  }
  Found f;
  // date
  for (std::size_t i = 0; i < t.size() && !f.y; ++i) {
    // ISO: 2019-11-25
    if (is_num(t, i, 4, 4) && (is_p(t, i + 1, "-") || is_p(t, i + 1, "/") || is_p(t, i + 1, ".")) &&
        is_num(t, i + 2, 1, 2) && is_p(t, i + 3, t[i + 1].text.c_str()) && is_num(t, i + 4, 1, 2)) {
      f.y = num(t, i); f.m = num(t, i + 2); f.d = num(t, i + 4);
      mark(t, i, i + 5);
      // ISO time: T13:38
      if (is_w(t, i + 5, "t")) t[i + 5].used = true;
      break;
    }
    // d/m/y
    if (is_num(t, i, 1, 2) && (is_p(t, i + 1, "/") || is_p(t, i + 1, "-") || is_p(t, i + 1, ".")) &&
        is_num(t, i + 2, 1, 2) && is_p(t, i + 3, t[i + 1].text.c_str()) && (is_num(t, i + 4, 4, 4) || is_num(t, i + 4, 2, 2))) {
      int a = num(t, i), b = num(t, i + 2);
      if (b > 12 && a <= 12) std::swap(a, b);  // m/d/y
      f.d = a; f.m = b; f.y = fix_year(num(t, i + 4));
      mark(t, i, i + 5);
      break;
    }
    // 25 novembre 2019 / 25 November, 2019 / 25 tháng 11 năm 2019
    if (is_num(t, i, 1, 2)) {
      std::size_t j = i + 1;
      if (is_p(t, j, ".")) ++j;  // German style "25. November"
      if (is_w(t, j, "de")) ++j;  // Spanish and Portuguese "25 de noviembre de 2019"
      int m = 0;
      if (j < t.size() && t[j].kind == K::Word) {
        m = month_of(t[j].text);
        if (m) ++j;
        else if (t[j].text == "tháng" && is_num(t, j + 1, 1, 2)) { m = num(t, j + 1); j += 2; }
      }
      if (m) {
        if (is_p(t, j, ".")) ++j;
        if (is_p(t, j, ",")) ++j;
        if (is_w(t, j, "năm") || is_w(t, j, "de") || is_w(t, j, "del")) ++j;
        if (is_num(t, j, 4, 4)) {
          f.d = num(t, i); f.m = m; f.y = num(t, j);
          mark(t, i, j + 1);
          break;
        }
      }
    }
    // November 25, 2019
    if (i < t.size() && t[i].kind == K::Word && month_of(t[i].text)) {
      std::size_t j = i + 1;
      if (is_p(t, j, ".")) ++j;
      if (is_num(t, j, 1, 2)) {
        std::size_t k = j + 1;
        if (is_w(t, k, "st") || is_w(t, k, "nd") || is_w(t, k, "rd") || is_w(t, k, "th")) ++k;
        if (is_p(t, k, ",")) ++k;
        if (is_num(t, k, 4, 4)) {
          f.m = month_of(t[i].text); f.d = num(t, j); f.y = num(t, k);
          mark(t, i, k + 1);
          break;
        }
      }
    }
  }
  if (!f.y || f.m < 1 || f.m > 12 || f.d < 1 || f.d > 31 || f.y < 1900 || f.y > 2100) return std::nullopt;
  // time
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i].used || !is_num(t, i, 1, 2)) continue;
    std::size_t k = 0;
    int hh = num(t, i), mm = -1, ss = -1;
    if (is_p(t, i + 1, ":") && is_num(t, i + 2, 2, 2)) {
      mm = num(t, i + 2);
      k = i + 3;
      if (is_p(t, k, ":") && is_num(t, k + 1, 2, 2)) { ss = num(t, k + 1); k += 2; }
    } else if (is_w(t, i + 1, "h") && is_num(t, i + 2, 2, 2)) {
      mm = num(t, i + 2);
      k = i + 3;
    } else if (is_p(t, i + 1, ".") && is_num(t, i + 2, 2, 2) &&
               (is_w(t, i + 3, "uhr") || is_w(t, i + 3, "h") || is_w(t, i + 3, "horas") || is_w(t, i + 3, "uur") ||
                is_w(t, i + 3, "hrs"))) {
      // "13.38 Uhr", "13.38 uur": the dot form only with its unit word
      mm = num(t, i + 2);
      k = i + 3;
    } else if (i + 1 < t.size() && t[i + 1].kind == K::Word && t[i + 1].text.size() > 1 && t[i + 1].text[0] == 'h' &&
               false) {
    } else {
      continue;
    }
    // AM / PM / a.m. / p.m. / SA / CH
    bool pm = false, am = false;
    if (is_w(t, k, "pm") || is_w(t, k, "ch")) { pm = true; ++k; }
    else if (is_w(t, k, "am") || is_w(t, k, "sa")) { am = true; ++k; }
    else if ((is_w(t, k, "p") || is_w(t, k, "a")) && is_p(t, k + 1, ".") && is_w(t, k + 2, "m")) {
      pm = t[k].text == "p"; am = !pm;
      k += 3;
      if (is_p(t, k, ".")) ++k;
    }
    if (pm && hh < 12) hh += 12;
    if (am && hh == 12) hh = 0;
    if (hh > 23 || mm > 59 || ss > 59) continue;
    f.hh = hh; f.mm = mm; f.ss = ss;
    mark(t, i, k);
    std::size_t z = parse_zone(t, k, f.zone);
    (void)z;
    break;
  }
  // a zone anywhere else ("(GMT+7)" after the date)
  if (f.hh >= 0 && f.zone.empty())
    for (std::size_t i = 0; i < t.size(); ++i)
      if (!t[i].used && (is_w(t, i, "gmt") || is_w(t, i, "utc") || (is_p(t, i, "(") && (is_w(t, i + 1, "gmt") || is_w(t, i + 1, "utc")))))
        if (parse_zone(t, i, f.zone)) break;

  // The line must be (nearly) nothing but the time stamp.
  std::size_t residual = 0;
  for (auto& x : t) {
    if (x.used) continue;
    if (x.kind == K::Num) { residual += 2; continue; }
    if (x.kind == K::Word && !filler(x.text)) ++residual;
  }
  if (residual > 1) return std::nullopt;

  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", f.y, f.m, f.d);
  out.iso = buf;
  if (f.hh >= 0) {
    if (f.ss >= 0) std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", f.hh, f.mm, f.ss);
    else std::snprintf(buf, sizeof buf, "T%02d:%02d", f.hh, f.mm);
    out.iso += buf;
    out.iso += f.zone;
  }
  return out;
}

}  // namespace galley::plain::detail
