// The warc reader reading its file record by record (ReaderOptions::input_file),
// with one index per archive shared by its articles (galley::InputIndexCache); a
// WACZ's stored WARCs as windows on the zip; picture candidates (srcset,
// <picture>) chosen by what the archive holds; the fetch budget of
// --fetch-resources and the provenance statements EPUB and print HTML write.
#include <boost/test/unit_test.hpp>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>

#include "galley/ast.hpp"
#include "galley/builtin.hpp"
#include "galley/convert.hpp"
#include "galley/detail/zip.hpp"
#include "galley/error.hpp"
#include "galley/input_index.hpp"
#include "galley/io.hpp"
#include "galley/meta.hpp"
#include "galley/provenance.hpp"
#include "galley/registry.hpp"
#include "galley/resource_store.hpp"
#include "galley/walk.hpp"
#include "warc/candidates.hpp"
#include "warc/stream.hpp"
#include "warc/wacz.hpp"

using namespace galley;

BOOST_AUTO_TEST_SUITE(warc_streaming)

namespace {
std::string record(const std::string& uri, const std::string& type, const std::string& body) {
  std::string http = "HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\n\r\n" + body;
  return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri + "\r\nWARC-Record-ID: <urn:uuid:" + uri +
         ">\r\nContent-Length: " + std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
}
const std::string kPngBytes("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0", 29);
std::string page(int i, const std::string& pictures) {
  return "<html><head><title>Story " + std::to_string(i) + "</title></head><body><article><h1>Story " +
         std::to_string(i) + "</h1><p>A paragraph of the article that is long enough to be kept by the extraction.</p>" +
         pictures + "<p>Another paragraph of the article text, also long enough to be kept.</p></article></body></html>";
}
struct TempFile {
  std::string path;
  explicit TempFile(const std::string& bytes, const char* suffix) {
    char tmpl[] = "/tmp/galley-warc-streaming-XXXXXX";
    int fd = mkstemp(tmpl);
    BOOST_REQUIRE(fd >= 0);
    ::close(fd);
    std::remove(tmpl);
    path = std::string(tmpl) + suffix;
    std::ofstream(path, std::ios::binary) << bytes;
  }
  ~TempFile() { std::remove(path.c_str()); }
};
// An index cache that counts the indexes it was asked to make.
struct CountingIndex : InputIndex {};
}  // namespace

BOOST_AUTO_TEST_CASE(index_cache_makes_each_index_once_and_keeps_a_few) {
  InputIndexCache cache(2);
  std::atomic<int> made{0};
  auto make = [&] {
    ++made;
    return std::shared_ptr<const InputIndex>(std::make_shared<CountingIndex>());
  };
  std::vector<std::thread> ts;
  for (int t = 0; t < 4; ++t) ts.emplace_back([&] { cache.get("a", make); });
  for (auto& t : ts) t.join();
  BOOST_TEST(made.load() == 1);
  cache.get("b", make);
  cache.get("c", make);  // drops "a", the least recently used
  BOOST_TEST(cache.size() == 2u);
  cache.get("a", make);
  BOOST_TEST(made.load() == 4);
  BOOST_CHECK_THROW(cache.get("x", []() -> std::shared_ptr<const InputIndex> { throw InputError("t.x", "no"); }),
                    InputError);
  BOOST_TEST(cache.get("x", make) != nullptr);  // a failure is not kept
}

