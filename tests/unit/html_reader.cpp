// The HTML reader: element mapping, metadata sources and priority, JSON-LD,
// lazy images, footnotes, <main>, encodings, malformed and deep markup, +extract.
#include <boost/test/unit_test.hpp>

#include <string>

#include "galley/math.hpp"
#include "galley/ast.hpp"
#include "galley/builder.hpp"
#include "galley/meta.hpp"
#include "galley/text.hpp"
#include "html/html.hpp"

using namespace galley;

BOOST_AUTO_TEST_SUITE(html_reader)
namespace {

Document read_html(std::string_view html, Diagnostics* d = nullptr, ReaderOptions opts = {}) {
  Diagnostics local;
  auto r = html::make_reader();
  return r->read(html, opts, d ? *d : local);
}

Document read_extract(std::string_view html, Diagnostics* d = nullptr) {
  ReaderOptions o;
  o.extensions.set["extract"] = true;
  return read_html(html, d, o);
}

Blocks body(std::string_view inner) {
  return read_html("<html><body>" + std::string(inner) + "</body></html>").blocks;
}

std::string meta_str(const Document& d, const std::string& key) { return meta_text(d.meta, key).value_or(""); }

}  // namespace

BOOST_AUTO_TEST_CASE(headers_and_paragraphs) {
  Blocks b = body("<h1 id=\"top\">Hello  world</h1><p>One\n two</p><h2>Sub head</h2>");
  BOOST_REQUIRE_EQUAL(b.size(), 3u);
  BOOST_CHECK(b[0] == Block(Header{1, Attr{"top", {}, {}}, text("Hello world")}));
  BOOST_CHECK(b[1] == Block(Para{Inlines{Str{"One"}, SoftBreak{}, Str{"two"}}}));
  const auto* h = b[2].as<Header>();
  BOOST_REQUIRE(h);
  BOOST_CHECK_EQUAL(h->attr.id, "sub-head");  // pandoc's auto_identifiers
}

BOOST_AUTO_TEST_CASE(whitespace_like_browsers) {
  Blocks b = body("<p>  a <em> b </em>c&nbsp;d<br> e</p>");
  BOOST_REQUIRE_EQUAL(b.size(), 1u);
  Inlines want{Str{"a"}, Space{}, Emph{{Str{"b"}}}, Space{}, Str{"c\u00A0d"}, LineBreak{}, Str{"e"}};
  BOOST_CHECK(b[0] == Block(Para{want}));
}

BOOST_AUTO_TEST_CASE(inline_elements) {
  Blocks b = body("<p><strong>s</strong> <b>b</b> <i>i</i> <u>u</u> <ins>n</ins> <s>x</s> <del>d</del> "
                  "<strike>k</strike> <sup>2</sup> <sub>0</sub> <code>c  d</code> <q>q <q>r</q></q></p>");
  const auto* p = b.at(0).as<Para>();
  BOOST_REQUIRE(p);
  const Inlines& in = p->content;
  BOOST_CHECK(in[0] == Inline(Strong{{Str{"s"}}}));
  BOOST_CHECK(in[2] == Inline(Strong{{Str{"b"}}}));
  BOOST_CHECK(in[4] == Inline(Emph{{Str{"i"}}}));
  BOOST_CHECK(in[6] == Inline(Underline{{Str{"u"}}}));
  BOOST_CHECK(in[8] == Inline(Underline{{Str{"n"}}}));
  BOOST_CHECK(in[10] == Inline(Strikeout{{Str{"x"}}}));
  BOOST_CHECK(in[12] == Inline(Strikeout{{Str{"d"}}}));
  BOOST_CHECK(in[14] == Inline(Strikeout{{Str{"k"}}}));
  BOOST_CHECK(in[16] == Inline(Superscript{{Str{"2"}}}));
  BOOST_CHECK(in[18] == Inline(Subscript{{Str{"0"}}}));
  BOOST_CHECK(in[20] == Inline(Code{Attr{}, "c  d"}));
  BOOST_CHECK(in[22] == Inline(Quoted{QuoteType::DoubleQuote,
                                      {Str{"q"}, Space{}, Quoted{QuoteType::SingleQuote, {Str{"r"}}}}}));
}

