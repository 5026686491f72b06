// The extensions each markdown flavour knows, their defaults (pandoc's names and,
// where pandoc has the flavour, pandoc's defaults), and their resolution for a parse.
#include "markdown/extensions.hpp"
#include "markdown/reader_detail.hpp"

namespace galley::markdown {

namespace {

constexpr KnownExtension kKnown[] = {
    {"pipe_tables", false, true, true, "GitHub tables"},
    {"strikeout", false, true, true, "~~struck out~~"},
    {"autolink_bare_uris", false, true, false, "www.example.com and bare URLs become links (off for markdown, as in pandoc)"},
    {"task_lists", false, true, true, "- [x] task items"},
    {"footnotes", false, true, true, "[^1] references and [^1]: definitions"},
    {"inline_notes", false, false, true, "^[a note written where it is referenced]"},
    {"yaml_metadata_block", false, true, true, "a YAML block at the top: title, author, date, lang, ..."},
    {"smart", false, false, true, "curly quotes, dashes and ellipses"},
    {"auto_identifiers", false, false, true, "header ids from the header text (pandoc's rule)"},
    {"gfm_auto_identifiers", false, true, false, "header ids by GitHub's rule"},
    {"tex_math_dollars", false, false, true, "$inline$ and $$display$$ TeX math"},
    {"fenced_divs", false, false, true, "::: {.class} ... ::: blocks"},
    {"bracketed_spans", false, false, true, "[text]{.class} spans"},
    {"attributes", false, false, true, "{#id .class key=val} on headers, links, images and code"},
    {"implicit_figures", false, false, true, "an image alone in a paragraph becomes a figure"},
    {"raw_html", true, true, true, "HTML kept as raw HTML (off: as text)"},
    {"hard_line_breaks", false, false, false, "every newline is a line break"},
};

}  // namespace

std::vector<ExtensionInfo> reader_extensions(Flavour flavour) { return extension_list(kKnown, flavour); }

Syntax resolve_syntax(Flavour flavour, const Extensions& ext) {
  auto on = [&](const char* name) { return extension_on(kKnown, flavour, ext, name); };
  Syntax s;
  s.tables = on("pipe_tables");
  s.strikeout = on("strikeout");
  s.autolink = on("autolink_bare_uris");
  s.task_lists = on("task_lists");
  s.footnotes = on("footnotes");
  s.inline_notes = on("inline_notes");
  s.yaml = on("yaml_metadata_block");
  s.smart = on("smart");
  s.auto_ids = on("auto_identifiers");
  s.gfm_auto_ids = on("gfm_auto_identifiers");
  s.math = on("tex_math_dollars");
  s.fenced_divs = on("fenced_divs");
  s.bracketed_spans = on("bracketed_spans");
  s.attributes = on("attributes");
  s.implicit_figures = on("implicit_figures");
  s.raw_html = on("raw_html");
  s.hard_line_breaks = on("hard_line_breaks");
  s.pandoc_markdown = flavour == Flavour::Markdown;
  return s;
}

}  // namespace galley::markdown
