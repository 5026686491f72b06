// The markdown readers and writers through the registry, as a program uses
// them: what galley adds to cmark-gfm (attributes, divs, spans, inline notes,
// math rules, metadata, smart punctuation, ids), the writers' escaping, and bad
// input (a clear error or a warning, never a crash).
#include <boost/test/unit_test.hpp>

#include "galley/builder.hpp"
#include "galley/builtin.hpp"
#include "galley/error.hpp"
#include "galley/registry.hpp"
#include "galley/text.hpp"

using namespace galley;

BOOST_AUTO_TEST_SUITE(markdown_format)
namespace {

const Registry& reg() {
  static const Registry r = builtin_registry();
  return r;
}

Document read(std::string_view md, const std::string& flavour = "markdown", Diagnostics* d = nullptr) {
  Diagnostics local;
  return reg().find_reader(flavour)->make()->read(md, ReaderOptions{}, d ? *d : local);
}

std::string write(const Document& doc, const std::string& flavour, bool standalone = false) {
  Diagnostics diag;
  WriterOptions o;
  o.standalone = standalone;
  return reg().find_writer(flavour)->make()->write(doc, o, diag);
}

const Inlines& para(const Document& d, std::size_t i = 0) {
  BOOST_REQUIRE(i < d.blocks.size());
  if (auto* p = d.blocks[i].as<Para>()) return p->content;
  if (auto* p = d.blocks[i].as<Plain>()) return p->content;
  BOOST_FAIL("not a paragraph");
  static Inlines none;
  return none;
}

}  // namespace

BOOST_AUTO_TEST_CASE(header_attributes_and_ids) {
  Document d = read("# One {#first .big key=\"a b\"}\n\n# One\n\n# One\n");
  auto* h = d.blocks[0].as<Header>();
  BOOST_REQUIRE(h);
  BOOST_TEST(h->attr.id == "first");
  BOOST_TEST(h->attr.has_class("big"));
  BOOST_TEST(*h->attr.get("key") == "a b");
  BOOST_TEST(stringify(h->content) == "One");
  BOOST_TEST(d.blocks[1].as<Header>()->attr.id == "one");
  BOOST_TEST(d.blocks[2].as<Header>()->attr.id == "one-1");
  // commonmark: no ids, no attributes
  Document c = read("# One {#x}\n", "commonmark");
  BOOST_TEST(c.blocks[0].as<Header>()->attr.id.empty());
  BOOST_TEST(stringify(c.blocks[0].as<Header>()->content) == "One {#x}");
}

BOOST_AUTO_TEST_CASE(fenced_divs_nest_and_skip_code) {
  Document d = read("::: {.outer}\n:::: inner\ntext\n::::\n```\n:::\n```\n:::\n");
  auto* outer = d.blocks[0].as<Div>();
  BOOST_REQUIRE(outer);
  BOOST_TEST(outer->attr.has_class("outer"));
  BOOST_REQUIRE(outer->content.size() == 2u);
  BOOST_TEST(outer->content[0].as<Div>()->attr.has_class("inner"));
  BOOST_TEST(outer->content[1].as<CodeBlock>()->text == ":::");  // a fence inside code is code
}

BOOST_AUTO_TEST_CASE(spans_notes_and_link_attributes) {
  Document d = read("[a *b*]{.kicker} x^[an inline note] [l](u){#i .c} `c`{.py}\n");
  const Inlines& p = para(d);
  auto* span = p[0].as<Span>();
  BOOST_REQUIRE(span);
  BOOST_TEST(span->attr.has_class("kicker"));
  BOOST_TEST(stringify(span->content) == "a b");
  bool note = false, link = false, code = false;
  for (auto& x : p) {
    if (auto* n = x.as<Note>()) note = stringify(n->content) == "an inline note";
    if (auto* l = x.as<Link>()) link = l->attr.id == "i" && l->attr.has_class("c");
    if (auto* c = x.as<Code>()) code = c->attr.has_class("py");
  }
  BOOST_TEST(note);
  BOOST_TEST(link);
  BOOST_TEST(code);
}

