// The ninjs writer and reader (converters/ninjs/): the names of each generation,
// the version options, subjects through IPTC scheme URIs, arrays, bad input.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>
#include <string>

#include "galley/builder.hpp"
#include "galley/builtin.hpp"
#include "galley/error.hpp"
#include "galley/meta.hpp"
#include "galley/text.hpp"
#include "ninjs/ninjs.hpp"
#include "ninjs/schemes.hpp"

using namespace galley;
using nlohmann::json;

BOOST_AUTO_TEST_SUITE(syndication_ninjs)
namespace {

Document sample() {
  Document d;
  d.meta["title"] = meta_inlines("Storm hits coast");
  d.meta["subtitle"] = meta_inlines("Thousands without power");
  d.meta["date"] = meta_string("2024-05-01T12:00:00+02:00");
  d.meta["author"] = MetaValue{MetaList{{meta_inlines("Jane Doe"), meta_inlines("John Roe")}}};
  d.meta["lang"] = meta_string("en");
  d.meta["abstract"] = meta_inlines("A storm hit the coast.");
  MetaMap coded;
  coded.entries["code"] = meta_string("20000137");
  coded.entries["name"] = meta_inlines("weather");
  coded.entries["scheme"] = meta_string("medtop");
  d.meta["subjects"] = MetaValue{MetaList{{MetaValue{coded}}}};
  d.meta["keywords"] = MetaValue{MetaList{{meta_inlines("storm")}}};
  d.meta["image"] = meta_string("https://example.org/storm.jpg");
  d.blocks.push_back(para("The storm arrived at noon."));
  return d;
}

json write(const std::string& ext, const Document& d) {
  WriterOptions o;
  if (!ext.empty()) o.extensions.set[ext] = true;
  Diagnostics diag;
  return json::parse(ninjs::make_writer()->write(d, o, diag));
}

Document read(const std::string& text) {
  Diagnostics diag;
  return ninjs::make_reader()->read(text, ReaderOptions{}, diag);
}

std::string meta(const Document& d, const char* key) {
  auto t = meta_text(d.meta, key);
  return t ? *t : std::string();
}

}  // namespace

BOOST_AUTO_TEST_CASE(names_per_generation) {
  json v3 = write("", sample());
  BOOST_TEST(v3["standard"]["version"] == "3.1");
  BOOST_TEST(v3["firstCreated"] == "2024-05-01T10:00:00Z");
  BOOST_TEST(v3["headlines"][0]["value"] == "Storm hits coast");
  BOOST_TEST(v3["headlines"][1]["role"] == "sub");
  BOOST_TEST(v3["bodies"][0]["contentType"] == "application/xhtml+xml");
  BOOST_TEST(v3["by"] == "Jane Doe and John Roe");
  BOOST_TEST(v3["subjects"][0]["uri"] == "http://cv.iptc.org/newscodes/medtop/20000137");
  BOOST_TEST(v3["subjects"][1]["rel"] == "keyword");
  BOOST_TEST(v3["associations"][0]["renditions"][0]["href"] == "https://example.org/storm.jpg");
  json v2 = write("v2", sample());
  BOOST_TEST(v2["standard"]["version"] == "2.2");
  BOOST_TEST(v2.contains("firstcreated"));
  BOOST_TEST(v2["bodies"][0].contains("contenttype"));
  json v1 = write("v1", sample());
  BOOST_TEST(v1["$standard"]["version"] == "1.6");
  BOOST_TEST(v1["headline"] == "Storm hits coast");
  BOOST_TEST(v1["headline_sub"] == "Thousands without power");
  BOOST_TEST(v1["byline"] == "Jane Doe and John Roe");
  BOOST_TEST(v1["body_html"].get<std::string>().find("noon") != std::string::npos);
  BOOST_TEST(v1["subject"][0]["scheme"] == "http://cv.iptc.org/newscodes/medtop/");
  BOOST_TEST(v1["associations"]["image1"]["renditions"]["original"]["href"] == "https://example.org/storm.jpg");
}

BOOST_AUTO_TEST_CASE(two_versions_is_a_usage_error) {
  WriterOptions o;
  o.extensions.set["v1"] = true;
  o.extensions.set["v2"] = true;
  Diagnostics diag;
  BOOST_CHECK_THROW(ninjs::make_writer()->write(sample(), o, diag), UsageError);
}

BOOST_AUTO_TEST_CASE(each_generation_reads_back) {
  for (const char* ext : {"", "v2", "v1"}) {
    Document back = read(write(ext, sample()).dump());
    BOOST_TEST(meta(back, "title") == "Storm hits coast");
    BOOST_TEST(meta(back, "subtitle") == "Thousands without power");
    BOOST_TEST(meta(back, "date") == "2024-05-01T10:00:00Z");
    BOOST_TEST(meta_authors(back.meta).size() == 2u);
    BOOST_TEST(meta(back, "lang") == "en");
    BOOST_TEST(meta(back, "abstract") == "A storm hit the coast.");
    BOOST_TEST(meta(back, "subject") == "weather");
    BOOST_TEST(meta_text_list(back.meta, "keywords").size() == 1u);
    BOOST_TEST(meta(back, "image") == "https://example.org/storm.jpg");
    BOOST_TEST(stringify(back.blocks) == "The storm arrived at noon.");
    auto subjects = meta_get(back.meta, "subjects");
    BOOST_REQUIRE(subjects);
    auto first = subjects->as<MetaList>()->items[0].as<MetaMap>();
    BOOST_TEST(stringify(first->entries.at("scheme")) == "medtop");
    BOOST_TEST(stringify(first->entries.at("code")) == "20000137");
  }
}

BOOST_AUTO_TEST_CASE(arrays_and_plain_bodies) {
  Document d = read(R"([{"uri":"a:1","headlines":[{"value":"First"}],"bodies":[{"value":"One.\n\nTwo."}]},
                        {"uri":"a:2","headlines":[{"value":"Second"}],"bodies":[{"value":"Three."}]}])");
  BOOST_TEST(meta(d, "title") == "First");
  BOOST_TEST(d.blocks.size() == 5u);  // One, Two, rule, Second, Three
  BOOST_TEST(d.blocks[3].is<Header>());
}

BOOST_AUTO_TEST_CASE(bad_input_is_a_clear_error) {
  BOOST_CHECK_THROW(read("{not json"), InputError);
  BOOST_CHECK_THROW(read("\"a string\""), InputError);
  BOOST_CHECK_THROW(read("[1, 2]"), InputError);
  Document odd = read(R"({"uri":5,"headlines":"x","bodies":[1,{"value":7}],"people":{"a":1},"subjects":[null]})");
  BOOST_TEST(odd.blocks.empty());
}

BOOST_AUTO_TEST_CASE(scheme_uris) {
  BOOST_TEST(ninjs::scheme_uri("medtop", "20000137") == "http://cv.iptc.org/newscodes/medtop/20000137");
  BOOST_TEST(ninjs::scheme_uri("http://example.org/cv", "x") == "http://example.org/cv/x");
  BOOST_TEST(ninjs::scheme_uri("has space", "x").empty());
  std::string scheme, code;
  ninjs::split_scheme_uri("http://cv.iptc.org/newscodes/subj/04000000", scheme, code);
  BOOST_TEST(scheme == "subj");
  BOOST_TEST(code == "04000000");
  ninjs::split_scheme_uri("https://www.wikidata.org/wiki/Q1", scheme, code);
  BOOST_TEST(scheme.empty());
  BOOST_TEST(code == "https://www.wikidata.org/wiki/Q1");
}

BOOST_AUTO_TEST_SUITE_END()
