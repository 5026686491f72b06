// The JATS writer's state: one output string, a stack of open elements (to ask
// the content models before opening anything), ids and footnotes.
#pragma once
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "galley/ast.hpp"
#include "galley/diagnostics.hpp"
#include "galley/options.hpp"
#include "jats/jats.hpp"
#include "jats/models.hpp"

namespace galley::jats {

struct Attribute {
  std::string_view name;
  std::string_view value;
};

struct State {
  State(TagSet t, const WriterOptions& o, Diagnostics& d) : ts(t), opts(o), diag(d) {}

  TagSet ts;
  const WriterOptions& opts;
  Diagnostics& diag;
  std::string out;
  std::string lang;  // meta `lang` (BCP 47), for quotation marks
  std::vector<El> stack;
  std::vector<int> kids;  // elements written so far inside each open element
  std::size_t removed_chars = 0;

  // ids: every element that may carry an id gets its xml id before writing
  // (keyed by the Attr's address, so duplicate source ids get distinct ones).
  std::map<const Attr*, std::string> attr_ids;
  std::map<std::string, std::string> source_ids;  // first occurrence: source id -> xml id
  std::set<std::string> used_ids;
  std::map<std::string, int> next_suffix;
  std::set<std::string> valid_targets;  // xml ids an xref may point to in this pass
  std::set<std::string> emitted_ids;
  std::set<std::string> xref_targets;  // rids written by internal links in this pass

  // footnotes: written to back/fn-group (archiving, publishing) after the body.
  // The content is a copy: a note may sit in a block the writer made for the
  // moment (a fallback), gone by the time the notes are written (a fuzz finding).
  struct Footnote {
    std::string id;
    Blocks content;
  };
  std::vector<Footnote> footnotes;
  int note_counter = 0;

  std::set<std::string> warned;  // de-duplicates repeated warnings
  // Warnings of the current pass (a pass may be redone to drop dangling xrefs):
  // given to `diag` once, after the last pass.
  std::vector<std::pair<std::string, std::string>> pending;

  // ---- element stack ----
  El top() const { return stack.back(); }
  bool can(El child) const { return allows(ts, top(), child); }
  bool can_text() const { return allows_text(ts, top()); }
  bool can_in(El parent, El child) const { return allows(ts, parent, child); }

  void open(El e, std::initializer_list<Attribute> attrs = {}, bool newline = false);
  void close(bool newline = false);
  void empty(El e, std::initializer_list<Attribute> attrs = {});
  void text(std::string_view s);
  void raw(std::string_view s);  // passed through, minus what XML 1.0 forbids
  void nl() { out += '\n'; }
  int children() const { return kids.back(); }

  // ---- ids ----
  const std::string* id_for(const Attr& a) const;
  std::string fresh_id(std::string_view base);  // reserves a new unique id
  void mark_emitted(const std::string& id) { emitted_ids.insert(id); }

  // ---- diagnostics ----
  void warn_once(const std::string& kind, const std::string& message);

 private:
  // "<name a="v" ..." (no closing '>'), shared by open() and empty(); records the ids written.
  void start_tag(El e, std::initializer_list<Attribute> attrs);
};

// inlines.cpp
void write_inlines(State& st, const Inlines& xs);
void write_inline(State& st, const Inline& x);
// Inlines into an element that may not hold them all: opens `e` and writes.
void write_inline_element(State& st, El e, const Inlines& xs, std::initializer_list<Attribute> attrs = {});

// blocks.cpp
// Writes blocks into the element on top of the stack, splitting headers into
// nested sec when the container allows sec.
void write_blocks(State& st, const Blocks& bs);
// Blocks into a container whose model only takes p (fn, def, caption, ...):
// paragraphs become p; anything else is wrapped in a p when p can hold it.
void write_blocks_as_paras(State& st, const Blocks& bs);
void write_figure(State& st, const Attr& attr, const Caption& caption, const Blocks& content);
void write_footnotes(State& st);  // back/fn-group

// tables.cpp
void write_table(State& st, const Table& t);

// front.cpp
void write_front(State& st, const Document& doc);
std::string article_type(const Meta& meta);

// ids.cpp
void assign_ids(State& st, const Document& doc);

}  // namespace galley::jats
