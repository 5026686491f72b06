// +extract, the words it reads in class and id values and in short lines: the content-scoring
// patterns (Readability's "unlikely", "positive", "negative" names, roles), the furniture
// vocabularies (share bars, story lists, author boxes ... in several languages) and the
// phrases of lines that point away from the article ("Read more: ...").
#include "html/extractor.hpp"

namespace galley::html::extraction {

namespace {

// ---- class/id patterns (case-insensitive substrings) ----
const char* const kUnlikely[] = {"-ad-",     "ai2html",  "banner",   "breadcrumbs", "combx",    "comment",
                                 "community", "cover-wrap", "disqus", "extra",       "footer",   "gdpr",
                                 "header",   "legends",  "menu",     "related",     "remark",   "replies",
                                 "rss",      "shoutbox", "sidebar",  "skyscraper",  "social",   "sponsor",
                                 "supplemental", "ad-break", "agegate", "pagination", "pager", "popup",
                                 "yom-remote", "cookie", "consent", "newsletter"};
const char* const kMaybe[] = {"and", "article", "body", "column", "content", "main", "mathjax", "shadow"};
const char* const kPositive[] = {"article", "body", "content", "entry", "hentry", "h-entry", "main", "page",
                                 "pagination", "post", "text", "blog", "story"};
const char* const kNegative[] = {"-ad-",   "hidden",  "banner", "combx",  "comment", "com-",       "contact",
                                 "footer", "gdpr",    "masthead", "media", "meta",  "outbrain",   "promo",
                                 "related", "scroll", "share",  "shoutbox", "sidebar", "skyscraper", "sponsor",
                                 "shopping", "tags",  "widget"};
const char* const kUnlikelyRoles[] = {"menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"};

template <std::size_t N>
bool matches(std::string_view s, const char* const (&list)[N]) {
  for (auto* p : list)
    if (contains_word_ci(s, p)) return true;
  return false;
}

bool hid_token(std::string_view s) {
  // "^hid$| hid$| hid |^hid "
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (iequals(s.substr(i, j - i), "hid")) return true;
    i = j;
  }
  return false;
}

// ---- boilerplate inside the article: vocabularies, not sites ----
// Words of class and id values (split at spaces, '-', '_' and lower-to-upper case changes)
// that name page furniture in several languages: share bars, related and promoted stories,
// teasers, newsletter and app prompts, author boxes, comments, embedded posts, image credits.
const char* const kWidgetWords[] = {  // small widgets: at most 500 characters
    "share", "sharing", "shares", "sharebar", "sharedaddy", "social", "socials", "newsletter", "newsletters",
    "subscribe", "subscription", "signup", "comments", "disqus", "authorbox", "saboxplugin", "credit", "credits",
    "copyright", "bildnachweis", "print", "printbutton", "rating", "likes", "jetpack", "tags", "breadcrumb",
    "breadcrumbs", "pagination", "licence", "license", "advert", "advertisement", "sponsored"};
const char* const kLinkListWords[] = {  // story lists: link-heavy
    "related", "relatedposts", "recommended", "recommendations", "teaser", "teasers", "promo", "promos",
    "promotion", "readmore", "morelinks", "outbrain", "taboola", "lesetipp", "lesetipps", "empfehlung",
    "empfehlungen", "weiterlesen", "mehrzumthema"};
// Two-word names of small widgets: author box/bio, about the author, image author, photo credit.
const char* const kFurniturePairs[][2] = {
    {"author", "box"}, {"author", "bio"}, {"author", "info"}, {"about", "author"}, {"image", "author"},
    {"photo", "credit"}, {"image", "credit"}, {"image", "source"}, {"read", "more"}, {"next", "story"},
    {"next", "post"}, {"app", "promo"}, {"post", "tags"}, {"post", "meta"}, {"entry", "meta"}};

std::vector<std::string> class_words(std::string_view v) {
  std::vector<std::string> out;
  std::string cur;
  char prev = 0;
  auto flush = [&] {
    if (!cur.empty()) out.push_back(std::move(cur));
    cur.clear();
  };
  for (char c : v) {
    bool upper = c >= 'A' && c <= 'Z';
    bool alnum = upper || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!alnum) {
      flush();
    } else {
      if (upper && prev >= 'a' && prev <= 'z') flush();
      cur += upper ? static_cast<char>(c - 'A' + 'a') : c;
    }
    prev = c;
  }
  flush();
  return out;
}