BOOST_AUTO_TEST_CASE(spans_abbr_time_keep_attributes) {
  Blocks b = body("<p><span id=\"x\" class=\"a b\" lang=\"fr\" dir=\"ltr\" data-k=\"v\">t</span> "
                  "<abbr title=\"World Health Organization\">WHO</abbr> <time datetime=\"2020-01-02\">Jan 2</time></p>");
  const auto& in = b.at(0).as<Para>()->content;
  BOOST_CHECK(in[0] == Inline(Span{Attr{"x", {"a", "b"}, {{"lang", "fr"}, {"dir", "ltr"}, {"k", "v"}}}, {Str{"t"}}}));
  BOOST_CHECK(in[2] == Inline(Span{Attr{"", {}, {{"title", "World Health Organization"}}}, {Str{"WHO"}}}));
  BOOST_CHECK(in[4] == Inline(Span{Attr{"", {}, {{"datetime", "2020-01-02"}}}, {Str{"Jan"}, Space{}, Str{"2"}}}));
}

BOOST_AUTO_TEST_CASE(lists) {
  Blocks b = body("<ul><li>a<ul><li>b</li></ul></li></ul><ol start=\"3\" type=\"i\"><li><p>x</p></li></ol>"
                  "<dl><dt>T</dt><dd>d1</dd><dd>d2</dd></dl>");
  BOOST_REQUIRE_EQUAL(b.size(), 3u);
  BOOST_CHECK(b[0] == Block(BulletList{{{Plain{{Str{"a"}}}, BulletList{{{Plain{{Str{"b"}}}}}}}}}));
  const auto* ol = b[1].as<OrderedList>();
  BOOST_REQUIRE(ol);
  BOOST_CHECK_EQUAL(ol->attrs.start, 3);
  BOOST_CHECK(ol->attrs.style == ListNumberStyle::LowerRoman);
  BOOST_CHECK(ol->items.at(0).at(0) == Block(Para{{Str{"x"}}}));
  const auto* dl = b[2].as<DefinitionList>();
  BOOST_REQUIRE(dl);
  BOOST_CHECK(dl->items.at(0).term == Inlines{Str{"T"}});
  BOOST_CHECK_EQUAL(dl->items.at(0).definitions.size(), 2u);
}

BOOST_AUTO_TEST_CASE(blockquote_pre_hr) {
  Blocks b = body("<blockquote cite=\"https://x.org/s\"><p>q</p></blockquote><blockquote>r</blockquote>"
                  "<pre><code class=\"language-python\">x = 1\n  y\n</code></pre><hr>");
  BOOST_REQUIRE_EQUAL(b.size(), 4u);
  Block want_q = Div{Attr{"", {}, {{"cite", "https://x.org/s"}}}, {BlockQuote{{Para{{Str{"q"}}}}}}};
  BOOST_CHECK(b[0] == want_q);
  BOOST_CHECK(b[1] == Block(BlockQuote{{Para{{Str{"r"}}}}}));
  Block want_code = CodeBlock{Attr{"", {"python"}, {}}, "x = 1\n  y"};
  BOOST_CHECK(b[2] == want_code);
  BOOST_CHECK(b[3] == Block(HorizontalRule{}));
}

