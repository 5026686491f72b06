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
//
// This file runs the attempts (Extractor::run) and keeps the longest result; the parts are
// extract_prepare.cpp (before scoring), extract_scoring.cpp (choosing the article),
// extract_cleaning.cpp (cleaning it), extract_evidence.cpp (JSON-LD's articleBody as evidence),
// extract_boilerplate.cpp (lines pointing elsewhere), extract_measures.cpp (DOM statistics) and
// extract_vocabulary.cpp (class/id words and phrases), declared in extractor.hpp.
#include "html/extractor.hpp"

namespace galley::html {

namespace extraction {

Attempt Extractor::run(xmlNode* body) {
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

}  // namespace extraction

Extraction extract_article(xmlDoc* doc, const PageMeta& meta, Diagnostics& diag) {
  using namespace extraction;
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
