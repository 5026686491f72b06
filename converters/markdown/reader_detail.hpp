// Internals of the markdown reader: the resolved syntax switches, the parse
// context shared by the cmark -> AST mapping, and the passes run after it.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "galley/ast.hpp"
#include "galley/diagnostics.hpp"
#include "galley/options.hpp"
#include "galley/text.hpp"
#include "markdown/markdown.hpp"

struct cmark_node;
struct cmark_syntax_extension;

namespace galley::markdown {

// What one parse recognises, from the flavour's defaults and the user's +ext/-ext.
struct Syntax {
  bool tables = false, strikeout = false, autolink = false, task_lists = false, footnotes = false;
  bool yaml = false, smart = false, auto_ids = false, gfm_auto_ids = false, math = false;
  bool fenced_divs = false, bracketed_spans = false, attributes = false, implicit_figures = false;
  bool raw_html = true, hard_line_breaks = false, inline_notes = false;
  // pandoc's markdown reader, not its commonmark one: tabs expanded (stop 4), raw
  // blocks without their final line end, ***x*** as Strong [Emph], autolinks classed,
  // relative pipe-table widths.
  bool pandoc_markdown = false;
};
Syntax resolve_syntax(Flavour flavour, const Extensions& ext);

// Fenced divs travel through cmark as HTML comments on lines of their own (an HTML
// block of kind 2 ends on its own line and may interrupt a paragraph), which the
// mapping turns back into Divs. The prefix is chosen so that the input cannot contain it.
struct DivFences {
  std::string prefix;          // "<!--galley-div-" plus digits when the text holds that
  std::vector<Attr> attrs;     // per opening fence, by number
};

// The source with its YAML metadata block cut off and its div fences replaced.
struct Prepared {
  std::string text;
  std::string yaml;            // the metadata block's YAML, "" when none
  DivFences divs;
};
Prepared prepare(std::string_view source, const Syntax& syntax);

// "\[" and "\]" in the text to parse replaced by stand-ins, so that the span and
// inline-note finder sees only real brackets (false: nothing to do, or the text holds
// the stand-ins already); restore_escaped_brackets puts them back after mapping.
bool hide_escaped_brackets(std::string& text);
void restore_escaped_brackets(Blocks& blocks);

// cmark's tree -> blocks. Owns the side tables the math extension fills.
struct MathStore {
  std::vector<std::string> formulas;  // node user data k+1 -> formulas[k]
  std::vector<bool> display;
};
// The cmark-gfm extension that reads $...$ and $$...$$ (pandoc's tex_math_dollars
// rules) into nodes carrying an index into a MathStore. One per parse.
cmark_syntax_extension* make_math_extension(MathStore* store);
bool is_math_node(cmark_node* n);

struct MapInput {
  const Syntax& syntax;
  const DivFences& divs;
  const MathStore& math;
  std::size_t max_depth;
  Diagnostics& diag;
  std::string_view source;  // the text cmark parsed (for source lines)
};
Blocks map_document(cmark_node* root, const MapInput& in);

// Pandoc attribute syntax {#id .class key=val key="v a l"}: parses s (with its
// braces) into attr; false when s is not one.
bool parse_attributes(std::string_view s, Attr& attr);
// The length of the attribute block at the start of s ("{...}"), 0 when none.
std::size_t attribute_block_length(std::string_view s);

// +smart: straight quotes to Quoted, apostrophes, dashes and ellipses, as pandoc does.
void smarten(Blocks& blocks);
void smarten(Inlines& inlines);

// Header identifiers: pandoc's algorithm, or GitHub's for gfm.
void assign_identifiers(Blocks& blocks, bool gfm_style);

// The YAML metadata block into Meta; strings are read as Markdown (pandoc's way).
Meta read_yaml_metadata(const std::string& yaml, Flavour flavour, const Extensions& ext, Diagnostics& diag);

// The whole reader, reused for metadata values.
Document parse_markdown(std::string_view source, Flavour flavour, const Extensions& ext,
                        const Limits& limits, Diagnostics& diag, bool with_metadata);

}  // namespace galley::markdown
