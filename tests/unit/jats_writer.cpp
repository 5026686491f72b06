// The JATS writer: one test per metadata key of docs/METADATA.md that JATS
// can hold (checked with libxml2 XPath), plus body mapping, ids, warnings.
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <string>

#include "galley/builder.hpp"
#include "jats/jats.hpp"

// libxml2 is a private dependency of the library (its include path does not
// reach the tests): the few functions needed, with opaque types.
extern "C" {
struct _xmlDoc;
struct _xmlXPathContext;
struct _xmlXPathObject;
_xmlDoc* xmlReadMemory(const char* buffer, int size, const char* url, const char* encoding, int options);
void xmlFreeDoc(_xmlDoc* doc);
_xmlXPathContext* xmlXPathNewContext(_xmlDoc* doc);
void xmlXPathFreeContext(_xmlXPathContext* ctx);
int xmlXPathRegisterNs(_xmlXPathContext* ctx, const unsigned char* prefix, const unsigned char* uri);
_xmlXPathObject* xmlXPathEvalExpression(const unsigned char* expr, _xmlXPathContext* ctx);
unsigned char* xmlXPathCastToString(_xmlXPathObject* obj);
void xmlXPathFreeObject(_xmlXPathObject* obj);
}

using namespace galley;
using jats::TagSet;

BOOST_AUTO_TEST_SUITE(jats_writer)
namespace {

struct Out {
  std::string xml;
  Diagnostics diag;
};

Out write(const Document& doc, TagSet ts = TagSet::Archiving, WriterOptions opts = {}) {
  Out o;
  o.xml = jats::make_writer(ts)->write(doc, opts, o.diag);
  return o;
}

// The string value of an XPath expression over the output ("" when not well-formed).
std::string xpath(const std::string& xml, const std::string& expr) {
  constexpr int nonet = 1 << 11, noerror = 1 << 5, nowarning = 1 << 6;
  _xmlDoc* d = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "t.xml", "UTF-8", nonet | noerror | nowarning);
  if (!d) return "<not well-formed>";
  _xmlXPathContext* ctx = xmlXPathNewContext(d);
  xmlXPathRegisterNs(ctx, reinterpret_cast<const unsigned char*>("xlink"),
                     reinterpret_cast<const unsigned char*>("http://www.w3.org/1999/xlink"));
  xmlXPathRegisterNs(ctx, reinterpret_cast<const unsigned char*>("ali"),
                     reinterpret_cast<const unsigned char*>("http://www.niso.org/schemas/ali/1.0/"));
  std::string result;
  if (_xmlXPathObject* obj = xmlXPathEvalExpression(reinterpret_cast<const unsigned char*>(expr.c_str()), ctx)) {
    unsigned char* s = xmlXPathCastToString(obj);
    if (s) result = reinterpret_cast<const char*>(s);
    std::free(s);
    xmlXPathFreeObject(obj);
  }
  xmlXPathFreeContext(ctx);
  xmlFreeDoc(d);
  return result;
}

Document with_meta(const std::string& key, MetaValue v) {
  Document doc;
  doc.meta[key] = std::move(v);
  doc.blocks.push_back(para("Body."));
  return doc;
}

MetaValue meta_map(std::initializer_list<std::pair<const char*, const char*>> kv) {
  MetaMap m;
  for (auto& [k, v] : kv) m.entries[k] = galley::meta_inlines(v);
  return m;
}

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

// ---- metadata, one key at a time ----

BOOST_AUTO_TEST_CASE(title_is_article_title) {
  auto o = write(with_meta("title", galley::meta_inlines("Hà Nội mở rộng")));
  BOOST_TEST(xpath(o.xml, "string(/article/front/article-meta/title-group/article-title)") == "Hà Nội mở rộng");
}

BOOST_AUTO_TEST_CASE(subtitle_is_subtitle) {
  Document doc = with_meta("subtitle", galley::meta_inlines("The deck"));
  doc.meta["title"] = galley::meta_inlines("Head");
  auto o = write(doc);
  BOOST_TEST(xpath(o.xml, "string(//title-group/subtitle)") == "The deck");
}

