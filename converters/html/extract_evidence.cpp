// +extract, the page's own word for its article: when JSON-LD gives an articleBody (80 words
// or more) and the extracted article holds 80% of its words, blocks (not headings) of three
// words or more of which the articleBody holds less than half (teasers, promotions, prompts
// slipped in between paragraphs) leave.
#include <set>

#include "html/extractor.hpp"

namespace galley::html::extraction {
namespace {

double share_in(const std::vector<std::string>& w, const std::set<std::string>& vocab) {
  if (w.empty()) return 1;
  std::size_t hit = 0;
  for (auto& x : w)
    if (vocab.count(x)) ++hit;
  return static_cast<double>(hit) / static_cast<double>(w.size());
}

}  // namespace

void apply_article_body(xmlNode* article, const PageMeta& meta) {
  std::vector<std::string> body_words = words_of(meta.article_body, false);
  if (body_words.size() < 80) return;
  std::set<std::string> body_vocab(body_words.begin(), body_words.end());
  std::vector<std::string> art_words = words_of(text_of(article), false);
  std::set<std::string> art_vocab(art_words.begin(), art_words.end());
  // The article must hold most of the articleBody's words, else one of the two is elsewhere.
  if (share_in(body_words, art_vocab) < 0.8) return;
  std::vector<xmlNode*> drop;
  for (xmlNode* n = next_node(article, false, article); n;) {
    std::string_view t = name(n);
    bool leaf = in(t, {"p", "h2", "h3", "h4", "h5", "h6", "div", "li", "figcaption", "blockquote", "span", "dd",
                       "dt"}) &&
                !has_child_block(n);
    if (leaf && !is_heading(t)) {
      std::vector<std::string> w = words_of(text_of(n), false);
      if (w.size() >= 3 && share_in(w, body_vocab) < 0.5) {
        drop.push_back(n);
        n = next_node(n, true, article);
        continue;
      }
    }
    if (leaf) {
      n = next_node(n, true, article);
      continue;
    }
    n = next_node(n, false, article);
  }
  for (auto* d : drop) remove_node(d);
}

}  // namespace galley::html::extraction
