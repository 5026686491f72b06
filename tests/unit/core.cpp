// Core utilities: text, identifiers, walk/query, registry, escaping, zip, resources.
#include <boost/test/unit_test.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include "galley/builder.hpp"
#include "galley/detail/xml.hpp"
#include "galley/detail/zip.hpp"
#include "galley/error.hpp"
#include "galley/io.hpp"
#include "galley/meta.hpp"
#include "galley/builtin.hpp"
#include "galley/registry.hpp"
#include "galley/text.hpp"
#include "galley/walk.hpp"
#include "../reference_scans.hpp"

using namespace galley;

BOOST_AUTO_TEST_SUITE(core)

BOOST_AUTO_TEST_CASE(identifiers_follow_pandoc) {
  BOOST_TEST(make_identifier("Hello World!") == "hello-world");
  BOOST_TEST(make_identifier("1. Introduction") == "introduction");
  BOOST_TEST(make_identifier("Bình đẳng giới") == "bình-đẳng-giới");
  BOOST_TEST(make_identifier("123") == "section");
  IdentifierSet used;
  BOOST_TEST(make_identifier("A", &used) == "a");
  BOOST_TEST(make_identifier("A", &used) == "a-1");
  BOOST_TEST(make_identifier("A", &used) == "a-2");
  // a suffix already taken by an explicit id is skipped, and the search resumes after it
  used.insert("b-1");
  BOOST_TEST(make_identifier("B", &used) == "b");
  BOOST_TEST(make_identifier("B", &used) == "b-2");
  BOOST_TEST(make_identifier("B", &used) == "b-3");
  BOOST_TEST(make_identifier("b-2", &used) == "b-2-1");
  BOOST_TEST(used.size() == 8u);
}

BOOST_AUTO_TEST_CASE(utf8_repair_and_nfc) {
  Diagnostics d;
  std::string bad = "ab\xFF" "c\xC3";
  auto fixed = repair_utf8(bad, d);
  BOOST_TEST(fixed == "ab\xEF\xBF\xBD" "c\xEF\xBF\xBD");
  BOOST_TEST(d.warning_count() == 1u);
  BOOST_TEST(d.all()[0].message.find("byte offset 2") != std::string::npos);
  BOOST_TEST(valid_utf8("Xã hội"));
  BOOST_TEST(!valid_utf8("\xED\xA0\x80"));  // a surrogate
  BOOST_TEST(nfc("a\xCC\x80") == "\xC3\xA0");  // a + combining grave -> à
  BOOST_TEST(std::string(trim("\xC2\xA0 x y \n")) == "x y");
}

// Random strings from pieces that stress the block edges: Vietnamese letters, Latin-1,
// punctuation, combining marks, stray and missing continuation bytes, spaces.
BOOST_AUTO_TEST_CASE(eight_byte_scans_agree_with_byte_loops) {
  static const char* pieces[] = {"a", "Z", " ", "\t", "\n", "\xC3\xA0", "\xC4\x91", "\xE1\xBB\x9D", "\xE1\xBA\xA2",
                                 "\xE2\x80\x9C", "\xE2\x80\x93", "\xEF\xBB\xBF", "\xEF\xBF\xBD", "\xCC\x81",
                                 "\xE1", "\xE1\xBA", "\x80", "\xC3", "\xE1\xB7\x80", "\xC0\x80", "\xE2\x82\xAC",
                                 "\xF0\x9F\x98\x80", "\xCB\x86", "\xE1\xBC\x80", "\xE2\x80\x8B",
                                 "\xE2\x81\x80", "\xE2\x80", "\xE2\x80\xA6", "\xC2\xA0", "\xE1\xBA\x41", "\r",
                                 "\r\n", "  "};
  unsigned state = 12345;
  auto next = [&] { return state = state * 1103515245u + 12345u, (state >> 16) & 0x7FFF; };
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    int len = int(next() % 40);
    bool rare = next() % 2 == 0;  // clean text, or text with an odd piece here and there
    for (int k = 0; k < len; ++k) s += pieces[rare && next() % 8 == 0 ? next() % std::size(pieces) : next() % 10];
    BOOST_TEST_REQUIRE(nfc_quick_prefix(s) == galley_test::reference_quick_prefix(s), "quick prefix of case " << round);
    BOOST_TEST_REQUIRE(count_words(s) == galley_test::reference_words(s), "words of case " << round);
    BOOST_TEST_REQUIRE((text(s) == galley_test::reference_text(s)), "text() of case " << round);
  }
}