BOOST_AUTO_TEST_CASE(tables) {
  Blocks b = body(
      "<table id=\"t\"><caption>Cap</caption><colgroup><col width=\"25%\"><col width=\"75%\"></colgroup>"
      "<thead><tr><th>A</th><th align=\"right\">B</th></tr></thead>"
      "<tbody><tr><td rowspan=\"2\">1</td><td>2</td></tr><tr><td style=\"text-align: center\">3</td></tr></tbody>"
      "<tfoot><tr><td colspan=\"2\">f</td></tr></tfoot></table>");
  const auto* t = b.at(0).as<Table>();
  BOOST_REQUIRE(t);
  BOOST_CHECK_EQUAL(t->attr.id, "t");
  Blocks want_cap{Plain{{Str{"Cap"}}}};
  BOOST_CHECK(t->caption.long_caption == want_cap);
  BOOST_REQUIRE_EQUAL(t->colspecs.size(), 2u);
  BOOST_CHECK(t->colspecs[0].width && *t->colspecs[0].width == 0.25);
  BOOST_REQUIRE_EQUAL(t->head.rows.size(), 1u);
  BOOST_CHECK(t->head.rows[0].cells[1].align == Alignment::AlignRight);
  BOOST_REQUIRE_EQUAL(t->bodies.size(), 1u);
  BOOST_CHECK_EQUAL(t->bodies[0].body[0].cells[0].row_span, 2);
  BOOST_CHECK(t->bodies[0].body[1].cells[0].align == Alignment::AlignCenter);
  BOOST_CHECK_EQUAL(t->foot.rows.at(0).cells.at(0).col_span, 2);
}

BOOST_AUTO_TEST_CASE(table_header_row_without_thead) {
  Blocks b = body("<table><tr><th>h</th></tr><tr><td>d</td></tr></table>");
  const auto* t = b.at(0).as<Table>();
  BOOST_REQUIRE(t);
  BOOST_CHECK_EQUAL(t->head.rows.size(), 1u);
  BOOST_CHECK_EQUAL(t->bodies.at(0).body.size(), 1u);
}

BOOST_AUTO_TEST_CASE(figures_and_images) {
  Blocks b = body("<figure id=\"f\"><img src=\"a.jpg\" alt=\"An image\" title=\"T\" width=\"20\" height=\"10\">"
                  "<figcaption>Caption <b>bold</b></figcaption></figure>");
  const auto* f = b.at(0).as<Figure>();
  BOOST_REQUIRE(f);
  BOOST_CHECK_EQUAL(f->attr.id, "f");
  Blocks want_cap{Plain{{Str{"Caption"}, Space{}, Strong{{Str{"bold"}}}}}};
  BOOST_CHECK(f->caption.long_caption == want_cap);
  const auto* p = f->content.at(0).as<Plain>();
  BOOST_REQUIRE(p);
  const auto* im = p->content.at(0).as<Image>();
  BOOST_REQUIRE(im);
  BOOST_CHECK_EQUAL(im->target.url, "a.jpg");
  BOOST_CHECK_EQUAL(im->target.title, "T");
  BOOST_CHECK(im->content == text("An image"));
  BOOST_REQUIRE(im->attr.get("width"));
  BOOST_CHECK_EQUAL(*im->attr.get("width"), "20");
  BOOST_CHECK_EQUAL(*im->attr.get("height"), "10");
}

BOOST_AUTO_TEST_CASE(lazy_images) {
  auto url_of = [](const Blocks& b) -> std::string {
    for (auto& blk : b)
      if (auto* p = blk.as<Para>())
        for (auto& i : p->content)
          if (auto* im = i.as<Image>()) return im->target.url;
    return "";
  };
  BOOST_CHECK_EQUAL(url_of(body("<p><img src=\"data:image/gif;base64,R0lGOD\" data-src=\"real.jpg\"></p>")), "real.jpg");
  BOOST_CHECK_EQUAL(url_of(body("<p><img data-srcset=\"s.jpg 320w, l.jpg 1024w\"></p>")), "l.jpg");
  BOOST_CHECK_EQUAL(url_of(body("<p><picture><source srcset=\"p.webp 1x, p2.webp 2x\"><img alt=\"x\"></picture></p>")),
                    "p2.webp");
  BOOST_CHECK_EQUAL(url_of(body("<p><img src=\"placeholder.gif\"><noscript><img src=\"ns.jpg\"></noscript></p>")),
                    "ns.jpg");
  // A real image already shown: the <noscript> copy is not repeated.
  Blocks b = body("<p><img src=\"a.jpg\"><noscript><img src=\"a.jpg\"></noscript></p>");
  BOOST_CHECK_EQUAL(b.at(0).as<Para>()->content.size(), 1u);
}

