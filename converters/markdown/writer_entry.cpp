// The markdown writers' registry side: which syntax each flavour writes, and
// the extensions that switch it.
#include <memory>

#include "markdown/extensions.hpp"
#include "markdown/markdown.hpp"
#include "markdown/writer_detail.hpp"

namespace galley::markdown {

namespace {

constexpr KnownExtension kWriterKnown[] = {
    {"pipe_tables", false, true, true, "tables as GitHub pipe tables (off: HTML tables)"},
    {"strikeout", false, true, true, "~~strikeout~~ (off: <del>)"},
    {"tex_math_dollars", false, false, true, "math as $TeX$ with $ escaped in text"},
    {"yaml_metadata_block", false, false, true, "with -s, the metadata as a YAML block"},
    {"attributes", false, false, true, "ids and classes: {#id .class} on headers, ::: divs, [spans]{.class}"},
    {"footnotes", false, true, true, "notes as [^1] references and definitions (off: a numbered list at the end)"},
};

class MarkdownWriter : public Writer {
 public:
  explicit MarkdownWriter(Flavour f) : flavour_(f) {}
  std::string write(const Document& doc, const WriterOptions& options, Diagnostics& diag) const override {
    auto on = [&](const char* name) { return extension_on(kWriterKnown, flavour_, options.extensions, name); };
    WriterSyntax syn;
    syn.pipe_tables = on("pipe_tables");
    syn.strikeout = on("strikeout");
    syn.math_dollars = on("tex_math_dollars");
    syn.yaml = on("yaml_metadata_block");
    syn.attributes = on("attributes");
    syn.footnotes = on("footnotes");
    syn.bare_autolinks = flavour_ == Flavour::Gfm;  // what each reader links by default
    return write_markdown(doc, syn, options.standalone, diag);
  }

 private:
  Flavour flavour_;
};

}  // namespace

std::vector<ExtensionInfo> writer_extensions(Flavour flavour) { return extension_list(kWriterKnown, flavour); }

std::unique_ptr<Writer> make_writer(Flavour flavour) { return std::make_unique<MarkdownWriter>(flavour); }

}  // namespace galley::markdown
