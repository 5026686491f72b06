// +extract, cleaning the gathered article: forms, embeds, footers, asides and navigation out;
// share bars, story lists, author boxes and "Read more" lines out; tables, lists and divs that
// look like furniture removed conditionally (link density, images, inputs, embeds); empty
// paragraphs out, h1 made h2 (the title lives in the metadata); then the articleBody evidence
// and the lines that point elsewhere.
#include "html/extractor.hpp"

namespace galley::html::extraction {

void Extractor::remove_tags(xmlNode* root, std::initializer_list<std::string_view> tags, bool keep_video) {
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

bool Extractor::is_data_table(xmlNode* t) {
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

bool Extractor::should_remove(xmlNode* n, std::string_view tag) {
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

void Extractor::clean_conditionally(xmlNode* root, std::string_view tag) {
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

// Blocks inside the article whose class/id names page furniture (kWidgetWords, kLinkListWords), when
// they are a small part of the article (widgets under 500 characters, story lists only
// when link-heavy); then short paragraphs and headings that point elsewhere ("Read more: ...").
void Extractor::remove_furniture(xmlNode* article) {
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

void Extractor::clean(xmlNode* article) {
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
  apply_article_body(article, meta_);
  remove_pointer_lines(article);
}

}  // namespace galley::html::extraction
