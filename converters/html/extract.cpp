// +extract: find the article in a web page and drop the page furniture.
//
// The approach follows the well-known content-scoring idea (Arc90 Readability;
// see also trafilatura): paragraphs vote for their ancestors with a score
// from their length and commas; class/id names push a node up ("article",
// "content") or down ("comment", "sidebar"); link-heavy nodes are discounted;
// the best node and its worthy siblings become the article, which is then
// cleaned of lists, tables and blocks that look like navigation, share bars,
// related links or ads. When the result is too short the search is repeated
// with fewer filters. Written for galley over libxml2's DOM.
#include <libxml/tree.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

#include "galley/text.hpp"
#include "html/internal.hpp"

namespace galley::html {
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

bool in(std::string_view t, std::initializer_list<std::string_view> l) {
  for (auto x : l)
    if (x == t) return true;
  return false;
}

bool is_heading(std::string_view t) { return t.size() == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6'; }

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

// ---- tree walking ----
// The element after n in document order inside root (next_in_tree, text and comments skipped).
xmlNode* next_node(xmlNode* n, bool skip_children, xmlNode* root) {
  n = next_in_tree(n, root, !skip_children);
  while (n && n->type != XML_ELEMENT_NODE) n = next_in_tree(n, root, false);
  return n;
}

xmlNode* remove_and_next(xmlNode* n, xmlNode* root) {
  xmlNode* next = next_node(n, true, root);
  remove_node(n);
  return next;
}

std::size_t utf8_len(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

// Collapsed-whitespace length of a text.
std::size_t text_len(std::string_view s) {
  std::size_t n = 0;
  bool sp = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (is_space(static_cast<char>(c))) {
      if (!sp) ++n;
      sp = true;
    } else {
      sp = false;
      if ((c & 0xC0) != 0x80) ++n;
    }
  }
  return n;
}

std::size_t commas(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ',') ++n;
    else if (s.compare(i, 3, "\xEF\xBC\x8C") == 0 || s.compare(i, 2, "\xD8\x8C") == 0 ||
             s.compare(i, 3, "\xE3\x80\x81") == 0)
      ++n;
  }
  return n;
}

bool is_probably_visible(const xmlNode* n) {
  // MathML hidden for its fallback image (Wikipedia) is the formula itself: keep it.
  for (const xmlNode* c = n->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && is(c, "math")) return true;
  std::string style = lower(attr_or(n, "style"));
  std::string compact;
  for (char c : style)
    if (!is_space(c)) compact += c;
  if (compact.find("display:none") != std::string::npos || compact.find("visibility:hidden") != std::string::npos)
    return false;
  if (attr(n, "hidden")) return false;
  auto ah = attr(n, "aria-hidden");
  if (ah && *ah == "true" && !contains_word_ci(attr_or(n, "class"), "fallback-image")) return false;
  return true;
}

// An inline SVG that is part of the article (a titled or described drawing, or
// one at least 100 px on each side), not an icon of the page's furniture.
bool content_svg(const xmlNode* n) {
  if (attr_or(n, "aria-hidden") == "true") return false;
  for (const xmlNode* c = n->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && (is(c, "title") || is(c, "desc"))) return true;
  if (attr_or(n, "role") == "img" && attr(n, "aria-label")) return true;
  auto size = [&](const char* a) {
    std::string_view v = attr_or(n, a);
    double d = 0;
    std::from_chars(v.data(), v.data() + v.size(), d);  // "120px" reads 120; locale-free
    return d;
  };
  return size("width") >= 100 && size("height") >= 100;
}

bool phrasing(const xmlNode* n) {
  if (is_text(n)) return true;
  if (n->type != XML_ELEMENT_NODE) return true;  // comments etc. are harmless
  std::string_view t = name(n);
  static const char* const P[] = {"abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data",
                                  "datalist", "dfn", "em", "embed", "i", "img", "input", "kbd", "label",
                                  "mark", "math", "meter", "noscript", "object", "output", "progress", "q",
                                  "ruby", "samp", "script", "select", "small", "span", "strong", "sub",
                                  "sup", "textarea", "time", "var", "wbr", "font", "u", "s", "strike",
                                  "tt", "big", "picture", "svg", "abbr", "acronym", "nobr"};
  for (auto* p : P)
    if (t == p) return true;
  if (t == "a" || t == "del" || t == "ins") {
    for (xmlNode* c = n->children; c; c = c->next)
      if (!phrasing(c)) return false;
    return true;
  }
  return false;
}