BOOST_AUTO_TEST_CASE(escaped_brackets_are_text_not_spans) {
  // cmark hands "\\[" over as "[": an escaped bracket must still not open a span or a note
  Document d = read("\\[not a span\\]{.x} x^\\[no note\\] [a \\[b\\] c]{.k} `\\[code\\]` $\\[x$\n");
  const Inlines& p = para(d);
  int spans = 0, notes = 0;
  std::string code, math;
  for (auto& x : p) {
    if (auto* sp = x.as<Span>()) {
      ++spans;
      BOOST_TEST(sp->attr.has_class("k"));
      BOOST_TEST(stringify(sp->content) == "a [b] c");
    }
    if (x.is<Note>()) ++notes;
    if (auto* c = x.as<Code>()) code = c->text;
    if (auto* m = x.as<Math>()) math = m->text;
  }
  BOOST_TEST(spans == 1);
  BOOST_TEST(notes == 0);
  BOOST_TEST(stringify(p).find("[not a span]{.x}") != std::string::npos);
  BOOST_TEST(stringify(p).find("x^[no note]") != std::string::npos);
  BOOST_TEST(code == "\\[code\\]");  // backslashes are literal in code
  BOOST_TEST(math == "\\[x");
  // What the writer makes of literal brackets next to a span reads back the same
  Document w = read("[\\[]{.b}[edit](/e)[\\]]{.b}\n");
  BOOST_TEST((read(write(w, "markdown")) == w));
  BOOST_TEST(stringify(para(w)) == "[edit]");
}

BOOST_AUTO_TEST_CASE(math_follows_pandoc_rules) {
  Document d = read("$a*b*c$ costs $5 and $6, $ x$ no, $$\\frac{1}{2}$$\n");
  std::vector<std::string> tex;
  for (auto& x : para(d))
    if (auto* m = x.as<Math>()) tex.push_back(m->text);
  BOOST_REQUIRE(tex.size() == 2u);
  BOOST_TEST(tex[0] == "a*b*c");  // no emphasis inside math
  BOOST_TEST(tex[1] == "\\frac{1}{2}");
}

BOOST_AUTO_TEST_CASE(yaml_block_values_are_markdown) {
  Document d = read("---\ntitle: \"*Hi* there\"\nauthor: [Ann, Bo]\ndraft: true\n---\n\nText\n");
  auto* title = d.meta.at("title").as<MetaInlines>();
  BOOST_REQUIRE(title);
  BOOST_TEST(title->content[0].is<Emph>());
  BOOST_TEST(d.meta.at("author").as<MetaList>()->items.size() == 2u);
  BOOST_TEST(d.meta.at("draft").as<MetaBool>()->value);
  BOOST_TEST(stringify(para(d)) == "Text");
  // a broken block is a clear error
  BOOST_CHECK_THROW(read("---\ntitle: [unclosed\n---\n"), InputError);
}

BOOST_AUTO_TEST_CASE(smart_punctuation) {
  Document d = read("\"Quoted\" and 'single', it's -- here --- there...\n");
  const Inlines& p = para(d);
  BOOST_TEST((p[0].as<Quoted>()->type == QuoteType::DoubleQuote));
  BOOST_TEST(stringify(p) == "\u201CQuoted\u201D and \u2018single\u2019, it\u2019s \u2013 here \u2014 there\u2026");
  Document off = read("\"x\" --\n", "commonmark");
  BOOST_TEST(stringify(para(off)) == "\"x\" --");
}

BOOST_AUTO_TEST_CASE(writers_escape_what_markdown_would_read) {
  Document d;
  d.blocks.push_back(Para{Inlines{Str{"1."}, Space{}, Str{"*not*"}, Space{}, Str{"[a](b)"}, Space{}, Str{"<b>"}}});
  d.blocks.push_back(Para{Inlines{Str{"# not a header"}}});
  for (const char* f : {"commonmark", "gfm", "markdown"}) {
    Document back = read(write(d, f), f);
    BOOST_TEST_CONTEXT(f) {
      BOOST_REQUIRE(back.blocks.size() == 2u);
      BOOST_TEST(stringify(para(back, 0)) == "1. *not* [a](b) <b>");
      BOOST_TEST(back.blocks[1].is<Para>());
      BOOST_TEST(stringify(para(back, 1)) == "# not a header");
    }
  }
}

BOOST_AUTO_TEST_CASE(markdown_writer_round_trips_its_extensions) {
  Document d = read("---\ntitle: T\n---\n\n# H {#h .c}\n\n::: {.aside}\n[s]{.k} $x^2$ ^[n]\n:::\n\n![cap](i.png)\n");
  Document back = read(write(d, "markdown", true));
  BOOST_TEST((back == d));
}

