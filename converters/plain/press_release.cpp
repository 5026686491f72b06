// Press-release furniture and the end of the copy: release labels ("FOR IMMEDIATE RELEASE",
// "Pressemitteilung"), contact blocks, end marks ("###", "-30-", "ENDS", "./."), the closing
// boilerplate ("About Acme", "Notes to editors", "SOURCE Acme"), rights lines ("© 2019 dpa").
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plain/article_detail.hpp"

namespace galley::plain::detail {

namespace {

// Does `s` start with `label` followed by the end, a colon or (when `open`) a space?
bool label_at(std::string_view s, std::string_view label, bool open = false) {
  if (!starts_with_ci(s, label)) return false;
  std::string_view r = trim(s.substr(label.size()));
  if (r.empty() || r.front() == ':' || r.front() == '-') return true;
  return open && s.size() > label.size() && s[label.size()] == ' ';
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
      else if (long_dash_at(core, 0)) { core.remove_prefix(3); framed = true; }
      else break;
    }
    while (!core.empty()) {
      if (core.back() == '-' || core.back() == ')' || core.back() == ']' || core.back() == ' ') core.remove_suffix(1);
      else if (core.size() >= 3 && long_dash_at(core, core.size() - 3)) core.remove_suffix(3);
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
    if (long_dash_at(r, 0)) {
      r = trim(r.substr(3));
      if (r.empty() || parse_date_line(r)) return true;
    }
  }
  return false;
}

std::optional<DateLine> release_date(std::string_view t) {
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
    return parse_date_line(rest);
  }
  return std::nullopt;
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

void strip_end_marks(std::vector<Unit>& units, Rewrites& rw) {
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
void cut_boilerplate(std::vector<Unit>& units, Rewrites& rw) {
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

}  // namespace galley::plain::detail