BOOST_AUTO_TEST_CASE(reader_reads_its_file_and_shares_the_index_between_pages) {
  std::string archive;
  for (int i = 0; i < 3; ++i) {
    std::string n = std::to_string(i);
    archive += record("http://x.org/" + n + ".html", "text/html",
                      page(i, "<figure><img src='/img/" + n + ".png' alt='P'><figcaption>C.</figcaption></figure>"));
    archive += record("http://x.org/img/" + n + ".png", "image/png", kPngBytes);
  }
  TempFile f(archive, ".warc");
  Registry reg = builtin_registry();
  const ReaderEntry* entry = reg.find_reader("warc");
  BOOST_REQUIRE(entry && entry->opens_input);
  ReaderOptions o;
  o.input_file = f.path;
  o.input_name = f.path;
  o.indexes = std::make_shared<InputIndexCache>();
  Diagnostics diag;
  auto pages = entry->list_articles({}, o, diag);
  BOOST_REQUIRE(pages.size() == 3u);
  BOOST_TEST(o.indexes->size() == 1u);
  for (auto& p : pages) {
    ReaderOptions one = o;
    one.article = p.url;
    Document doc = entry->make()->read({}, one, diag);
    BOOST_REQUIRE(doc.resources);
    BOOST_TEST(doc.resources->size() == 1u);
  }
  BOOST_TEST(o.indexes->size() == 1u);
  // the same bytes given in memory make the same document
  ReaderOptions mem;
  mem.article = pages[1].url;
  mem.input_name = f.path;
  Document a = entry->make()->read(archive, mem, diag);
  ReaderOptions file = o;
  file.article = pages[1].url;
  Document b = entry->make()->read({}, file, diag);
  BOOST_TEST(a.blocks == b.blocks);
  BOOST_TEST(a.meta == b.meta);
}

BOOST_AUTO_TEST_CASE(wacz_stored_warcs_are_windows_on_the_zip) {
  std::string warc = record("http://x.org/a.html", "text/html", page(1, "<p><img src='/a.png' alt='A'></p>")) +
                     record("http://x.org/a.png", "image/png", kPngBytes);
  std::vector<detail::ZipEntry> entries = {{"datapackage.json", "{}", false},
                                           {"archive/data.warc", warc, true},
                                           {"pages/pages.jsonl", "{}", false}};
  std::string zip = detail::make_zip(entries, 0);
  warc::MemorySource src(zip);
  BOOST_TEST(warc::looks_like_zip(src));
  auto members = warc::wacz_members(src);
  BOOST_REQUIRE(members.size() == 1u);
  BOOST_TEST(members[0].stored);
  BOOST_TEST(zip.substr(members[0].offset, members[0].size) == warc);
  TempFile f(zip, ".wacz");
  Registry reg = builtin_registry();
  const ReaderEntry* entry = reg.find_reader("warc");
  ReaderOptions o;
  o.input_file = f.path;
  o.input_name = f.path;
  Diagnostics diag;
  Document doc = entry->make()->read({}, o, diag);
  BOOST_REQUIRE(doc.resources);
  BOOST_TEST(doc.resources->find("http://x.org/a.png"));
  // a broken directory is a clear error
  std::string cut = zip.substr(0, zip.size() - 30);
  warc::MemorySource bad(cut);
  BOOST_CHECK_THROW(warc::wacz_members(bad), InputError);
}

BOOST_AUTO_TEST_CASE(srcset_entries_and_candidate_groups) {
  auto e = warc::srcset_entries("a.jpg 400w, b.jpg 1600w,c.jpg, d.jpg 2x");
  BOOST_REQUIRE(e.size() == 4u);
  BOOST_TEST(e[0].first == "a.jpg");
  BOOST_TEST(e[1].second == 1600.0);
  BOOST_TEST(e[2].second == 1000.0);
  BOOST_TEST(e[3].second == 2000.0);
  warc::Candidates c("<img src='s.jpg' srcset='s.jpg 400w, l.jpg 1600w'>"
                     "<picture><source srcset='/p/big.webp 2000w'><img src='/p/fallback.jpg'></picture><img src='x.jpg'>",
                     "http://x.org/news/a.html");
  BOOST_TEST(c.groups() == 2u);  // a lone <img> is no group
  auto* g = c.group_of("http://x.org/news/s.jpg");
  BOOST_REQUIRE(g);
  BOOST_TEST(g->front().url == "http://x.org/news/l.jpg");
  auto* p = c.group_of("/p/fallback.jpg");
  BOOST_REQUIRE(p);
  BOOST_TEST(p->front().url == "http://x.org/p/big.webp");
  BOOST_TEST(!c.group_of("x.jpg"));
}

