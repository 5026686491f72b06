// +extract, choosing the article: paragraphs vote for their ancestors (length and commas, less
// for each level up), class/id names weigh in, link-heavy candidates are discounted; the best
// candidate (or the ancestor several good ones share) and its worthy siblings are gathered.
#include <cmath>

#include "html/extractor.hpp"

namespace galley::html::extraction {

void Extractor::init_node(xmlNode* n) {
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

void Extractor::score(const std::vector<xmlNode*>& units) {
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

xmlNode* Extractor::pick_top(xmlNode* body) {
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

void Extractor::gather(xmlNode* top, xmlNode* article) {
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

}  // namespace galley::html::extraction
