// The syndication item model (converters/syndication/item.hpp) and the
// many-documents-one-output path (Writer::write_many, galley::write_documents).
#include <boost/test/unit_test.hpp>

#include <string>

#include "galley/builder.hpp"
#include "galley/builtin.hpp"
#include "galley/convert.hpp"
#include "galley/error.hpp"
#include "galley/text.hpp"
#include "syndication/html_in.hpp"
#include "syndication/item.hpp"

extern "C" {
struct _xmlDoc;
_xmlDoc* xmlReadMemory(const char* buffer, int size, const char* url, const char* encoding, int options);
void xmlFreeDoc(_xmlDoc* doc);
}

using namespace galley;
namespace syn = galley::syndication;

BOOST_AUTO_TEST_SUITE(syndication_item)
namespace {

Document article(const std::string& title, const std::string& date, const std::string& body = "Body text.") {
  Document d;
  if (!title.empty()) d.meta["title"] = meta_inlines(title);
  if (!date.empty()) d.meta["date"] = meta_string(date);
  d.blocks.push_back(para(body));
  return d;
}

bool well_formed(const std::string& fragment) {
  std::string doc = "<div xmlns=\"http://www.w3.org/1999/xhtml\">" + fragment + "</div>";
  _xmlDoc* d = xmlReadMemory(doc.data(), static_cast<int>(doc.size()), "t.xml", "UTF-8", 0x800 /* NONET */ | 0x20 | 0x40);
  if (!d) return false;
  xmlFreeDoc(d);
  return true;
}

std::size_t count(const std::string& s, const std::string& part) {
  std::size_t n = 0;
  for (auto at = s.find(part); at != std::string::npos; at = s.find(part, at + 1)) ++n;
  return n;
}

}  // namespace

BOOST_AUTO_TEST_CASE(derived_id_is_stable_and_depends_on_the_article) {
  WriterOptions o;
  Diagnostics diag;
  Document a = article("Storm hits coast", "2024-05-01T10:00:00Z");
  auto id1 = syn::item_from(a, o, diag).id, id2 = syn::item_from(a, o, diag).id;
  BOOST_TEST(id1 == id2);
  BOOST_TEST(id1.rfind("urn:uuid:", 0) == 0);
  BOOST_TEST(id1.size() == 9 + 36);
  BOOST_TEST(id1[9 + 14] == '8');  // UUID version 8
  Document b = article("Storm hits coast again", "2024-05-01T10:00:00Z");
  BOOST_TEST(syn::item_from(b, o, diag).id != id1);
  // A new version of the same article keeps its id.
  a.meta["version"] = meta_string("2");
  auto v2 = syn::item_from(a, o, diag);
  BOOST_TEST(v2.id == id1);
  BOOST_TEST(v2.version == 2);
}

BOOST_AUTO_TEST_CASE(identifier_then_source_url) {
  WriterOptions o;
  Diagnostics diag;
  Document a = article("T", "2024-05-01");
  a.meta["source-url"] = meta_string("https://example.org/a/1");
  BOOST_TEST(syn::item_from(a, o, diag).id == "https://example.org/a/1");
  a.meta["identifier"] = meta_string("10.1234/x y");
  auto it = syn::item_from(a, o, diag);
  BOOST_TEST(it.id == "10.1234/x y");
  BOOST_TEST(syn::id_uri(it) == "urn:galley:10.1234%2Fx%20y");
  BOOST_TEST(syn::id_uri(std::string("https://example.org/a/1")) == "https://example.org/a/1");
}