BOOST_AUTO_TEST_CASE(subject_is_heading_subj_group) {
  auto o = write(with_meta("subject", galley::meta_inlines("Xã hội")));
  BOOST_TEST(xpath(o.xml, "string(//article-categories/subj-group[@subj-group-type='heading']/subject)") == "Xã hội");
  BOOST_TEST(xpath(o.xml, "string(/article/@article-type)") == "news");
}

BOOST_AUTO_TEST_CASE(author_list_is_string_names) {
  MetaList authors;
  authors.items.push_back(galley::meta_inlines("Nguyễn Hiền"));
  authors.items.push_back(galley::meta_inlines("Jane Doe"));
  auto o = write(with_meta("author", authors));
  BOOST_TEST(xpath(o.xml, "count(//contrib-group/contrib[@contrib-type='author'])") == "2");
  BOOST_TEST(xpath(o.xml, "string(//contrib[1]/string-name)") == "Nguyễn Hiền");
  BOOST_TEST(xpath(o.xml, "string(//contrib[2]/string-name)") == "Jane Doe");
}

BOOST_AUTO_TEST_CASE(structured_author_has_name_email_aff_orcid) {
  auto author = meta_map({{"name", "Jane Doe"},
                          {"given", "Jane"},
                          {"surname", "Doe"},
                          {"email", "jane@example.org"},
                          {"affiliation", "Example University"},
                          {"orcid", "0000-0002-1825-0097"}});
  auto o = write(with_meta("author", author));
  BOOST_TEST(xpath(o.xml, "string(//contrib/name/surname)") == "Doe");
  BOOST_TEST(xpath(o.xml, "string(//contrib/name/given-names)") == "Jane");
  BOOST_TEST(xpath(o.xml, "string(//contrib/email)") == "jane@example.org");
  BOOST_TEST(xpath(o.xml, "string(//contrib/aff)") == "Example University");
  BOOST_TEST(xpath(o.xml, "string(//contrib/contrib-id[@contrib-id-type='orcid'])") ==
             "https://orcid.org/0000-0002-1825-0097");
}

BOOST_AUTO_TEST_CASE(date_is_pub_date_with_iso_and_parts) {
  auto o = write(with_meta("date", meta_string("2019-11-25T13:38")));
  BOOST_TEST(xpath(o.xml, "string(//pub-date/@iso-8601-date)") == "2019-11-25T13:38");
  BOOST_TEST(xpath(o.xml, "string(//pub-date/day)") == "25");
  BOOST_TEST(xpath(o.xml, "string(//pub-date/month)") == "11");
  BOOST_TEST(xpath(o.xml, "string(//pub-date/year)") == "2019");
}

BOOST_AUTO_TEST_CASE(date_modified_is_pub_history_event) {
  auto o = write(with_meta("date-modified", meta_string("2019-11-26")));
  BOOST_TEST(xpath(o.xml, "string(//pub-history/event/date/@iso-8601-date)") == "2019-11-26");
  BOOST_TEST(xpath(o.xml, "string(//pub-history/event/date/year)") == "2019");
}

BOOST_AUTO_TEST_CASE(abstract_is_abstract_with_p) {
  auto o = write(with_meta("abstract", galley::meta_inlines("The lede.")));
  BOOST_TEST(xpath(o.xml, "string(//article-meta/abstract/p)") == "The lede.");
  MetaBlocks blocks{Blocks{para("One."), para("Two.")}};
  auto o2 = write(with_meta("abstract", blocks));
  BOOST_TEST(xpath(o2.xml, "count(//article-meta/abstract/p)") == "2");
}

BOOST_AUTO_TEST_CASE(credit_is_publisher_name_without_publisher) {
  auto o = write(with_meta("credit", galley::meta_inlines("Reuters")));
  BOOST_TEST(xpath(o.xml, "string(//journal-meta/publisher/publisher-name)") == "Reuters");
  BOOST_TEST(xpath(o.xml, "string(/article/@article-type)") == "news");
}

