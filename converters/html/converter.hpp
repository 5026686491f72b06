// The DOM -> pandoc AST converter of the html reader, shared by its parts:
// convert.cpp (helpers, entry points), convert_notes.cpp, convert_blocks.cpp,
// convert_tables.cpp, convert_media.cpp, convert_inlines.cpp. Internal to the
// html converter.
#pragma once
#include <libxml/HTMLtree.h>

#include <algorithm>
#include <cstdlib>
#include <initializer_list>
#include <map>
#include <set>

#include "galley/text.hpp"
#include "html/internal.hpp"
#include <optional>
#include <string>
#include <string_view>

namespace galley::html::conv {

bool ascii_only(std::string_view s);

// An inline sequence under construction: merges adjacent Str, collapses spaces.
struct Run {
  Inlines v;
  void space(bool soft) {
    if (v.empty()) {
      v.push_back(soft ? Inline{SoftBreak{}} : Inline{Space{}});
      return;
    }
    Inline& last = v.back();
    if (last.is<LineBreak>()) return;
    if (last.is<Space>()) {
      if (soft) last = SoftBreak{};
      return;
    }
    if (last.is<SoftBreak>()) return;
    v.push_back(soft ? Inline{SoftBreak{}} : Inline{Space{}});
  }
  void str(std::string_view s) {
    if (s.empty()) return;
    if (!v.empty())
      if (auto* st = v.back().as<Str>()) {
        st->text.append(s);
        return;
      }
    v.push_back(Str{std::string(s)});
  }
  void text(std::string_view s) {
    std::string normalized;
    if (!ascii_only(s)) {
      normalized = nfc(s);
      s = normalized;
    }
    std::size_t i = 0;
    while (i < s.size()) {
      if (is_space(s[i])) {
        bool soft = false;
        while (i < s.size() && is_space(s[i])) {
          if (s[i] == '\n') soft = true;
          ++i;
        }
        space(soft);
      } else {
        std::size_t j = i;
        while (j < s.size() && !is_space(s[j])) ++j;
        str(s.substr(i, j - i));
        i = j;
      }
    }
  }
  void push(Inline x) {
    if (auto* s = x.as<Str>()) {
      str(s->text);
      return;
    }
    if (x.is<Space>()) return space(false);
    if (x.is<SoftBreak>()) return space(true);
    if (x.is<LineBreak>()) {
      while (!v.empty() && (v.back().is<Space>() || v.back().is<SoftBreak>())) v.pop_back();
    }
    v.push_back(std::move(x));
  }
  void append(Inlines xs) {
    for (auto& x : xs) push(std::move(x));
  }
  bool blank() const {
    for (auto& x : v)
      if (!x.is<Space>() && !x.is<SoftBreak>() && !x.is<LineBreak>()) return false;
    return true;
  }
  Inlines take_trimmed() {
    Inlines out = std::move(v);
    v.clear();
    while (!out.empty() && (out.back().is<Space>() || out.back().is<SoftBreak>() || out.back().is<LineBreak>()))
      out.pop_back();
    std::size_t k = 0;
    while (k < out.size() && (out[k].is<Space>() || out[k].is<SoftBreak>())) ++k;
    if (k) out.erase(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(k));
    return out;
  }
};

constexpr std::uintptr_t kHasBlock = 1;  // element has a block-level descendant
inline bool flag(const xmlNode* n, std::uintptr_t f) { return reinterpret_cast<std::uintptr_t>(n->_private) & f; }
void set_flag(xmlNode* n, std::uintptr_t f);
// One pass: mark elements that contain block-level elements.
void mark_blocks(xmlNode* root);
// Every attribute kept in the AST passes safe_attribute (galley/safety.hpp)
// under the key it will have there (data-x as x): event handlers, script and
// navigation hooks and refused URLs are dropped, style is reduced.
// Keys in `skip` (read by the caller itself) are left out.
Attr attributes_of(const xmlNode* n, Dropped& dropped, std::initializer_list<std::string_view> skip = {});
Alignment align_of(const xmlNode* n);
bool is_placeholder_src(std::string_view src);

class Converter {
 public:
  Converter(const ConvertOptions& o, Diagnostics& d) : opt_(o), diag_(d) {}

  void prepare(xmlNode* root) {
    mark_blocks(root);
    collect_notes(root);
  }

  Blocks blocks(xmlNode* parent, int depth, bool loose_as_para);

  Inlines inlines(xmlNode* parent, int depth) {
    Run r;
    inline_children(parent, r, depth);
    return r.take_trimmed();
  }

  void finish(Blocks& out);

 private:
  const ConvertOptions& opt_;
  Diagnostics& diag_;
  std::map<std::string, xmlNode*> note_targets_;
  std::set<const xmlNode*> used_notes_;
  IdentifierSet ids_;
  int quote_depth_ = 0;
  bool deep_warned_ = false;
  bool media_warned_ = false;
  int in_note_ = 0;
  Dropped dropped_;

