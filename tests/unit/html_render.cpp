// The shared AST -> HTML renderer (include/galley/detail/html_render.hpp).
#include <boost/test/unit_test.hpp>

#include <cctype>
#include <string>

#include "galley/builder.hpp"
#include "html_render/html_render.hpp"

// libxml2 is a private dependency of the library (its include path does not
// reach the tests); the two functions needed to check well-formedness.
extern "C" {
struct _xmlDoc;
_xmlDoc* xmlReadMemory(const char* buffer, int size, const char* url, const char* encoding, int options);
void xmlFreeDoc(_xmlDoc* doc);
}

using namespace galley;
using galley::detail::HtmlRenderer;
using galley::detail::HtmlRenderOptions;
using galley::detail::NoteStyle;

BOOST_AUTO_TEST_SUITE(html_render)
namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

std::string lower_copy(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Well-formed XML once wrapped in an XHTML root with the epub namespace?
bool well_formed(const std::string& fragment) {
  std::string doc = "<div xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\">" +
                    fragment + "</div>";
  constexpr int nonet = 1 << 11, noerror = 1 << 5, nowarning = 1 << 6;
  _xmlDoc* d = xmlReadMemory(doc.data(), static_cast<int>(doc.size()), "t.xml", "UTF-8", nonet | noerror | nowarning);
  if (!d) return false;
  xmlFreeDoc(d);
  return true;
}

struct Fixture {
  Diagnostics diag;
  std::string render(const Blocks& bs, HtmlRenderOptions o = {}) {
    HtmlRenderer r(std::move(o), diag);
    std::string out = r.blocks(bs);
    return out + r.take_notes();
  }
  std::string inl(const Inlines& is, HtmlRenderOptions o = {}) {
    HtmlRenderer r(std::move(o), diag);
    return r.inlines(is);
  }
};

HtmlRenderOptions lang_opt(std::string lang) {
  HtmlRenderOptions o;
  o.lang = std::move(lang);
  return o;
}
HtmlRenderOptions style_opt(bool xhtml, NoteStyle notes) {
  HtmlRenderOptions o;
  o.xhtml = xhtml;
  o.notes = notes;
  return o;
}

Inline str(std::string s) { return Str{std::move(s)}; }

// A document that uses every constructor.
Blocks everything() {
  Blocks bs;
  bs.push_back(Header{2, Attr{"intro", {"lead"}, {}}, text("Intro & <more>")});
  bs.push_back(Header{2, Attr{}, text("Auto id here")});
  Inlines rich = {Emph{text("em")}, Space{}, Strong{text("strong")}, Space{}, Underline{text("u")}, Space{},
                  Strikeout{text("del")}, Space{}, Superscript{text("sup")}, Subscript{text("sub")}, Space{},
                  SmallCaps{text("sc")}, SoftBreak{}, Quoted{QuoteType::DoubleQuote, text("dq")},
                  Quoted{QuoteType::SingleQuote, text("sq")}, LineBreak{},
                  Cite{{Citation{"doe99", {}, {}, CitationMode::NormalCitation, 0, 0}}, text("[@doe99]")},
                  Code{Attr{"", {"cpp"}, {}}, "a<b && c"}, Math{MathType::InlineMath, "a<b"},
                  Math{MathType::DisplayMath, "x^2"}, RawInline{"html", "<kbd>K</kbd>"},
                  RawInline{"latex", "\\LaTeX"},
                  Link{Attr{}, text("link"), Target{"http://e.org/?a=1&b=2", "T"}},
                  Image{Attr{"", {}, {{"width", "50%"}}}, text("alt text"), Target{"img.png", ""}},
                  Note{{para("A note.")}}, Span{Attr{"sp", {"c"}, {{"lang", "fr"}, {"custom", "v"}}}, text("span")}};
  bs.push_back(Para{rich});
  bs.push_back(plain_block("plain text"));
  bs.push_back(LineBlock{{text("line one"), text("line two")}});
  bs.push_back(CodeBlock{Attr{"code1", {"python"}, {}}, "print('<x>')\n"});
  bs.push_back(RawBlock{"html", "<div class=\"raw\">raw</div>"});
  bs.push_back(RawBlock{"tex", "\\newpage"});
  bs.push_back(BlockQuote{{para("quoted")}});
  bs.push_back(OrderedList{ListAttributes{3, ListNumberStyle::LowerAlpha, ListNumberDelim::Period},
                           {{plain_block("one")}, {plain_block("two")}}});
  bs.push_back(BulletList{{{plain_block("a")}, {para("b"), para("c")}}});
  bs.push_back(DefinitionList{{DefinitionItem{text("term"), {{plain_block("def")}}}}});
  bs.push_back(HorizontalRule{});
  Table t;
  t.caption.long_caption = {plain_block("Table caption")};
  t.colspecs = {ColSpec{Alignment::AlignLeft, 0.3}, ColSpec{Alignment::AlignRight, 0.7}};
  t.head.rows = {Row{Attr{}, {Cell{Attr{}, Alignment::AlignDefault, 1, 1, {plain_block("H1")}},
                              Cell{Attr{}, Alignment::AlignDefault, 1, 1, {plain_block("H2")}}}}};
  TableBody body;
  body.row_head_columns = 1;
  body.body = {Row{Attr{}, {Cell{Attr{}, Alignment::AlignDefault, 2, 1, {plain_block("r1")}},
                            Cell{Attr{}, Alignment::AlignCenter, 1, 1, {plain_block("c1")}}}},
               Row{Attr{}, {Cell{Attr{}, Alignment::AlignDefault, 1, 1, {plain_block("c2")}}}}};
  t.bodies = {body};
  t.foot.rows = {Row{Attr{}, {Cell{Attr{}, Alignment::AlignDefault, 1, 2, {plain_block("foot")}}}}};
  bs.push_back(t);
  Figure f;
  f.attr.id = "fig1";
  f.caption.long_caption = {plain_block("Figure caption")};
  f.content = {Plain{{Image{Attr{}, text("pic"), Target{"pic.jpg", ""}}}}};
  bs.push_back(f);
  Figure cap_only;
  cap_only.caption.long_caption = {plain_block("Caption only")};
  bs.push_back(cap_only);
  bs.push_back(Div{Attr{"box", {"aside"}, {}}, {para("aside text")}});
  bs.push_back(Div{Attr{"", {"note"}, {{"data-x", "1"}}}, {para("div text")}});
  return bs;
}

}  // namespace

