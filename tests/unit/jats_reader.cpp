// The JATS reader: front matter into the metadata keys, the body's elements,
// footnotes and cross-references, tables with spans, formulas, the DTD character
// entities without the DTD, hostile input (external entities, entity bombs, deep
// nesting), the warning for unmapped elements, and galley's own JATS read back.
#include <boost/test/unit_test.hpp>

#include <string>

#include "galley/builder.hpp"
#include "galley/error.hpp"
#include "galley/math.hpp"
#include "galley/meta.hpp"
#include "galley/text.hpp"
#include "jats/jats.hpp"

using namespace galley;

BOOST_AUTO_TEST_SUITE(jats_reader)
namespace {

Document read(const std::string& xml, Diagnostics* diag_out = nullptr) {
  Diagnostics diag;
  ReaderOptions o;
  auto doc = jats::make_reader()->read(xml, o, diag);
  if (diag_out) *diag_out = diag;
  return doc;
}

std::string article(const std::string& front, const std::string& body, const std::string& back = {}) {
  return R"(<?xml version="1.0"?>
<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD v1.3 20210610//EN" "JATS-archivearticle1-3.dtd">
<article xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:mml="http://www.w3.org/1998/Math/MathML" xmlns:ali="http://www.niso.org/schemas/ali/1.0/" article-type="research-article" xml:lang="en">
<front>)" + front + "</front><body>" + body + "</body><back>" + back + "</back></article>";
}

const std::string kFront = R"(
<journal-meta><journal-title-group><journal-title>J Tests</journal-title></journal-title-group>
<issn pub-type="ppub">1111-1111</issn><issn pub-type="epub">2222-2222</issn>
<publisher><publisher-name>Test Press</publisher-name></publisher></journal-meta>
<article-meta>
<article-id pub-id-type="pmid">123</article-id><article-id pub-id-type="doi">10.1234/t.1</article-id>
<article-categories><subj-group subj-group-type="heading"><subject>Biology</subject></subj-group></article-categories>
<title-group><article-title>A <italic>study</italic></article-title><subtitle>Sub</subtitle>
<trans-title-group xml:lang="pt"><trans-title>Um estudo</trans-title></trans-title-group></title-group>
<contrib-group>
<contrib contrib-type="author" corresp="yes"><contrib-id contrib-id-type="orcid">https://orcid.org/0000-0002-1825-0097</contrib-id>
<name><surname>Doe</surname><given-names>Jane</given-names></name><xref ref-type="aff" rid="a1"/><xref ref-type="corresp" rid="c1"/>
<role vocab="credit" vocab-term="Writing - original draft">Writing - original draft</role></contrib>
<contrib contrib-type="author"><string-name>Li Wei</string-name></contrib>
<contrib contrib-type="author"><collab>The Consortium<contrib-group><contrib><name><surname>X</surname></name></contrib></contrib-group></collab></contrib>
<contrib contrib-type="editor"><name><surname>Ed</surname><given-names>Al</given-names></name></contrib>
</contrib-group>
<aff id="a1"><label>1</label><institution>Univ A</institution>, <country>Chile</country></aff>
<author-notes><corresp id="c1">Correspondence: <email>jane@example.org</email></corresp></author-notes>
<pub-date pub-type="collection"><year>2015</year></pub-date>
<pub-date pub-type="epub"><day>5</day><month>6</month><year>2014</year></pub-date>
<volume>3</volume><issue>2</issue><fpage>10</fpage><lpage>20</lpage>
<history><date date-type="received"><day>1</day><month>1</month><year>2014</year></date></history>
<permissions><copyright-statement>© 2014 Doe</copyright-statement>
<license><ali:license_ref>https://creativecommons.org/licenses/by/4.0/</ali:license_ref><license-p>Open.</license-p></license></permissions>
<abstract><title>Abstract</title><p>Main abstract.</p></abstract>
<abstract abstract-type="executive-summary"><title>Digest</title><p>Plain words.</p></abstract>
<trans-abstract xml:lang="pt"><p>Resumo.</p></trans-abstract>
<kwd-group kwd-group-type="author"><kwd>cells</kwd><kwd>mice</kwd></kwd-group>
<kwd-group xml:lang="pt"><kwd>células</kwd></kwd-group>
<funding-group><award-group><funding-source>NIH</funding-source><award-id>R01</award-id></award-group></funding-group>
</article-meta>)";