BOOST_AUTO_TEST_CASE(credit_is_custom_meta_with_publisher) {
  Document doc = with_meta("credit", galley::meta_inlines("TTO"));
  doc.meta["publisher"] = galley::meta_inlines("Tuổi Trẻ");
  auto o = write(doc);
  BOOST_TEST(xpath(o.xml, "string(//journal-meta/publisher/publisher-name)") == "Tuổi Trẻ");
  BOOST_TEST(xpath(o.xml, "string(//custom-meta[meta-name='credit']/meta-value)") == "TTO");
}

BOOST_AUTO_TEST_CASE(dateline_is_custom_meta) {
  auto o = write(with_meta("dateline", galley::meta_inlines("LEEDS, England")));
  BOOST_TEST(xpath(o.xml, "string(//article-meta/custom-meta-group/custom-meta[meta-name='dateline']/meta-value)") ==
             "LEEDS, England");
}

BOOST_AUTO_TEST_CASE(publisher_is_publisher_name) {
  auto o = write(with_meta("publisher", galley::meta_inlines("Galley Test Press")));
  BOOST_TEST(xpath(o.xml, "string(/article/front/journal-meta/publisher/publisher-name)") == "Galley Test Press");
}

BOOST_AUTO_TEST_CASE(site_name_is_journal_title) {
  auto o = write(with_meta("site-name", galley::meta_inlines("VnExpress")));
  BOOST_TEST(xpath(o.xml, "string(//journal-meta/journal-title-group/journal-title)") == "VnExpress");
}

BOOST_AUTO_TEST_CASE(lang_is_xml_lang) {
  auto o = write(with_meta("lang", meta_string("vi")));
  BOOST_TEST((has(o.xml, "<article ") && has(o.xml, " xml:lang=\"vi\"")));
}

BOOST_AUTO_TEST_CASE(keywords_are_kwd_group) {
  MetaList kws;
  kws.items.push_back(galley::meta_inlines("giao thông"));
  kws.items.push_back(galley::meta_inlines("Hà Nội"));
  auto o = write(with_meta("keywords", kws));
  BOOST_TEST(xpath(o.xml, "count(//article-meta/kwd-group/kwd)") == "2");
  BOOST_TEST(xpath(o.xml, "string(//kwd-group/kwd[2])") == "Hà Nội");
}

BOOST_AUTO_TEST_CASE(identifier_is_article_id) {
  auto doi = write(with_meta("identifier", meta_string("https://doi.org/10.1000/xyz123")));
  BOOST_TEST(xpath(doi.xml, "string(//article-meta/article-id[@pub-id-type='doi'])") == "10.1000/xyz123");
  auto url = write(with_meta("identifier", meta_string("https://example.org/a/1")));
  BOOST_TEST(xpath(url.xml, "string(//article-id[@pub-id-type='custom'][@custom-type='uri'])") ==
             "https://example.org/a/1");
  auto other = write(with_meta("identifier", meta_string("gt-2024-001")));
  BOOST_TEST(xpath(other.xml, "string(//article-id[@pub-id-type='other'])") == "gt-2024-001");
}

BOOST_AUTO_TEST_CASE(source_url_is_self_uri) {
  auto o = write(with_meta("source-url", meta_string("https://example.org/a?x=1&y=2")));
  BOOST_TEST(xpath(o.xml, "string(//article-meta/self-uri/@xlink:href)") == "https://example.org/a?x=1&y=2");
}

BOOST_AUTO_TEST_CASE(rights_is_copyright_statement) {
  auto o = write(with_meta("rights", galley::meta_inlines("© 2024 Galley Test Press")));
  BOOST_TEST(xpath(o.xml, "string(//permissions/copyright-statement)") == "© 2024 Galley Test Press");
}

BOOST_AUTO_TEST_CASE(license_is_ali_license_ref) {
  auto o = write(with_meta("license", meta_string("https://creativecommons.org/licenses/by/4.0/")));
  BOOST_TEST(xpath(o.xml, "string(//permissions/license/ali:license_ref)") ==
             "https://creativecommons.org/licenses/by/4.0/");
}

BOOST_AUTO_TEST_CASE(image_is_lead_fig_graphic) {
  auto o = write(with_meta("image", meta_string("lead.jpg")));
  BOOST_TEST(xpath(o.xml, "string(/article/body/fig/graphic/@xlink:href)") == "lead.jpg");
}