bool has_child_block(const xmlNode* n) {
  for (xmlNode* c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (in(name(c), {"blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul", "section", "article",
                     "figure", "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "aside", "nav", "form",
                     "main", "hr", "video", "iframe"}))
      return true;
    if (has_child_block(c)) return true;
  }
  return false;
}

bool without_content(xmlNode* n) {
  for (xmlNode* c = n->children; c; c = c->next) {
    if (is_text(c)) {
      if (!clean_text(content(c)).empty()) return false;
    } else if (c->type == XML_ELEMENT_NODE) {
      if (!is(c, "br") && !is(c, "hr")) return false;
    }
  }
  return clean_text(text_of(n)).empty();
}

// ---- per-node statistics ----
struct Stat {
  double text = 0;     // collapsed text length
  double link = 0;     // text inside links (#anchors count 0.3)
  double commas = 0;
  int p = 0, img = 0, li = 0, input = 0, embed = 0, heading_text = 0, tables = 0;
  double score = 0;
  bool scored = false;
  bool data_table = false;
};

struct Pass {
  std::vector<Stat> st;
  Stat& of(xmlNode* n) {
    auto i = reinterpret_cast<std::uintptr_t>(n->_private);
    if (i == 0 || i > st.size()) {
      st.emplace_back();
      n->_private = reinterpret_cast<void*>(st.size());
      return st.back();
    }
    return st[i - 1];
  }
  bool has(xmlNode* n) const {
    auto i = reinterpret_cast<std::uintptr_t>(n->_private);
    return i != 0 && i <= st.size();
  }
};

// One bottom-up pass computing Stat for every element below root.
void compute_stats(Pass& pass, xmlNode* root) {
  std::vector<xmlNode*> order;
  xmlNode* cur = root;
  while (cur) {
    cur->_private = nullptr;
    order.push_back(cur);
    cur = next_node(cur, false, root);
  }
  pass.st.clear();
  pass.st.reserve(order.size());
  for (auto* n : order) pass.of(n);
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    xmlNode* n = *it;
    Stat& s = pass.of(n);
    for (xmlNode* c = n->children; c; c = c->next)
      if (is_text(c)) {
        s.text += static_cast<double>(text_len(content(c)));
        s.commas += static_cast<double>(commas(content(c)));
      }
    std::string_view t = name(n);
    if (t == "a") {
      bool hash = attr_or(n, "href").substr(0, 1) == "#";
      s.link = s.text * (hash ? 0.3 : 1.0) + (s.link - s.link);  // own text only so far; children added below
    }
    if (t == "p") ++s.p;
    else if (t == "img") ++s.img;
    else if (t == "li") ++s.li;
    else if (t == "input") ++s.input;
    else if (t == "object" || t == "embed" || t == "iframe") ++s.embed;
    else if (t == "table") ++s.tables;
    if (n == root || !n->parent || n->parent->type != XML_ELEMENT_NODE) continue;
    Stat& ps = pass.of(n->parent);
    ps.text += s.text;
    ps.commas += s.commas;
    bool in_link = name(n->parent) == "a";
    ps.link += in_link ? 0 : s.link;
    if (in_link) {
      bool hash = attr_or(n->parent, "href").substr(0, 1) == "#";
      ps.link += s.text * (hash ? 0.3 : 1.0);
    }
    ps.p += s.p;
    ps.img += s.img;
    ps.li += s.li;
    ps.input += s.input;
    ps.embed += s.embed;
    ps.tables += s.tables;
    if (is_heading(t)) ps.heading_text += static_cast<int>(s.text);
    else ps.heading_text += s.heading_text;
  }
}

double link_density(Pass& pass, xmlNode* n) {
  Stat& s = pass.of(n);
  return s.text > 0 ? std::min(1.0, s.link / s.text) : 0.0;
}

