// The NewsML-G2 writer and reader: itemMeta/contentMeta in the XSD's order,
// identity and version, XHTML and NITF bodies, newsMessage for several
// articles, and reading items and messages back.
#include <boost/test/unit_test.hpp>

#include <string>

#include "galley/builder.hpp"
#include "galley/error.hpp"
#include "galley/meta.hpp"
#include "galley/text.hpp"
#include "newsml/newsml.hpp"

using namespace galley;

BOOST_AUTO_TEST_SUITE(newsml_format)
namespace {

Document article(const std::string& title, const std::string& date) {
  Document d;
  d.meta["title"] = meta_inlines(title);
  if (!date.empty()) d.meta["date"] = MetaString{date};
  d.meta["author"] = MetaList{{MetaInlines{text("Jane Doe")}}};
  d.meta["lang"] = MetaString{"en"};
  d.meta["subject"] = meta_inlines("Economy");
  d.meta["publisher"] = meta_inlines("Acme News");
  d.meta["source-url"] = MetaString{"https://news.example.com/a/1"};
  d.blocks.push_back(para("Body text of " + title + "."));
  return d;
}

bool has(const std::string& s, const std::string& what) { return s.find(what) != std::string::npos; }
std::size_t pos(const std::string& s, const std::string& what) { return s.find(what); }

}  // namespace

BOOST_AUTO_TEST_CASE(news_item_in_schema_order) {
  Diagnostics diag;
  std::string x = newsml::make_writer()->write(article("Rates", "2024-05-01T10:00:00Z"), {}, diag);
  BOOST_TEST(has(x, "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\""));
  BOOST_TEST(has(x, "standard=\"NewsML-G2\" standardversion=\"2.35\" conformance=\"power\""));
  BOOST_TEST(has(x, "<itemClass qcode=\"ninat:text\"/>"));
  BOOST_TEST(has(x, "<provider literal=\"Acme News\"/>"));
  BOOST_TEST(has(x, "<versionCreated>2024-05-01T10:00:00Z</versionCreated>"));
  BOOST_TEST(has(x, "<pubStatus qcode=\"stat:usable\"/>"));
  BOOST_TEST(has(x, "<link rel=\"irel:seeAlso\" href=\"https://news.example.com/a/1\""));
  BOOST_TEST(has(x, "<language tag=\"en\"/>"));
  BOOST_TEST(has(x, "<headline>Rates</headline>"));
  BOOST_TEST(has(x, "<inlineXML contenttype=\"application/xhtml+xml\">"));
  BOOST_TEST(has(x, "<p>Body text of Rates.</p>"));
  // itemClass, provider, versionCreated, firstCreated, pubStatus; creator before language before headline.
  BOOST_TEST(pos(x, "<itemClass") < pos(x, "<provider"));
  BOOST_TEST(pos(x, "<versionCreated") < pos(x, "<firstCreated"));
  BOOST_TEST(pos(x, "<firstCreated") < pos(x, "<pubStatus"));
  BOOST_TEST(pos(x, "<creator") < pos(x, "<language"));
  BOOST_TEST(pos(x, "<subject") < pos(x, "<headline"));
  BOOST_TEST(diag.warning_count() == 0u);
}

BOOST_AUTO_TEST_CASE(identity_and_version) {
  Document d = article("Rates", "2024-05-01T10:00:00Z");
  Diagnostics diag;
  std::string a = newsml::make_writer()->write(d, {}, diag);
  std::string b = newsml::make_writer()->write(d, {}, diag);
  BOOST_TEST(a == b);  // the same article, the same item
  d.meta["version"] = MetaString{"3"};
  d.meta["identifier"] = MetaString{"urn:example:rates"};
  std::string c = newsml::make_writer()->write(d, {}, diag);
  BOOST_TEST(has(c, "guid=\"urn:example:rates\" version=\"3\""));
}

BOOST_AUTO_TEST_CASE(nitf_body_option) {
  WriterOptions o;
  o.extensions.set["nitf"] = true;
  Diagnostics diag;
  std::string x = newsml::make_writer()->write(article("Rates", "2024-05-01T10:00:00Z"), o, diag);
  BOOST_TEST(has(x, "<inlineXML contenttype=\"application/nitf+xml\">"));
  BOOST_TEST(has(x, "<nitf xmlns=\"http://iptc.org/std/NITF/2006-10-18/\""));
  BOOST_TEST(!has(x, "<docdata"));  // contentMeta holds the metadata
  BOOST_TEST(has(x, "<p>Body text of Rates.</p>"));
}