BOOST_AUTO_TEST_CASE(placeholders_warn) {
  WriterOptions o;
  o.source_date_epoch = 1714557600;  // 2024-05-01T10:00:00Z
  Diagnostics diag;
  auto it = syn::item_from(article("", "", "First words of the body stand in for the headline."), o, diag);
  BOOST_TEST(it.headline == "First words of the body stand in for the headline.");
  BOOST_TEST(it.first_created.empty());
  BOOST_TEST(syn::created_or_fallback(it, o) == "2024-05-01T10:00:00Z");
  BOOST_TEST(diag.count("placeholder") == 2u);
  Diagnostics d2;
  auto empty = syn::item_from(Document{}, o, d2);
  BOOST_TEST(empty.headline == "Untitled");
  Diagnostics d3;
  Document bad = article("T", "2024-05-01");
  bad.meta["version"] = meta_string("two");
  bad.meta["pub-status"] = meta_string("maybe");
  auto b = syn::item_from(bad, o, d3);
  BOOST_TEST(b.version == 1);
  BOOST_TEST(b.pub_status == "usable");
  BOOST_TEST(d3.count("unmapped-metadata") == 2u);
}

BOOST_AUTO_TEST_CASE(dates_in_utc) {
  WriterOptions o;
  Diagnostics diag;
  auto it = syn::item_from(article("T", "2024-05-01T10:00+07:00"), o, diag);
  BOOST_TEST(it.first_created == "2024-05-01T03:00:00Z");
  BOOST_TEST(it.version_created == it.first_created);
  Document m = article("T", "2024-05-01");
  m.meta["date-modified"] = meta_string("2024-05-02T08:30:00Z");
  auto it2 = syn::item_from(m, o, diag);
  BOOST_TEST(it2.first_created == "2024-05-01T00:00:00Z");
  BOOST_TEST(it2.version_created == "2024-05-02T08:30:00Z");
}

BOOST_AUTO_TEST_CASE(newest_first_stable_undated_last) {
  Document a = article("a", "2024-01-01"), b = article("b", "2024-03-01"), c = article("c", ""),
           d = article("d", "2024-03-01T00:00:00Z"), e = article("e", "2024-02-01");
  std::vector<const Document*> docs{&a, &b, &c, &d, &e};
  syn::sort_newest_first(docs);
  std::vector<const Document*> want{&b, &d, &e, &a, &c};  // b and d: the same instant, input order
  BOOST_TEST((docs == want));
}

BOOST_AUTO_TEST_CASE(apply_item_round_trip) {
  WriterOptions o;
  Diagnostics diag;
  Document a = article("Headline", "2024-05-01T10:00:00Z");
  a.meta["subtitle"] = meta_inlines("Sub");
  a.meta["author"] = MetaValue{MetaList{{meta_inlines("Jane Doe"), meta_inlines("John Roe")}}};
  a.meta["lang"] = meta_string("en");
  a.meta["subject"] = meta_inlines("Politics");
  a.meta["keywords"] = MetaValue{MetaList{{meta_inlines("vote")}}};
  a.meta["abstract"] = meta_inlines("Lede.");
  a.meta["publisher"] = meta_inlines("The Paper");
  a.meta["source-url"] = meta_string("https://example.org/x");
  syn::Item it = syn::item_from(a, o, diag);
  Document back;
  syn::apply_item(it, back);
  syn::Item again = syn::item_from(back, o, diag);
  BOOST_TEST(again.headline == "Headline");
  BOOST_TEST(again.subheadline == "Sub");
  BOOST_TEST(again.bylines.size() == 2u);
  BOOST_TEST(again.bylines[1].name == "John Roe");
  BOOST_TEST(again.first_created == "2024-05-01T10:00:00Z");
  BOOST_TEST(again.language == "en");
  BOOST_TEST(again.kicker == "Politics");
  BOOST_TEST(again.keywords.size() == 1u);
  BOOST_TEST(again.description == "Lede.");
  BOOST_TEST(again.publisher == "The Paper");
  BOOST_TEST(again.id == it.id);
}