bool is_video_embed(const xmlNode* n) {
  static const char* const hosts[] = {"youtube.com", "youtube-nocookie.com", "player.vimeo.com", "v.qq.com",
                                      "archive.org", "upload.wikimedia.org", "player.twitch.tv",
                                      "dailymotion.com", "bilibili.com", "live.bilibili.com"};
  for (const xmlAttr* a = n->properties; a; a = a->next) {
    if (!a->children || !a->children->content) continue;
    std::string_view v(reinterpret_cast<const char*>(a->children->content));
    for (auto* h : hosts)
      if (contains_word_ci(v, h)) return true;
  }
  return false;
}

// ---- the extraction attempt ----
enum Flags { kStripUnlikely = 1, kWeightClasses = 2, kCleanConditionally = 4 };

struct Attempt {
  xmlNode* content = nullptr;
  std::size_t length = 0;
  std::string byline;
};

class Extractor {
 public:
  Extractor(xmlDoc* doc, const PageMeta& meta, int flags) : doc_(doc), meta_(meta), flags_(flags) {}

  Attempt run(xmlNode* body) {
    Attempt a;
    body_ = body;
    prepare(body);
    std::vector<xmlNode*> to_score = prewalk(body);
    compute_stats(pass_, body);
    score(to_score);
    xmlNode* top = pick_top(body);
    xmlNode* article = xmlNewDocNode(doc_, nullptr, BAD_CAST "div", nullptr);
    if (!top) {
      // Everything in the body.
      while (body->children) {
        xmlNode* c = body->children;
        xmlUnlinkNode(c);
        xmlAddChild(article, c);
      }
    } else {
      gather(top, article);
    }
    compute_stats(pass_, article);
    clean(article);
    a.content = article;
    a.length = clean_text(text_of(article)).size();
    a.byline = byline_;
    return a;
  }

 private:
  xmlDoc* doc_;
  const PageMeta& meta_;
  int flags_;
  Pass pass_;
  xmlNode* body_ = nullptr;
  std::string byline_;

  bool flag(int f) const { return flags_ & f; }
  int weight(const xmlNode* n) const { return flag(kWeightClasses) ? class_weight(n) : 0; }

  // Scripts, styles, hidden and form furniture; lazy images from <noscript>.
  void prepare(xmlNode* body) {
    std::vector<xmlNode*> drop, noscripts;
    xmlNode* cur = body;
    while (cur) {
      std::string_view t = name(cur);
      if (t == "noscript") noscripts.push_back(cur);
      else if (in(t, {"script", "style", "template", "link", "meta"}) && cur != body) drop.push_back(cur);
      else if (t == "svg" && !content_svg(cur)) drop.push_back(cur);
      cur = next_node(cur, in(t, {"script", "style", "template", "noscript", "svg"}), body);
    }
    for (auto* n : drop) remove_node(n);
    for (auto* ns : noscripts) {
      xmlNode* img = find_first(ns, "img");
      xmlNode* prev = ns->prev;
      while (prev && prev->type != XML_ELEMENT_NODE) prev = prev->prev;
      if (img && prev) {
        xmlNode* target = is(prev, "img") ? prev : nullptr;
        if (!target && (is(prev, "picture") || is(prev, "span") || is(prev, "div") || is(prev, "a")) &&
            clean_text(text_of(prev)).empty())
          target = find_first(prev, "img");
        if (target) {
          auto src = attr_or(target, "src");
          bool placeholder = src.empty() || src.substr(0, 5) == "data:" ||
                             (!attr(target, "data-src") && !attr(target, "srcset") && false);
          if (placeholder || !attr(target, "srcset")) {
            xmlNode* copy = xmlDocCopyNode(img, doc_, 1);
            xmlReplaceNode(target, copy);
            xmlFreeNode(target);
          }
        }
      }
      remove_node(ns);
    }
  }

  bool header_duplicates_title(xmlNode* n) {
    if (!is(n, "h1") && !is(n, "h2")) return false;
    std::string h = clean_text(text_of(n));
    return !meta_.title.empty() && similarity(meta_.title, h, false) > 0.75;
  }

