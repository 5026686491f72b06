// The MathML/SVG sanitiser (galley/foreign_markup.hpp) and the writers behind it:
// a catalogue of hostile MathML and SVG, each sanitised on its own and carried
// through HTML and Pandoc JSON into EPUB, print HTML and JATS; nothing
// executable may come out anywhere, and what is kept must be well-formed.
#include "galley/foreign_markup.hpp"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <regex>
#include <string>
#include <vector>

#include "galley/builtin.hpp"
#include "galley/convert.hpp"
#include "galley/detail/zip.hpp"
#include "galley/json.hpp"
#include "galley/math.hpp"

extern "C" {
struct _xmlDoc;
_xmlDoc* xmlReadMemory(const char* buffer, int size, const char* url, const char* encoding, int options);
void xmlFreeDoc(_xmlDoc* doc);
}

using namespace galley;

BOOST_AUTO_TEST_SUITE(foreign_markup)
namespace {

bool well_formed(const std::string& xml) {
  constexpr int nonet = 1 << 11, noerror = 1 << 5, nowarning = 1 << 6;
  _xmlDoc* d = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "t.xml", "UTF-8", nonet | noerror | nowarning);
  if (!d) return false;
  xmlFreeDoc(d);
  return true;
}

std::string lower(std::string s) {
  for (auto& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// What would run script or load something from elsewhere, found in `out`; "" when nothing.
std::string executable(const std::string& out) {
  std::string l = lower(out);
  for (const char* bad : {"<script", "<foreignobject", "<iframe", "<handler", "<set ", "<animate", "<mglyph",
                          "<feimage", "<style", "javascript:", "vbscript:", "data:text/html", "expression(",
                          "evil.example", "file:", "/etc/", ".htc", "<annotation-xml", "<img"})
    if (l.find(bad) != std::string::npos) return bad;
  static const std::regex handler(R"X([\s"'/]on[a-z]+\s*=)X");
  if (std::regex_search(l, handler)) return "on* attribute";
  static const std::regex far_url(R"X(url\(\s*['"]?[^#'"\s])X");
  if (std::regex_search(l, far_url)) return "url() outside the drawing";
  return {};
}

// The catalogue: each a MathML or SVG fragment with something executable in it.
const std::vector<std::string> kHostile = {
    // MathML
    R"X(<math><mi onclick="alert(1)">x</mi></math>)X",
    R"X(<math><mi xlink:href="javascript:alert(1)">x</mi></math>)X",
    R"X(<math href="javascript:alert(1)"><mi>x</mi></math>)X",
    R"X(<math><mi href=" JaVaScRiPt:alert(1)">x</mi></math>)X",
    R"X(<math><mi href="java&#x09;script:alert(1)">x</mi></math>)X",
    R"X(<math><mi href="&#106;avascript:alert(1)">x</mi></math>)X",
    R"X(<math><maction actiontype="statusline" xlink:href="javascript:x"><mi>x</mi></maction></math>)X",
    R"X(<math><annotation-xml encoding="text/html"><script>alert(1)</script></annotation-xml></math>)X",
    R"X(<math><semantics><mi>x</mi><annotation-xml encoding="application/xhtml+xml"><iframe src="javascript:x"/></annotation-xml></semantics></math>)X",
    R"X(<math><mtext><script>alert(1)</script></mtext></math>)X",
    R"X(<math><mi style="background:url(javascript:alert(1))">x</mi></math>)X",
    R"X(<math><mi style="width:expression(alert(1))">x</mi></math>)X",
    R"X(<math><mglyph src="javascript:alert(1)"/></math>)X",
    R"X(<math><mtext><img src=x onerror=alert(1)></mtext></math>)X",
    R"X(<math><mi href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</mi></math>)X",
    R"X(<mml:math xmlns:mml="http://www.w3.org/1998/Math/MathML"><mml:mi mml:onmouseover="alert(1)">x</mml:mi></mml:math>)X",
    R"X(<math><style>*{background:url(javascript:x)}</style><mi>x</mi></math>)X",
    R"X(<math><mtext><a href="javascript:alert(1)">click</a></mtext></math>)X",
    R"X(<math><mi>x</mi><!--<script>alert(1)</script>--></math>)X",
    R"X(<math><mi mathcolor="javascript:alert(1)">x</mi></math>)X",
    R"X(<math><mi href="vbscript:msgbox(1)">x</mi></math>)X",
    // SVG
    R"X(<svg><script>alert(1)</script><rect width="1" height="1"/></svg>)X",
    R"X(<svg onload="alert(1)"><rect/></svg>)X",
    R"X(<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>)X",
    R"X(<svg><a href="javascript:alert(1)"><text>x</text></a></svg>)X",
    R"X(<svg><foreignObject><body onload="alert(1)"><script>alert(1)</script></body></foreignObject></svg>)X",
    R"X(<svg><use href="https://evil.example/sprite.svg#x"/></svg>)X",
    R"X(<svg><use xlink:href="data:image/svg+xml;base64,PHN2Zz48c2NyaXB0PmFsZXJ0KDEpPC9zY3JpcHQ+PC9zdmc+#x"/></svg>)X",
    R"X(<svg><image href="file:///etc/passwd"/></svg>)X",
    R"X(<svg><image xlink:href="../../../etc/hostname"/></svg>)X",
    R"X(<svg><animate attributeName="href" to="javascript:alert(1)"/><a><text>x</text></a></svg>)X",
    R"X(<svg><set attributeName="onclick" to="alert(1)"/><rect/></svg>)X",
    R"X(<svg><rect style="fill:url(https://evil.example/x)"/></svg>)X",
    R"X(<svg><rect fill="url(https://evil.example/x#p)"/></svg>)X",
    R"X(<svg><handler type="text/javascript">alert(1)</handler><rect/></svg>)X",
    R"X(<svg><style>@import url(https://evil.example/x.css)</style><rect/></svg>)X",
    R"X(<svg><iframe src="javascript:alert(1)"></iframe><rect/></svg>)X",
    R"X(<svg><a xlink:href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"><text>x</text></a></svg>)X",
    R"X(<svg><feImage href="https://evil.example/x.png"/><rect/></svg>)X",
    R"X(<svg><text onmouseover="alert(1)">x</text></svg>)X",
    R"X(<svg><rect style="behavior:url(x.htc)"/></svg>)X",
    R"X(<SVG ONLOAD="alert(1)"><RECT/></SVG>)X",
    R"X(<svg><a href="&#0000106avascript:alert(1)"><text>x</text></a></svg>)X",
};

std::string sanitised(const std::string& s) {
  auto m = is_mathml_fragment(s) ? sanitize_mathml(s) : sanitize_svg_markup(s);
  return m ? *m : std::string();
}

// Every output file of a conversion: the EPUB's entries, else the output itself.
std::vector<std::string> outputs(const std::string& to, const std::string& bytes) {
  if (to != "epub") return {bytes};
  std::vector<std::string> out;
  for (auto& e : detail::read_zip(bytes)) out.push_back(e.data);
  return out;
}

void check_writers(const std::string& from, const std::string& input, const std::string& label) {
  for (std::string to : {"epub", "html_print", "jats_archiving"}) {
    ConvertOptions o;
    o.from = from;
    o.to = to;
    o.writer.source_date_epoch = 0;
    Diagnostics diag;
    std::string bytes = convert(input, o, diag, builtin_registry());
    for (auto& f : outputs(to, bytes)) {
      // The print page's own stylesheet in <head> is the writer's, not the input's.
      std::string body = f.substr(std::min(f.size(), f.find("<body")));
      std::string bad = executable(to == "html_print" ? body : f);
      BOOST_TEST(bad.empty(), label << " -> " << to << ": " << bad);
    }
    if (to == "jats_archiving") BOOST_TEST(well_formed(bytes), label << " -> jats well-formed");
  }
}

}  // namespace

BOOST_AUTO_TEST_CASE(catalogue_is_large_enough) { BOOST_TEST(kHostile.size() >= 30u); }

BOOST_AUTO_TEST_CASE(hostile_markup_sanitised) {
  for (auto& h : kHostile) {
    std::string out = sanitised(h);
    BOOST_TEST(!out.empty(), h);
    BOOST_TEST(executable(out).empty(), h << " -> " << out);
    BOOST_TEST(well_formed(out), h << " -> " << out);
  }
}

BOOST_AUTO_TEST_CASE(hostile_markup_through_html_reader) {
  for (std::size_t i = 0; i < kHostile.size(); ++i)
    check_writers("html", "<html><body><p>before " + kHostile[i] + " after</p></body></html>",
                  "html case " + std::to_string(i));
}

BOOST_AUTO_TEST_CASE(hostile_markup_through_pandoc_json) {
  // As a formula Span's MathML, as raw HTML inline and block: what a JSON input may hold.
  for (std::size_t i = 0; i < kHostile.size(); ++i) {
    Document d;
    Span s;
    s.attr.classes = {std::string(kMathSpanClass)};
    s.attr.attributes = {{std::string(kMathMLAttribute), kHostile[i]}};
    s.content.push_back(Math{MathType::InlineMath, "x"});
    d.blocks.push_back(Para{{Str{"a"}, Inline(std::move(s)), RawInline{"html", kHostile[i]}}});
    d.blocks.push_back(RawBlock{"html", kHostile[i]});
    check_writers("json", write_pandoc_json(d), "json case " + std::to_string(i));
  }
}

BOOST_AUTO_TEST_CASE(kept_markup) {
  // HTML-parser style input: names lower-cased, no xmlns. SVG's camelCase comes back.
  auto svg = sanitize_svg_markup(R"X(<svg viewbox="0 0 10 10"><lineargradient id="g"><stop offset="0"/></lineargradient>)X"
                                 R"X(<rect fill="url(#g)" width="10" height="10"/><use href="#g"/></svg>)X");
  BOOST_REQUIRE(svg);
  BOOST_TEST(*svg == R"X(<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" )X"
                     R"X(viewBox="0 0 10 10"><linearGradient id="g"><stop offset="0"/></linearGradient>)X"
                     R"X(<rect fill="url(#g)" width="10" height="10"/><use xlink:href="#g"/></svg>)X");
  auto m = sanitize_mathml(R"X(<mml:math display="block"><mml:mi>&alpha;</mml:mi><mml:mo>&#x2062;</mml:mo><mml:mi>x</mml:mi></mml:math>)X");
  BOOST_REQUIRE(m);
  BOOST_TEST(*m == "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\"><mi>\xce\xb1</mi>"
                   "<mo>\xe2\x81\xa2</mo><mi>x</mi></math>");
  BOOST_TEST(!sanitize_mathml("<p>not math</p>"));
  BOOST_TEST(!sanitize_mathml("<math><mi>x</mi></math><script>alert(1)</script>"));
  BOOST_TEST(prefixed_elements(*m, "mml") ==
             "<mml:math display=\"block\"><mml:mi>\xce\xb1</mml:mi><mml:mo>\xe2\x81\xa2</mml:mo><mml:mi>x</mml:mi></mml:math>");
  BOOST_TEST(svg_title("<svg><g><title> A  red\ncircle </title></g></svg>") == "A red circle");
}

BOOST_AUTO_TEST_CASE(deep_nesting_does_not_crash) {
  std::string deep = "<math>";
  for (int i = 0; i < 20000; ++i) deep += "<mrow>";
  deep += "<mi>x</mi>";
  for (int i = 0; i < 20000; ++i) deep += "</mrow>";
  deep += "</math>";
  auto m = sanitize_mathml(deep);
  BOOST_REQUIRE(m);
  BOOST_TEST(well_formed(*m));
  BOOST_TEST(m->find(">x<") != std::string::npos);  // the text survives below the depth limit
}

BOOST_AUTO_TEST_SUITE_END()
