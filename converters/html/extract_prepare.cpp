// +extract, before scoring: scripts, styles and hidden blocks out, lazy images from <noscript>,
// the byline and the headline repeated from the metadata out, unlikely blocks out (first
// attempt), and divs of phrasing content turned into paragraphs: the units that are scored.
#include "html/extractor.hpp"

namespace galley::html::extraction {

// Scripts, styles, hidden and form furniture; lazy images from <noscript>.
void Extractor::prepare(xmlNode* body) {
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

bool Extractor::header_duplicates_title(xmlNode* n) {
  if (!is(n, "h1") && !is(n, "h2")) return false;
  std::string h = clean_text(text_of(n));
  return !meta_.title.empty() && similarity(meta_.title, h, false) > 0.75;
}

bool Extractor::byline_candidate(xmlNode* n, const std::string& ms) {
  auto rel = attr_or(n, "rel");
  auto ip = attr_or(n, "itemprop");
  bool hint = rel == "author" || contains_word_ci(ip, "author") || contains_word_ci(ms, "byline") ||
              contains_word_ci(ms, "author") || contains_word_ci(ms, "dateline") ||
              contains_word_ci(ms, "writtenby") || contains_word_ci(ms, "p-author");
  if (!hint) return false;
  std::string t = clean_text(text_of(n));
  return !t.empty() && utf8_len(t) < 100;
}

std::vector<xmlNode*> Extractor::prewalk(xmlNode* body) {
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
      if (unlikely_name(ms) && t != "body" && t != "a" && !has_ancestor(n, "table") &&
          !has_ancestor(n, "code")) {
        n = remove_and_next(n, body);
        continue;
      }
      if (unlikely_role(attr_or(n, "role"))) {
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

bool Extractor::has_ancestor(xmlNode* n, std::string_view tag) {
  for (xmlNode* p = n->parent; p; p = p->parent)
    if (is(p, tag)) return true;
  return false;
}

xmlNode* Extractor::single_p_child(xmlNode* n) {
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

double Extractor::ld_quick(xmlNode* n) {
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
void Extractor::wrap_phrasing(xmlNode* div) {
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

}  // namespace galley::html::extraction
