// +extract, the last pass over the cleaned article: short lines that point away from it
// ("Lea: ...", "VEA TAMBIÉN: ...", "Weitere Artikel zum Thema", "Zum Weiterlesen:"), by a
// vocabulary of such phrases in several languages beside extract_vocabulary.cpp's, and short
// lines ending in a colon that open with one of those phrases.
#include "html/extractor.hpp"

namespace galley::html::extraction {
namespace {

// Lower-case ASCII and the two-byte Latin capitals (U+00C0-U+00DE but U+00D7).
std::string fold(std::string_view s) {
  std::string out(s);
  for (std::size_t i = 0; i < out.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c - 'A' + 'a');
    } else if (c == 0xC3 && i + 1 < out.size()) {
      unsigned char d = static_cast<unsigned char>(out[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) out[i + 1] = static_cast<char>(d + 0x20);
      ++i;
    }
  }
  return out;
}

bool starts(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

const char* const kMorePhrases[] = {
    "lea", "lee también", "lee más", "vea también", "ver también", "mira también", "notas relacionadas",
    "noticias relacionadas", "temas relacionados", "artículos relacionados", "te recomendamos",
    "related articles", "related stories", "related posts", "more stories", "more from", "more news",
    "auch lesen", "zum weiterlesen", "weitere artikel zum thema", "weitere beiträge", "weitere news",
    "weitere informationen", "das könnte dich auch interessieren", "das könnte sie auch interessieren",
    "passend dazu", "mehr dazu", "vorschau auf den nächsten artikel", "nächster artikel",
    "vorheriger artikel", "previous article", "next article", "previous post", "next post", "weiter",
    "zurück", "back to", "lire également", "à lire également", "à voir aussi", "à voir également",
    "potrebbe interessarti", "ti potrebbe interessare", "leggi anche", "veja também", "saiba mais",
    "czytaj również", "przeczytaj także", "przeczytaj też", "zobacz również", "polecamy", "lees verder"};

// The phrase, then ':', '?', '|', '!' or an ellipsis; or the phrase alone (headings, lines
// under 40 characters).
bool more_line(std::string_view folded, std::size_t len, bool heading) {
  for (auto* p : kMorePhrases) {
    std::string_view ph(p);
    if (!starts(folded, ph)) continue;
    std::string_view rest = folded.substr(ph.size());
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (rest.empty()) return heading || len < 40;
    char f = rest.front();
    if (f == ':' || f == '?' || f == '|' || f == '!' || starts(rest, "\xE2\x80\xA6") || starts(rest, "...")) return true;
  }
  return false;
}

bool leaf_block(xmlNode* n) {
  std::string_view t = name(n);
  return in(t, {"p", "h2", "h3", "h4", "h5", "h6", "span", "small", "div", "strong", "b", "em", "dd", "dt",
                "blockquote", "address"}) &&
         !has_child_block(n);
}

}  // namespace

void remove_pointer_lines(xmlNode* article) {
  std::vector<xmlNode*> drop;
  for (xmlNode* n = next_node(article, false, article); n;) {
    if (leaf_block(n)) {
      std::string txt = clean_text(text_of(n));
      std::size_t len = utf8_len(txt);
      bool heading = is_heading(name(n)) || is(n, "strong") || is(n, "b");
      // "Lesen Sie auch die folgenden Beiträge:": a known phrase opening a short line that ends in a colon.
      if (len > 0 && len < 160 &&
          (more_line(fold(txt), len, heading) || (len < 90 && txt.back() == ':' && lead_phrase(txt, true)))) {
        drop.push_back(n);
        n = next_node(n, true, article);
        continue;
      }
    }
    n = next_node(n, false, article);
  }
  for (auto* d : drop) remove_node(d);
}

}  // namespace galley::html::extraction
