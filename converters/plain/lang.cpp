// Language guess: Vietnamese-only letters plus stop-word counts (vi, en, fr, de, es, pt, it, nl).
#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>
#include <vector>

#include "galley/text.hpp"
#include "plain/reader_detail.hpp"

namespace galley::plain::detail {

namespace {

struct LangWords {
  const char* lang;
  std::vector<std::string_view> words;
};

const std::vector<LangWords>& stopwords() {
  static const std::vector<LangWords> v = {
      {"vi", {"và", "của", "là", "các", "những", "được", "trong", "cho", "có", "không", "người", "này", "với", "đã",
              "một", "để", "khi", "về", "từ", "cũng", "đến", "tại", "theo", "nhiều", "năm", "ông", "sẽ", "thì"}},
      {"en", {"the", "and", "of", "to", "in", "is", "that", "for", "with", "was", "on", "said", "it", "as", "are",
              "by", "he", "at", "from", "has", "have", "which", "this", "be", "an", "but", "not", "were"}},
      {"fr", {"le", "la", "les", "des", "et", "est", "une", "dans", "pour", "que", "qui", "du", "au", "sur", "pas",
              "par", "avec", "il", "ce", "sont", "aux", "elle", "ont", "mais", "été", "cette", "leur", "de", "en",
              "un"}},
      {"de", {"der", "die", "und", "das", "ist", "nicht", "mit", "den", "von", "zu", "ein", "eine", "sich", "auf",
              "für", "dem", "im", "auch", "wird", "sie", "nach", "bei", "wurde", "aus", "dass", "werden", "hat",
              "sind", "zum", "zur", "über", "noch", "wie", "einem", "einen", "einer", "des", "vor"}},
      {"es", {"el", "los", "las", "del", "y", "que", "por", "con", "una", "para", "es", "se", "al", "lo", "como",
              "más", "pero", "sus", "fue", "su", "ha", "también", "entre", "está", "han", "muy", "este", "esta",
              "hay", "desde", "cuando", "según", "sin", "ya", "de", "la", "en", "un"}},
      {"pt", {"o", "os", "do", "da", "dos", "das", "em", "não", "um", "uma", "com", "é", "ao", "mais", "foi",
              "pelo", "pela", "seu", "sua", "também", "são", "à", "nos", "nas", "já", "ser", "isso", "ou", "aos",
              "pelos", "às", "está", "foram", "quando", "que", "para", "como", "de", "e", "no", "na", "se"}},
      {"it", {"il", "di", "che", "è", "della", "per", "non", "sono", "nel", "alla", "dei", "delle", "gli", "anche",
              "più", "questo", "stato", "dal", "nella", "degli", "ai", "dopo", "come", "una", "un", "ha", "con",
              "si", "al", "del", "le", "la", "lo", "da", "de", "e", "in"}},
      {"nl", {"de", "het", "een", "en", "van", "dat", "op", "te", "zijn", "niet", "met", "voor", "die", "er", "ook",
              "aan", "maar", "bij", "om", "werd", "naar", "wordt", "nog", "heeft", "door", "deze", "hij", "ze",
              "uit", "worden", "hebben", "zich", "is", "in"}},
  };
  return v;
}

// Letters found only in Vietnamese among these languages: ơ ư đ ă and the
// precomposed letters of Latin Extended Additional U+1EA0..U+1EF9.
bool vietnamese_letter(char32_t c) {
  return (c >= 0x1EA0 && c <= 0x1EF9) || c == 0x01A1 || c == 0x01A0 || c == 0x01B0 || c == 0x01AF || c == 0x0111 ||
         c == 0x0110 || c == 0x0103 || c == 0x0102;
}

}  // namespace

// Scores count in 1/840 of a word: 840 divides evenly by every number of languages (1..8).
constexpr std::size_t kUnit = 840;

std::string detect_lang(std::string_view text) {
  if (text.size() > (1u << 16)) {
    std::size_t cut = 1u << 16;
    while (cut > 0 && ((unsigned char)text[cut] & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
  }
  auto& sw = stopwords();
  // every stop word, with a bit for each language that lists it: one lookup a word
  static const auto index = [&sw] {
    std::unordered_map<std::string_view, unsigned> m;
    for (std::size_t l = 0; l < sw.size(); ++l)
      for (auto x : sw[l].words) m[x] |= 1u << l;
    return m;
  }();
  static const std::size_t longest = [&sw] {
    std::size_t n = 0;
    for (auto& l : sw)
      for (auto x : l.words) n = std::max(n, x.size());
    return n;
  }();
  std::vector<std::size_t> score(sw.size(), 0);
  std::size_t words = 0, viet = 0, letters = 0;
  std::string w;
  auto finish = [&] {
    if (w.empty()) return;
    ++words;
    if (w.size() <= longest)
      if (auto it = index.find(w); it != index.end())
      {
        // a word several languages share is evidence split between them ("de": es, pt, fr, it, nl)
        unsigned bits = it->second;
        std::size_t share = kUnit / std::size_t(__builtin_popcount(bits));
        for (; bits; bits &= bits - 1) score[std::size_t(__builtin_ctz(bits))] += share;
      }
    w.clear();
  };
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t start = i;
    char32_t c = (unsigned char)text[i] < 0x80 ? char32_t((unsigned char)text[i++]) : next_codepoint(text, i);
    if (cp_letter(c)) {
      ++letters;
      if (vietnamese_letter(c)) ++viet;
      if (c >= 'A' && c <= 'Z') w.push_back(char(c - 'A' + 'a'));
      else w.append(text.substr(start, i - start));
    } else {
      finish();
    }
  }
  finish();
  if (words < 3) return {};
  // Vietnamese: its own letters are frequent (about one letter in ten).
  if (viet * 40 >= letters && viet >= 3) return "vi";
  std::size_t best = 0, second = 0, bi = 0;
  for (std::size_t l = 0; l < score.size(); ++l) {
    if (score[l] > best) { second = best; best = score[l]; bi = l; }
    else if (score[l] > second) second = score[l];
  }
  if (best < 2 * kUnit || best * 4 < second * 5 || best * 20 < words * kUnit) return {};
  return sw[bi].lang;
}

}  // namespace galley::plain::detail