BOOST_FIXTURE_TEST_CASE(blocks_html5, Fixture) {
  std::string h = render(everything(), lang_opt("en"));
  BOOST_TEST(contains(h, "<h2 id=\"intro\" class=\"lead\">Intro &amp; &lt;more&gt;</h2>"));
  BOOST_TEST(contains(h, "<h2 id=\"auto-id-here\">Auto id here</h2>"));
  BOOST_TEST(contains(h, "<p><em>em</em> <strong>strong</strong> <u>u</u> <del>del</del> <sup>sup</sup><sub>sub</sub>"));
  BOOST_TEST(contains(h, "<span class=\"smallcaps\">sc</span>\n"));
  BOOST_TEST(contains(h, "\u201Cdq\u201D\u2018sq\u2019<br>\n"));
  BOOST_TEST(contains(h, "<span class=\"citation\" data-cites=\"doe99\">[@doe99]</span>"));
  BOOST_TEST(contains(h, "<code class=\"cpp\">a&lt;b &amp;&amp; c</code>"));
  // Formulas are MathML with the TeX as alttext (docs/MATH.md).
  BOOST_TEST(contains(h, "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" alttext=\"a&lt;b\">"));
  BOOST_TEST(contains(h, "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\" alttext=\"x^2\">"));
  BOOST_TEST(contains(h, "<kbd>K</kbd>"));
  BOOST_TEST(!contains(h, "LaTeX"));
  BOOST_TEST(contains(h, "<a href=\"http://e.org/?a=1&amp;b=2\" title=\"T\">link</a>"));
  BOOST_TEST(contains(h, "<img src=\"img.png\" alt=\"alt text\" style=\"width: 50%\">"));
  BOOST_TEST(contains(h, "<span id=\"sp\" class=\"c\" lang=\"fr\" data-custom=\"v\">span</span>"));
  BOOST_TEST(contains(h, "plain text\n"));
  BOOST_TEST(contains(h, "<div class=\"line-block\">line one<br>\nline two</div>"));
  BOOST_TEST(contains(h, "<pre id=\"code1\" class=\"python\"><code class=\"language-python\">print('&lt;x&gt;')\n</code></pre>"));
  BOOST_TEST(contains(h, "<div class=\"raw\">raw</div>"));
  BOOST_TEST(!contains(h, "newpage"));
  BOOST_TEST(contains(h, "<blockquote>\n<p>quoted</p>\n</blockquote>"));
  BOOST_TEST(contains(h, "<ol start=\"3\" type=\"a\">\n<li>one</li>\n<li>two</li>\n</ol>"));
  BOOST_TEST(contains(h, "<ul>\n<li>a</li>\n<li><p>b</p>\n<p>c</p></li>\n</ul>"));
  BOOST_TEST(contains(h, "<dl>\n<dt>term</dt>\n<dd>def</dd>\n</dl>"));
  BOOST_TEST(contains(h, "<hr>\n"));
  BOOST_TEST(contains(h, "<caption>Table caption</caption>"));
  BOOST_TEST(contains(h, "<col style=\"width: 30%\">"));
  BOOST_TEST(contains(h, "<thead>\n<tr>\n<th style=\"text-align: left\">H1</th>"));
  BOOST_TEST(contains(h, "<th style=\"text-align: left\" scope=\"row\" rowspan=\"2\">r1</th>"));
  BOOST_TEST(contains(h, "<td style=\"text-align: center\">c1</td>"));
  // c2 sits in column 2 (column 1 is taken by the row span): right-aligned
  BOOST_TEST(contains(h, "<td style=\"text-align: right\">c2</td>"));
  BOOST_TEST(contains(h, "<tfoot>\n<tr>\n<td style=\"text-align: left\" colspan=\"2\">foot</td>"));
  BOOST_TEST(contains(h, "<figure id=\"fig1\">\n<img src=\"pic.jpg\" alt=\"pic\">\n<figcaption>Figure caption</figcaption>\n</figure>"));
  BOOST_TEST(contains(h, "<figure class=\"caption-only\">\n<figcaption>Caption only</figcaption>\n</figure>"));
  BOOST_TEST(contains(h, "<aside id=\"box\">\n<p>aside text</p>\n</aside>"));
  BOOST_TEST(contains(h, "<div class=\"note\" data-x=\"1\">"));
  // endnotes by default
  BOOST_TEST(contains(h, "<a class=\"footnote-ref\" href=\"#fn1\" id=\"fnref1\" role=\"doc-noteref\"><sup>1</sup></a>"));
  BOOST_TEST(contains(h, "<section role=\"doc-endnotes\" class=\"footnotes\">\n<ol>\n<li id=\"fn1\">\n<p>A note. "
                         "<a href=\"#fnref1\" class=\"footnote-back\" role=\"doc-backlink\">\u21A9</a></p>\n</li>"));
  BOOST_TEST(diag.count("lost-content") == 2u);  // raw latex inline + raw tex block
}

