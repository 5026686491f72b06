// The markup cutter the writers' passes over raw HTML share (galley/markup_pieces.hpp),
// and the two passes built on it: attribute cleaning and id renaming (galley/raw_html.hpp).
#include <boost/test/unit_test.hpp>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "galley/markup_pieces.hpp"
#include "galley/raw_html.hpp"
#include "galley/text.hpp"

using namespace galley;

namespace {

std::vector<std::string> cut(std::string_view html) {
  std::vector<std::string> out;
  MarkupPieces pieces(html);
  MarkupPiece p;
  while (pieces.next(p)) {
    const char* kind = p.kind == MarkupPiece::Kind::text ? "T:" : p.kind == MarkupPiece::Kind::other ? "O:" : "S:";
    out.push_back(kind + std::string(p.text));
  }
  return out;
}

std::vector<std::string> attributes(std::string_view html) {
  MarkupPieces pieces(html);
  MarkupPiece p;
  BOOST_REQUIRE(pieces.next(p));
  BOOST_REQUIRE(p.kind == MarkupPiece::Kind::start_tag);
  std::vector<std::string> out;
  TagAttributes attrs(p);
  TagAttribute a;
  while (attrs.next(a))
    out.push_back(std::string(a.name) + (a.has_value ? "=" + std::string(1, a.quote ? a.quote : '_') + std::string(a.value) : ""));
  out.push_back("close:" + std::string(attrs.closing()));
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(markup_pieces)

BOOST_AUTO_TEST_CASE(pieces_cover_the_markup_and_respect_quotes) {
  std::string html = "a<p title=\"x > y\" id='q'>b<!-- <i> --></p><br/>< c<?pi?><!DOCTYPE html><img src=x";
  auto got = cut(html);
  std::vector<std::string> want = {"T:a", "S:<p title=\"x > y\" id='q'>", "T:b", "O:<!-- <i> -->", "O:</p>",
                                   "S:<br/>", "T:<", "T: c", "O:<?pi?>", "O:<!DOCTYPE html>", "S:<img src=x"};
  BOOST_TEST(got == want, boost::test_tools::per_element());
  std::string joined;
  for (auto& g : got) joined += g.substr(2);
  BOOST_TEST(joined == html);
  BOOST_TEST(cut("<a title=\"open").back() == "S:<a title=\"open");
  BOOST_TEST(cut("<!-- open").back() == "O:<!-- open");
}

BOOST_AUTO_TEST_CASE(xml_sections_end_at_their_own_close) {
  std::string x = "<![CDATA[a>b]]><?pi a>b?><p>";
  std::vector<std::string> got;
  MarkupPieces pieces(x, MarkupSyntax::xml);
  MarkupPiece p;
  while (pieces.next(p)) got.push_back(std::string(p.text));
  std::vector<std::string> want = {"<![CDATA[a>b]]>", "<?pi a>b?>", "<p>"};
  BOOST_TEST(got == want, boost::test_tools::per_element());
  // HTML reads both as bogus comments up to the first '>'
  BOOST_TEST(cut(x).front() == "O:<![CDATA[a>");
}

BOOST_AUTO_TEST_CASE(attributes_as_written) {
  auto got = attributes("<img  src = \"a b\" alt=c data-x='1' hidden / =stray />");
  // a "/" not before '>' reads as a name (here with the value "stray")
  std::vector<std::string> want = {"src=\"a b", "alt=_c", "data-x='1", "hidden", "/=_stray", "close: />"};
  BOOST_TEST(got == want, boost::test_tools::per_element());
  BOOST_TEST(attributes("<p>").back() == "close:>");
  // '=' where a name belongs is skipped with the white space before it
  auto stray = attributes("<p = a=1>");
  BOOST_TEST(stray.front() == "a=_1");
  // an attribute's text is its bytes as written, spaces around '=' included
  MarkupPieces one("<p a = 'x' b>");
  MarkupPiece p;
  BOOST_REQUIRE(one.next(p));
  TagAttributes attrs(p);
  TagAttribute a;
  BOOST_REQUIRE(attrs.next(a));
  BOOST_TEST(a.text == "a = 'x'");
  BOOST_REQUIRE(attrs.next(a));
  BOOST_TEST(a.text == "b");
}

BOOST_AUTO_TEST_CASE(repeated_ids_renamed_past_later_ones) {
  IdentifierSet ids;
  std::size_t renamed = 0;
  std::string out = rename_repeated_ids(
      "<p id=\"x\">1</p><p class=\"c\" id=\"x\">2</p><p id=\"x-1\">3</p><p ID='x'>4</p><!-- <p id=\"x\"> -->",
      ids, &renamed);
  BOOST_TEST(out ==
             "<p id=\"x\">1</p><p class=\"c\" id=\"x-2\">2</p><p id=\"x-1\">3</p><p ID='x-3'>4</p><!-- <p id=\"x\"> -->");
  BOOST_TEST(renamed == 2u);
  // the set carries over: a second fragment's "x" is a repeat too
  BOOST_TEST(rename_repeated_ids("<b id=x>", ids) == "<b id=x-4>");
  // no repeat: the markup comes back as it was
  IdentifierSet fresh;
  std::string plain = "<p id=\"a\" title='id=\"a\"'>id=\"a\"</p>";
  BOOST_TEST(rename_repeated_ids(plain, fresh, &renamed) == plain);
  BOOST_TEST(renamed == 0u);
}

BOOST_AUTO_TEST_CASE(attribute_cleaning_keeps_bytes_it_does_not_change) {
  std::size_t removed = 0;
  BOOST_TEST(clean_raw_html_attributes("<a  href='x.html' onclick=\"go()\" title=t>k</a>", &removed) ==
             "<a  href='x.html' title=t>k</a>");
  BOOST_TEST(removed == 1u);
  BOOST_TEST(clean_raw_html_attributes("<a href=\"javascript:go()\">k</a>", &removed).find("javascript") ==
             std::string::npos);
}

// Markup made of the bytes the cutter cares about, from a fixed seed (the same strings on
// every run): the pieces always add up to the markup, and after renaming no start tag's id
// repeats and renaming again changes nothing.
BOOST_AUTO_TEST_CASE(random_markup_invariants) {
  std::mt19937 rng(20261202);
  const std::string alphabet = "<<>>==\"\"''  /!-?aid Dx1";
  for (int round = 0; round < 20000; ++round) {
    std::string html;
    std::size_t len = rng() % 40;
    for (std::size_t k = 0; k < len; ++k) {
      if (rng() % 6 == 0) html += " id=\"x\"";
      else html += alphabet[rng() % alphabet.size()];
    }
    std::string joined;
    MarkupPieces pieces(html);
    MarkupPiece p;
    while (pieces.next(p)) {
      BOOST_REQUIRE(!p.text.empty());
      joined.append(p.text);
    }
    BOOST_REQUIRE_MESSAGE(joined == html, "pieces of '" << html << "'");
    IdentifierSet ids;
    std::string renamed = rename_repeated_ids(html, ids);
    std::set<std::string> seen;
    MarkupPieces again(renamed);
    while (again.next(p)) {
      if (p.kind != MarkupPiece::Kind::start_tag) continue;
      TagAttributes attrs(p);
      TagAttribute a;
      while (attrs.next(a))
        if (a.has_value && ascii_iequals(a.name, "id")) {
          BOOST_REQUIRE_MESSAGE(seen.insert(std::string(a.value)).second, "repeated id in '" << renamed << "' from '" << html << "'");
          break;
        }
    }
    IdentifierSet fresh;
    BOOST_REQUIRE_MESSAGE(rename_repeated_ids(renamed, fresh) == renamed, "renaming '" << renamed << "' again");
  }
}

BOOST_AUTO_TEST_SUITE_END()