BOOST_AUTO_TEST_CASE(links_and_relative_urls) {
  ReaderOptions o;
  o.source_url = "https://news.example/2020/story.html";
  Document d = read_html("<html><body><p><a href=\"../img/a.png\" title=\"t\">x</a> <a href=\"#sec\">y</a> "
                         "<a href=\"/root\">z</a></p></body></html>",
                         nullptr, o);
  const auto& in = d.blocks.at(0).as<Para>()->content;
  BOOST_CHECK_EQUAL(in[0].as<Link>()->target.url, "https://news.example/img/a.png");
  BOOST_CHECK_EQUAL(in[0].as<Link>()->target.title, "t");
  BOOST_CHECK_EQUAL(in[2].as<Link>()->target.url, "#sec");
  BOOST_CHECK_EQUAL(in[4].as<Link>()->target.url, "https://news.example/root");
  Document e = read_html("<html><head><base href=\"http://b.example/dir/\"></head><body><p><img src=\"i.png\"></p></body></html>");
  BOOST_CHECK_EQUAL(e.blocks.at(0).as<Para>()->content.at(0).as<Image>()->target.url, "http://b.example/dir/i.png");
}

BOOST_AUTO_TEST_CASE(divs_asides_details_and_dropped_elements) {
  Blocks b = body("<div id=\"d\" class=\"c\" lang=\"vi\">inline <em>only</em></div><aside><p>side</p></aside>"
                  "<details><summary>More</summary><p>hidden</p></details>"
                  "<script>alert(1)</script><style>p{}</style><form><input value=\"x\"><button>Go</button></form>");
  BOOST_REQUIRE_EQUAL(b.size(), 3u);
  BOOST_CHECK(b[0] == Block(Div{Attr{"d", {"c"}, {{"lang", "vi"}}}, {Plain{{Str{"inline"}, Space{}, Emph{{Str{"only"}}}}}}}));
  BOOST_CHECK(b[1] == Block(Div{Attr{"", {"aside"}, {}}, {Para{{Str{"side"}}}}}));
  const auto* det = b[2].as<Div>();
  BOOST_REQUIRE(det);
  BOOST_CHECK(det->attr.has_class("details"));
  BOOST_CHECK_EQUAL(stringify(det->content), "More\nhidden");
}

BOOST_AUTO_TEST_CASE(footnotes_dpub_aria) {
  Blocks b = body("<p>Text<a href=\"#fn1\" id=\"r1\" role=\"doc-noteref\"><sup>1</sup></a> more.</p>"
                  "<section role=\"doc-endnotes\"><hr><ol><li id=\"fn1\"><p>The note. "
                  "<a href=\"#r1\" role=\"doc-backlink\">\u21A9</a></p></li></ol></section>");
  BOOST_REQUIRE_EQUAL(b.size(), 1u);  // the endnotes section is gone
  const auto& in = b[0].as<Para>()->content;
  BOOST_REQUIRE(in.at(1).is<Note>());
  BOOST_CHECK_EQUAL(stringify(in[1].as<Note>()->content), "The note.");
}

BOOST_AUTO_TEST_CASE(footnotes_cms_pattern) {
  Blocks b = body("<p>Claim<sup><a href=\"#fn1\">[1]</a></sup>.</p><p>End.</p>"
                  "<ol class=\"footnotes\"><li id=\"fn1\">Source: a report.</li></ol>");
  BOOST_REQUIRE_EQUAL(b.size(), 2u);
  const auto& in = b[0].as<Para>()->content;
  BOOST_REQUIRE(in.at(1).is<Note>());
  BOOST_CHECK_EQUAL(stringify(in[1].as<Note>()->content), "Source: a report.");
}