BOOST_FIXTURE_TEST_CASE(xhtml_well_formed, Fixture) {
  HtmlRenderOptions o;
  o.xhtml = true;
  o.notes = NoteStyle::EpubFootnotes;
  o.lang = "vi";
  std::string h = render(everything(), o);
  BOOST_TEST(well_formed(h), h);
  BOOST_TEST(contains(h, "<br />"));
  BOOST_TEST(contains(h, "<hr />"));
  BOOST_TEST(contains(h, "<col style=\"width: 70%\" />"));
  BOOST_TEST(contains(h, "<a epub:type=\"noteref\" role=\"doc-noteref\" href=\"#fn1\" id=\"fnref1\">1</a>"));
  BOOST_TEST(contains(h, "<aside epub:type=\"footnote\" role=\"doc-footnote\" id=\"fn1\">\n<p>A note. "
                         "<a href=\"#fnref1\" class=\"footnote-back\" role=\"doc-backlink\">\u21A9</a></p>\n</aside>"));
  // each note style and mode stays well-formed
  for (auto style : {NoteStyle::Endnotes, NoteStyle::PrintFootnotes}) {
    Diagnostics d2;
    HtmlRenderer r(style_opt(true, style), d2);
    std::string s = r.blocks(everything()) + r.take_notes();
    BOOST_TEST(well_formed(s), s);
  }
  // raw HTML that is not well-formed XML is dropped in XHTML mode
  std::size_t before = diag.count("lost-content");
  std::string bad = render({RawBlock{"html", "<p>unclosed<br>"}}, o);
  BOOST_TEST(!contains(bad, "unclosed"));
  BOOST_TEST(diag.count("lost-content") == before + 1);
}