// Lines that point away from the article ("Read more: ...", "Lea también: ..."), in
// several languages; prefixes compared case-insensitively, followed by ':', '?', '|', an
// ellipsis, or (headings and very short lines) the end of the text. ("Related:" is not
// one: Readability's expected articles keep such inline story links.) Image credit lines
// ("Foto: ...") are not dropped either: Readability keeps them with their captions.
const char* const kLeadPhrases[] = {
    "read more", "read also", "see also", "more on this", "you might also like", "you may also like",
    "also read", "recommended", "lea también", "lea más", "le puede interesar", "te puede interesar",
    "leia também", "leia mais", "lire aussi", "à lire aussi", "voir aussi", "leggi anche", "weiterlesen",
    "lesen sie auch", "lesen sie mehr", "auch interessant", "schon gelesen", "mehr zum thema", "mehr themen",
    "siehe auch", "weitere artikel", "weiterführende links", "das könnte sie auch interessieren",
    "czytaj także", "czytaj też", "czytaj więcej", "zobacz także", "zobacz też", "lees ook", "lees meer"};
bool starts_with_ci(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char a = text[i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
    if (a == prefix[i]) continue;
    // Two-byte Latin capitals (U+00C0-U+00DE) against their small forms (+0x20).
    if (i > 0 && static_cast<unsigned char>(text[i - 1]) == 0xC3 &&
        static_cast<unsigned char>(text[i]) + 0x20 == static_cast<unsigned char>(prefix[i]))
      continue;
    return false;
  }
  return true;
}

}  // namespace

int class_weight(const xmlNode* n) {
  int w = 0;
  for (const char* k : {"class", "id"}) {
    auto v = attr(n, k);
    if (!v || v->empty()) continue;
    if (matches(*v, kNegative) || hid_token(*v)) w -= 25;
    if (matches(*v, kPositive)) w += 25;
  }
  return w;
}

std::string match_string(const xmlNode* n) {
  std::string s(attr_or(n, "class"));
  s += ' ';
  s += attr_or(n, "id");
  return s;
}

bool unlikely_name(std::string_view ms) { return matches(ms, kUnlikely) && !matches(ms, kMaybe); }

bool unlikely_role(std::string_view role) {
  for (auto* r : kUnlikelyRoles)
    if (role == r) return true;
  return false;
}

// 0: no furniture name; 1: a small widget's (share, newsletter, author box ...); 2: a story list's.
int furniture_name(const xmlNode* n) {
  int kind = 0;
  for (const char* k : {"class", "id"}) {
    auto v = attr(n, k);
    if (!v || v->empty()) continue;
    auto w = class_words(*v);
    for (std::size_t i = 0; i < w.size(); ++i) {
      for (auto* f : kWidgetWords)
        if (w[i] == f) return 1;
      for (auto* f : kLinkListWords)
        if (w[i] == f) kind = 2;
      if (i + 1 < w.size())
        for (auto& pr : kFurniturePairs)
          if (w[i] == pr[0] && (w[i + 1] == pr[1] || (i + 2 < w.size() && w[i + 2] == pr[1]))) return 1;
    }
  }
  return kind;
}

bool lead_phrase(std::string_view text, bool allow_bare) {
  for (auto* p : kLeadPhrases) {
    std::string_view ph(p);
    if (!starts_with_ci(text, ph)) continue;
    std::string_view rest = text.substr(ph.size());
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (rest.empty()) return allow_bare;
    if (rest.front() == ':' || rest.front() == '?' || rest.front() == '|' || rest.substr(0, 3) == "\xE2\x80\xA6" ||
        rest.substr(0, 3) == "...")
      return true;
  }
  return false;
}

}  // namespace galley::html::extraction