BOOST_AUTO_TEST_CASE(stringify_uses_curly_quotes_and_skips_notes) {
  Inlines xs{Quoted{QuoteType::DoubleQuote, text("hi")}, Space{}, Note{Blocks{Para{text("n")}}}, Str{"x"}};
  BOOST_TEST(stringify(xs) == "\u201Chi\u201D x");
}

BOOST_AUTO_TEST_CASE(walk_reaches_notes_tables_and_meta) {
  Document d;
  d.meta["title"] = MetaInlines{text("a b")};
  Table t;
  t.bodies.push_back(TableBody{Attr{}, 0, {}, {Row{Attr{}, {Cell{Attr{}, Alignment::AlignDefault, 1, 1, Blocks{Plain{text("cell")}}}}}}});
  d.blocks = {Para{Inlines{Str{"x"}, Note{Blocks{Para{text("in note")}}}}}, t};
  int strs = 0;
  query_inlines(d, [&](const Inline& x) { strs += x.is<Str>(); });
  BOOST_TEST(strs == 6);
  walk_inlines(d, [](Inline& x) { if (auto s = x.as<Str>()) s->text = "_" + s->text; });
  BOOST_TEST(stringify(d.blocks) == "_x\n_cell");
  BOOST_TEST(*meta_text(d.meta, "title") == "_a _b");
  int blocks = 0;
  query_blocks(d, [&](const Block&) { ++blocks; });
  BOOST_TEST(blocks == 4);  // Para, Para in note, Table, Plain in cell
}

BOOST_AUTO_TEST_CASE(format_specs_and_registry) {
  auto s = parse_format_spec("html+extract-smart");
  BOOST_TEST(s.name == "html");
  BOOST_TEST(s.extensions.enabled("extract", false));
  BOOST_TEST(!s.extensions.enabled("smart", true));
  BOOST_CHECK_THROW(parse_format_spec("+x"), UsageError);
  BOOST_CHECK_THROW(parse_format_spec("html+"), UsageError);
  Registry r = builtin_registry();
  BOOST_TEST(r.find_writer("jats")->name == "jats_archiving");
  BOOST_TEST(r.find_writer("epub")->name == "epub3");
  BOOST_TEST(r.find_reader("text")->name == "plain");
  BOOST_TEST((r.find_writer("epub")->kind == WriterKind::Binary));
  BOOST_TEST(r.writer_for_filename("a/b.EPUB") == "epub3");
  BOOST_TEST(r.writer_for_filename("x.xml") == "jats_archiving");
  try {
    r.reader_for(parse_format_spec("json+nope"));
    BOOST_FAIL("no exception");
  } catch (const UsageError& e) {
    BOOST_TEST(e.id() == "galley.format.extension");
  }
}

BOOST_AUTO_TEST_CASE(escaping_removes_what_xml_forbids) {
  std::size_t removed = 0;
  std::string out;
  detail::append_escaped(out, "a<b&\"c\x01\xEF\xBF\xBE" "d\xED\xA0\x80" "e]]>", true, &removed);
  BOOST_TEST(out == "a&lt;b&amp;&quot;cde]]&gt;");
  BOOST_TEST(removed == 5u);  // U+0001, U+FFFE, and the 3 bytes of a lone surrogate
  BOOST_TEST(detail::escape("Xã hội ↩ 𝄞") == "Xã hội ↩ 𝄞");
  BOOST_TEST(detail::xml_id("1 two") == "id-1-two");
  BOOST_TEST(detail::xml_id("ok_id") == "ok_id");
}

