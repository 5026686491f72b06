// +extract, what it measures on the DOM: document-order walking, text length and commas,
// visibility, phrasing and block content, and the per-node statistics (text, link text,
// paragraphs, images, list items ...) that candidates are scored and pruned with.
#include <charconv>

#include "html/extractor.hpp"

namespace galley::html::extraction {

bool in(std::string_view t, std::initializer_list<std::string_view> l) {
  for (auto x : l)
    if (x == t) return true;
  return false;
}

bool is_heading(std::string_view t) { return t.size() == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6'; }

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

// ',' and the full-width, Arabic and ideographic commas (U+FF0C, U+060C, U+3001). Only
// a comma's first byte starts a comparison: this runs over every node's text.
std::size_t commas(std::string_view s) {
  std::size_t n = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t size = s.size();
  for (std::size_t i = 0; i < size; ++i) {
    const unsigned char c = p[i];
    if (c == ',') ++n;
    else if (c == 0xEF) n += i + 2 < size && p[i + 1] == 0xBC && p[i + 2] == 0x8C;
    else if (c == 0xD8) n += i + 1 < size && p[i + 1] == 0x8C;
    else if (c == 0xE3) n += i + 2 < size && p[i + 1] == 0x80 && p[i + 2] == 0x81;
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

}  // namespace galley::html::extraction