BOOST_AUTO_TEST_CASE(news_message_newest_first) {
  Document a = article("Older", "2024-01-01T00:00:00Z"), b = article("Newer", "2024-06-01T00:00:00Z");
  Diagnostics diag;
  std::string x = newsml::make_writer()->write_many({&a, &b}, {}, diag);
  BOOST_TEST(has(x, "<newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\">"));
  BOOST_TEST(has(x, "<sent>2024-06-01T00:00:00Z</sent>"));
  BOOST_TEST(pos(x, "<headline>Newer") < pos(x, "<headline>Older"));
  // One article is an item, not a message.
  std::string one = newsml::make_writer()->write_many({&a}, {}, diag);
  BOOST_TEST(!has(one, "newsMessage"));
}

BOOST_AUTO_TEST_CASE(thin_input_warns) {
  Document d;
  d.blocks.push_back(para("Only a body."));
  Diagnostics diag;
  std::string x = newsml::make_writer()->write(d, {}, diag);
  BOOST_TEST(has(x, "<provider literal=\"unknown\"/>"));
  BOOST_TEST(diag.count("placeholder") >= 3u);  // no title, no date, no publisher
}

BOOST_AUTO_TEST_CASE(reads_what_it_writes) {
  Diagnostics diag;
  std::string x = newsml::make_writer()->write(article("Rates", "2024-05-01T10:00:00Z"), {}, diag);
  Document d = newsml::make_reader()->read(x, {}, diag);
  BOOST_TEST(meta_text(d.meta, "title").value_or("") == "Rates");
  BOOST_TEST(meta_authors(d.meta).size() == 1u);
  BOOST_TEST(meta_text(d.meta, "lang").value_or("") == "en");
  BOOST_TEST(meta_text(d.meta, "subject").value_or("") == "Economy");
  BOOST_TEST(meta_text(d.meta, "source-url").value_or("") == "https://news.example.com/a/1");
  BOOST_TEST(stringify(d.blocks) == "Body text of Rates.");
}

BOOST_AUTO_TEST_CASE(reads_content_meta) {
  std::string xml =
      "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"urn:x:1\" version=\"4\" standard=\"NewsML-G2\""
      " standardversion=\"2.35\"><itemMeta><itemClass qcode=\"ninat:text\"/><provider qcode=\"nprov:AP\"><name>AP</name></provider>"
      "<versionCreated>2020-01-02T03:04:05Z</versionCreated><firstCreated>2020-01-01T00:00:00Z</firstCreated></itemMeta>"
      "<contentMeta><located><name>Paris</name></located><creator><name>A. Writer</name></creator><language tag=\"fr\"/>"
      "<subject qcode=\"medtop:04000000\"><name>economy</name></subject><keyword>bourse</keyword>"
      "<slugline>FR-ECO</slugline><headline>Le titre</headline><dateline>PARIS, 1 janvier</dateline>"
      "<description role=\"drol:summary\">Le chapeau.</description></contentMeta>"
      "<contentSet><inlineData contenttype=\"text/plain\">Para one.\n\nPara two.</inlineData></contentSet></newsItem>";
  Diagnostics diag;
  Document d = newsml::make_reader()->read(xml, {}, diag);
  BOOST_TEST(meta_text(d.meta, "title").value_or("") == "Le titre");
  BOOST_TEST(meta_text(d.meta, "date").value_or("") == "2020-01-01T00:00:00Z");
  BOOST_TEST(meta_text(d.meta, "date-modified").value_or("") == "2020-01-02T03:04:05Z");
  BOOST_TEST(meta_text(d.meta, "lang").value_or("") == "fr");
  BOOST_TEST(meta_text(d.meta, "identifier").value_or("") == "urn:x:1");
  BOOST_TEST(meta_text(d.meta, "publisher").value_or("") == "AP");
  BOOST_TEST(stringify(*meta_blocks(d.meta, "abstract")) == "Le chapeau.");
  BOOST_TEST(d.blocks.size() == 2u);
}

BOOST_AUTO_TEST_CASE(zones_in_basic_form_are_read) {
  // "+0100" (ISO 8601's basic zone, common in web pages) moves the time to UTC like "+01:00".
  for (const char* date : {"2021-11-01T10:52:50+0100", "2021-11-01T10:52:50+01:00", "2021-11-01T10:52:50+01"}) {
    Diagnostics diag;
    std::string x = newsml::make_writer()->write(article("Zone", date), {}, diag);
    BOOST_TEST(has(x, "<firstCreated>2021-11-01T09:52:50Z</firstCreated>"), date);
  }
}

BOOST_AUTO_TEST_CASE(errors_have_stable_ids) {
  Diagnostics diag;
  try {
    newsml::make_reader()->read("<html/>", {}, diag);
    BOOST_FAIL("no error");
  } catch (const InputError& e) {
    BOOST_TEST(e.id() == "galley.newsml.root");
  }
  try {
    newsml::make_reader()->read("<newsItem", {}, diag);
    BOOST_FAIL("no error");
  } catch (const InputError& e) {
    BOOST_TEST(e.id() == "galley.newsml.parse");
  }
}

BOOST_AUTO_TEST_SUITE_END()
