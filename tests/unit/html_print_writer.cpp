// The html_print writer: masthead, page settings, images, notes, toc, user CSS.
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "galley/builder.hpp"
#include "html_print/html_print.hpp"

using namespace galley;

BOOST_AUTO_TEST_SUITE(html_print_writer)
namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

Document article() {
  Document d;
  d.meta["title"] = MetaInlines{text("Bakeries \"rise\" early")};
  d.meta["subject"] = MetaInlines{text("Business")};
  d.meta["author"] = MetaList{{MetaInlines{text("Priya Raman")}, MetaInlines{text("Alan Cole")}}};
  d.meta["date"] = MetaString{"2021-03-15T07:30"};
  d.meta["dateline"] = MetaInlines{text("LEEDS, England")};
  d.meta["abstract"] = MetaBlocks{{para("The lede.")}};
  d.meta["credit"] = MetaInlines{text("Reuters")};
  d.meta["source-url"] = MetaString{"https://example.com/a b"};
  d.meta["lang"] = MetaString{"en"};
  d.meta["x-unknown"] = MetaString{"?"};
  d.blocks = {para("First paragraph."), Header{3, Attr{}, text("Skipped level")},
              Para{{Str{"Text"}, Note{{para("The note.")}}}},
              Para{{Image{Attr{}, text("remote alt"), Target{"https://img.example/p.jpg", ""}}}}};
  return d;
}

}  // namespace

BOOST_AUTO_TEST_CASE(standalone_document_with_masthead) {
  Diagnostics diag;
  WriterOptions o;
  std::string h = html_print::make_writer()->write(article(), o, diag);
  BOOST_TEST(h.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
  BOOST_TEST(contains(h, "<title>Bakeries \"rise\" early</title>"));
  BOOST_TEST(contains(h, "<p class=\"kicker\">Business</p>"));
  BOOST_TEST(contains(h, "<h1 class=\"title\">Bakeries \"rise\" early</h1>"));
  BOOST_TEST(contains(h, "<span class=\"by\">By </span><span class=\"author\">Priya Raman</span> and "
                         "<span class=\"author\">Alan Cole</span>"));
  BOOST_TEST(contains(h, "<span class=\"dateline-place\">LEEDS, England</span>"));
  BOOST_TEST(contains(h, "<time datetime=\"2021-03-15T07:30\">Monday, March 15, 2021, 07:30</time>"));
  BOOST_TEST(contains(h, "<div class=\"lede\">\n<p>The lede.</p>"));
  BOOST_TEST(contains(h, "<p class=\"credit\">Reuters</p>"));
  BOOST_TEST(contains(h, "href=\"https://example.com/a%20b\""));
  // page setup: A4 by default, running head from the title (CSS-escaped), n / N
  BOOST_TEST(contains(h, "size: A4;"));
  BOOST_TEST(contains(h, "@top-right { content: \"Bakeries \\\"rise\\\" early\"; }"));
  BOOST_TEST(contains(h, "counter(page) \" / \" counter(pages)"));
  // the skipped heading level is closed (h1 title, then h2)
  BOOST_TEST(contains(h, "<h2 id=\"skipped-level\">Skipped level</h2>"));
  // notes: inline footnote + endnotes fallback
  BOOST_TEST(contains(h, "<span class=\"footnote\">The note.</span>"));
  BOOST_TEST(contains(h, "<section role=\"doc-endnotes\" class=\"footnotes\">\n<h2 class=\"footnotes-title\">Notes</h2>"));
  // remote image: never fetched, a link with the alt text
  BOOST_TEST(contains(h, "<a href=\"https://img.example/p.jpg\" class=\"image-link\">remote alt</a>"));
  BOOST_TEST(!contains(h, "<img"));
  BOOST_TEST(diag.count("resource-refused") >= 1u);
  BOOST_TEST(diag.count("unmapped-metadata") == 1u);
}

BOOST_AUTO_TEST_CASE(variables_validated) {
  Diagnostics diag;
  WriterOptions o;
  o.variables = {{"papersize", "letter"}, {"margin", "2cm 1.5cm"}, {"fontsize", "11pt"}, {"columns", "1"}};
  std::string h = html_print::make_writer()->write(article(), o, diag);
  BOOST_TEST(contains(h, "size: letter;"));
  BOOST_TEST(contains(h, "margin: 2cm 1.5cm;"));
  BOOST_TEST(contains(h, "html { font-size: 11pt; }"));
  BOOST_TEST(!contains(h, "column-count"));
  Diagnostics d2;
  o.variables = {{"papersize", "A4; } body { display: none"}, {"margin", "x"}, {"fontsize", "1e9"}};
  h = html_print::make_writer()->write(article(), o, d2);
  BOOST_TEST(contains(h, "size: A4;"));
  BOOST_TEST(!contains(h, "display: none\n"));
  BOOST_TEST(d2.count("ignored-variable") == 3u);
}

BOOST_AUTO_TEST_CASE(local_images_embedded_and_user_css_inlined) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "galley-html-print-test";
  fs::create_directories(dir);
  // a 1x1 PNG
  const unsigned char png[] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R',
                               0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89};
  std::ofstream(dir / "p.png", std::ios::binary).write(reinterpret_cast<const char*>(png), sizeof png);
  std::ofstream(dir / "user.css") << "body { color: navy; } /* </style><script> */";
  Document d;
  d.meta["title"] = MetaInlines{text("T")};
  d.blocks = {Figure{Attr{}, Caption{std::nullopt, {plain_block("Cap")}}, {Plain{{Image{Attr{}, text("a"), Target{"p.png", ""}}}}}},
              header(2, "Section one"), header(3, "Sub")};
  WriterOptions o;
  o.resources.root = fs::canonical(dir).string();
  o.css = {"user.css"};
  o.toc = true;
  Diagnostics diag;
  std::string h = html_print::make_writer()->write(d, o, diag);
  BOOST_TEST(contains(h, "<img src=\"data:image/png;base64,"));
  BOOST_TEST(contains(h, "<figcaption>Cap</figcaption>"));
  BOOST_TEST(contains(h, "body { color: navy; }"));
  BOOST_TEST(!contains(h, "</style><script>"));
  BOOST_TEST(h.find("color: navy") > h.find("float: footnote"));  // after the default CSS
  BOOST_TEST(contains(h, "<nav class=\"toc\" role=\"doc-toc\""));
  BOOST_TEST(contains(h, "<li class=\"toc-level-2\"><a href=\"#section-one\">Section one</a></li>"));
  BOOST_TEST(contains(h, "<li class=\"toc-level-3\"><a href=\"#sub\">Sub</a></li>"));
  fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(vietnamese_dates_and_quotes) {
  Document d;
  d.meta["title"] = MetaInlines{text("Tiêu đề")};
  d.meta["lang"] = MetaString{"vi"};
  d.meta["date"] = MetaString{"2019-11-25T13:38"};
  d.blocks = {Para{{Quoted{QuoteType::DoubleQuote, text("xin chào")}}}};
  Diagnostics diag;
  std::string h = html_print::make_writer()->write(d, WriterOptions{}, diag);
  BOOST_TEST(contains(h, "<html lang=\"vi\">"));
  BOOST_TEST(contains(h, "<time datetime=\"2019-11-25T13:38\">Thứ hai, 25/11/2019, 13:38</time>"));
  BOOST_TEST(contains(h, "<p>\u201Cxin chào\u201D</p>"));
}

BOOST_AUTO_TEST_SUITE_END()