BOOST_AUTO_TEST_CASE(article_type_from_meta_or_other) {
  BOOST_TEST(xpath(write(with_meta("article-type", meta_string("editorial"))).xml, "string(/article/@article-type)") ==
             "editorial");
  BOOST_TEST(xpath(write(with_meta("title", galley::meta_inlines("x"))).xml, "string(/article/@article-type)") ==
             "other");
}

// ---- tag sets ----

BOOST_AUTO_TEST_CASE(doctypes_are_jats_1_3) {
  Document doc = with_meta("title", galley::meta_inlines("T"));
  BOOST_TEST(has(write(doc, TagSet::Archiving).xml,
                 "\"-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD v1.3 20210610//EN\""));
  BOOST_TEST(has(write(doc, TagSet::Publishing).xml,
                 "\"-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.3 20210610//EN\""));
  BOOST_TEST(has(write(doc, TagSet::ArticleAuthoring).xml,
                 "\"-//NLM//DTD JATS (Z39.96) Article Authoring DTD v1.3 20210610//EN\""));
  WriterOptions o;
  o.variables["jats-mathml"] = "3";
  BOOST_TEST(has(write(doc, TagSet::Archiving, o).xml, "with MathML3 v1.3"));
  BOOST_TEST(xpath(write(doc).xml, "string(/article/@dtd-version)") == "1.3");
}

BOOST_AUTO_TEST_CASE(authoring_reports_what_it_cannot_hold) {
  Document doc = with_meta("subject", galley::meta_inlines("Xã hội"));
  doc.meta["dateline"] = galley::meta_inlines("HÀ NỘI");
  doc.meta["date"] = meta_string("2019-11-25");
  auto o = write(doc, TagSet::ArticleAuthoring);
  BOOST_TEST(o.diag.count("unmapped-metadata") == 3u);
  BOOST_TEST(xpath(o.xml, "count(//journal-meta)") == "0");
  BOOST_TEST(xpath(o.xml, "count(//contrib-group/contrib/anonymous)") == "1");  // required contrib-group
  BOOST_TEST(xpath(o.xml, "count(//article-meta/abstract)") == "1");            // required abstract
}

BOOST_AUTO_TEST_CASE(publishing_journal_meta_from_options) {
  WriterOptions o;
  o.variables["issn"] = "1234-5678";
  o.variables["journal-id"] = "gazette";
  Document doc = with_meta("site-name", galley::meta_inlines("Gazette"));
  doc.meta["title"] = galley::meta_inlines("T");
  auto out = write(doc, TagSet::Publishing, o);
  BOOST_TEST(xpath(out.xml, "string(//journal-meta/journal-id)") == "gazette");
  BOOST_TEST(xpath(out.xml, "string(//journal-meta/issn)") == "1234-5678");
  BOOST_TEST(out.diag.count("missing-metadata") == 0u);
  auto bare = write(doc, TagSet::Publishing);
  BOOST_TEST(bare.diag.count("missing-metadata") == 1u);  // issn
  BOOST_TEST(xpath(bare.xml, "string(//journal-meta/journal-id)") == "Gazette");  // from site-name
}

// ---- body ----

BOOST_AUTO_TEST_CASE(headers_become_nested_sections_with_unique_ids) {
  Document doc;
  doc.blocks = {para("Lede."), header(2, "A", "a"), para("a1"), header(3, "B", "a"), para("b1"),
                header(2, "C", "1 bad id"), para("c1")};
  auto o = write(doc);
  BOOST_TEST(xpath(o.xml, "count(/article/body/sec)") == "2");
  BOOST_TEST(xpath(o.xml, "string(/article/body/sec[1]/title)") == "A");
  BOOST_TEST(xpath(o.xml, "string(/article/body/sec[1]/sec/title)") == "B");
  BOOST_TEST(xpath(o.xml, "string(/article/body/sec[1]/@id)") == "a");
  BOOST_TEST(xpath(o.xml, "string(/article/body/sec[1]/sec/@id)") == "a-1");
  BOOST_TEST(xpath(o.xml, "string(/article/body/sec[2]/@id)") == "id-1-bad-id");
  BOOST_TEST(xpath(o.xml, "string(/article/body/p)") == "Lede.");
  BOOST_TEST(o.diag.count("rewritten-id") == 1u);
}

