// The ONE list of built-in readers and writers. It sits above the converters
// (it includes them all); the core never includes a converter.
#include "galley/builtin.hpp"

#include <utility>

#include "atom/atom.hpp"
#include "epub/epub.hpp"
#include "html/html.hpp"
#include "html_print/html_print.hpp"
#include "jats/jats.hpp"
#include "json/json.hpp"
#include "ninjs/ninjs.hpp"
#include "pdf/pdf.hpp"
#include "markdown/markdown.hpp"
#include "newsml/newsml.hpp"
#include "nitf/nitf.hpp"
#include "plain/plain.hpp"
#include "rss/rss.hpp"
#include "warc/warc.hpp"

namespace galley {

Registry builtin_registry() {
  Registry r;
  ReaderEntry json_in{"json", {}, "Pandoc JSON (pandoc-api-version 1.22 and 1.23)", {}, json::make_reader, {".json"}};
  json_in.joins_inputs = false;  // two JSON documents end to end are no document
  r.add_reader(std::move(json_in));
  r.add_reader({"plain", {"text"}, "Plain-text news articles (kicker, headline, dateline, lede, byline)",
                plain::reader_extensions(), plain::make_reader, {".txt", ".text"}});
  r.add_reader({"html", {"html5", "xhtml"}, "HTML5 web pages and semantic HTML, with article extraction",
                html::reader_extensions(), html::make_reader, {".html", ".htm", ".xhtml"}, true, html::init});
  using markdown::Flavour;
  r.add_reader({"markdown", {"md"}, "Markdown articles: CommonMark + GFM + YAML metadata, smart, math, divs, spans, attributes",
                markdown::reader_extensions(Flavour::Markdown), [] { return markdown::make_reader(Flavour::Markdown); },
                {".md", ".markdown"}});
  r.add_reader({"commonmark", {}, "CommonMark (the spec), on cmark-gfm",
                markdown::reader_extensions(Flavour::CommonMark), [] { return markdown::make_reader(Flavour::CommonMark); }});
  r.add_reader({"gfm", {}, "GitHub-Flavored Markdown: tables, strikethrough, autolinks, task lists, footnotes",
                markdown::reader_extensions(Flavour::Gfm), [] { return markdown::make_reader(Flavour::Gfm); }});

  // IPTC's XML formats: two XML documents end to end are no document.
  r.add_reader({"newsml", {"newsml-g2"}, "NewsML-G2 text items and news messages (IPTC)", {}, newsml::make_reader,
                {".newsml"}, false, newsml::init});
  r.add_reader({"nitf", {}, "NITF 3.6 news articles (IPTC)", {}, nitf::make_reader, {".nitf"}, false, nitf::init});
  // JATS: .jats and .nxml; .xml is shared with the IPTC formats, so .xml needs -f jats.
  r.add_reader({"jats", {}, "JATS 1.0-1.3 journal articles (archiving, publishing, authoring; BITS book parts)", {},
                jats::make_reader, {".jats", ".nxml"}, false, jats::init});

  // Web archives: many pages in one input, each an article (list_articles).
  ReaderEntry warc_in{"warc", {"wacz"}, "Web archives: WARC 1.0/1.1 (.warc, .warc.gz) and WACZ; each HTML page an article, "
                      "its images from the archive", warc::reader_extensions(), warc::make_reader,
                      {".warc", ".warc.gz", ".wacz"}, false, html::init};
  warc_in.list_articles = warc::list_articles;
  warc_in.opens_input = true;  // an archive file is read record by record, never whole
  r.add_reader(std::move(warc_in));

  ReaderEntry ninjs_in{"ninjs", {}, "IPTC ninjs text items, 1.x to 3.x (an object, or an array of them)", {},
                       ninjs::make_reader, {".ninjs"}};
  ninjs_in.joins_inputs = false;  // two JSON documents end to end are no document
  r.add_reader(std::move(ninjs_in));

  r.add_writer({"json", {}, "Pandoc JSON", WriterKind::Text, {}, {".json"}, json::make_writer, {}, true});
  r.add_writer({"plain", {"text"}, "Readable plain text", WriterKind::Text, {}, {".txt"}, plain::make_writer});
  r.add_writer({"epub3", {"epub"}, "EPUB 3.3 e-book (with an EPUB 2 NCX)", WriterKind::Binary, {}, {".epub"},
                epub::make_writer, {}, true});
  r.add_writer({"jats_archiving", {"jats"}, "JATS 1.3 Archiving and Interchange", WriterKind::Text, {},
                {".xml", ".jats"}, [] { return jats::make_writer(jats::TagSet::Archiving); }, {}, true});
  r.add_writer({"jats_publishing", {}, "JATS 1.3 Journal Publishing", WriterKind::Text, {}, {},
                [] { return jats::make_writer(jats::TagSet::Publishing); }, ".xml"});
  r.add_writer({"jats_articleauthoring", {}, "JATS 1.3 Article Authoring", WriterKind::Text, {}, {},
                [] { return jats::make_writer(jats::TagSet::ArticleAuthoring); }, ".xml"});
  r.add_writer({"html_print", {"html"}, "Print-ready HTML5 with CSS paged media", WriterKind::Text, {},
                {".html", ".htm"}, html_print::make_writer, {}, true});
  r.add_writer({"markdown", {}, "Markdown that galley's markdown reader reads back: GFM + $math$ + YAML metadata (-s)",
                WriterKind::Text, markdown::writer_extensions(Flavour::Markdown), {".md", ".markdown"},
                [] { return markdown::make_writer(Flavour::Markdown); }});
  r.add_writer({"commonmark", {}, "CommonMark, escaped to read back as written", WriterKind::Text,
                markdown::writer_extensions(Flavour::CommonMark), {}, [] { return markdown::make_writer(Flavour::CommonMark); }});
  r.add_writer({"gfm", {}, "GitHub-Flavored Markdown (pipe tables, strikeout)", WriterKind::Text,
                markdown::writer_extensions(Flavour::Gfm), {}, [] { return markdown::make_writer(Flavour::Gfm); }});
  r.add_writer({"pdf", {}, "PDF: the print HTML through WeasyPrint (default) or Chromium", WriterKind::Binary, {},
                {".pdf"}, pdf::make_writer});
  WriterEntry newsml_out{"newsml", {"newsml-g2"}, "NewsML-G2 2.35 newsItem; a newsMessage for several articles",
                         WriterKind::Text, newsml::writer_extensions(), {".newsml"}, newsml::make_writer};
  newsml_out.joins_documents = true;
  r.add_writer(std::move(newsml_out));
  r.add_writer({"nitf", {}, "NITF 3.6 (IPTC News Industry Text Format)", WriterKind::Text, {}, {".nitf"},
                nitf::make_writer});
  WriterEntry ninjs_out{"ninjs", {}, "IPTC ninjs 3.1 (+v2: 2.2, +v1: 1.6); several articles: a JSON array of items, newest first",
                        WriterKind::Text, ninjs::writer_extensions(), {".ninjs"}, ninjs::make_writer, ".ninjs.json"};
  ninjs_out.joins_documents = true;
  r.add_writer(std::move(ninjs_out));
  // Feeds: one output for many articles (the CLI reads each input on its own).
  WriterEntry atom_out{"atom", {}, "Atom 1.0 feed, full text as XHTML; several articles: one feed, newest first",
                       WriterKind::Text, {}, {".atom"}, atom::make_writer, ".atom"};
  atom_out.joins_documents = true;
  r.add_writer(std::move(atom_out));
  WriterEntry rss_out{"rss", {}, "RSS 2.0 feed with content:encoded; several articles: one feed, newest first",
                      WriterKind::Text, {}, {".rss"}, rss::make_writer, ".rss"};
  rss_out.joins_documents = true;
  r.add_writer(std::move(rss_out));
  // Media types (`galley server`'s Content-Type), set after the entries above.
  const std::pair<const char*, const char*> media_types[] = {
      {"json", "application/json"}, {"plain", "text/plain; charset=utf-8"}, {"epub3", "application/epub+zip"},
      {"jats_archiving", "application/jats+xml"}, {"jats_publishing", "application/jats+xml"},
      {"jats_articleauthoring", "application/jats+xml"}, {"html_print", "text/html; charset=utf-8"},
      {"markdown", "text/markdown; charset=utf-8"}, {"commonmark", "text/markdown; charset=utf-8"},
      {"gfm", "text/markdown; charset=utf-8"}, {"pdf", "application/pdf"}, {"newsml", "application/vnd.iptc.g2.newsitem+xml"},
      {"nitf", "application/nitf+xml"}, {"ninjs", "application/ninjs+json"}, {"atom", "application/atom+xml"},
      {"rss", "application/rss+xml"}};
  for (auto& [name, type] : media_types) {
    WriterEntry e = *r.find_writer(name);
    e.media_type = type;
    r.add_writer(std::move(e));
  }
  // Inputs whose name tells nothing are news text; output is Pandoc JSON unless asked.
  r.set_defaults("plain", "json");
  return r;
}

std::string convert(std::string_view input, const ConvertOptions& options, Diagnostics& diag) {
  static const Registry registry = builtin_registry();
  return convert(input, options, diag, registry);
}

}  // namespace galley
