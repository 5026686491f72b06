// Formulas (galley/math.hpp): the representation, TeX -> MathML, MathML -> text.
#include "galley/math.hpp"

#include <boost/test/unit_test.hpp>
#include <string>

#include "galley/builtin.hpp"
#include "galley/convert.hpp"
#include "galley/json.hpp"

using namespace galley;

BOOST_AUTO_TEST_SUITE(math)
namespace {
bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }
std::string body(std::string_view tex) {
  std::string m = tex_to_mathml(tex, MathType::InlineMath);
  std::size_t b = m.find("<semantics>") + 11, e = m.find("<annotation");
  return m.substr(b, e - b);
}
}  // namespace

BOOST_AUTO_TEST_CASE(tex_tokens) {
  BOOST_TEST(body("x^2") == "<msup><mi>x</mi><mn>2</mn></msup>");
  BOOST_TEST(body("3.14x") == "<mrow><mn>3.14</mn><mi>x</mi></mrow>");
  BOOST_TEST(body("\\frac{a}{b}") == "<mfrac><mi>a</mi><mi>b</mi></mfrac>");
  BOOST_TEST(body("\\sqrt[3]{x}") == "<mroot><mi>x</mi><mn>3</mn></mroot>");
  BOOST_TEST(body("a-b") == "<mrow><mi>a</mi><mo>\xe2\x88\x92</mo><mi>b</mi></mrow>");
  BOOST_TEST(body("\\alpha\\Gamma") == "<mrow><mi>\xce\xb1</mi><mi mathvariant=\"normal\">\xce\x93</mi></mrow>");
  BOOST_TEST(body("\\mathbb{R}") == "<mi>\xe2\x84\x9d</mi>");
  BOOST_TEST(body("\\text{if } x") == "<mrow><mtext>if </mtext><mi>x</mi></mrow>");
  BOOST_TEST(body("x_i^2") == "<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>");
  BOOST_TEST(has(body("\\left( x \\right)"), "<mo stretchy=\"true\" form=\"prefix\">(</mo><mi>x</mi>"));
  BOOST_TEST(has(body("\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}"),
                 "<mtable><mtr><mtd><mi>a</mi></mtd><mtd><mi>b</mi></mtd></mtr><mtr><mtd><mi>c</mi></mtd>"));
  BOOST_TEST(has(body("\\hat{x}"), "<mover><mi>x</mi><mo accent=\"true\">\xcc\x82</mo></mover>"));
  // Display style: limits under and over big operators.
  std::string d = tex_to_mathml("\\sum_{i=1}^n i", MathType::DisplayMath);
  BOOST_TEST(has(d, "display=\"block\""));
  BOOST_TEST(has(d, "<munderover><mo>\xe2\x88\x91</mo>"));
}

BOOST_AUTO_TEST_CASE(tex_unknown_and_hostile) {
  bool complete = true;
  std::string m = tex_to_mathml("\\foo{x} < y & \\\\ }}}", MathType::InlineMath, &complete);
  BOOST_TEST(!complete);
  BOOST_TEST(has(m, "<merror><mtext>\\foo</mtext></merror>"));
  BOOST_TEST(has(m, "<mo>&lt;</mo>"));
  // Deep nesting is cut, not a stack overflow.
  std::string deep(100000, '{');
  m = tex_to_mathml(deep + "x", MathType::InlineMath, &complete);
  BOOST_TEST(!complete);
  BOOST_TEST(has(m, "</math>"));
  // So is a chain of \over (each one nests the rest): cut past the same depth.
  std::string overs;
  for (int i = 0; i < 20000; ++i) overs += "a\\over ";
  complete = true;
  m = tex_to_mathml(overs, MathType::InlineMath, &complete);
  BOOST_TEST(!complete);
  BOOST_TEST(has(m, "<merror>"));
  BOOST_TEST(m.size() < 4 * overs.size());
  complete = true;
  tex_to_mathml("\\begin{cases} 1 & x>0 \\\\ 0 & \\text{else} \\end{cases}", MathType::InlineMath, &complete);
  BOOST_TEST(complete);
}