  Attr attr_of(const xmlNode* n, std::initializer_list<std::string_view> skip = {}) {
    return attributes_of(n, dropped_, skip);
  }
  Attr only_id_class(const xmlNode* n) {
    Attr a = attr_of(n);
    a.attributes.clear();
    return a;
  }
  // A URL from the page for the AST: allowed for its kind (galley/safety.hpp),
  // then resolved against the base; nullopt (counted in `count`) when refused.
  std::optional<std::string> safe_url(std::string_view u, UrlKind kind, std::size_t& count);

  std::size_t limit() const { return std::min<std::size_t>(opt_.max_nesting, 1000); }

  std::string url(std::string_view u) const { return resolve_url(opt_.base_url, u); }

  // ---- footnotes ----
  static bool is_note_container(const xmlNode* n);
  static bool is_note_body(const xmlNode* n);

  void collect_notes(xmlNode* root);

  // Is this <a> a note reference? Returns the note body.
  xmlNode* note_ref(const xmlNode* a);

  static bool is_backlink(const xmlNode* a);

  Inline make_note(xmlNode* body, int depth);

  bool note_container_fully_used(xmlNode* n);

  // ---- blocks ----
  void flush(Blocks& out, Run& run, bool as_para);

  void block_children(xmlNode* parent, Blocks& out, Run& run, int depth, bool loose_as_para) {
    for (xmlNode* c = parent->children; c; c = c->next) block_node(c, out, run, depth, loose_as_para);
  }

  void too_deep(xmlNode* n, Run& run);

  void block_node(xmlNode* n, Blocks& out, Run& run, int depth, bool loose);

  // List style from a class ("lower-roman") or CSS list-style(-type), like pandoc.
  static ListNumberStyle list_style(const xmlNode* n);

  void container(xmlNode* n, std::string_view t, Blocks& out, int d);

  void code_block(xmlNode* n, Blocks& out);

  void list_items(xmlNode* n, std::vector<Blocks>& items, int d);

  void definition_list(xmlNode* n, Blocks& out, int d);

  // ---- tables ----
  Row row(xmlNode* tr, int d);

  // Leading <th> cells shared by every body row (pandoc's RowHeadColumns).
  static int row_heads(xmlNode* parent);

  static bool all_th(xmlNode* tr);

  void table(xmlNode* n, Blocks& out, int d);

  // ---- figures, images, media ----
  void figure(xmlNode* n, Blocks& out, int d);

  void media(xmlNode* n, Blocks& out);

  // The image of an <img>; nullopt for placeholders and for images whose URL
  // is refused (then `fallback`, when given, gets the alt text).
  std::optional<Image> image(xmlNode* img, Inlines* fallback = nullptr);

  // ---- MathML and SVG (convert_foreign.cpp) ----
  // <math> as a formula (galley/math.hpp): its MathML sanitised, its TeX annotation as TeX.
  void math(xmlNode* n, Run& run);
  // Inline <svg> as sanitised, namespaced raw HTML; decorative (aria-hidden) drawings are skipped.
  void svg(xmlNode* n, Run& run);
  // An image that stands in for a formula kept beside it as MathML (Wikipedia's
  // mwe-math-fallback-image): the MathML is the formula, the picture a copy.
  static bool math_fallback_image(xmlNode* img);
  // An element that hides MathML for its fallback image (style="display: none"
  // around <math>): unwrapped, or the formula would stay hidden in every output.
  static bool hidden_math_wrapper(xmlNode* n);

  // ---- inlines ----
  void inline_children(xmlNode* parent, Run& run, int depth) {
    for (xmlNode* c = parent->children; c; c = c->next) inline_node(c, run, depth);
  }

  Inlines sub(xmlNode* n, int depth) {
    Run r;
    inline_children(n, r, depth + 1);
    return std::move(r.v);
  }

  // Wrap with spaces moved outside (pandoc's extractSpaces).
  template <class T>
  void wrap(Run& run, Inlines in) {
    bool lead = !in.empty() && (in.front().is<Space>() || in.front().is<SoftBreak>());
    bool lead_soft = lead && in.front().is<SoftBreak>();
    if (lead) in.erase(in.begin());
    bool trail = !in.empty() && (in.back().is<Space>() || in.back().is<SoftBreak>());
    bool trail_soft = trail && in.back().is<SoftBreak>();
    if (trail) in.pop_back();
    if (lead) run.space(lead_soft);
    run.push(T{std::move(in)});  // pandoc keeps empty <em></em>
    if (trail) run.space(trail_soft);
  }

  void span(Run& run, Attr a, Inlines in);

  void inline_node(xmlNode* n, Run& run, int depth);

  void link(xmlNode* n, Run& run, int depth);
};

}  // namespace galley::html::conv