  bool byline_candidate(xmlNode* n, const std::string& ms) {
    auto rel = attr_or(n, "rel");
    auto ip = attr_or(n, "itemprop");
    bool hint = rel == "author" || contains_word_ci(ip, "author") || contains_word_ci(ms, "byline") ||
                contains_word_ci(ms, "author") || contains_word_ci(ms, "dateline") ||
                contains_word_ci(ms, "writtenby") || contains_word_ci(ms, "p-author");
    if (!hint) return false;
    std::string t = clean_text(text_of(n));
    return !t.empty() && utf8_len(t) < 100;
  }

  std::vector<xmlNode*> prewalk(xmlNode* body) {
    std::vector<xmlNode*> to_score;
    bool remove_title = true;
    bool meta_byline = !meta_.byline.empty();
    xmlNode* n = next_node(body, false, body);
    while (n) {
      std::string_view t = name(n);
      std::string ms = match_string(n);
      if (!is_probably_visible(n) || (attr_or(n, "aria-modal") == "true" && attr_or(n, "role") == "dialog")) {
        n = remove_and_next(n, body);
        continue;
      }
      if (byline_.empty() && byline_candidate(n, ms)) {
        std::string text = clean_text(text_of(n));
        bool dup = meta_byline && (contains_word_ci(text, meta_.byline) || similarity(text, meta_.byline, false) > 0.5);
        if (!meta_byline || dup) {
          // Prefer an itemprop=name inside.
          xmlNode* nm = nullptr;
          for (xmlNode* c = next_node(n, false, n); c; c = next_node(c, false, n))
            if (contains_word_ci(attr_or(c, "itemprop"), "name")) {
              nm = c;
              break;
            }
          byline_ = clean_text(text_of(nm ? nm : n));
          n = remove_and_next(n, body);
          continue;
        }
      }
      if (remove_title && header_duplicates_title(n)) {
        remove_title = false;
        n = remove_and_next(n, body);
        continue;
      }
      if (flag(kStripUnlikely)) {
        if (matches(ms, kUnlikely) && !matches(ms, kMaybe) && t != "body" && t != "a" && !has_ancestor(n, "table") &&
            !has_ancestor(n, "code")) {
          n = remove_and_next(n, body);
          continue;
        }
        auto role = attr_or(n, "role");
        bool bad_role = false;
        for (auto* r : kUnlikelyRoles)
          if (role == r) bad_role = true;
        if (bad_role) {
          n = remove_and_next(n, body);
          continue;
        }
      }
      if ((t == "div" || t == "section" || t == "header" || is_heading(t)) && without_content(n)) {
        n = remove_and_next(n, body);
        continue;
      }
      if (in(t, {"section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"})) to_score.push_back(n);
      if (t == "div") {
        wrap_phrasing(n);
        xmlNode* only = single_p_child(n);
        if (only && ld_quick(n) < 0.25) {
          xmlUnlinkNode(only);
          xmlReplaceNode(n, only);
          xmlFreeNode(n);
          n = only;
          to_score.push_back(n);
        } else if (!has_child_block(n)) {
          xmlNodeSetName(n, BAD_CAST "p");
          to_score.push_back(n);
        }
      }
      n = next_node(n, false, body);
    }
    return to_score;
  }

  static bool has_ancestor(xmlNode* n, std::string_view tag) {
    for (xmlNode* p = n->parent; p; p = p->parent)
      if (is(p, tag)) return true;
    return false;
  }

  static xmlNode* single_p_child(xmlNode* n) {
    xmlNode* only = nullptr;
    for (xmlNode* c = n->children; c; c = c->next) {
      if (is_text(c)) {
        if (!clean_text(content(c)).empty()) return nullptr;
      } else if (c->type == XML_ELEMENT_NODE) {
        if (only || !is(c, "p")) return nullptr;
        only = c;
      }
    }
    return only;
  }

  static double ld_quick(xmlNode* n) {
    std::string all = text_of(n);
    double total = static_cast<double>(text_len(clean_text(all)));
    if (total == 0) return 0;
    double links = 0;
    for (xmlNode* c = next_node(n, false, n); c; c = next_node(c, false, n))
      if (is(c, "a")) {
        bool hash = attr_or(c, "href").substr(0, 1) == "#";
        links += static_cast<double>(text_len(clean_text(text_of(c)))) * (hash ? 0.3 : 1.0);
      }
    return links / total;
  }