BOOST_AUTO_TEST_CASE(footnotes_epub_type) {
  Blocks b = body("<p>A<a epub:type=\"noteref\" href=\"#n1\">1</a></p><aside epub:type=\"footnote\" id=\"n1\"><p>N</p></aside>");
  BOOST_REQUIRE_EQUAL(b.size(), 1u);
  BOOST_CHECK(b[0].as<Para>()->content.at(1).is<Note>());
}

BOOST_AUTO_TEST_CASE(main_only) {
  Blocks b = body("<nav><a href=\"/\">Home</a></nav><main><p>Story</p></main><footer>(c)</footer>");
  BOOST_REQUIRE_EQUAL(b.size(), 1u);
  BOOST_CHECK(b[0] == Block(Para{{Str{"Story"}}}));
}

BOOST_AUTO_TEST_CASE(media_kept_raw_with_warning) {
  Diagnostics d;
  Document doc = read_html("<html><body><video src=\"v.mp4\" controls></video><p>x</p></body></html>", &d);
  BOOST_REQUIRE(doc.blocks.at(0).is<RawBlock>());
  BOOST_CHECK_EQUAL(doc.blocks[0].as<RawBlock>()->format, "html");
  BOOST_CHECK_EQUAL(d.count("raw-media"), 1u);
}

BOOST_AUTO_TEST_CASE(mathml) {
  Blocks b = body("<p><math><semantics><mi>x</mi><annotation encoding=\"application/x-tex\">x^2</annotation>"
                  "</semantics></math> and <math><mi>y</mi></math></p>");
  const auto& in = b.at(0).as<Para>()->content;
  // Formulas keep their MathML beside the TeX (docs/MATH.md).
  auto x = formula_of(in.at(0));
  BOOST_REQUIRE(x);
  BOOST_CHECK_EQUAL(x->tex, "x^2");
  auto y = formula_of(in.at(4));
  BOOST_REQUIRE(y);
  BOOST_CHECK(y->tex.empty());
  BOOST_CHECK(y->mathml.find("<mi>y</mi>") != std::string::npos);
}

// ---- metadata ----

BOOST_AUTO_TEST_CASE(metadata_head_sources) {
  Document d = read_html(R"(<html lang="vi"><head><title>Bão số 9 đổ bộ | Báo Mới</title>
    <meta name="description" content="Tóm tắt.">
    <meta property="og:site_name" content="Báo Mới">
    <meta property="article:published_time" content="2019-11-25T13:38:00+07:00">
    <meta property="article:section" content="Xã hội">
    <meta name="keywords" content="bão, miền Trung">
    <meta name="author" content="Nguyễn Hiền">
    <link rel="canonical" href="https://baomoi.example/a.html">
    </head><body><p>x</p></body></html>)");
  BOOST_CHECK_EQUAL(meta_str(d, "title"), "Bão số 9 đổ bộ");
  BOOST_CHECK_EQUAL(meta_str(d, "lang"), "vi");
  BOOST_CHECK_EQUAL(meta_str(d, "site-name"), "Báo Mới");
  BOOST_CHECK_EQUAL(meta_str(d, "date"), "2019-11-25T13:38:00+07:00");
  BOOST_CHECK_EQUAL(meta_str(d, "subject"), "Xã hội");
  BOOST_CHECK_EQUAL(meta_str(d, "abstract"), "Tóm tắt.");
  BOOST_CHECK_EQUAL(meta_str(d, "source-url"), "https://baomoi.example/a.html");
  BOOST_REQUIRE_EQUAL(meta_text_list(d.meta, "keywords").size(), 2u);
  auto authors = meta_authors(d.meta);
  BOOST_REQUIRE_EQUAL(authors.size(), 1u);
  BOOST_CHECK_EQUAL(authors[0].name_text, "Nguyễn Hiền");
}