BOOST_AUTO_TEST_CASE(zip_is_reproducible_and_mimetype_stored) {
  std::vector<detail::ZipEntry> e{{"mimetype", "application/epub+zip", true}, {"a/b.txt", std::string(1000, 'x'), false}};
  auto z1 = detail::make_zip(e, 1000000000);
  auto z2 = detail::make_zip(e, 1000000000);
  BOOST_TEST(z1 == z2);
  BOOST_TEST(z1.substr(30, 8) == "mimetype");  // first entry, no extra field
  BOOST_TEST(z1.substr(38, 20) == "application/epub+zip");  // stored
  auto back = detail::read_zip(z1);
  BOOST_REQUIRE(back.size() == 2u);
  BOOST_TEST(back[1].data == e[1].data);
}

BOOST_AUTO_TEST_CASE(resources_stay_inside_the_root) {
  char tmpl[] = "/tmp/galley-res-XXXXXX";
  std::string root = mkdtemp(tmpl);
  ::mkdir((root + "/img").c_str(), 0755);
  std::ofstream(root + "/img/a.png") << "\x89PNG\r\n\x1a\nrest";
  std::ofstream("/tmp/galley-secret.txt") << "secret";
  ::symlink("/tmp/galley-secret.txt", (root + "/link.txt").c_str());
  Resources res;
  res.root = root;
  Diagnostics d;
  BOOST_TEST(resolve_resource("img/a.png", res, d).has_value());
  BOOST_TEST(resolve_resource("img/%61.png", res, d).has_value());
  BOOST_TEST(resolve_resource("file://" + root + "/img/a.png", res, d).has_value());
  BOOST_TEST(!resolve_resource("../galley-secret.txt", res, d));
  BOOST_TEST(!resolve_resource("img/%2e%2e/%2e%2e/galley-secret.txt", res, d));
  BOOST_TEST(!resolve_resource("img/%252e%252e/x", res, d));
  BOOST_TEST(!resolve_resource("/tmp/galley-secret.txt", res, d));
  BOOST_TEST(!resolve_resource("link.txt", res, d));
  BOOST_TEST(!resolve_resource("https://example.com/a.png", res, d));
  BOOST_TEST(d.count("resource-refused") >= 5u);
  auto bytes = load_resource("img/a.png", res, Limits{}, d);
  BOOST_REQUIRE(bytes.has_value());
  BOOST_TEST(sniff_media_type(*bytes) == "image/png");
  BOOST_TEST(sniff_media_type("<?xml version='1.0'?>\n<svg xmlns='x'/>") == "image/svg+xml");
  auto uri = decode_data_uri("data:image/png;base64," + base64_encode(*bytes), 1 << 20);
  BOOST_REQUIRE(uri.has_value());
  BOOST_TEST(uri->bytes == *bytes);
  BOOST_TEST(!decode_data_uri("data:image/png;base64," + std::string(100, 'A'), 10));
  std::system(("rm -rf " + root + " /tmp/galley-secret.txt").c_str());
}

BOOST_AUTO_TEST_CASE(atomic_write_leaves_no_partial_file) {
  char tmpl[] = "/tmp/galley-out-XXXXXX";
  std::string dir = mkdtemp(tmpl);
  write_file_atomic(dir + "/a.txt", "hello");
  std::ifstream in(dir + "/a.txt");
  std::string s;
  std::getline(in, s);
  BOOST_TEST(s == "hello");
  BOOST_CHECK_THROW(write_file_atomic(dir + "/missing/a.txt", "x"), OutputError);
  std::system(("rm -rf " + dir).c_str());
}

BOOST_AUTO_TEST_CASE(iso_dates) {
  auto d = parse_iso_date("2019-11-25T13:38+07:00");
  BOOST_REQUIRE(d.has_value());
  BOOST_TEST(d->year == 2019);
  BOOST_TEST(d->day == 25);
  BOOST_TEST(d->time == "13:38");
  BOOST_TEST(d->zone == "+07:00");
  BOOST_TEST(parse_iso_date("2019")->iso_date() == "2019");
  BOOST_TEST(!parse_iso_date("25/11/2019"));
}

BOOST_AUTO_TEST_SUITE_END()
