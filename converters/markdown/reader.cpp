// The markdown reader: bytes -> text -> prepare() -> cmark-gfm -> map_document()
// -> the passes cmark has no notion of (smart punctuation, header ids, metadata).
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <memory>

#include "galley/error.hpp"
#include "galley/text.hpp"
#include "markdown/reader_detail.hpp"

namespace galley::markdown {

namespace {

struct ParserDeleter { void operator()(cmark_parser* p) const { cmark_parser_free(p); } };
struct NodeDeleter { void operator()(cmark_node* n) const { cmark_node_free(n); } };
struct ExtensionDeleter {
  void operator()(cmark_syntax_extension* e) const { cmark_syntax_extension_free(cmark_get_default_mem_allocator(), e); }
};

void attach(cmark_parser* p, const char* name) {
  if (cmark_syntax_extension* e = cmark_find_syntax_extension(name)) cmark_parser_attach_syntax_extension(p, e);
}

class MarkdownReader : public Reader {
 public:
  explicit MarkdownReader(Flavour f) : flavour_(f) {}
  Document read(std::string_view input, const ReaderOptions& options, Diagnostics& diag) const override {
    if (input.size() > options.limits.max_input_bytes)
      throw InputError("galley.markdown.too-large", "input is larger than " + std::to_string(options.limits.max_input_bytes) + " bytes");
    std::string text = decode_text(input, options.encoding, diag);
    return parse_markdown(text, flavour_, options.extensions, options.limits, diag, true);
  }

 private:
  Flavour flavour_;
};

}  // namespace

Document parse_markdown(std::string_view source, Flavour flavour, const Extensions& ext, const Limits& limits,
                        Diagnostics& diag, bool with_metadata) {
  static const bool registered = (cmark_gfm_core_extensions_ensure_registered(), true);
  (void)registered;
  Syntax syntax = resolve_syntax(flavour, ext);
  if (!with_metadata) syntax.yaml = false;
  Prepared prepared = prepare(source, syntax);
  const bool hidden = (syntax.bracketed_spans || syntax.inline_notes) && hide_escaped_brackets(prepared.text);

  int opts = CMARK_OPT_UNSAFE;  // raw HTML is kept, as RawBlock/RawInline; writers judge it
  if (syntax.footnotes) opts |= CMARK_OPT_FOOTNOTES;
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(opts));
  if (syntax.tables) attach(parser.get(), "table");
  if (syntax.strikeout) attach(parser.get(), "strikethrough");
  if (syntax.autolink) attach(parser.get(), "autolink");
  if (syntax.task_lists) attach(parser.get(), "tasklist");
  MathStore math;
  std::unique_ptr<cmark_syntax_extension, ExtensionDeleter> math_ext;
  if (syntax.math) {
    math_ext.reset(make_math_extension(&math));
    cmark_parser_attach_syntax_extension(parser.get(), math_ext.get());
  }
  cmark_parser_feed(parser.get(), prepared.text.data(), prepared.text.size());
  std::unique_ptr<cmark_node, NodeDeleter> root(cmark_parser_finish(parser.get()));
  if (!root) throw InputError("galley.markdown.parse", "the Markdown parser failed");
  cmark_consolidate_text_nodes(root.get());

  Document doc;
  MapInput in{syntax, prepared.divs, math, limits.max_nesting, diag, prepared.text};
  doc.blocks = map_document(root.get(), in);
  if (hidden) restore_escaped_brackets(doc.blocks);
  root.reset();
  parser.reset();
  if (syntax.smart) smarten(doc.blocks);
  if (syntax.auto_ids || syntax.gfm_auto_ids) assign_identifiers(doc.blocks, !syntax.auto_ids);
  if (!prepared.yaml.empty()) doc.meta = read_yaml_metadata(prepared.yaml, flavour, ext, diag);
  return doc;
}

std::unique_ptr<Reader> make_reader(Flavour flavour) { return std::make_unique<MarkdownReader>(flavour); }

}  // namespace galley::markdown
