// The parts of +extract (extract*.cpp), shared through this header: the vocabularies, the DOM
// measures and statistics, and the Extractor that makes one attempt. Internal to the html
// converter; the entry point is extract_article (internal.hpp).
#pragma once
#include <libxml/tree.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "galley/text.hpp"
#include "html/internal.hpp"

namespace galley::html::extraction {

// ---- extract_vocabulary.cpp ----
// Readability's class weight: -25 for a negative class or id name, +25 for a positive one (each).
int class_weight(const xmlNode* n);
// "class id" of the element, for the substring patterns.
std::string match_string(const xmlNode* n);
// A match string that names an unlikely candidate (comments, footers, menus ...) and no likely one.
bool unlikely_name(std::string_view ms);
// A role of page furniture (menu, navigation, complementary, dialog ...).
bool unlikely_role(std::string_view role);
// 0: no furniture name; 1: a small widget's (share, newsletter, author box ...); 2: a story list's.
int furniture_name(const xmlNode* n);
// A line that points away from the article ("Read more: ..."); `allow_bare`: the phrase alone counts.
bool lead_phrase(std::string_view text, bool allow_bare);

// ---- extract_measures.cpp ----
bool in(std::string_view t, std::initializer_list<std::string_view> l);
bool is_heading(std::string_view t);
// The element after n in document order inside root (next_in_tree, text and comments skipped).
xmlNode* next_node(xmlNode* n, bool skip_children, xmlNode* root);
xmlNode* remove_and_next(xmlNode* n, xmlNode* root);
std::size_t utf8_len(std::string_view s);
// Collapsed-whitespace length of a text.
std::size_t text_len(std::string_view s);
std::size_t commas(std::string_view s);
bool is_probably_visible(const xmlNode* n);
// An inline SVG that is part of the article (a titled or described drawing, or
// one at least 100 px on each side), not an icon of the page's furniture.
bool content_svg(const xmlNode* n);
bool phrasing(const xmlNode* n);
bool has_child_block(const xmlNode* n);
bool without_content(xmlNode* n);

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
void compute_stats(Pass& pass, xmlNode* root);
double link_density(Pass& pass, xmlNode* n);
bool is_video_embed(const xmlNode* n);

// ---- extract_evidence.cpp ----
// Blocks whose words JSON-LD's articleBody does not hold, out (when the two agree on the whole).
void apply_article_body(xmlNode* article, const PageMeta& meta);

// ---- extract_boilerplate.cpp ----
// Short lines that point to other stories ("Lea: ...", "Weitere Artikel zum Thema"), out.
void remove_pointer_lines(xmlNode* article);

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

  // One attempt on the body (extract.cpp): the article found, its length and the byline.
  Attempt run(xmlNode* body);

 private:
  xmlDoc* doc_;
  const PageMeta& meta_;
  int flags_;
  Pass pass_;
  xmlNode* body_ = nullptr;
  std::string byline_;

  bool flag(int f) const { return flags_ & f; }
  int weight(const xmlNode* n) const { return flag(kWeightClasses) ? class_weight(n) : 0; }
  // extract_prepare.cpp
  // Scripts, styles, hidden and form furniture; lazy images from <noscript>.
  void prepare(xmlNode* body);
  bool header_duplicates_title(xmlNode* n);
  bool byline_candidate(xmlNode* n, const std::string& ms);
  std::vector<xmlNode*> prewalk(xmlNode* body);
  static bool has_ancestor(xmlNode* n, std::string_view tag);
  static xmlNode* single_p_child(xmlNode* n);
  static double ld_quick(xmlNode* n);
  // Put runs of phrasing content of a div (that also holds blocks) into <p>s.
  void wrap_phrasing(xmlNode* div);

  // extract_scoring.cpp
  void init_node(xmlNode* n);
  void score(const std::vector<xmlNode*>& units);
  xmlNode* pick_top(xmlNode* body);
  void gather(xmlNode* top, xmlNode* article);
  std::vector<xmlNode*> candidates_;

  // extract_cleaning.cpp
  void remove_tags(xmlNode* root, std::initializer_list<std::string_view> tags, bool keep_video);
  static bool is_data_table(xmlNode* t);
  bool should_remove(xmlNode* n, std::string_view tag);
  void clean_conditionally(xmlNode* root, std::string_view tag);
  std::vector<xmlNode*> garbage_;
  // Blocks inside the article whose class/id names page furniture, when they are a small part
  // of it; then short paragraphs and headings that point elsewhere ("Read more: ...").
  void remove_furniture(xmlNode* article);
  void clean(xmlNode* article);
};

}  // namespace galley::html::extraction