BOOST_AUTO_TEST_CASE(footnotes_go_to_fn_group_with_xref) {
  Document doc;
  doc.blocks = {Para{Inlines{Str{"Text"}, Note{Blocks{para("The note.")}}}}};
  auto o = write(doc);
  BOOST_TEST(xpath(o.xml, "string(//body/p/xref[@ref-type='fn']/@rid)") == xpath(o.xml, "string(//back/fn-group/fn/@id)"));
  BOOST_TEST(xpath(o.xml, "string(//back/fn-group/fn/p)") == "The note.");
  auto a = write(doc, TagSet::ArticleAuthoring);  // no fn-group: the fn stays inline
  BOOST_TEST(xpath(a.xml, "string(//body/p/fn/p)") == "The note.");
}

BOOST_AUTO_TEST_CASE(internal_links_are_xrefs_only_to_written_ids) {
  Document doc;
  doc.blocks = {header(2, "Target", "t"),
                Para{Inlines{Link{Attr{}, text("see"), Target{"#t", ""}}, Space{},
                             Link{Attr{}, text("nowhere"), Target{"#missing", ""}}, Space{},
                             Link{Attr{}, text("out"), Target{"https://example.org/", ""}}}}};
  auto o = write(doc);
  BOOST_TEST(xpath(o.xml, "string(//xref/@rid)") == "t");
  BOOST_TEST(xpath(o.xml, "count(//xref)") == "1");
  BOOST_TEST(xpath(o.xml, "string(//ext-link/@xlink:href)") == "https://example.org/");
  BOOST_TEST(o.diag.count("lost-content") == 1u);
}

BOOST_AUTO_TEST_CASE(inline_formatting_and_math) {
  Document doc;
  doc.blocks = {Para{Inlines{Emph{text("i")}, Strong{text("b")}, Underline{text("u")}, Strikeout{text("s")},
                             Superscript{text("2")}, Subscript{text("x")}, SmallCaps{text("sc")},
                             Code{Attr{}, "a<b"}, Math{MathType::InlineMath, "x^2"}}}};
  auto o = write(doc);
  for (const char* e : {"italic", "bold", "underline", "strike", "sup", "sub", "sc"})
    BOOST_TEST(xpath(o.xml, std::string("count(//p/") + e + ")") == "1", e);
  BOOST_TEST(xpath(o.xml, "string(//p/monospace)") == "a<b");
  BOOST_TEST(xpath(o.xml, "string(//p/inline-formula/tex-math)") == "x^2");
}