BOOST_AUTO_TEST_CASE(emphasis_reads_back_where_flanking_rules_bite) {
  // a letter before *"x"*, punctuation before * and a letter after it, Unicode spaces
  // and punctuation beside delimiters, emphasis around strong and the reverse, and
  // emphasis of one kind touching another
  std::vector<Inlines> cases = {
      {Str{"word"}, Emph{Inlines{Str{".x"}}}, Space{}, Str{"end"}},
      {Emph{Inlines{Str{"(CNN)"}}}, Str{"It"}, Space{}, Str{"was"}},
      {Strong{Inlines{Str{"Time:"}}}, Str{"\u00a025"}, Space{}, Str{"minutes"}},
      {Str{"did."}, Space{}, Emph{Inlines{Str{"Checkmate!"}}}, Str{"\u201d"}},
      {Str{"a"}, Space{}, Emph{Inlines{Strong{Inlines{Str{"b"}}}}}, Space{}, Strong{Inlines{Emph{Inlines{Str{"c"}}}}}},
      {Strong{Inlines{Str{"b"}}}, Emph{Inlines{Str{"(c)"}}}, Space{}, Str{"d"}},
      {Str{"x"}, Space{}, Emph{Inlines{Str{"a"}, Space{}, Emph{Inlines{Str{"(b"}}}, Str{"c"}}}, Space{}, Str{"y"}},
  };
  for (const char* f : {"commonmark", "gfm", "markdown"})
    for (auto& ils : cases) {
      Document d;
      d.blocks.push_back(Para{ils});
      std::string md = write(d, f);
      BOOST_TEST_CONTEXT(f << ": " << md) {
        BOOST_TEST(md.find("<em>") == std::string::npos);
        BOOST_TEST(md.find("<strong>") == std::string::npos);
        BOOST_TEST((read(md, f).blocks == d.blocks));
      }
    }
  // cmark-gfm reads no * run that could both open and close beside ~~: the text stays
  Document t;
  t.blocks.push_back(Para{Inlines{Str{"a"}, Space{}, Strikeout{Inlines{Str{"b"}}}, Emph{Inlines{Str{"(c"}}}, Space{}, Str{"e"}}});
  for (const char* f : {"gfm", "markdown"}) {
    std::string md = write(t, f);
    BOOST_TEST_CONTEXT(f << ": " << md) { BOOST_TEST(stringify(read(md, f).blocks) == "a b(c e"); }
  }
}

BOOST_AUTO_TEST_CASE(blocks_in_lists_divs_and_notes_stay_apart) {
  // a tight item's second paragraph and a list not starting at 1 after a paragraph
  // must not be read as more of that paragraph; a div's closing fence after raw HTML
  // must not be part of the HTML block
  Document d;
  d.blocks.push_back(BulletList{{Blocks{Plain{Inlines{Str{"one"}}}, Div{{}, Blocks{Para{Inlines{Str{"two"}}}}},
                                        OrderedList{{6, ListNumberStyle::Decimal, ListNumberDelim::Period},
                                                    {Blocks{Plain{Inlines{Str{"six"}}}}}}}}});
  d.blocks.push_back(Div{Attr{"", {"box"}, {}}, Blocks{RawBlock{"html", "<div>x</div>"}}});
  d.blocks.push_back(Para{Inlines{Str{"after"}}});
  Document back = read(write(d, "markdown"));
  BOOST_REQUIRE(back.blocks.size() == 3u);
  auto* l = back.blocks[0].as<BulletList>();
  BOOST_REQUIRE(l);
  BOOST_REQUIRE(l->items.size() == 1u);
  BOOST_TEST(l->items[0].size() == 3u);
  BOOST_TEST(l->items[0][2].is<OrderedList>());
  BOOST_TEST(back.blocks[1].is<Div>());
  BOOST_TEST(back.blocks[2].is<Para>());

  // CommonMark has no notes: they become a numbered list, not link definitions or code
  Document n;
  n.blocks.push_back(Para{Inlines{Str{"text"}, Note{Blocks{Para{Inlines{Str{"This"}, SoftBreak{}, Str{"note"}}},
                                                           Para{Inlines{Str{"more"}}}}}}});
  Document cm = read(write(n, "commonmark"), "commonmark");
  BOOST_REQUIRE(cm.blocks.size() == 2u);
  BOOST_TEST(stringify(para(cm, 0)) == "text[^1]");
  auto* notes = cm.blocks[1].as<OrderedList>();
  BOOST_REQUIRE(notes);
  BOOST_TEST(stringify(notes->items[0]) == "This note\nmore");
}

BOOST_AUTO_TEST_CASE(deep_nesting_warns_not_crashes) {
  std::string deep(20000, '>');
  deep += " deep\n";
  Diagnostics diag;
  Document d = read(deep, "markdown", &diag);
  BOOST_TEST(diag.count("deep-nesting") == 1u);
  BOOST_TEST(stringify(d.blocks).find("deep") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_repaired_with_a_warning) {
  Diagnostics diag;
  Document d = read("caf\xe9 ok\n", "commonmark", &diag);
  BOOST_TEST(diag.warning_count() >= 1u);
  BOOST_TEST(valid_utf8(stringify(d.blocks)));
}

BOOST_AUTO_TEST_SUITE_END()