BOOST_FIXTURE_TEST_CASE(quotes_by_language, Fixture) {
  Inlines q = {Quoted{QuoteType::DoubleQuote, {str("a")}}, Quoted{QuoteType::SingleQuote, {str("b")}}};
  BOOST_TEST(inl(q, lang_opt("en-GB")) == "\u201Ca\u201D\u2018b\u2019");
  BOOST_TEST(inl(q, lang_opt("vi")) == "\u201Ca\u201D\u2018b\u2019");
  BOOST_TEST(inl(q, lang_opt("fr")) == "\u00AB\u202Fa\u202F\u00BB\u201Cb\u201D");
  BOOST_TEST(inl(q, lang_opt("de-AT")) == "\u201Ea\u201C\u201Ab\u2018");
  BOOST_TEST(inl(q, {}) == "\u201Ca\u201D\u2018b\u2019");
}

BOOST_FIXTURE_TEST_CASE(unsafe_attributes_and_urls, Fixture) {
  Inlines is = {Span{Attr{"", {}, {{"onclick", "evil()"}, {"data-ok", "1"}, {"title", "t"}}}, {str("x")}},
                Link{Attr{}, {str("bad")}, Target{" JavaScript:alert(1)", ""}},
                Link{Attr{}, {str("good")}, Target{"https://ok.example/", ""}},
                Image{Attr{}, {str("img")}, Target{"javascript:x", ""}}};
  std::string h = inl(is);
  BOOST_TEST(!contains(h, "onclick"));
  BOOST_TEST(!contains(h, "evil"));
  BOOST_TEST(!contains(lower_copy(h), "javascript"), h);
  BOOST_TEST(contains(h, "<span data-ok=\"1\" title=\"t\">x</span>"));
  BOOST_TEST(contains(h, "bad"));
  BOOST_TEST(contains(h, "<a href=\"https://ok.example/\">good</a>"));
  BOOST_TEST(diag.count("unsafe-content") == 3u);
}

BOOST_FIXTURE_TEST_CASE(ids_unique_and_valid, Fixture) {
  HtmlRenderOptions o;
  o.xhtml = true;
  HtmlRenderer r(o, diag);
  std::string h = r.blocks({header(2, "A", "dup"), header(2, "B", "dup"), header(2, "C", "1st"), header(2, "Same"),
                            header(2, "Same"), para("x")});
  BOOST_TEST(contains(h, "<h2 id=\"dup\">A</h2>"));
  BOOST_TEST(contains(h, "<h2 id=\"dup-1\">B</h2>"));
  BOOST_TEST(contains(h, "<h2 id=\"id-1st\">C</h2>"));
  BOOST_TEST(contains(h, "<h2 id=\"same\">Same</h2>"));
  BOOST_TEST(contains(h, "<h2 id=\"same-1\">Same</h2>"));
  BOOST_TEST(r.used_ids().contains("dup-1"));
  BOOST_TEST(diag.count("rewritten-id") == 2u);
  BOOST_TEST(r.headings().size() == 5u);
  BOOST_TEST(r.headings()[2].id == "id-1st");
  // a link to a rewritten id follows the rewrite
  std::string l = r.inlines({Link{Attr{}, {str("go")}, Target{"#1st", ""}}});
  BOOST_TEST(l == "<a href=\"#id-1st\">go</a>");
}