BOOST_AUTO_TEST_CASE(blocks_map_to_jats_elements) {
  Document doc;
  Table t;
  t.colspecs = {ColSpec{}, ColSpec{}};
  Row head;
  head.cells = {Cell{Attr{}, Alignment::AlignDefault, 1, 2, Blocks{plain_block("H")}}};
  t.head.rows = {head};
  TableBody body;
  Row r;
  r.cells = {Cell{Attr{}, Alignment::AlignRight, 1, 1, Blocks{plain_block("1")}},
             Cell{Attr{}, Alignment::AlignDefault, 1, 1, Blocks{plain_block("2")}}};
  body.body = {r};
  t.bodies = {body};
  t.caption.long_caption = {para("Numbers")};
  doc.blocks = {BlockQuote{Blocks{para("q")}},
                BulletList{{Blocks{plain_block("x")}, Blocks{plain_block("y")}}},
                OrderedList{ListAttributes{3, ListNumberStyle::Decimal, ListNumberDelim::Period}, {Blocks{plain_block("c")}}},
                DefinitionList{{DefinitionItem{text("term"), {Blocks{plain_block("def")}}}}},
                CodeBlock{Attr{"", {"cpp"}, {}}, "int x;"},
                CodeBlock{Attr{}, "plain"},
                LineBlock{{text("line one"), text("line two")}},
                Div{Attr{"box", {}, {}}, Blocks{para("in box")}},
                Figure{Attr{}, Caption{std::nullopt, Blocks{plain_block("A photo")}}, Blocks{}},
                Figure{Attr{}, Caption{std::nullopt, Blocks{plain_block("Cap")}},
                       Blocks{Plain{Inlines{Image{Attr{}, text("alt"), Target{"pic.jpg", ""}}}}}},
                t,
                RawBlock{"jats", "<p>raw jats</p>"},
                RawBlock{"html", "<blink>x</blink>"}};
  auto o = write(doc);
  BOOST_TEST(xpath(o.xml, "string(//body/disp-quote/p)") == "q");
  BOOST_TEST(xpath(o.xml, "count(//body/list[@list-type='bullet']/list-item)") == "2");
  BOOST_TEST(xpath(o.xml, "string(//body/list[@list-type='order']/list-item/label)") == "3.");
  BOOST_TEST(xpath(o.xml, "string(//def-list/def-item/term)") == "term");
  BOOST_TEST(xpath(o.xml, "string(//def-list/def-item/def/p)") == "def");
  BOOST_TEST(xpath(o.xml, "string(//body/code[@language='cpp'])") == "int x;");
  BOOST_TEST(xpath(o.xml, "string(//body/preformat)") == "plain");
  BOOST_TEST(xpath(o.xml, "count(//verse-group/verse-line)") == "2");
  BOOST_TEST(xpath(o.xml, "string(//boxed-text[@id='box']/p)") == "in box");
  BOOST_TEST(xpath(o.xml, "string(//body/fig[1]/caption/p)") == "A photo");  // caption-only figure
  BOOST_TEST(xpath(o.xml, "string(//body/fig[2]/graphic/@xlink:href)") == "pic.jpg");
  BOOST_TEST(xpath(o.xml, "string(//table-wrap/caption/p)") == "Numbers");
  BOOST_TEST(xpath(o.xml, "string(//table-wrap/table/thead/tr/th/@colspan)") == "2");
  BOOST_TEST(xpath(o.xml, "string(//table-wrap/table/tbody/tr/td[1]/@align)") == "right");
  BOOST_TEST(xpath(o.xml, "string(//body/p[.='raw jats'])") == "raw jats");
  BOOST_TEST(!has(o.xml, "blink"));
  BOOST_TEST(o.diag.count("lost-content") == 1u);
}

BOOST_AUTO_TEST_CASE(quotes_follow_the_language) {
  Document doc = with_meta("lang", meta_string("fr"));
  doc.blocks = {Para{Inlines{Quoted{QuoteType::DoubleQuote, text("oui")}}}};
  BOOST_TEST(xpath(write(doc).xml, "string(//body/p)") == "\u00AB\u00A0oui\u00A0\u00BB");
  doc.meta["lang"] = meta_string("vi");
  BOOST_TEST(xpath(write(doc).xml, "string(//body/p)") == "\u201Coui\u201D");
}

BOOST_AUTO_TEST_CASE(forbidden_characters_are_removed_with_a_warning) {
  Document doc;
  doc.blocks = {para(std::string("a\x01" "b\x0B" "c"))};
  doc.meta["title"] = galley::meta_inlines(std::string("T\x02"));
  auto o = write(doc);
  BOOST_TEST(xpath(o.xml, "string(//body/p)") == "abc");
  BOOST_TEST(xpath(o.xml, "string(//article-title)") == "T");
  BOOST_TEST(o.diag.count("invalid-xml-char") == 1u);
}

BOOST_AUTO_TEST_CASE(output_is_deterministic_and_standalone) {
  Document doc = with_meta("title", galley::meta_inlines("T"));
  doc.blocks.push_back(Para{Inlines{Str{"n"}, Note{Blocks{para("x")}}}});
  WriterOptions s;
  s.standalone = true;
  auto a = write(doc), b = write(doc), c = write(doc, TagSet::Archiving, s);
  BOOST_TEST(a.xml == b.xml);
  BOOST_TEST(a.xml == c.xml);  // -s makes no difference: always a full article
  BOOST_TEST(a.xml.rfind("<?xml", 0) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
