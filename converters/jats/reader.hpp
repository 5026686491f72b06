// The JATS reader's private interface: one Reading context carried through the
// parts (reader_xml: safe parsing and node helpers; reader_front: metadata;
// reader_inlines / reader_body / reader_tables / reader_back: the content;
// reader_math: formulas). The writer's files never include this.
#pragma once
#include <libxml/tree.h>

#include <cstddef>
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "galley/ast.hpp"
#include "galley/detail/xml_dom.hpp"
#include "galley/diagnostics.hpp"
#include "galley/options.hpp"

namespace galley::jats::in {

// ---- XML (reader_xml.cpp; the parse and lookups are the core's galley/detail/xml_dom.hpp) ----
using detail::dom::XmlDoc;
using detail::dom::name_of;  // local name; "mml:math" is "math"
using detail::dom::is_el;
using detail::dom::attr;      // no namespace
using detail::dom::xml_lang;  // xml:lang
using detail::dom::first;     // first element child
using detail::dom::all;

// Parses JATS safely (the core's parse: no network, no DTD loaded, external entities
// never resolved, a reference to one dropped with a warning) with the JATS DTDs'
// character entities (&nbsp; &ndash; ...) from the committed table. Throws InputError
// galley.jats.parse / galley.jats.too-large.
XmlDoc parse(std::string_view input, const ReaderOptions& options, Diagnostics& diag);

// The UTF-8 text of a JATS DTD character entity, nullptr when the name is unknown.
const char* dtd_entity(std::string_view name);

std::string xlink_href(const xmlNode* n);                      // xlink:href, white space collapsed
// All character data below n (internal entities expanded), white space as in the source.
std::string raw_text(const xmlNode* n);
// The same with white space collapsed and trimmed: one-line metadata values.
std::string text(const xmlNode* n);
// An internal entity reference's replacement nodes (nullptr for none).
const xmlNode* entity_children(const xmlNode* ref);
// The element serialised as XML (for MathML kept beside the formula).
std::string serialise(const xmlNode* n);

// Is s empty or XML white space only (what collapse_whitespace makes empty)?
inline bool is_xml_blank(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  return true;
}

// Appends from's elements to `to`, moved rather than copied (from is left empty or
// moved-from): AST nodes own vectors and strings, copies allocate them all again.
template <class T>
void append_moved(std::vector<T>& to, std::vector<T>& from) {
  if (to.empty()) to = std::move(from);
  else to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

// ---- The reading context ----
struct Reading {
  Reading(const ReaderOptions& o, Diagnostics& d) : options(o), diag(d) {}
  const ReaderOptions& options;
  Diagnostics& diag;
  std::map<std::string, std::size_t> unmapped;  // element -> count, one warning at the end
  // Footnotes by (article or sub-article, id): sub-articles reuse ids ("fn1" in each translation).
  using FnKey = std::pair<const xmlNode*, std::string>;
  std::map<FnKey, const xmlNode*> fns;  // fn of a fn-group (outside the front matter)
  std::set<FnKey> fns_cited;            // of those, the ones an xref cites: Notes where cited
  std::set<FnKey> fns_used;             // cited ones already made a Note
  std::map<std::string, const xmlNode*> by_id;  // every element with an id (aff, corresp, ...)
  std::size_t unsafe_urls = 0;                  // script URLs dropped (one warning at the end)
  std::size_t depth = 0;                        // element nesting, checked against limits.max_nesting
  bool in_meta = false;                         // reading front matter into Meta (xrefs are text there)
  int section_base = 1;                         // level of the current document part's top sec - 1

  void unmapped_element(const xmlNode* n) { ++unmapped[std::string(name_of(n))]; }
};

// Counts nesting; throws InputError galley.jats.too-deep past options.limits.max_nesting.
class Deeper {
 public:
  explicit Deeper(Reading& r);
  ~Deeper() { --r_.depth; }
  Deeper(const Deeper&) = delete;
  Deeper& operator=(const Deeper&) = delete;

 private:
  Reading& r_;
};

// The article, sub-article or response n belongs to (ids are unique within one).
const xmlNode* scope_of(const xmlNode* n);

// ---- Inlines (reader_inlines.cpp) ----
// Text split into Str/Space the way pandoc does, keeping the space at either end
// (the next node may be an element: "a <italic>b</italic>").
void add_text(Inlines& out, std::string_view s);
// Removes Space at both ends and doubled Space; joins adjacent Str.
void tidy(Inlines& xs);
// Is this element read as an inline (phrase content)?
bool is_inline_element(std::string_view name);
// One node as inlines (text, phrase elements, xref, formulas, footnotes ...).
void read_inline(Reading& r, const xmlNode* n, Inlines& out);
// All children of n as inlines, tidied.
Inlines inlines_of(Reading& r, const xmlNode* n);
// A formula (inline-formula, disp-formula, or a bare mml:math / tex-math) as Math,
// wrapped in a Span keeping the MathML (see docs/JATS.md).
Inline formula(Reading& r, const xmlNode* n, MathType type);
// An fn element's content as a Note.
Inline note_of(Reading& r, const xmlNode* fn);

// ---- Blocks (reader_body.cpp) ----
// Children of n as blocks: phrase content gathers into paragraphs, block elements
// (lists, figures, tables, quotes, boxes ...) become blocks of their own.
Blocks blocks_of(Reading& r, const xmlNode* n, bool plain = false);
// One block-level element appended to out.
void read_block(Reading& r, const xmlNode* n, Blocks& out, bool plain = false);
// A sec-like element (sec, app, ack, notes, glossary...) at `level`.
void read_section(Reading& r, const xmlNode* n, int level, Blocks& out, const char* default_title = nullptr);
// label + caption (title, p) of fig, table-wrap, boxed-text ... as caption blocks.
Blocks caption_blocks(Reading& r, const xmlNode* n);
// A caption-less Para of the label and title of n (boxes, statements), when either exists.
void label_title_para(Reading& r, const xmlNode* n, Blocks& out);

// ---- Tables (reader_tables.cpp) ----
void read_table_wrap(Reading& r, const xmlNode* n, Blocks& out);
void read_table(Reading& r, const xmlNode* table, Attr attr, Caption caption, Blocks& out);

// ---- Back matter (reader_back.cpp) ----
void read_back(Reading& r, const xmlNode* back, int level, Blocks& out);
void read_ref_list(Reading& r, const xmlNode* n, int level, Blocks& out);
// Footnotes of a fn-group that no xref turned into a Note.
void read_fn_group(Reading& r, const xmlNode* n, int level, Blocks& out);

// ---- Front matter (reader_front.cpp) ----
// article-meta and journal-meta into meta (docs/METADATA.md keys and docs/JATS.md's own);
// other abstracts and translated titles that readers should see go to `lead` (blocks
// placed before the body).
void read_front(Reading& r, const xmlNode* article, const xmlNode* front, Meta& meta, Blocks& lead);
// A sub-article's or response's front-stub / front as a title header, its authors and abstract.
void read_front_stub(Reading& r, const xmlNode* stub, int level, Blocks& out, Attr attr);

}  // namespace galley::jats::in