  // Put runs of phrasing content of a div (that also holds blocks) into <p>s.
  void wrap_phrasing(xmlNode* div) {
    if (!has_child_block(div)) return;
    xmlNode* c = div->children;
    xmlNode* p = nullptr;
    while (c) {
      xmlNode* next = c->next;
      if (phrasing(c)) {
        if (!p) {
          bool ws = is_text(c) && clean_text(content(c)).empty();
          if (!ws) {
            p = xmlNewDocNode(doc_, nullptr, BAD_CAST "p", nullptr);
            xmlAddPrevSibling(c, p);
          }
        }
        if (p) {
          xmlUnlinkNode(c);
          xmlAddChild(p, c);  // may merge adjacent text nodes: c is then freed
        }
      } else if (p) {
        // trailing whitespace out of the paragraph
        p = nullptr;
      }
      c = next;
    }
  }

  void init_node(xmlNode* n) {
    Stat& s = pass_.of(n);
    if (s.scored) return;
    s.scored = true;
    std::string_view t = name(n);
    double sc = 0;
    if (t == "div") sc = 5;
    else if (t == "pre" || t == "td" || t == "blockquote") sc = 3;
    else if (in(t, {"address", "ol", "ul", "dl", "dd", "dt", "li", "form"})) sc = -3;
    else if (is_heading(t) || t == "th") sc = -5;
    s.score = sc + weight(n);
  }

  std::vector<xmlNode*> candidates_;

  void score(const std::vector<xmlNode*>& units) {
    for (xmlNode* u : units) {
      if (!u->parent || u->parent->type != XML_ELEMENT_NODE) continue;
      if (!u->doc) continue;
      Stat& s = pass_.of(u);
      if (s.text < 25) continue;
      double sc = 1 + s.commas + std::min(std::floor(s.text / 100.0), 3.0);
      xmlNode* anc = u->parent;
      for (int level = 0; anc && level < 5; ++level, anc = anc->parent) {
        if (anc->type != XML_ELEMENT_NODE || !anc->parent || anc->parent->type != XML_ELEMENT_NODE) break;
        if (!pass_.of(anc).scored) {
          init_node(anc);
          candidates_.push_back(anc);
        }
        double div = level == 0 ? 1 : level == 1 ? 2 : level * 3;
        pass_.of(anc).score += sc / div;
      }
    }
  }