BOOST_FIXTURE_TEST_CASE(header_shift_and_maps, Fixture) {
  HtmlRenderOptions o;
  o.header_shift = 1;
  o.map_image = [](const std::string& u) { return u == "drop.png" ? std::string() : "images/" + u; };
  o.map_link = [](const std::string& h) { return "ch1.xhtml" + h; };
  HtmlRenderer r(o, diag);
  std::string h = r.blocks({Header{1, Attr{"t", {}, {}}, text("T")}, Header{6, Attr{"s", {}, {}}, text("S")},
                            Para{{Image{Attr{}, text("kept alt"), Target{"drop.png", ""}},
                                  Image{Attr{}, text("a"), Target{"p.png", ""}},
                                  Link{Attr{}, {str("in")}, Target{"#t", ""}}}}});
  BOOST_TEST(contains(h, "<h2 id=\"t\">T</h2>"));
  BOOST_TEST(contains(h, "<h6 id=\"s\">S</h6>"));
  BOOST_TEST(contains(h, "<p>kept alt<img src=\"images/p.png\" alt=\"a\"><a href=\"ch1.xhtml#t\">in</a></p>"));
}

BOOST_FIXTURE_TEST_CASE(print_footnotes, Fixture) {
  HtmlRenderer r(style_opt(false, NoteStyle::PrintFootnotes), diag);
  std::string h = r.blocks({Para{{str("Text"), Note{{para("First note."), BulletList{{{plain_block("item")}}}}}, Space{},
                                  str("more"), Note{{Para{{str("Second"), Note{{para("nested")}}}}}}}}});
  // footnote text inline at the call (float: footnote) ...
  BOOST_TEST(contains(h, "<a class=\"footnote-ref\" href=\"#fn1\" id=\"fnref1\" role=\"doc-noteref\"><sup>1</sup></a>"
                         "<span class=\"footnote\">First note.<br>\u2022 item</span>"));
  BOOST_TEST(contains(h, "<span class=\"footnote\">Second (nested)</span>"));
  // ... and the endnotes for engines without it
  std::string notes = r.take_notes();
  BOOST_TEST(contains(notes, "<section role=\"doc-endnotes\" class=\"footnotes\">"));
  BOOST_TEST(contains(notes, "<li id=\"fn1\">"));
  BOOST_TEST(contains(notes, "<li id=\"fn2\">"));
  BOOST_TEST(contains(notes, "<li id=\"fn3\">"));
  BOOST_TEST(r.note_count() == 3);
  BOOST_TEST(r.take_notes() == "");
  // the notes of a later chunk continue the numbering
  r.blocks({Para{{Note{{para("later")}}}}});
  BOOST_TEST(contains(r.take_notes(), "<ol start=\"4\">"));
}

BOOST_FIXTURE_TEST_CASE(note_inside_link_does_not_nest_anchors, Fixture) {
  std::string h = inl({Link{Attr{}, {str("a"), Note{{para("n")}}}, Target{"http://x/", ""}}});
  BOOST_TEST(h == "<a href=\"http://x/\">a<sup class=\"footnote-ref\" id=\"fnref1\">1</sup></a>");
}

BOOST_FIXTURE_TEST_CASE(invalid_xml_chars_removed, Fixture) {
  std::string h = inl({str(std::string("a\x01" "b"))});
  BOOST_TEST(h == "ab");
  BOOST_TEST(diag.count("invalid-xml-char") == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