BOOST_AUTO_TEST_CASE(body_xhtml_is_plain_xhtml) {
  WriterOptions o;
  Diagnostics diag;
  Document d;
  Inlines xs = text("A note");
  xs.push_back(Note{{para("The note.")}});
  xs.push_back(Str{"bell\x07" "and\x01"});
  d.blocks.push_back(Para{xs});
  d.blocks.push_back(RawBlock{"html", "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg>"});
  d.blocks.push_back(para("<b>not markup</b> & more"));
  std::string x = syn::body_xhtml(d, o, diag);
  BOOST_TEST(x.find("epub:") == std::string::npos);
  BOOST_TEST(x.find("<svg") == std::string::npos);
  BOOST_TEST(x.find("The note.") != std::string::npos);
  BOOST_TEST(x.find("&lt;b&gt;not markup&lt;/b&gt; &amp; more") != std::string::npos);
  BOOST_TEST(x.find('\x07') == std::string::npos);
  BOOST_TEST(well_formed(x));
  BOOST_TEST(diag.count("lost-content") >= 1u);  // the SVG
}

BOOST_AUTO_TEST_CASE(html_in_reads_article_markup) {
  Diagnostics diag;
  Blocks bs = syn::blocks_from_html(
      "<h2>Sub</h2><p>One <em>two</em> three<br>four</p><ul><li>a</li><li><p>b</p></li></ul>"
      "<figure><img src=\"x.jpg\" alt=\"Alt\"><figcaption>Cap</figcaption></figure><script>no()</script>"
      "<table><tr><td>c1</td><td>c2</td></tr></table>",
      diag);
  BOOST_REQUIRE(bs.size() == 5u);
  BOOST_TEST(bs[0].is<Header>());
  BOOST_TEST(stringify(bs[1].as<Para>()->content) == "One two three four");
  BOOST_TEST(bs[2].is<BulletList>());
  BOOST_TEST(bs[3].is<Figure>());
  BOOST_TEST(stringify(bs[4].as<Para>()->content) == "c1 | c2");
  Blocks t = syn::blocks_from_text("Para one\nstill one\n\nPara two");
  BOOST_TEST(t.size() == 2u);
}

BOOST_AUTO_TEST_CASE(write_many_through_the_library) {
  Registry reg = builtin_registry();
  for (const char* name : {"atom", "rss", "ninjs"}) {
    BOOST_REQUIRE(reg.find_writer(name));
    BOOST_TEST(reg.find_writer(name)->joins_documents);
  }
  BOOST_TEST(!reg.find_writer("json")->joins_documents);
  Document a = article("Older", "2024-01-01"), b = article("Newer", "2024-06-01");
  ConvertOptions o;
  o.to = "atom";
  Diagnostics diag;
  std::string feed = write_documents({&a, &b}, o, diag, reg);
  BOOST_TEST(count(feed, "<entry") == 2u);
  BOOST_TEST(feed.find("Newer") < feed.find("Older"));
  BOOST_TEST(feed.find("<updated>2024-06-01T00:00:00Z</updated>") < feed.find("<entry"));
  o.to = "ninjs+v2";
  std::string arr = write_documents({&a, &b}, o, diag, reg);
  BOOST_TEST(arr.rfind("[", 0) == 0);
  o.to = "json";
  try {
    write_documents({&a, &b}, o, diag, reg);
    BOOST_FAIL("json joined documents");
  } catch (const UsageError& e) {
    BOOST_TEST(e.id() == "galley.format.single");
  }
  // convert_many: each input read on its own, its reader from its name.
  ConvertOptions c;
  c.to = "rss";
  std::string j1 = R"({"pandoc-api-version":[1,23,1],"meta":{"title":{"t":"MetaInlines","c":[{"t":"Str","c":"J"}]}},"blocks":[]})";
  std::string t1 = "Kicker\nPlain headline\n\nBody of the plain article.\n";
  std::string rss = convert_many({{"one.json", j1}, {"two.txt", t1}}, c, diag, reg);
  BOOST_TEST(count(rss, "<item>") == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