  xmlNode* pick_top(xmlNode* body) {
    std::vector<xmlNode*> top;
    for (auto* c : candidates_) {
      Stat& s = pass_.of(c);
      s.score *= (1 - link_density(pass_, c));
    }
    std::vector<xmlNode*> sorted = candidates_;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [&](xmlNode* a, xmlNode* b) { return pass_.of(a).score > pass_.of(b).score; });
    if (sorted.size() > 5) sorted.resize(5);
    if (sorted.empty() || sorted[0] == body || is(sorted[0], "body")) return nullptr;
    xmlNode* best = sorted[0];
    double best_score = pass_.of(best).score;
    // Several good candidates under one ancestor: take the ancestor.
    std::vector<std::vector<xmlNode*>> alt;
    for (std::size_t i = 1; i < sorted.size(); ++i)
      if (best_score > 0 && pass_.of(sorted[i]).score / best_score >= 0.75) {
        std::vector<xmlNode*> ancs;
        for (xmlNode* p = sorted[i]->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent) ancs.push_back(p);
        alt.push_back(std::move(ancs));
      }
    if (alt.size() >= 3) {
      for (xmlNode* p = best->parent; p && p != body && p->type == XML_ELEMENT_NODE; p = p->parent) {
        int lists = 0;
        for (auto& a : alt)
          if (std::find(a.begin(), a.end(), p) != a.end()) ++lists;
        if (lists >= 3) {
          best = p;
          break;
        }
      }
    }
    if (!pass_.of(best).scored) init_node(best);
    // Scores rising up the tree: more content lives above.
    double last = pass_.of(best).score, threshold = last / 3;
    for (xmlNode* p = best->parent; p && p != body && p->type == XML_ELEMENT_NODE; p = p->parent) {
      if (!pass_.of(p).scored) continue;
      double ps = pass_.of(p).score;
      if (ps < threshold) break;
      if (ps > last) {
        best = p;
        break;
      }
      last = ps;
    }
    // Only child: take the parent.
    for (xmlNode* p = best->parent; p && p != body && p->type == XML_ELEMENT_NODE; p = p->parent) {
      int elems = 0;
      for (xmlNode* c = p->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE) ++elems;
      if (elems != 1) break;
      best = p;
    }
    return best;
  }

  void gather(xmlNode* top, xmlNode* article) {
    if (!pass_.of(top).scored) init_node(top);
    double top_score = pass_.of(top).score;
    double threshold = std::max(10.0, top_score * 0.2);
    xmlNode* parent = top->parent;
    std::string top_class(attr_or(top, "class"));
    std::vector<xmlNode*> take;
    for (xmlNode* s = parent->children; s; s = s->next) {
      if (s->type != XML_ELEMENT_NODE) continue;
      bool append = false;
      if (s == top) {
        append = true;
      } else {
        double bonus = 0;
        if (!top_class.empty() && attr_or(s, "class") == top_class) bonus += top_score * 0.2;
        Stat& ss = pass_.of(s);
        if (ss.scored && ss.score + bonus >= threshold) {
          append = true;
        } else if (is(s, "p")) {
          double ld = link_density(pass_, s);
          std::string txt = clean_text(text_of(s));
          std::size_t len = utf8_len(txt);
          bool sentence = txt.find(". ") != std::string::npos || (!txt.empty() && txt.back() == '.');
          if (len > 80 && ld < 0.25) append = true;
          else if (len < 80 && len > 0 && ld == 0 && sentence) append = true;
        }
      }
      if (append) take.push_back(s);
    }
    for (auto* s : take) {
      xmlUnlinkNode(s);
      xmlAddChild(article, s);
    }
  }

  // ---- cleaning the article ----
  void remove_tags(xmlNode* root, std::initializer_list<std::string_view> tags, bool keep_video) {
    std::vector<xmlNode*> drop;
    for (xmlNode* n = next_node(root, false, root); n; ) {
      bool hit = false;
      for (auto t : tags)
        if (is(n, t)) hit = true;
      if (hit && !(keep_video && is_video_embed(n))) {
        drop.push_back(n);
        n = next_node(n, true, root);
      } else {
        n = next_node(n, false, root);
      }
    }
    for (auto* n : drop) remove_node(n);
  }

  static bool is_data_table(xmlNode* t) {
    if (attr_or(t, "role") == "presentation") return false;
    if (attr_or(t, "datatable") == "0") return false;
    if (!attr_or(t, "summary").empty()) return true;
    if (xmlNode* cap = find_first(t, "caption"); cap && cap->children) return true;
    for (auto tag : {"col", "colgroup", "tfoot", "thead", "th"})
      if (find_first(t, tag)) return true;
    if (find_first(t, "table")) return false;
    int rows = 0, cols = 0;
    for (xmlNode* n = next_node(t, false, t); n; n = next_node(n, false, t))
      if (is(n, "tr")) {
        ++rows;
        int c = 0;
        for (xmlNode* td = n->children; td; td = td->next)
          if (is(td, "td") || is(td, "th")) c += std::max(1, std::atoi(std::string(attr_or(td, "colspan", "1")).c_str()));
        cols = std::max(cols, c);
      }
    if (rows == 1 || cols == 1) return false;
    if (rows >= 10 || cols > 4) return true;
    return rows * cols > 10;
  }

  bool should_remove(xmlNode* n, std::string_view tag) {
    if (tag == "table" && pass_.of(n).data_table) return false;
    for (xmlNode* p = n->parent; p; p = p->parent) {
      if (is(p, "code") || is(p, "pre")) return false;
      if (is(p, "table") && pass_.has(p) && pass_.of(p).data_table) return false;
    }
    for (xmlNode* c = next_node(n, false, n); c; c = next_node(c, false, n))
      if (is(c, "table") && pass_.has(c) && pass_.of(c).data_table) return false;
    int w = weight(n);
    if (w < 0) return true;
    Stat& s = pass_.of(n);
    if (s.commas >= 10) return false;
    bool is_list = tag == "ul" || tag == "ol";
    int p = s.p, img = s.img, li = s.li - 100, input = s.input;
    double heading_density = s.text > 0 ? s.heading_text / s.text : 0;
    int embeds = 0;
    for (xmlNode* c = next_node(n, false, n); c; c = next_node(c, false, n))
      if (is(c, "object") || is(c, "embed") || is(c, "iframe")) {
        if (is_video_embed(c)) return false;
        ++embeds;
      }
    std::string txt = clean_text(text_of(n));
    static const char* const ad_words[] = {"ad", "advertising", "advertisement", "pub", "publicit\xC3\xA9", "werbung",
                                           "\xE5\xB9\xBF\xE5\x91\x8A", "anuncio", "loading", "loading...", "chargement"};
    for (auto* a : ad_words)
      if (iequals(txt, a)) return true;
    double len = static_cast<double>(utf8_len(txt));
    double ld = link_density(pass_, n);
    bool fig_child = false;
    for (xmlNode* q = n->parent; q; q = q->parent)
      if (is(q, "figure")) fig_child = true;
    bool remove = false;
    if (!fig_child && img > 1 && double(p) / img < 0.5) remove = true;
    if (!is_list && li > p) remove = true;
    if (input > p / 3) remove = true;
    if (!is_list && !fig_child && heading_density < 0.9 && len < 25 && (img == 0 || img > 2) && ld > 0) remove = true;
    if (!is_list && w < 25 && ld > 0.2) remove = true;
    if (w >= 25 && ld > 0.5) remove = true;
    if ((embeds == 1 && len < 75) || embeds > 1) remove = true;
    if (img == 0 && len == 0) remove = true;
    if (is_list && remove) {
      // A list of images stays.
      bool simple = true;
      for (xmlNode* c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        int k = 0;
        for (xmlNode* g = c->children; g; g = g->next)
          if (g->type == XML_ELEMENT_NODE) ++k;
        if (k > 1) simple = false;
      }
      if (simple && s.li == img) return false;
    }
    return remove;
  }

  void clean_conditionally(xmlNode* root, std::string_view tag) {
    if (!flag(kCleanConditionally)) return;
    std::vector<xmlNode*> nodes;
    for (xmlNode* n = next_node(root, false, root); n; n = next_node(n, false, root))
      if (is(n, tag)) nodes.push_back(n);
    // Innermost first (reverse document order), like removing from the end.
    for (auto it = nodes.rbegin(); it != nodes.rend(); ++it) {
      xmlNode* n = *it;
      if (!n->parent) continue;
      if (should_remove(n, tag)) {
        xmlUnlinkNode(n);
        garbage_.push_back(n);
      }
    }
    for (auto* g : garbage_) xmlFreeNode(g);
    garbage_.clear();
  }
  std::vector<xmlNode*> garbage_;

  // Blocks inside the article whose class/id names page furniture (kWidgetWords, kLinkListWords), when
  // they are a small part of the article (widgets under 500 characters, story lists only
  // when link-heavy); then short paragraphs and headings that point elsewhere ("Read more: ...").
  void remove_furniture(xmlNode* article) {
    double total = static_cast<double>(text_len(text_of(article)));
    std::vector<xmlNode*> drop;
    for (xmlNode* n = next_node(article, false, article); n;) {
      int kind = n->parent != article ? furniture_name(n) : 0;
      if (kind) {
        double len = static_cast<double>(text_len(text_of(n)));
        if (len < 0.3 * total && (kind == 1 ? len < 500 : len < 2000 && ld_quick(n) >= 0.3)) {
          drop.push_back(n);
          n = next_node(n, true, article);
          continue;
        }
      }
      n = next_node(n, false, article);
    }
    for (auto* d : drop) remove_node(d);
    drop.clear();
    for (xmlNode* n = next_node(article, false, article); n;) {
      std::string_view t = name(n);
      if (in(t, {"p", "h2", "h3", "h4", "h5", "h6", "figcaption", "span", "small", "div", "strong", "b"}) &&
          !has_child_block(n)) {
        std::string txt = clean_text(text_of(n));
        std::size_t len = utf8_len(txt);
        bool heading = is_heading(t) || t == "strong" || t == "b";
        if (len > 0 && len < 160 && lead_phrase(txt, heading || len < 40)) {
          drop.push_back(n);
          n = next_node(n, true, article);
          continue;
        }
      }
      n = next_node(n, false, article);
    }
    for (auto* d : drop) remove_node(d);
  }

  void clean(xmlNode* article) {
    for (xmlNode* n = next_node(article, false, article); n; n = next_node(n, false, article))
      if (is(n, "table")) pass_.of(n).data_table = is_data_table(n);
    clean_conditionally(article, "form");
    clean_conditionally(article, "fieldset");
    remove_tags(article, {"object", "embed", "footer", "link", "aside"}, true);
    // Short blocks whose class/id says "share" (but not the top-level blocks themselves).
    for (xmlNode* top = article->children; top; top = top->next) {
      if (top->type != XML_ELEMENT_NODE) continue;
      std::vector<xmlNode*> drop;
      for (xmlNode* n = next_node(top, false, top); n;) {
        std::string ms = match_string(n);
        if ((contains_word_ci(ms, "share") || contains_word_ci(ms, "sharedaddy")) &&
            utf8_len(text_of(n)) < 500) {
          drop.push_back(n);
          n = next_node(n, true, top);
        } else {
          n = next_node(n, false, top);
        }
      }
      for (auto* d : drop) remove_node(d);
    }
    remove_tags(article, {"iframe", "input", "textarea", "select", "button", "nav"}, true);
    remove_furniture(article);
    // Headers with a negative class weight.
    {
      std::vector<xmlNode*> drop;
      for (xmlNode* n = next_node(article, false, article); n; n = next_node(n, false, article))
        if ((is(n, "h1") || is(n, "h2")) && weight(n) < 0) drop.push_back(n);
      for (auto it = drop.rbegin(); it != drop.rend(); ++it) remove_node(*it);
    }
    compute_stats(pass_, article);
    for (xmlNode* n = next_node(article, false, article); n; n = next_node(n, false, article))
      if (is(n, "table")) pass_.of(n).data_table = is_data_table(n);
    clean_conditionally(article, "table");
    clean_conditionally(article, "ul");
    clean_conditionally(article, "div");
    // h1 -> h2: the title lives in the metadata.
    for (xmlNode* n = next_node(article, false, article); n; n = next_node(n, false, article))
      if (is(n, "h1")) xmlNodeSetName(n, BAD_CAST "h2");
    // Empty paragraphs.
    std::vector<xmlNode*> drop;
    for (xmlNode* n = next_node(article, false, article); n; n = next_node(n, false, article))
      if (is(n, "p") && clean_text(text_of(n)).empty() && !find_first(n, "img") && !find_first(n, "iframe") &&
          !find_first(n, "video") && !find_first(n, "picture"))
        drop.push_back(n);
    for (auto it = drop.rbegin(); it != drop.rend(); ++it) remove_node(*it);
  }
};

}  // namespace