const Block* find_block(const Blocks& bs, auto pred) {
  for (const Block& b : bs) {
    if (pred(b)) return &b;
    if (auto d = b.as<Div>())
      if (auto x = find_block(d->content, pred)) return x;
  }
  return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_CASE(front_matter) {
  Document d = read(article(kFront, "<p>x</p>"));
  BOOST_TEST(stringify(d.meta.at("title")) == "A study");
  BOOST_TEST(stringify(d.meta.at("subtitle")) == "Sub");
  BOOST_TEST(stringify(d.meta.at("site-name")) == "J Tests");
  BOOST_TEST(stringify(d.meta.at("publisher")) == "Test Press");
  BOOST_TEST(stringify(d.meta.at("issn")) == "2222-2222");
  BOOST_TEST(stringify(d.meta.at("identifier")) == "10.1234/t.1");
  BOOST_TEST(stringify(d.meta.at("subject")) == "Biology");
  BOOST_TEST(stringify(d.meta.at("date")) == "2014-06-05");  // the article's own date, not the issue's
  BOOST_TEST(stringify(d.meta.at("license")) == "https://creativecommons.org/licenses/by/4.0/");
  BOOST_TEST(stringify(d.meta.at("rights")) == "© 2014 Doe");
  BOOST_TEST(stringify(d.meta.at("abstract")) == "Main abstract.");
  BOOST_TEST(stringify(d.meta.at("volume")) == "3");
  BOOST_TEST(stringify(d.meta.at("page-first")) == "10");
  BOOST_TEST(stringify(d.meta.at("lang")) == "en");
  BOOST_TEST(d.meta.count("history") == 1u);
  BOOST_TEST(d.meta.count("funding") == 1u);
  BOOST_TEST(d.meta.count("translated-titles") == 1u);
}

BOOST_AUTO_TEST_CASE(contributors) {
  Document d = read(article(kFront, "<p>x</p>"));
  auto authors = meta_authors(d.meta);
  BOOST_REQUIRE(authors.size() == 3u);  // the editor is not an author
  BOOST_TEST(authors[0].name_text == "Jane Doe");
  BOOST_TEST(authors[0].surname == "Doe");
  BOOST_TEST(authors[0].affiliation == "Univ A, Chile");
  BOOST_TEST(authors[0].email == "jane@example.org");
  BOOST_TEST(authors[0].orcid == "https://orcid.org/0000-0002-1825-0097");
  BOOST_TEST(authors[1].name_text == "Li Wei");
  BOOST_TEST(authors[2].name_text == "The Consortium");  // members nested in collab are not its name
  auto first = d.meta.at("author").as<MetaList>()->items[0].as<MetaMap>();
  BOOST_REQUIRE(first);
  BOOST_TEST(first->entries.count("corresponding") == 1u);
  BOOST_TEST(stringify(first->entries.at("roles")) == "Writing - original draft");
  BOOST_TEST(d.meta.count("contributors") == 1u);
}

BOOST_AUTO_TEST_CASE(keywords_by_language) {
  Document d = read(article(kFront, "<p>x</p>"));
  BOOST_TEST(meta_text_list(d.meta, "keywords").size() == 2u);
  BOOST_TEST(stringify(d.meta.at("translated-keywords").as<MetaMap>()->entries.at("pt")) == "células");
}

BOOST_AUTO_TEST_CASE(other_abstracts_open_the_body) {
  Document d = read(article(kFront, "<p>x</p>"));
  BOOST_REQUIRE(d.blocks.size() >= 3u);
  auto digest = d.blocks[0].as<Div>();
  BOOST_REQUIRE(digest);
  BOOST_TEST(digest->attr.has_class("executive-summary"));
  BOOST_TEST(stringify(digest->content) == "Digest\nPlain words.");
  auto trans = d.blocks[1].as<Div>();
  BOOST_REQUIRE(trans);
  BOOST_TEST(*trans->attr.get("lang") == "pt");
}

BOOST_AUTO_TEST_CASE(sections_lists_quotes_boxes) {
  Document d = read(article("", R"(<sec id="s1"><label>1</label><title>Intro</title><p>One <bold>two</bold> three.</p>
<sec id="s1a"><title>Deeper</title><list list-type="alpha-lower"><list-item><p>a</p></list-item><list-item><p>b</p></list-item></list></sec></sec>
<sec><title>Quote</title><disp-quote><p>Words.</p><attrib>Someone</attrib></disp-quote>
<boxed-text id="b1" content-type="key"><caption><title>Box</title></caption><p>Inside.</p></boxed-text>
<def-list><def-item><term>T</term><def><p>D</p></def></def-item></def-list></sec>)"));
  auto h = d.blocks[0].as<Header>();
  BOOST_REQUIRE(h);
  BOOST_TEST(h->level == 2);
  BOOST_TEST(h->attr.id == "s1");
  BOOST_TEST(stringify(h->content) == "1 Intro");
  auto sub = find_block(d.blocks, [](const Block& b) { return b.is<Header>() && b.as<Header>()->attr.id == "s1a"; });
  BOOST_REQUIRE(sub);
  BOOST_TEST(sub->as<Header>()->level == 3);
  auto ol = find_block(d.blocks, [](const Block& b) { return b.is<OrderedList>(); });
  BOOST_REQUIRE(ol);
  BOOST_TEST((ol->as<OrderedList>()->attrs.style == ListNumberStyle::LowerAlpha));
  auto q = find_block(d.blocks, [](const Block& b) { return b.is<BlockQuote>(); });
  BOOST_REQUIRE(q);
  BOOST_TEST(stringify(q->as<BlockQuote>()->content) == "Words.\n\u2014 Someone");
  auto box = find_block(d.blocks, [](const Block& b) { return b.is<Div>() && b.as<Div>()->attr.id == "b1"; });
  BOOST_REQUIRE(box);
  BOOST_TEST(box->as<Div>()->attr.has_class("key"));
  BOOST_TEST(find_block(d.blocks, [](const Block& b) { return b.is<DefinitionList>(); }) != nullptr);
}

BOOST_AUTO_TEST_CASE(paragraphs_split_around_display_elements) {
  Document d = read(article("", "<p>Before <list><list-item><p>item</p></list-item></list> after.</p>"));
  BOOST_REQUIRE(d.blocks.size() == 3u);
  BOOST_TEST(d.blocks[0].is<Para>());
  BOOST_TEST(d.blocks[1].is<BulletList>());
  BOOST_TEST(stringify(Blocks{d.blocks[2]}) == "after.");
}

BOOST_AUTO_TEST_CASE(spaces_at_element_edges_separate_words) {
  Document d = read(article("", "<p><italic>a </italic>b<bold> c</bold>d H<sub>2</sub>O</p>"));
  BOOST_TEST(stringify(Blocks{d.blocks[0]}) == "a b cd H2O");
}

BOOST_AUTO_TEST_CASE(footnotes_xrefs_and_references) {
  Document d = read(article("", R"(<p>Text<xref ref-type="fn" rid="fn1">1</xref> see <xref ref-type="bibr" rid="r1">Smith 2000</xref>
and <xref ref-type="fig" rid="f1">Figure 1</xref>.</p>
<fig id="f1"><label>Figure 1.</label><caption><title>Cells.</title><p>More.</p></caption><graphic xlink:href="fig1.tif"/></fig>)",
                            R"(<ref-list><title>References</title><ref id="r1"><label>1</label><element-citation><person-group>
<name><surname>Smith</surname><given-names>J</given-names></name></person-group><article-title>Title</article-title>
<source>Nature</source><year>2000</year><pub-id pub-id-type="doi">10.1/x</pub-id></element-citation></ref></ref-list>
<fn-group><fn id="fn1"><p>The note.</p></fn><fn id="fn2"><p>Uncited.</p></fn></fn-group>)"));
  auto& p = d.blocks[0].as<Para>()->content;
  bool note = false, bib = false, fig = false;
  for (auto& x : p) {
    if (auto n = x.as<Note>()) note = stringify(n->content) == "The note.";
    if (auto l = x.as<Link>()) {
      bib = bib || l->target.url == "#r1";
      fig = fig || l->target.url == "#f1";
    }
  }
  BOOST_TEST(note);
  BOOST_TEST(bib);
  BOOST_TEST(fig);
  auto f = find_block(d.blocks, [](const Block& b) { return b.is<Figure>(); });
  BOOST_REQUIRE(f);
  BOOST_TEST(f->as<Figure>()->attr.id == "f1");
  BOOST_TEST(stringify(f->as<Figure>()->caption.long_caption) == "Figure 1. Cells.\nMore.");
  BOOST_TEST(stringify(f->as<Figure>()->content).empty());  // an image has no text
  auto ref = find_block(d.blocks, [](const Block& b) { return b.is<Div>() && b.as<Div>()->attr.id == "r1"; });
  BOOST_REQUIRE(ref);
  BOOST_TEST(stringify(ref->as<Div>()->content) == "1 Smith J. Title. Nature. (2000). 10.1/x");
  // The cited note is not repeated in the back; the uncited one is kept there.
  std::string all = stringify(d.blocks);
  BOOST_TEST(all.find("The note.") == std::string::npos);
  BOOST_TEST(all.find("Uncited.") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(tables_with_spans_head_foot_and_notes) {
  Document d = read(article("", R"(<table-wrap id="t1"><label>Table 1</label><caption><p>Counts.</p></caption>
<table><thead><tr><th colspan="2">Both</th><th rowspan="2">R</th></tr><tr><th>a</th><th>b</th></tr></thead>
<tbody><tr><td>1</td><td>2</td><td>3</td></tr></tbody><tfoot><tr><td colspan="3">sum</td></tr></tfoot></table>
<table-wrap-foot><fn id="tf1"><p>A table note.</p></fn></table-wrap-foot></table-wrap>)"));
  auto t = d.blocks[0].as<Table>();
  BOOST_REQUIRE(t);
  BOOST_TEST(t->attr.id == "t1");
  BOOST_TEST(t->colspecs.size() == 3u);
  BOOST_TEST(t->head.rows.size() == 2u);
  BOOST_TEST(t->head.rows[0].cells[0].col_span == 2);
  BOOST_TEST(t->head.rows[0].cells[1].row_span == 2);
  BOOST_TEST(t->foot.rows.size() == 1u);
  BOOST_TEST(stringify(t->caption.long_caption) == "Table 1\nCounts.");
  BOOST_TEST(stringify(Blocks{d.blocks[1]}) == "A table note.");
}

BOOST_AUTO_TEST_CASE(formulas_keep_tex_and_mathml) {
  Document d = read(article("", R"(<p><inline-formula><alternatives><tex-math>x^2</tex-math>
<mml:math><mml:msup><mml:mi>x</mml:mi><mml:mn>2</mml:mn></mml:msup></mml:math></alternatives></inline-formula>
and <inline-formula><mml:math><mml:mfrac><mml:mi>a</mml:mi><mml:mi>b</mml:mi></mml:mfrac></mml:math></inline-formula>
and <inline-formula><tex-math>\documentclass{article}\begin{document}$y$\end{document}</tex-math></inline-formula></p>)"));
  const auto& xs = d.blocks[0].as<Para>()->content;
  std::vector<const Span*> spans;
  std::vector<const Math*> bare;
  for (auto& x : xs) {
    if (auto s = x.as<Span>()) spans.push_back(s);
    if (auto m = x.as<Math>()) bare.push_back(m);
  }
  BOOST_REQUIRE(spans.size() == 2u);
  BOOST_TEST(spans[0]->attr.has_class(std::string(kMathSpanClass)));
  BOOST_TEST(spans[0]->content[0].as<Math>()->text == "x^2");
  BOOST_TEST(spans[0]->attr.get("mathml")->find("<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><msup>") == 0u);
  BOOST_TEST(spans[1]->attr.has_class(std::string(kMathLinearClass)));
  BOOST_TEST(spans[1]->content[0].as<Math>()->text == "a/b");
  BOOST_REQUIRE(bare.size() == 1u);
  BOOST_TEST(bare[0]->text == "y");
}

BOOST_AUTO_TEST_CASE(dtd_entities_without_the_dtd) {
  Document d = read(article("", "<p>a&nbsp;b&ndash;c &alpha; &Hmacr;</p>"));
  BOOST_TEST(stringify(Blocks{d.blocks[0]}) == "a\u00A0b\u2013c \u03B1 H\u0304");
}

BOOST_AUTO_TEST_CASE(external_entities_are_never_read) {
  Diagnostics diag;
  Document d = read(R"(<?xml version="1.0"?><!DOCTYPE article [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<article><body><p>a &x; b</p></body></article>)", &diag);
  BOOST_TEST(stringify(Blocks{d.blocks[0]}) == "a b");
  BOOST_TEST(diag.count("resource-refused") == 1u);
}

BOOST_AUTO_TEST_CASE(entity_bombs_and_deep_nesting_are_refused) {
  std::string bomb = "<?xml version=\"1.0\"?><!DOCTYPE article [<!ENTITY a \"aaaaaaaaaaaaaaaaaaaa\">";
  std::string prev = "a";
  for (char c = 'b'; c <= 'k'; ++c) {
    bomb += std::string("<!ENTITY ") + c + " \"";
    for (int i = 0; i < 10; ++i) bomb += "&" + prev + ";";
    bomb += "\">";
    prev = std::string(1, c);
  }
  bomb += "]><article><body><p>&k;</p></body></article>";
  BOOST_CHECK_THROW(read(bomb), InputError);
  std::string deep = "<article><body>";
  for (int i = 0; i < 10000; ++i) deep += "<sec><title>x</title>";
  for (int i = 0; i < 10000; ++i) deep += "</sec>";
  deep += "</body></article>";
  BOOST_CHECK_THROW(read(deep), InputError);
}

BOOST_AUTO_TEST_CASE(not_jats_and_not_xml) {
  BOOST_CHECK_THROW(read("<rss><channel/></rss>"), InputError);
  BOOST_CHECK_THROW(read("<article><body><p>unclosed</body></article>"), InputError);
}

BOOST_AUTO_TEST_CASE(unmapped_elements_warn_with_counts_and_keep_text) {
  Diagnostics diag;
  Document d = read(article("", "<p>a <foo-bar>kept</foo-bar> <foo-bar>too</foo-bar></p><baz><p>block</p></baz>"), &diag);
  BOOST_TEST(stringify(d.blocks).find("kept too") != std::string::npos);
  BOOST_TEST(stringify(d.blocks).find("block") != std::string::npos);
  BOOST_REQUIRE(diag.count("unmapped-element") == 1u);
  std::string msg;
  for (auto& x : diag.all())
    if (x.kind == "unmapped-element") msg = x.message;
  BOOST_TEST(msg.find("<baz> x1") != std::string::npos);
  BOOST_TEST(msg.find("<foo-bar> x2") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(sub_articles_are_divs) {
  std::string xml = article("", "<p>Main.</p>");
  xml.replace(xml.rfind("</article>"), 10,
              R"(<sub-article id="sa1" article-type="decision-letter"><front-stub><title-group><article-title>Decision letter</article-title></title-group></front-stub><body><p>Accept.</p></body></sub-article></article>)");
  Document d = read(xml);
  auto sa = find_block(d.blocks, [](const Block& b) { return b.is<Div>() && b.as<Div>()->attr.id == "sa1"; });
  BOOST_REQUIRE(sa);
  BOOST_TEST(sa->as<Div>()->attr.has_class("decision-letter"));
  BOOST_TEST(stringify(sa->as<Div>()->content) == "Decision letter\nAccept.");
}

BOOST_AUTO_TEST_CASE(script_urls_are_dropped) {
  Diagnostics diag;
  Document d = read(article("", R"X(<p><ext-link xlink:href="javascript:alert(1)">click</ext-link> <inline-graphic xlink:href="javascript:x"/></p>)X"), &diag);
  BOOST_TEST(stringify(Blocks{d.blocks[0]}) == "click");
  BOOST_TEST(d.blocks[0].as<Para>()->content[0].is<Str>());
  BOOST_TEST(diag.count("unsafe-content") == 1u);
}

BOOST_AUTO_TEST_CASE(bits_book_part) {
  Document d = read(R"(<book-part xmlns:xlink="http://www.w3.org/1999/xlink" book-part-type="chapter"><book-part-meta>
<title-group><title>Chapter One</title></title-group>
<contrib-group><contrib contrib-type="author"><name><surname>Roe</surname><given-names>R</given-names></name></contrib></contrib-group>
</book-part-meta><body><sec><title>Start</title><p>Text.</p></sec></body></book-part>)");
  BOOST_TEST(stringify(d.meta.at("title")) == "Chapter One");
  BOOST_TEST(meta_authors(d.meta).size() == 1u);
  BOOST_TEST(stringify(d.blocks) == "Start\nText.");
}

BOOST_AUTO_TEST_SUITE_END()