BOOST_AUTO_TEST_CASE(representation) {
  // TeX only: a bare Math, as pandoc writes it.
  Inline t = formula_inline(MathType::InlineMath, "E=mc^2", "");
  BOOST_TEST(t.is<Math>());
  // MathML with a TeX annotation (Wikipedia's {\displaystyle} wrapper dropped).
  Inline w = formula_inline(MathType::InlineMath, "",
                            "<math><semantics><mi>E</mi><annotation encoding=\"application/x-tex\">"
                            "{\\displaystyle E=mc^{2}}</annotation></semantics></math>");
  auto f = formula_of(w);
  BOOST_REQUIRE(f);
  BOOST_TEST(f->tex == "E=mc^{2}");
  BOOST_TEST(has(f->mathml, "xmlns=\"http://www.w3.org/1998/Math/MathML\""));
  // MathML only: the Math holds a linear reading, flagged so no writer takes it for TeX.
  Inline l = formula_inline(MathType::InlineMath, "",
                            "<math><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></math>");
  auto* s = l.as<Span>();
  BOOST_REQUIRE(s);
  BOOST_TEST(s->attr.has_class(kMathLinearClass));
  BOOST_TEST(s->content.front().as<Math>()->text == "E = mc^2");
  f = formula_of(l);
  BOOST_TEST(f->tex.empty());
  BOOST_TEST(formula_text(*f) == "E = mc^2");
  std::string out = formula_mathml(*f);
  BOOST_TEST(has(out, "alttext=\"E = mc^2\""));
  // Pandoc JSON keeps it: written and read back unchanged.
  Document d;
  d.blocks.push_back(Para{{l}});
  BOOST_TEST((read_pandoc_json(write_pandoc_json(d)) == d));
}

BOOST_AUTO_TEST_CASE(mathml_text) {
  BOOST_TEST(mathml_to_text("<math><mfrac><mi>a</mi><mrow><mi>b</mi><mo>+</mo><mn>1</mn></mrow></mfrac></math>") ==
             "a/(b + 1)");
  BOOST_TEST(mathml_to_text("<math><msqrt><mi>x</mi></msqrt></math>") == "\xe2\x88\x9a(x)");
  BOOST_TEST(formula_reading(Formula{MathType::InlineMath, "\\alpha + \\omega \\times x^2", {}}) ==
             "\xce\xb1 + \xcf\x89 \xc3\x97 x^2");
  BOOST_TEST(!mathml_tex_annotation("<math><mi>x</mi></math>"));
}

BOOST_AUTO_TEST_CASE(writers_hold_formulas) {
  // A TeX formula and a MathML-only one: EPUB/print HTML get MathML, JATS keeps both, plain reads them.
  std::string page = "<html><body><p>Einstein wrote <math><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi>"
                     "<mn>2</mn></msup></math> in 1905.</p></body></html>";
  ConvertOptions o;
  o.from = "html";
  Diagnostics diag;
  o.to = "jats_archiving";
  std::string jats = convert(page, o, diag, builtin_registry());
  BOOST_TEST(has(jats, "<inline-formula><mml:math"));
  BOOST_TEST(has(jats, "<mml:msup><mml:mi>c</mml:mi><mml:mn>2</mml:mn></mml:msup>"));
  o.to = "html_print";
  std::string html = convert(page, o, diag, builtin_registry());
  BOOST_TEST(has(html, "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" alttext=\"E = mc^2\">"));
  o.to = "plain";
  BOOST_TEST(has(convert(page, o, diag, builtin_registry()), "Einstein wrote E = mc^2 in 1905."));
  Document d;
  d.blocks.push_back(Para{{Math{MathType::InlineMath, "x^2"}}});
  o.from = "json";
  o.to = "jats_archiving";
  BOOST_TEST(has(convert(write_pandoc_json(d), o, diag, builtin_registry()), "<tex-math>x^2</tex-math>"));
  o.to = "jats_articleauthoring";  // no tex-math in this tag set: MathML from the TeX
  BOOST_TEST(has(convert(write_pandoc_json(d), o, diag, builtin_registry()), "<mml:msup><mml:mi>x</mml:mi>"));
}

BOOST_AUTO_TEST_SUITE_END()
