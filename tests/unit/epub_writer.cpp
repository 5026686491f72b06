// The EPUB writer (converters/epub): unzip the result and look inside.
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <unistd.h>

#include "epub/epub.hpp"
#include "galley/builder.hpp"
#include "galley/detail/zip.hpp"

extern "C" {
struct _xmlDoc;
_xmlDoc* xmlReadMemory(const char* buffer, int size, const char* url, const char* encoding, int options);
void xmlFreeDoc(_xmlDoc* doc);
}

using namespace galley;
namespace fs = std::filesystem;

BOOST_AUTO_TEST_SUITE(epub_writer)
namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

bool well_formed(const std::string& xml) {
  constexpr int nonet = 1 << 11, noerror = 1 << 5, nowarning = 1 << 6;
  _xmlDoc* d = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "t.xml", "UTF-8", nonet | noerror | nowarning);
  if (!d) return false;
  xmlFreeDoc(d);
  return true;
}

// A 1x1 transparent PNG.
const unsigned char kPng[] = {0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48,
                              0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00,
                              0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78,
                              0x9c, 0x63, 0x60, 0x00, 0x02, 0x00, 0x00, 0x05, 0x00, 0x01, 0xe9, 0xfa, 0xdc, 0xd8,
                              0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};

struct Fixture {
  fs::path dir;
  Fixture() {
    dir = fs::temp_directory_path() / ("galley-epub-test-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "photo.png", std::ios::binary).write(reinterpret_cast<const char*>(kPng), sizeof kPng);
    dir = fs::canonical(dir);
  }
  ~Fixture() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

Document article(bool alt = true) {
  Document d;
  d.meta["title"] = meta_inlines("Bắc Giang: bình đẳng giới");
  d.meta["subject"] = meta_inlines("Xã hội");
  d.meta["author"] = MetaList{{meta_inlines("Nguyễn Hiền")}};
  d.meta["date"] = meta_string("2019-11-25T13:38");
  d.meta["lang"] = meta_string("vi");
  d.meta["abstract"] = MetaBlocks{{para("Những năm qua, tỉnh Bắc Giang rất chú trọng.")}};
  d.meta["credit"] = meta_inlines("LĐXH");
  Inlines img_para = text("Ảnh:");
  img_para.push_back(Space{});
  img_para.push_back(Image{Attr{}, alt ? text("Quang cảnh hội nghị") : Inlines{}, Target{"photo.png", ""}});
  d.blocks.push_back(Para{img_para});
  Inlines with_note = text("Một câu có chú thích");
  with_note.push_back(Note{{para("Nội dung chú thích.")}});
  d.blocks.push_back(Para{with_note});
  d.blocks.push_back(header(1, "Phần một", "phan-1"));
  d.blocks.push_back(para("Đoạn văn."));
  d.blocks.push_back(header(1, "Phần hai"));
  Inlines link = text("Xem");
  link.push_back(Space{});
  link.push_back(Link{Attr{}, text("phần một"), Target{"#phan-1", ""}});
  link.push_back(Space{});
  link.push_back(Image{Attr{}, text("ảnh từ xa"), Target{"https://example.com/x.jpg", ""}});
  d.blocks.push_back(Para{link});
  return d;
}

std::map<std::string, std::string> unzip(const std::string& bytes, std::string* first = nullptr) {
  std::map<std::string, std::string> m;
  auto entries = detail::read_zip(bytes);
  if (first && !entries.empty()) *first = entries.front().name;
  for (auto& e : entries) m[e.name] = e.data;
  return m;
}

std::string write(const Document& d, const fs::path& root, Diagnostics& diag) {
  WriterOptions o;
  o.resources.root = root.string();
  o.source_date_epoch = 1574689080;  // 2019-11-25T13:38:00Z
  return epub::make_writer()->write(d, o, diag);
}

}  // namespace

BOOST_FIXTURE_TEST_CASE(container_and_metadata, Fixture) {
  Diagnostics diag;
  std::string bytes = write(article(), dir, diag);
  BOOST_CHECK_EQUAL(bytes.substr(30, 8), "mimetype");  // first local header's file name
  BOOST_CHECK_EQUAL(bytes.substr(38, 20), "application/epub+zip");  // stored: no extra field, no compression
  std::string first;
  auto z = unzip(bytes, &first);
  BOOST_CHECK_EQUAL(first, "mimetype");
  BOOST_REQUIRE(z.count("META-INF/container.xml"));
  BOOST_REQUIRE(z.count("EPUB/package.opf"));
  const std::string& opf = z["EPUB/package.opf"];
  BOOST_CHECK(well_formed(opf));
  BOOST_CHECK(contains(opf, "<dc:title id=\"title\">Bắc Giang: bình đẳng giới</dc:title>"));
  BOOST_CHECK(contains(opf, "<dc:language>vi</dc:language>"));
  BOOST_CHECK(contains(opf, ">Nguyễn Hiền</dc:creator>"));
  BOOST_CHECK(contains(opf, "<dc:date>2019-11-25</dc:date>"));
  BOOST_CHECK(contains(opf, "<dc:subject>Xã hội</dc:subject>"));
  BOOST_CHECK(contains(opf, "<dc:description>Những năm qua"));
  BOOST_CHECK(contains(opf, "<meta property=\"dcterms:modified\">2019-11-25T13:38:00Z</meta>"));
  BOOST_CHECK(contains(opf, "urn:uuid:"));
  BOOST_CHECK(contains(opf, "schema:accessMode"));
  BOOST_CHECK(contains(opf, "schema:accessibilitySummary"));
  BOOST_CHECK(contains(opf, "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"));
  BOOST_CHECK(contains(opf, "properties=\"nav\""));
  BOOST_CHECK(contains(opf, "<spine toc=\"ncx\">"));
  BOOST_REQUIRE(z.count("EPUB/toc.ncx"));
  BOOST_CHECK(well_formed(z["EPUB/toc.ncx"]));
  BOOST_REQUIRE(z.count("EPUB/nav.xhtml"));
  BOOST_CHECK(contains(z["EPUB/nav.xhtml"], "epub:type=\"landmarks\""));
  for (auto& [name, data] : z)
    if (name.size() > 6 && name.substr(name.size() - 6) == ".xhtml") BOOST_CHECK_MESSAGE(well_formed(data), name);
  // title page from the metadata
  const std::string& tp = z["EPUB/title_page.xhtml"];
  BOOST_CHECK(contains(tp, "Xã hội"));
  BOOST_CHECK(contains(tp, "<h1"));
  BOOST_CHECK(contains(tp, "Nguyễn Hiền"));
  BOOST_CHECK(contains(tp, "datetime=\"2019-11-25T13:38\""));
}

BOOST_FIXTURE_TEST_CASE(images_notes_links, Fixture) {
  Diagnostics diag;
  auto z = unzip(write(article(), dir, diag));
  // local image embedded with its sniffed type, remote one replaced by a link
  BOOST_REQUIRE(z.count("EPUB/media/image-1.png"));
  BOOST_CHECK_EQUAL(z["EPUB/media/image-1.png"], std::string(reinterpret_cast<const char*>(kPng), sizeof kPng));
  BOOST_CHECK(contains(z["EPUB/package.opf"], "href=\"media/image-1.png\" media-type=\"image/png\""));
  BOOST_CHECK_EQUAL(z.size(), 11u);  // mimetype container opf nav ncx css title ch001-003 png
  const std::string& ch1 = z["EPUB/ch001.xhtml"];
  BOOST_CHECK(contains(ch1, "src=\"media/image-1.png\""));
  BOOST_CHECK(contains(ch1, "alt=\"Quang cảnh hội nghị\""));
  // footnote with links both ways
  BOOST_CHECK(contains(ch1, "epub:type=\"noteref\""));
  BOOST_CHECK(contains(ch1, "epub:type=\"footnote\""));
  BOOST_CHECK(contains(ch1, "role=\"doc-footnote\""));
  auto ref = ch1.find("epub:type=\"noteref\"");
  auto tag_start = ch1.rfind('<', ref);
  auto tag_end = ch1.find('>', ref);
  std::string tag = ch1.substr(tag_start, tag_end - tag_start);
  auto h = tag.find("href=\"#");
  BOOST_REQUIRE(h != std::string::npos);
  std::string target = tag.substr(h + 7, tag.find('"', h + 7) - h - 7);
  BOOST_CHECK_MESSAGE(contains(ch1, "id=\"" + target + "\""), "note target " + target);
  auto aside = ch1.find("<aside");
  BOOST_REQUIRE(aside != std::string::npos);
  auto back = ch1.find("href=\"#", aside);
  BOOST_REQUIRE(back != std::string::npos);
  std::string back_target = ch1.substr(back + 7, ch1.find('"', back + 7) - back - 7);
  BOOST_CHECK_MESSAGE(contains(ch1.substr(0, aside), "id=\"" + back_target + "\""), "back-link " + back_target);
  // cross-chapter link rewritten; remote image became a link
  const std::string& ch3 = z["EPUB/ch003.xhtml"];
  BOOST_CHECK(contains(ch3, "href=\"ch002.xhtml#phan-1\""));
  BOOST_CHECK(contains(ch3, "href=\"https://example.com/x.jpg\""));
  BOOST_CHECK(!contains(ch3, "<img"));
  BOOST_CHECK(diag.count("resource-refused") >= 1);
  BOOST_CHECK(contains(z["EPUB/nav.xhtml"], "href=\"ch003.xhtml#phần-hai\""));
}

BOOST_FIXTURE_TEST_CASE(deterministic, Fixture) {
  Diagnostics d1, d2;
  std::string a = write(article(), dir, d1);
  std::string b = write(article(), dir, d2);
  BOOST_CHECK(a == b);
  // the derived identifier depends on the content
  Document other = article();
  other.blocks.push_back(para("Thêm."));
  Diagnostics d3;
  auto za = unzip(a), zo = unzip(write(other, dir, d3));
  auto id = [](const std::string& opf) {
    auto p = opf.find("urn:uuid:");
    return opf.substr(p, 45);
  };
  BOOST_CHECK(id(za["EPUB/package.opf"]) != id(zo["EPUB/package.opf"]));
}

BOOST_FIXTURE_TEST_CASE(no_conformance_claim_without_alt_text, Fixture) {
  Diagnostics diag;
  auto z = unzip(write(article(false), dir, diag));
  const std::string& opf = z["EPUB/package.opf"];
  BOOST_CHECK(contains(opf, "schema:accessMode"));
  BOOST_CHECK(!contains(opf, "dcterms:conformsTo"));
  BOOST_CHECK(!contains(opf, "<meta property=\"schema:accessibilityFeature\">alternativeText"));
}

BOOST_FIXTURE_TEST_CASE(cover_and_identifier, Fixture) {
  Document d = article();
  d.meta["identifier"] = meta_string("https://example.com/a/1");
  d.meta["image"] = meta_string("photo.png");
  Diagnostics diag;
  auto z = unzip(write(d, dir, diag));
  const std::string& opf = z["EPUB/package.opf"];
  BOOST_CHECK(contains(opf, "<dc:identifier id=\"pub-id\">https://example.com/a/1</dc:identifier>"));
  BOOST_CHECK(contains(opf, "properties=\"cover-image\""));
  BOOST_CHECK(z.count("EPUB/media/cover.png"));
  BOOST_CHECK(z.count("EPUB/cover.xhtml"));
  BOOST_CHECK(contains(z["EPUB/toc.ncx"], "content=\"https://example.com/a/1\""));
}

BOOST_FIXTURE_TEST_CASE(web_page_leftovers, Fixture) {
  Document d = article();
  d.blocks.push_back(Div{Attr{"", {}, {{"style", "direction: rtl; color: red"}, {"tabindex", "1"}}}, {para("x")}});
  d.blocks.push_back(RawBlock{"html", "<iframe src=\"https://player.example.com/v/1\" frameborder=\"0\"></iframe>"});
  d.blocks.push_back(Para{Inlines{Link{Attr{}, text("blank"), Target{"about:blank", ""}}}});
  d.blocks.push_back(RawBlock{"html", "<hr id=\"r\"/>"});
  d.blocks.push_back(RawBlock{"html", "<hr id=\"r\"/>"});
  Diagnostics diag;
  auto z = unzip(write(d, dir, diag));
  const std::string& ch = z["EPUB/ch003.xhtml"];
  BOOST_CHECK(well_formed(ch));
  BOOST_CHECK(!contains(ch, "direction"));
  BOOST_CHECK(!contains(ch, "tabindex"));
  BOOST_CHECK(contains(ch, "dir=\"rtl\""));
  BOOST_CHECK(!contains(ch, "<iframe"));
  BOOST_CHECK(contains(ch, "href=\"https://player.example.com/v/1\""));
  BOOST_CHECK(!contains(ch, "about:blank"));
  BOOST_CHECK(contains(ch, "id=\"r-1\""));
  BOOST_CHECK(diag.count("lost-content") >= 2);
}

BOOST_AUTO_TEST_SUITE_END()
