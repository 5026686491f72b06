// The NITF writer and reader: the head and body.head mapping, the body's elements
// (and the classes standing in for what NITF lacks), footnotes, safety of the
// parse (no external entity), errors, and the round trip writer -> reader.
#include <boost/test/unit_test.hpp>

#include <string>

#include "galley/builder.hpp"
#include "galley/error.hpp"
#include "galley/json.hpp"
#include "galley/meta.hpp"
#include "galley/text.hpp"
#include "nitf/nitf.hpp"

using namespace galley;

BOOST_AUTO_TEST_SUITE(nitf_format)
namespace {

Document article() {
  Document d;
  d.meta["title"] = MetaInlines{Inlines{Str{"Fed"}, Space{}, Strong{Inlines{Str{"halts"}}}, Space{}, Str{"QE"}}};
  d.meta["subtitle"] = meta_inlines("A deck line");
  d.meta["author"] = MetaList{{MetaInlines{text("Meredith Jameson")}, MetaInlines{text("Li Wei")}}};
  d.meta["date"] = MetaString{"2016-11-21T15:21:06-05:00"};
  d.meta["lang"] = MetaString{"en-US"};
  d.meta["dateline"] = meta_inlines("NEW YORK");
  d.meta["credit"] = meta_inlines("Reuters");
  d.meta["keywords"] = MetaList{{MetaInlines{text("fed")}, MetaInlines{text("rates")}}};
  d.meta["abstract"] = MetaBlocks{Blocks{para("The Fed stops buying bonds.")}};
  d.meta["identifier"] = MetaString{"urn:newsml:acmenews.com:20161121:US-FINANCE-FED"};
  d.meta["rights"] = meta_inlines("\u00A9 2016 Acme News");
  Inlines p1 = text("First paragraph with");
  p1.push_back(Space{});
  p1.push_back(Emph{text("emphasis")});
  p1.push_back(Str{","});
  p1.push_back(Space{});
  p1.push_back(Link{Attr{}, text("a link"), Target{"https://example.com/x?a=1&b=2", ""}});
  p1.push_back(Space{});
  p1.push_back(Str{"and"});
  p1.push_back(Note{Blocks{para("A footnote.")}});
  d.blocks.push_back(Para{p1});
  d.blocks.push_back(Header{3, Attr{}, text("A level-three head")});
  d.blocks.push_back(BlockQuote{Blocks{para("Quoted words.")}});
  d.blocks.push_back(BulletList{{Blocks{Plain{text("one")}}, Blocks{Plain{text("two")}}}});
  d.blocks.push_back(Para{Inlines{Image{Attr{}, text("A photo"), Target{"https://example.com/p.jpg", ""}}}});
  return d;
}

std::string write(const Document& d, Diagnostics& diag) { return nitf::make_writer()->write(d, {}, diag); }

Document read(const std::string& xml, Diagnostics& diag) { return nitf::make_reader()->read(xml, {}, diag); }

bool has(const std::string& s, const std::string& what) { return s.find(what) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_CASE(writes_head_and_body_head) {
  Diagnostics diag;
  std::string x = write(article(), diag);
  BOOST_TEST(has(x, "<nitf xmlns=\"http://iptc.org/std/NITF/2006-10-18/\" version=\"-//IPTC//DTD NITF 3.6//EN\" baselang=\"en-US\">"));
  BOOST_TEST(has(x, "<doc-id id-string=\"urn:newsml:acmenews.com:20161121:US-FINANCE-FED\"/>"));
  BOOST_TEST(has(x, "<date.issue norm=\"20161121T202106Z\"/>"));  // ISO basic form, in UTC
  BOOST_TEST(has(x, "<hl1>Fed <em class=\"bold\">halts</em> QE</hl1>"));
  BOOST_TEST(has(x, "<hl2>A deck line</hl2>"));
  BOOST_TEST(has(x, "<byline><person>Meredith Jameson</person></byline>"));
  BOOST_TEST(has(x, "<byline><person>Li Wei</person></byline>"));
  BOOST_TEST(has(x, "<distributor><org>Reuters</org></distributor>"));
  BOOST_TEST(has(x, "<dateline><location>NEW YORK</location></dateline>"));
  BOOST_TEST(has(x, "<abstract><p>The Fed stops buying bonds.</p>"));
  BOOST_TEST(has(x, "<key-list><keyword key=\"fed\"/><keyword key=\"rates\"/></key-list>"));
}

BOOST_AUTO_TEST_CASE(writes_body_elements) {
  Diagnostics diag;
  std::string x = write(article(), diag);
  BOOST_TEST(has(x, "<a href=\"https://example.com/x?a=1&amp;b=2\">a link</a>"));
  BOOST_TEST(has(x, "<em>emphasis</em>"));
  BOOST_TEST(has(x, "<hl2 class=\"level3\">A level-three head</hl2>"));
  BOOST_TEST(has(x, "<bq><block>\n<p>Quoted words.</p>\n</block></bq>"));
  BOOST_TEST(has(x, "<ul>\n<li>one</li>\n<li>two</li>\n</ul>"));
  BOOST_TEST(has(x, "<media media-type=\"image\"><media-reference source=\"https://example.com/p.jpg\" alternate-text=\"A photo\"/>"));
  BOOST_TEST(has(x, "<a href=\"#fn1\"><em class=\"superscript\">1</em></a>"));
  BOOST_TEST(has(x, "<fn id=\"fn1\"><body.content>\n<p>A footnote.</p>"));
}

BOOST_AUTO_TEST_CASE(round_trip_keeps_structure) {
  Diagnostics diag;
  Document back = read(write(article(), diag), diag);
  BOOST_TEST(stringify(*meta_inlines(back.meta, "title")) == "Fed halts QE");
  BOOST_TEST(meta_text(back.meta, "subtitle").value_or("") == "A deck line");
  BOOST_TEST(meta_authors(back.meta).size() == 2u);
  BOOST_TEST(meta_text(back.meta, "lang").value_or("") == "en-US");
  BOOST_TEST(meta_text(back.meta, "credit").value_or("") == "Reuters");
  BOOST_TEST(meta_text(back.meta, "identifier").value_or("") == "urn:newsml:acmenews.com:20161121:US-FINANCE-FED");
  BOOST_TEST(meta_text(back.meta, "rights").value_or("") == "\u00A9 2016 Acme News");
  BOOST_REQUIRE(back.blocks.size() >= 5u);
  const Para* p = back.blocks[0].as<Para>();
  BOOST_REQUIRE(p);
  bool emph = false, link = false, note = false;
  for (const Inline& x : p->content) {
    emph = emph || x.is<Emph>();
    link = link || (x.is<Link>() && x.as<Link>()->target.url == "https://example.com/x?a=1&b=2");
    note = note || x.is<Note>();
  }
  BOOST_TEST(emph);
  BOOST_TEST(link);
  BOOST_TEST(note);  // the fn came back to its call
  const Header* h = back.blocks[1].as<Header>();
  BOOST_REQUIRE(h);
  BOOST_TEST(h->level == 3);
  BOOST_TEST(back.blocks[2].is<BlockQuote>());
  BOOST_TEST(back.blocks[3].is<BulletList>());
  BOOST_TEST(back.blocks[4].is<Figure>());
  BOOST_TEST(back.blocks.size() == 5u);  // the footnote is not also a paragraph at the end
}

BOOST_AUTO_TEST_CASE(reads_dtd_style_nitf) {
  // No namespace, a byline with its title, a basic-form date, the lede, a subhead, media.
  std::string xml =
      "<?xml version=\"1.0\"?><nitf version=\"-//IPTC//DTD NITF 3.6//EN\" baselang=\"nb-NO\"><head>"
      "<title>Head title</title><docdata><date.issue norm=\"20210516T090004\"/>"
      "<doc-id id-string=\"NTB1\" regsrc=\"NTB\"/><key-list><keyword key=\"korona\"/></key-list></docdata>"
      "</head><body><body.head><hedline><hl1>Story headline</hl1></hedline>"
      "<byline>By Kari Nordmann, <byttl>Staff reporter</byttl></byline><dateline>Unnao</dateline></body.head>"
      "<body.content><p lede=\"true\">First <em class=\"bold\">strong</em> words.</p><hl2>Sub</hl2><p>Second.</p>"
      "<media media-type=\"image\"><media-reference source=\"a.jpg\"/><media-caption>Caption</media-caption></media>"
      "</body.content></body></nitf>";
  Diagnostics diag;
  Document d = read(xml, diag);
  BOOST_TEST(meta_text(d.meta, "title").value_or("") == "Story headline");
  auto authors = meta_authors(d.meta);
  BOOST_REQUIRE(authors.size() == 1u);
  BOOST_TEST(authors[0].name_text == "Kari Nordmann");  // without "By" and the title
  BOOST_TEST(meta_text(d.meta, "date").value_or("") == "2021-05-16T09:00:04");
  BOOST_TEST(meta_text(d.meta, "lang").value_or("") == "nb-NO");
  BOOST_TEST(meta_text(d.meta, "dateline").value_or("") == "Unnao");
  BOOST_REQUIRE(d.blocks.size() == 4u);
  const Para* p = d.blocks[0].as<Para>();
  BOOST_REQUIRE(p);
  BOOST_TEST(p->content.size() == 5u);
  BOOST_TEST(p->content[2].is<Strong>());
  BOOST_TEST(d.blocks[1].is<Header>());
  BOOST_TEST(d.blocks[3].is<Figure>());
}

BOOST_AUTO_TEST_CASE(external_entities_are_not_loaded) {
  std::string xml =
      "<?xml version=\"1.0\"?><!DOCTYPE nitf [<!ENTITY x SYSTEM \"file:///etc/hostname\"><!ENTITY y \"inner\">]>"
      "<nitf><body><body.content><p>a &x; b &y;</p></body.content></body></nitf>";
  Diagnostics diag;
  Document d = read(xml, diag);
  BOOST_REQUIRE(d.blocks.size() == 1u);
  BOOST_TEST(stringify(d.blocks) == "a b inner");
}

BOOST_AUTO_TEST_CASE(errors_have_stable_ids) {
  Diagnostics diag;
  try {
    read("<nitf><body>", diag);
    BOOST_FAIL("no error");
  } catch (const InputError& e) {
    BOOST_TEST(e.id() == "galley.nitf.parse");
  }
  try {
    read("<article/>", diag);
    BOOST_FAIL("no error");
  } catch (const InputError& e) {
    BOOST_TEST(e.id() == "galley.nitf.root");
  }
}

BOOST_AUTO_TEST_CASE(forbidden_characters_are_reported) {
  Document d;
  d.meta["title"] = MetaInlines{Inlines{Str{"A\x01 <b>title</b>"}}};
  d.blocks.push_back(para("Bad\x02 char"));
  Diagnostics diag;
  std::string x = write(d, diag);
  BOOST_TEST(has(x, "<hl1>A &lt;b&gt;title&lt;/b&gt;</hl1>"));
  BOOST_TEST(!has(x, "\x01"));
  BOOST_TEST(diag.count("invalid-xml-char") >= 1u);
}

BOOST_AUTO_TEST_CASE(raw_blocks_are_reported_not_dropped_silently) {
  Document d;
  d.meta["title"] = meta_inlines("T");
  d.blocks.push_back(RawBlock{"html", "<iframe src=x></iframe>"});
  Diagnostics diag;
  std::string x = write(d, diag);
  BOOST_TEST(!has(x, "iframe"));
  BOOST_TEST(diag.count("lost-content") == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
