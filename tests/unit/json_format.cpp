// Pandoc JSON: one table entry per constructor of pandoc-types 1.23, each
// written, checked for its tag, read back and compared; plus bad inputs.
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "galley/builder.hpp"
#include "galley/error.hpp"
#include "galley/json.hpp"

using namespace galley;

BOOST_AUTO_TEST_SUITE(json_format)
namespace {

Attr attr() { return Attr{"id1", {"c1", "c2"}, {{"k", "v"}}}; }
Inlines words() { return text("two words"); }
Caption caption() { return Caption{Inlines{Str{"short"}}, Blocks{Plain{words()}}}; }

Table sample_table() {
  Table t;
  t.attr = attr();
  t.caption = caption();
  t.colspecs = {ColSpec{Alignment::AlignLeft, 0.25}, ColSpec{Alignment::AlignRight, std::nullopt}};
  Cell c{Attr{}, Alignment::AlignCenter, 1, 2, Blocks{Plain{words()}}};
  t.head = TableHead{attr(), {Row{Attr{}, {c}}}};
  t.bodies = {TableBody{Attr{}, 1, {Row{Attr{}, {c}}}, {Row{Attr{}, {c, c}}}}};
  t.foot = TableFoot{Attr{}, {Row{Attr{}, {c}}}};
  return t;
}

struct InlineCase { const char* tag; Inline value; };
struct BlockCase { const char* tag; Block value; };

std::vector<InlineCase> inline_cases() {
  Citation cit{"doe99", text("see"), text("p. 3"), CitationMode::AuthorInText, 1, 7};
  return {
      {"Str", Str{"héllo \"q\" \\ \n"}},
      {"Emph", Emph{words()}},
      {"Underline", Underline{words()}},
      {"Strong", Strong{words()}},
      {"Strikeout", Strikeout{words()}},
      {"Superscript", Superscript{words()}},
      {"Subscript", Subscript{words()}},
      {"SmallCaps", SmallCaps{words()}},
      {"Quoted", Quoted{QuoteType::SingleQuote, words()}},
      {"Cite", Cite{{cit}, text("[@doe99]")}},
      {"Code", Code{attr(), "x < y"}},
      {"Space", Space{}},
      {"SoftBreak", SoftBreak{}},
      {"LineBreak", LineBreak{}},
      {"Math", Math{MathType::DisplayMath, "e=mc^2"}},
      {"RawInline", RawInline{"html", "<b>"}},
      {"Link", Link{attr(), words(), Target{"http://example.com", "title"}}},
      {"Image", Image{attr(), words(), Target{"img.png", ""}}},
      {"Note", Note{Blocks{Para{words()}}}},
      {"Span", Span{attr(), words()}},
  };
}

std::vector<BlockCase> block_cases() {
  return {
      {"Plain", Plain{words()}},
      {"Para", Para{words()}},
      {"LineBlock", LineBlock{{words(), text("line two")}}},
      {"CodeBlock", CodeBlock{attr(), "int x;\n"}},
      {"RawBlock", RawBlock{"jats", "<p/>"}},
      {"BlockQuote", BlockQuote{Blocks{Para{words()}}}},
      {"OrderedList", OrderedList{ListAttributes{3, ListNumberStyle::LowerRoman, ListNumberDelim::TwoParens},
                                  {Blocks{Plain{words()}}, Blocks{Plain{words()}}}}},
      {"BulletList", BulletList{{Blocks{Plain{words()}}}}},
      {"DefinitionList", DefinitionList{{DefinitionItem{words(), {Blocks{Para{words()}}}}}}},
      {"Header", Header{2, attr(), words()}},
      {"HorizontalRule", HorizontalRule{}},
      {"Table", sample_table()},
      {"Figure", Figure{attr(), caption(), Blocks{Plain{Inlines{Image{Attr{}, words(), Target{"a.png", ""}}}}}}},
      {"Div", Div{attr(), Blocks{Para{words()}}}},
  };
}

Document roundtrip(const Document& d, int api) { return read_pandoc_json(write_pandoc_json(d, api)); }

}  // namespace

BOOST_AUTO_TEST_CASE(every_inline_constructor_round_trips) {
  auto cases = inline_cases();
  BOOST_TEST(cases.size() == std::variant_size_v<InlineVariant>);
  for (auto& c : cases) {
    Document d;
    d.blocks.push_back(Para{Inlines{c.value}});
    auto j = nlohmann::json::parse(write_pandoc_json(d));
    BOOST_TEST(j["blocks"][0]["c"][0]["t"].get<std::string>() == c.tag);
    BOOST_TEST((roundtrip(d, 23) == d), "round trip of " << c.tag);
  }
}