Extraction extract_article(xmlDoc* doc, const PageMeta& meta, Diagnostics& diag) {
  Extraction e;
  xmlNode* body = html_body(doc);
  if (!body) return e;
  // Pristine copy for retries with fewer filters.
  xmlNode* pristine = xmlDocCopyNode(body, doc, 1);
  const int attempts[] = {kStripUnlikely | kWeightClasses | kCleanConditionally, kWeightClasses | kCleanConditionally,
                          kCleanConditionally, 0};
  Attempt best;
  xmlNode* work = body;
  xmlUnlinkNode(body);
  for (std::size_t i = 0; i < std::size(attempts); ++i) {
    Extractor ex(doc, meta, attempts[i]);
    Attempt a = ex.run(work);
    xmlFreeNode(work);
    work = nullptr;
    if (!best.content || a.length > best.length) {
      if (best.content) xmlFreeNode(best.content);
      best = a;
    } else {
      xmlFreeNode(a.content);
    }
    if (best.length >= 500) break;
    if (i + 1 < std::size(attempts)) work = xmlDocCopyNode(pristine, doc, 1);
  }
  xmlFreeNode(pristine);
  if (best.length < 500) diag.info("extract", "little article text found (" + std::to_string(best.length) + " characters)");
  e.content = best.content;
  e.byline = best.byline;
  return e;
}

}  // namespace galley::html
