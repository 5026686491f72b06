// Picture candidates of a page (candidates.hpp), found with libxml2's HTML parser.
#include "warc/candidates.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

#include "galley/resource_store.hpp"
#include "galley/text.hpp"
#include "warc/archive.hpp"

namespace galley::warc {

namespace {

constexpr std::size_t kMaxCandidates = 1 << 16;  // per page, all groups together

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string attr(xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (!v) return {};
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  std::size_t a = 0, b = s.size();
  while (a < b && space(s[a])) ++a;
  while (b > a && space(s[b - 1])) --b;
  return s.substr(a, b - a);
}

bool named(xmlNode* n, const char* name) {
  return n->type == XML_ELEMENT_NODE && n->name && ascii_iequals(reinterpret_cast<const char*>(n->name), name);
}

}  // namespace

std::vector<std::pair<std::string, double>> srcset_entries(std::string_view s) {
  std::vector<std::pair<std::string, double>> out;
  std::size_t i = 0;
  while (i < s.size() && out.size() < 256) {
    while (i < s.size() && (space(s[i]) || s[i] == ',')) ++i;
    std::size_t start = i;
    while (i < s.size() && !space(s[i])) ++i;
    std::string_view url = s.substr(start, i - start);
    bool ended = false;
    if (!url.empty() && url.back() == ',') {  // no descriptor
      url.remove_suffix(1);
      ended = true;
    }
    double score = 1000;
    if (!ended) {
      while (i < s.size() && space(s[i])) ++i;
      std::size_t ds = i;
      while (i < s.size() && s[i] != ',') ++i;
      std::string_view d = s.substr(ds, i - ds);
      while (!d.empty() && space(d.back())) d.remove_suffix(1);
      if (!d.empty()) {
        // the last descriptor that is a width or a density ("800w", "2x"; "100h" ignored)
        std::string num(d.substr(0, d.size() - 1));
        double v = std::strtod(num.c_str(), nullptr);
        if (v > 0 && v < 1e6) {
          if (d.back() == 'w') score = v;
          else if (d.back() == 'x') score = v * 1000;
        }
      }
    }
    if (!url.empty()) out.emplace_back(std::string(url), score);
  }
  return out;
}

Candidates::Candidates(std::string_view html, const std::string& page_url) : base_(page_url) {
  if (html.empty() || html.size() > (std::size_t(1) << 30)) return;
  int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT;
  std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> doc(
      htmlReadMemory(html.data(), static_cast<int>(html.size()), page_url.c_str(), nullptr, opts), xmlFreeDoc);
  if (!doc) return;
  std::size_t total = 0;
  // <base href> (the first), as the html reader resolves against it
  std::vector<xmlNode*> stack;
  for (xmlNode* c = xmlDocGetRootElement(doc.get()); c; c = c->next) stack.push_back(c);
  std::vector<xmlNode*> imgs;
  bool have_base = false;
  while (!stack.empty()) {  // document order: children pushed in reverse
    xmlNode* n = stack.back();
    stack.pop_back();
    if (n->type != XML_ELEMENT_NODE) continue;
    if (!have_base && named(n, "base")) {
      std::string href = attr(n, "href");
      if (!href.empty()) {
        base_ = join_url(page_url, href);
        have_base = true;
      }
    }
    if (named(n, "img")) imgs.push_back(n);
    std::vector<xmlNode*> kids;
    for (xmlNode* c = n->children; c; c = c->next) kids.push_back(c);
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back(*it);
  }
  for (xmlNode* img : imgs) {
    std::vector<Candidate> g;
    auto add = [&](const std::string& u, double score) {
      if (u.empty() || u.rfind("data:", 0) == 0 || total >= kMaxCandidates) return;
      ++total;
      g.push_back({join_url(base_, u), score});
    };
    add(attr(img, "src"), 0);
    for (const char* k : {"data-src", "data-lazy-src", "data-original", "data-url", "data-hi-res-src", "data-lazy",
                          "data-echo", "data-img-src", "data-full-src"})
      add(attr(img, k), 0);
    for (const char* k : {"srcset", "data-srcset", "data-lazy-srcset"})
      for (auto& [u, s] : srcset_entries(attr(img, k))) add(u, s);
    // the <picture> around it (libxml2 may nest the <img> inside a <source>)
    xmlNode* picture = nullptr;
    for (xmlNode* p = img->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
      if (named(p, "picture")) { picture = p; break; }
      if (!named(p, "source")) break;
    }
    if (picture) {
      std::vector<xmlNode*> st{picture};
      while (!st.empty()) {
        xmlNode* n = st.back();
        st.pop_back();
        if (named(n, "source"))
          for (const char* k : {"srcset", "data-srcset"})
            for (auto& [u, s] : srcset_entries(attr(n, k))) add(u, s);
        for (xmlNode* c = n->last; c; c = c->prev)
          if (c->type == XML_ELEMENT_NODE) st.push_back(c);
      }
    }
    if (g.size() < 2) continue;
    std::stable_sort(g.begin(), g.end(), [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
    std::size_t idx = groups_.size();
    for (auto& c : g) by_url_.emplace(normalise_resource_url(c.url), idx);  // the first group naming a URL keeps it
    groups_.push_back(std::move(g));
  }
}

const std::vector<Candidate>* Candidates::group_of(std::string_view url) const {
  auto it = by_url_.find(normalise_resource_url(join_url(base_, url)));
  return it == by_url_.end() ? nullptr : &groups_[it->second];
}

}  // namespace galley::warc