BOOST_AUTO_TEST_CASE(metadata_priority) {
  // JSON-LD headline > og:title > <title>; og:description > description.
  Document d = read_html(R"(<html><head><title>Page title - Site</title>
    <meta property="og:title" content="OG title">
    <meta name="description" content="plain description">
    <meta property="og:description" content="og description">
    <script type="application/ld+json">{"@type":"NewsArticle","headline":"LD headline"}</script>
    </head><body></body></html>)");
  BOOST_CHECK_EQUAL(meta_str(d, "title"), "LD headline");
  BOOST_CHECK_EQUAL(meta_str(d, "abstract"), "og description");
  Document e = read_html(R"(<html><head><title>Page title here - Site</title>
    <meta property="og:title" content="OG title"></head><body></body></html>)");
  BOOST_CHECK_EQUAL(meta_str(e, "title"), "OG title");
  Document f = read_html("<html><head><title>A long enough page title | The Site</title></head><body></body></html>");
  BOOST_CHECK_EQUAL(meta_str(f, "title"), "A long enough page title");
}

BOOST_AUTO_TEST_CASE(jsonld_graph_arrays_people) {
  Document d = read_html(R"(<html><head><script type="application/ld+json">
    {"@context":"https://schema.org","@graph":[
      {"@type":"WebSite","@id":"#site","name":"The Paper"},
      {"@type":"Person","@id":"#jane","name":"Jane Doe"},
      {"@type":["NewsArticle"],"headline":"Graph story","datePublished":"2021-02-03T04:05:06Z",
       "dateModified":"2021-02-04","author":[{"@id":"#jane"},{"@type":"Person","name":"John Roe"},
       {"@type":"Organization","name":"Reuters"}],"publisher":{"@type":"Organization","name":"Paper Inc"},
       "keywords":["a","b"],"articleSection":["World"],"inLanguage":"en"}]}
    </script></head><body></body></html>)");
  BOOST_CHECK_EQUAL(meta_str(d, "title"), "Graph story");
  BOOST_CHECK_EQUAL(meta_str(d, "date"), "2021-02-03T04:05:06Z");
  BOOST_CHECK_EQUAL(meta_str(d, "date-modified"), "2021-02-04");
  BOOST_CHECK_EQUAL(meta_str(d, "publisher"), "Paper Inc");
  BOOST_CHECK_EQUAL(meta_str(d, "site-name"), "The Paper");
  BOOST_CHECK_EQUAL(meta_str(d, "subject"), "World");
  BOOST_CHECK_EQUAL(meta_str(d, "lang"), "en");
  auto a = meta_authors(d.meta);
  BOOST_REQUIRE_EQUAL(a.size(), 3u);
  BOOST_CHECK_EQUAL(a[0].name_text, "Jane Doe");
  BOOST_CHECK_EQUAL(a[1].name_text, "John Roe");
  BOOST_CHECK_EQUAL(a[2].name_text, "Reuters");
  BOOST_CHECK_EQUAL(meta_text_list(d.meta, "keywords").size(), 2u);
}