BOOST_AUTO_TEST_CASE(every_block_constructor_round_trips) {
  auto cases = block_cases();
  BOOST_TEST(cases.size() == std::variant_size_v<BlockVariant>);
  for (auto& c : cases) {
    Document d;
    d.blocks.push_back(c.value);
    auto j = nlohmann::json::parse(write_pandoc_json(d));
    BOOST_TEST(j["blocks"][0]["t"].get<std::string>() == c.tag);
    BOOST_TEST((roundtrip(d, 23) == d), "round trip of " << c.tag);
  }
}

BOOST_AUTO_TEST_CASE(every_meta_constructor_round_trips) {
  Document d;
  d.meta["s"] = MetaString{"x"};
  d.meta["b"] = MetaBool{true};
  d.meta["i"] = MetaInlines{words()};
  d.meta["k"] = MetaBlocks{Blocks{Para{words()}}};
  d.meta["l"] = MetaList{{MetaString{"a"}, MetaBool{false}}};
  d.meta["m"] = MetaMap{{{"name", MetaInlines{words()}}, {"email", MetaString{"a@b.c"}}}};
  auto j = nlohmann::json::parse(write_pandoc_json(d));
  BOOST_TEST(j["meta"]["m"]["t"].get<std::string>() == "MetaMap");
  BOOST_TEST(j["pandoc-api-version"] == nlohmann::json::parse("[1,23,1]"));
  BOOST_TEST((roundtrip(d, 23) == d));
  BOOST_TEST((roundtrip(d, 22) == d));
}

BOOST_AUTO_TEST_CASE(api_22_writes_figures_as_pandoc_2_does) {
  Document d;
  d.blocks.push_back(Figure{Attr{"fig1", {}, {}}, Caption{std::nullopt, Blocks{Plain{text("A cap")}}},
                            Blocks{Plain{Inlines{Image{Attr{}, text("A cap"), Target{"a.png", "t"}}}}}});
  auto s = write_pandoc_json(d, 22);
  auto j = nlohmann::json::parse(s);
  BOOST_TEST(j["pandoc-api-version"] == nlohmann::json::parse("[1,22,2,1]"));
  BOOST_TEST(j["blocks"][0]["t"].get<std::string>() == "Para");
  BOOST_TEST(j["blocks"][0]["c"][0]["c"][2][1].get<std::string>() == "fig:t");
  // 1.23 -> 1.22 -> 1.23: the implicit figure comes back as the same Figure.
  BOOST_TEST((read_pandoc_json(s) == d));

  // A caption-only figure (no image) becomes a Div "figure" and comes back.
  Document c;
  c.blocks.push_back(Figure{Attr{}, Caption{std::nullopt, Blocks{Plain{text("Only a caption")}}}, Blocks{}});
  auto s2 = write_pandoc_json(c, 22);
  auto j2 = nlohmann::json::parse(s2);
  BOOST_TEST(j2["blocks"][0]["t"].get<std::string>() == "Div");
  BOOST_TEST(j2["blocks"][0]["c"][0][1][0].get<std::string>() == "figure");
  BOOST_TEST((read_pandoc_json(s2) == c));
}