BOOST_AUTO_TEST_CASE(the_best_candidate_the_archive_holds_is_embedded) {
  std::string html = page(1, "<figure><img src='/i/s.png' srcset='/i/s.png 400w, /i/m.png 800w, /i/l.png 1600w' "
                             "alt='A'><figcaption>C.</figcaption></figure>");
  std::string archive = record("http://x.org/a.html", "text/html", html) +
                        record("http://x.org/i/s.png", "image/png", kPngBytes) +
                        record("http://x.org/i/m.png", "image/png", kPngBytes);  // l.png was not archived
  Registry reg = builtin_registry();
  ReaderOptions o;
  Diagnostics diag;
  Document doc = reg.find_reader("warc")->make()->read(archive, o, diag);
  std::vector<std::string> urls;
  walk_inlines(doc, [&](Inline& in) {
    if (auto* img = in.as<Image>()) urls.push_back(img->target.url);
  });
  BOOST_REQUIRE(urls.size() == 1u);
  BOOST_TEST(urls[0] == "http://x.org/i/m.png");
  BOOST_REQUIRE(doc.resources);
  BOOST_TEST(doc.resources->find("http://x.org/i/m.png"));
  BOOST_TEST(diag.count("resource-missing") == 0u);
}

namespace {
// A fetcher that serves N bytes for any URL and counts the calls.
class FakeFetcher : public ResourceFetcher {
 public:
  explicit FakeFetcher(std::size_t n) : n_(n) {}
  std::optional<StoredResource> fetch(std::string_view url, const Limits&, Diagnostics&) override {
    ++calls;
    StoredResource r;
    r.bytes = kPngBytes + std::string(n_, 'x');
    r.media_type = "image/png";
    r.provenance = {{"fetched-from", std::string(url)}, {"http-status", "200"}, {"sha256", "00"}};
    return r;
  }
  int calls = 0;

 private:
  std::size_t n_;
};
}  // namespace

BOOST_AUTO_TEST_CASE(fetch_budget_per_article_and_provenance) {
  Document doc;
  Inlines in;
  for (int i = 0; i < 5; ++i) in.push_back(Image{{}, {Str{"p"}}, {"http://x.org/" + std::to_string(i) + ".png", ""}});
  doc.blocks.push_back(Para{in});
  auto fetcher = std::make_shared<FakeFetcher>(100);
  Resources res;
  res.allow_network = true;
  res.fetcher = fetcher;
  Limits lim;
  lim.max_fetch_count = 3;
  lim.max_fetch_bytes = 2 * (kPngBytes.size() + 100) + 10;  // room for two
  Diagnostics diag;
  fetch_document_images(doc, res, lim, diag);
  BOOST_TEST(fetcher->calls == 3);
  BOOST_REQUIRE(doc.resources);
  BOOST_TEST(doc.resources->fetched());
  BOOST_TEST(doc.resources->find("http://x.org/0.png"));
  BOOST_TEST(doc.resources->find("http://x.org/1.png"));
  BOOST_TEST(!doc.resources->find("http://x.org/2.png"));  // over the bytes
  BOOST_TEST(diag.count("fetch-budget") == 2u);            // bytes once, count once
  res.store = doc.resources;
  BOOST_TEST(!remote_image_available("http://x.org/4.png", res));  // writers fetch nothing more
  auto statements = provenance_statements(doc.meta);
  BOOST_REQUIRE(statements.size() == 2u);
  BOOST_TEST(statements[0].find("Image http://x.org/0.png: fetched") == 0u);
  BOOST_TEST(provenance_keys().count("fetch") == 1u);
  // no network: nothing happens
  Document quiet;
  quiet.blocks.push_back(Para{in});
  Resources off;
  fetch_document_images(quiet, off, lim, diag);
  BOOST_TEST(!quiet.resources);
  BOOST_TEST(quiet.meta.count("fetch") == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