BOOST_AUTO_TEST_CASE(jsonld_array_cdata_and_bad_json) {
  Diagnostics diag;
  Document d = read_html(R"(<html><head>
    <script type="application/ld+json">{ not json </script>
    <script type="application/ld+json"><![CDATA[[{"@type":"BreadcrumbList"},{"@type":"BlogPosting","name":"Post","author":"Ann"}]]]></script>
    </head><body></body></html>)", &diag);
  BOOST_CHECK_EQUAL(meta_str(d, "title"), "Post");
  BOOST_CHECK_EQUAL(meta_authors(d.meta).at(0).name_text, "Ann");
  BOOST_CHECK_EQUAL(diag.count("invalid-jsonld"), 1u);
}

BOOST_AUTO_TEST_CASE(metadata_citation_and_dublin_core) {
  Document d = read_html(R"(<html><head>
    <meta name="citation_title" content="A Study">
    <meta name="citation_author" content="Roe, J."><meta name="citation_author" content="Doe, A.">
    <meta name="citation_publication_date" content="2018/03/01">
    <meta name="citation_doi" content="10.1000/xyz">
    <meta name="DC.language" content="de">
    </head><body></body></html>)");
  BOOST_CHECK_EQUAL(meta_str(d, "title"), "A Study");
  BOOST_CHECK_EQUAL(meta_authors(d.meta).size(), 2u);
  BOOST_CHECK_EQUAL(meta_str(d, "identifier"), "doi:10.1000/xyz");
  BOOST_CHECK_EQUAL(meta_str(d, "lang"), "de");
  BOOST_CHECK_EQUAL(meta_str(d, "date"), "2018/03/01");
}

// ---- encodings ----

BOOST_AUTO_TEST_CASE(encoding_meta_charset) {
  std::string html = "<html><head><meta charset=\"windows-1252\"></head><body><p>caf\xE9 \x93q\x94</p></body></html>";
  Blocks b = read_html(html).blocks;
  BOOST_CHECK_EQUAL(stringify(b), "caf\u00E9 \u201Cq\u201D");
  std::string h2 = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head>"
                   "<body><p>\xE0</p></body></html>";
  BOOST_CHECK_EQUAL(stringify(read_html(h2).blocks), "\u00E0");
}

BOOST_AUTO_TEST_CASE(encoding_option_and_bom) {
  ReaderOptions o;
  o.encoding = "iso-8859-2";
  BOOST_CHECK_EQUAL(stringify(read_html("<p>\xB1</p>", nullptr, o).blocks), "\u0105");
  std::string u16 = "\xFF\xFE";
  for (char c : std::string("<p>hi</p>")) {
    u16 += c;
    u16 += '\0';
  }
  BOOST_CHECK_EQUAL(stringify(read_html(u16).blocks), "hi");
  BOOST_CHECK_EQUAL(stringify(read_html("\xEF\xBB\xBF<p>bom</p>").blocks), "bom");
}

BOOST_AUTO_TEST_CASE(invalid_bytes_replaced_with_warning) {
  Diagnostics d;
  Document doc = read_html("<p>ok \xFF\xFE bad</p>", &d);
  BOOST_CHECK(stringify(doc.blocks).find("\uFFFD") != std::string::npos);
  BOOST_CHECK_GE(d.warning_count(), 1u);
}

BOOST_AUTO_TEST_CASE(output_is_nfc) {
  Blocks b = body("<p>Vie\u0323\u0302t</p>");  // decomposed "Việt"
  BOOST_CHECK_EQUAL(stringify(b), "Vi\u1EC7t");
}

// ---- malformed and deep ----

BOOST_AUTO_TEST_CASE(malformed_markup) {
  Diagnostics d;
  Document doc = read_html("<p>one<p>two <b>bold <i>both</b> italic?</i><div>x</span></div><table><td>c", &d);
  std::string s = stringify(doc.blocks);
  BOOST_CHECK(s.find("one") != std::string::npos);
  BOOST_CHECK(s.find("two") != std::string::npos);
  BOOST_CHECK(s.find("both") != std::string::npos);
  BOOST_CHECK(s.find("c") != std::string::npos);
  BOOST_CHECK_EQUAL(d.warning_count(), 0u);  // parser complaints are info only
}

BOOST_AUTO_TEST_CASE(deep_nesting_is_kept_and_reported) {
  std::string html = "<html><body>";
  for (int i = 0; i < 3000; ++i) html += "<div>";
  html += "deep text";
  for (int i = 0; i < 3000; ++i) html += "</div>";
  html += "<p>after</p></body></html>";
  Diagnostics d;
  Document doc = read_html(html, &d);
  std::string s = stringify(doc.blocks);
  BOOST_CHECK(s.find("deep text") != std::string::npos);  // not silently lost
  BOOST_CHECK(s.find("after") != std::string::npos);      // libxml2's 256 limit lifted
  BOOST_CHECK_EQUAL(d.count("deep-nesting"), 1u);
}

BOOST_AUTO_TEST_CASE(huge_text_node_not_truncated) {
  std::string big(11 * 1000 * 1000, 'a');
  std::string html = "<p>" + big + "</p><p>after</p>";
  Document doc = read_html(html);
  BOOST_REQUIRE_EQUAL(doc.blocks.size(), 2u);
  BOOST_CHECK_EQUAL(doc.blocks[0].as<Para>()->content.at(0).as<Str>()->text.size(), big.size());
}

// ---- +extract ----

BOOST_AUTO_TEST_CASE(extract_article) {
  std::string para = "<p>This is a sentence of the story, with commas, and enough words to count as text. "
                     "Another sentence follows it, again with a comma, to look like prose.</p>";
  std::string html = "<html><head><title>The Big Story of the Year - Daily News</title>"
                     "<meta name=\"author\" content=\"Jane Doe\"></head><body>"
                     "<nav class=\"menu\"><ul><li><a href=\"/\">Home</a></li><li><a href=\"/w\">World</a></li></ul></nav>"
                     "<div class=\"cookie-banner\">We use cookies. Accept?</div>"
                     "<article class=\"story\"><h1>The Big Story of the Year</h1><p class=\"byline\">By Jane Doe</p>" +
                     para + para + para +
                     "<figure><img src=\"p.jpg\" alt=\"photo\"><figcaption>A photo caption.</figcaption></figure>" +
                     para +
                     "<div class=\"share-bar\"><a href=\"https://fb.example\">Share</a></div></article>"
                     "<aside class=\"related\"><h2>Related</h2><ul><li><a href=\"/x\">Other story</a></li></ul></aside>"
                     "<footer>Copyright Daily News</footer></body></html>";
  Diagnostics d;
  Document doc = read_extract(html, &d);
  std::string s = stringify(doc.blocks);
  BOOST_CHECK(s.find("sentence of the story") != std::string::npos);
  BOOST_CHECK(s.find("A photo caption.") != std::string::npos);
  BOOST_CHECK(s.find("Home") == std::string::npos);
  BOOST_CHECK(s.find("cookies") == std::string::npos);
  BOOST_CHECK(s.find("Other story") == std::string::npos);
  BOOST_CHECK(s.find("Copyright") == std::string::npos);
  BOOST_CHECK(s.find("Share") == std::string::npos);
  BOOST_CHECK(s.find("The Big Story of the Year") == std::string::npos);  // headline is in the metadata
  BOOST_CHECK(s.find("By Jane Doe") == std::string::npos);    // so is the byline
  BOOST_CHECK_EQUAL(meta_str(doc, "title"), "The Big Story of the Year");
  bool has_figure = false;
  for (auto& b : doc.blocks)
    if (b.is<Figure>()) has_figure = true;
  BOOST_CHECK(has_figure);
}

BOOST_AUTO_TEST_CASE(extract_byline_from_body_when_no_metadata) {
  std::string para = "<p>Words of the article, many of them, in a sentence that goes on for a while. "
                     "And more words, with commas, to make the paragraph long enough to score.</p>";
  std::string html = "<html><head><title>Some headline for the test</title></head><body><div class=\"post\">"
                     "<span class=\"author\">Ann Writer</span>" + para + para + para + "</div></body></html>";
  Document doc = read_extract(html);
  auto a = meta_authors(doc.meta);
  BOOST_REQUIRE_EQUAL(a.size(), 1u);
  BOOST_CHECK_EQUAL(a[0].name_text, "Ann Writer");
  BOOST_CHECK(stringify(doc.blocks).find("Ann Writer") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(extension_listed) {
  auto ext = html::reader_extensions();
  BOOST_REQUIRE_EQUAL(ext.size(), 1u);
  BOOST_CHECK_EQUAL(ext[0].name, "extract");
  BOOST_CHECK(!ext[0].default_on);
  BOOST_CHECK(!ext[0].description.empty());
}

BOOST_AUTO_TEST_SUITE_END()