namespace {
std::string error_of(const std::string& json) {
  try {
    read_pandoc_json(json);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}
}  // namespace

BOOST_AUTO_TEST_CASE(bad_json_gives_errors_with_paths) {
  BOOST_TEST(error_of("{\"pandoc-api-version\":[1,23,1],\"meta\":{},\"blocks\":[").find("[galley.json.parse]") == 0);
  BOOST_TEST(error_of("{\"pandoc-api-version\":[1,17],\"meta\":{},\"blocks\":[]}").find("[galley.json.version]") == 0);
  BOOST_TEST(error_of("[]").find("[galley.json.shape]") == 0);
  auto e = error_of("{\"pandoc-api-version\":[1,23,1],\"meta\":{},\"blocks\":[{\"t\":\"Para\",\"c\":[{\"t\":\"Str\",\"c\":5}]}]}");
  BOOST_TEST(e.find("$.blocks[0].c[0].c") != std::string::npos, e);
  e = error_of("{\"pandoc-api-version\":[1,23,1],\"meta\":{\"x\":{\"t\":\"Nope\"}},\"blocks\":[]}");
  BOOST_TEST(e.find("$.meta.x") != std::string::npos, e);
  e = error_of("{\"pandoc-api-version\":[1,23,1],\"meta\":{},\"blocks\":[{\"t\":\"Header\",\"c\":[1,[\"\",[],[]]]}]}");
  BOOST_TEST(e.find("expected an array of 3") != std::string::npos, e);
  e = error_of("{\"pandoc-api-version\":[1,23,1],\"meta\":{},\"blocks\":[{\"t\":\"Bogus\"}]}");
  BOOST_TEST(e.find("unknown Block constructor \"Bogus\"") != std::string::npos, e);
}

BOOST_AUTO_TEST_CASE(deep_nesting_is_refused) {
  std::string deep = "{\"pandoc-api-version\":[1,23,1],\"meta\":{},\"blocks\":";
  deep += "[";
  for (int i = 0; i < 10000; ++i) deep += "{\"t\":\"BlockQuote\",\"c\":[";
  for (int i = 0; i < 10000; ++i) deep += "]}";
  deep += "]}";
  BOOST_TEST(error_of(deep).find("[galley.json.depth]") == 0, error_of(deep));
  // Deep but legal BlockQuote nesting inside the limit still works.
  Document d;
  Blocks inner{Para{text("x")}};
  for (int i = 0; i < 200; ++i) inner = Blocks{BlockQuote{inner}};
  d.blocks = inner;
  BOOST_TEST((roundtrip(d, 23) == d));
}

BOOST_AUTO_TEST_CASE(text_splits_words_like_pandoc) {
  auto xs = text("  a  b\tc\nd ");
  BOOST_REQUIRE(xs.size() == 7u);
  BOOST_TEST(xs[0].as<Str>()->text == "a");
  BOOST_TEST(xs[1].is<Space>());
  BOOST_TEST(xs[5].is<SoftBreak>());
  BOOST_TEST(xs[6].as<Str>()->text == "d");
}

// The reader has a fast path for {"t":"Tag","c":...}; every other legal spelling of the
// same document must read the same: blanks (as Python's json.dump writes them), "c"
// before "t", extra keys, escapes inside strings, and numbers in other forms.
BOOST_AUTO_TEST_CASE(every_json_spelling_reads_the_same) {
  const std::string compact =
      R"({"pandoc-api-version":[1,23,1],"meta":{},"blocks":[{"t":"OrderedList","c":[[3,{"t":"Decimal"},{"t":"Period"}],)"
      R"([[{"t":"Para","c":[{"t":"Str","c":"a\"b"},{"t":"Space"},{"t":"Str","c":"long word with no escapes at all"}]}]]]},)"
      R"({"t":"Header","c":[2,["h",[],[]],[{"t":"Str","c":"x"}]]}]})";
  const std::vector<std::string> spellings = {
      R"({"pandoc-api-version": [1, 23, 1], "meta": {}, "blocks": [{"t": "OrderedList", "c": [[3, {"t": "Decimal"}, {"t": "Period"}], )"
      R"([[{"t": "Para", "c": [{"t": "Str", "c": "a\"b"}, {"t": "Space"}, {"t": "Str", "c": "long word with no escapes at all"}]}]]]}, )"
      R"({"t": "Header", "c": [2, ["h", [], []], [{"t": "Str", "c": "x"}]]}]})",
      R"({"pandoc-api-version":[1,23,1],"meta":{},"blocks":[{"c":[[3,{"t":"Decimal"},{"t":"Period"}],)"
      R"([[{"c":[{"c":"a\u0022b","t":"Str"},{"t":"Space","x":1},{"t":"Str","c":"long word with no escapes at \u0061ll"}],"t":"Para"}]]],"t":"OrderedList"},)"
      R"({"t":"Header","c":[2,["h",[],[]],[{"t":"Str","c":"x"}]],"extra":[{"t":"Bogus"}]}]})",
      "\n{ \"pandoc-api-version\" :\t[ 1 , 23 , 1 ] ,\r\n \"meta\" : { } , \"blocks\" : [ { \"t\" : \"OrderedList\" , \"c\" : [ [ 3 , "
      "{ \"t\" : \"Decimal\" } , { \"t\" : \"Period\" } ] , [ [ { \"t\" : \"Para\" , \"c\" : [ { \"t\" : \"Str\" , \"c\" : \"a\\\"b\" } "
      ", { \"t\" : \"Space\" } , { \"t\" : \"Str\" , \"c\" : \"long word with no escapes at all\" } ] } ] ] ] } , { \"t\" : \"Header\" , "
      "\"c\" : [ 2e0 , [ \"h\" , [ ] , [ ] ] , [ { \"t\" : \"Str\" , \"c\" : \"x\" } ] ] } ] }\n",
  };
  Document want = read_pandoc_json(compact, Limits{});
  BOOST_TEST(want.blocks.size() == 2u);
  for (const auto& s : spellings) BOOST_TEST((read_pandoc_json(s, Limits{}) == want), s);
  // An integer field given as 3.5 or a 10-digit number is still refused.
  std::string frac = compact;
  frac.replace(frac.find("[3,"), 3, "[3.5,");
  BOOST_TEST(error_of(frac).find("expected an integer") != std::string::npos, error_of(frac));
  std::string big = compact;
  big.replace(big.find("[3,"), 3, "[3000000000,");
  BOOST_TEST(error_of(big).find("expected an integer") != std::string::npos, error_of(big));
}

BOOST_AUTO_TEST_SUITE_END()
