// The warc reader's parts: records (plain and gzip members, positions that
// re-open), HTTP heads and bodies (chunked, gzip, deflate), SHA-1/base32
// digests, URL normalisation and joining, page names, the address check of
// --fetch-resources, and the reader end to end on a small archive.
#include <boost/test/unit_test.hpp>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <netinet/in.h>

#include <string>

#include "../test_deflate.hpp"
#include "fetch/fetch.hpp"
#include "galley/builtin.hpp"
#include "galley/error.hpp"
#include "galley/io.hpp"
#include "galley/meta.hpp"
#include "galley/registry.hpp"
#include "galley/resource_store.hpp"
#include "warc/archive.hpp"
#include "warc/http.hpp"
#include "warc/names.hpp"
#include "warc/record.hpp"
#include "warc/sha1.hpp"

using namespace galley;

namespace {
std::string gz(std::string_view s) { return galley::test::deflate_all(s, 6, 31, 8); }
std::string rec(const std::string& type, const std::string& uri, const std::string& block, const std::string& extra = "") {
  return "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri + "\r\nWARC-Record-ID: <urn:uuid:" + type + uri +
         ">\r\n" + extra + "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}
const std::string kPng("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
sockaddr_storage v4(const char* a) {
  sockaddr_storage s{};
  auto* p = reinterpret_cast<sockaddr_in*>(&s);
  p->sin_family = AF_INET;
  inet_pton(AF_INET, a, &p->sin_addr);
  return s;
}
sockaddr_storage v6(const char* a) {
  sockaddr_storage s{};
  auto* p = reinterpret_cast<sockaddr_in6*>(&s);
  p->sin6_family = AF_INET6;
  inet_pton(AF_INET6, a, &p->sin6_addr);
  return s;
}
std::string refusal(const sockaddr_storage& s) { return fetch::address_refusal(reinterpret_cast<const sockaddr*>(&s)); }
}  // namespace

BOOST_AUTO_TEST_SUITE(warc_reader)

BOOST_AUTO_TEST_CASE(sha1_and_base32_known_answers) {
  // FIPS 180 test vectors; base32 per RFC 4648
  BOOST_TEST(warc::sha1_digest("abc") == "sha1:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5");
  BOOST_TEST(warc::sha1_digest("") == "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ");
  warc::Sha1 s;  // in pieces across the 64-byte blocks
  std::string million(1000000, 'a');
  for (std::size_t i = 0; i < million.size(); i += 777) s.update(std::string_view(million).substr(i, 777));
  auto d = s.finish();
  BOOST_TEST(warc::base32(d.data(), d.size()) == "GSVJOPGUYTNKJ5Q65MV5XLJHGFSTIALP");  // 34aa973c...016f (FIPS 180), base32
  BOOST_TEST(warc::base32(reinterpret_cast<const unsigned char*>("f"), 1) == "MY======");
}

BOOST_AUTO_TEST_CASE(records_plain_and_gzip_members_reopen_at_their_positions) {
  std::string a = rec("resource", "http://x/a", "AAAA"), b = rec("resource", "http://x/b", std::string(100000, 'b'));
  for (bool zipped : {false, true}) {
    std::string file = zipped ? gz(a) + gz(b) : a + b;
    warc::MemorySource src(file);
    warc::RecordReader rr(src);
    Diagnostics diag;
    auto h1 = rr.next(diag);
    BOOST_REQUIRE(h1);
    BOOST_TEST(h1->get("warc-target-uri") == "http://x/a");
    BOOST_TEST(*rr.block_string(100) == "AAAA");
    auto h2 = rr.next(diag);
    BOOST_REQUIRE(h2);
    BOOST_TEST(h2->length == 100000u);  // left unread: next() skips it
    BOOST_TEST(!rr.next(diag));
    BOOST_TEST(diag.warning_count() == 0u);
    warc::RecordReader again(src, h2->at);
    auto h = again.next(diag);
    BOOST_REQUIRE(h);
    BOOST_TEST(h->get("WARC-Target-URI") == "http://x/b");
    BOOST_TEST(again.block_string(1 << 20)->size() == 100000u);
  }
}

BOOST_AUTO_TEST_CASE(not_a_warc_and_broken_records) {
  Diagnostics diag;
  warc::MemorySource not_warc("<html>hello</html>");
  warc::RecordReader r1(not_warc);
  BOOST_CHECK_THROW(r1.next(diag), InputError);
  // a Content-Length that is too short: a warning, then the next record
  std::string bad = "WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 2\r\n\r\nABCDEF\r\n\r\n" + rec("resource", "http://x/c", "C");
  warc::MemorySource src(bad);
  warc::RecordReader r2(src);
  BOOST_REQUIRE(r2.next(diag));
  auto h = r2.next(diag);
  BOOST_REQUIRE(h);
  BOOST_TEST(h->get("WARC-Target-URI") == "http://x/c");
  BOOST_TEST(diag.warning_count() == 1u);
  // a truncated gzip member throws a clear error
  std::string z = gz(rec("resource", "http://x/d", std::string(5000, 'd')));
  warc::MemorySource cut(std::string_view(z).substr(0, z.size() / 2));
  warc::RecordReader r3(cut);
  BOOST_CHECK_THROW({ r3.next(diag); r3.next(diag); }, InputError);
}

BOOST_AUTO_TEST_CASE(http_heads_and_bodies) {
  std::string why;
  auto h = warc::parse_http_head("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"ISO-8859-1\"\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nWiki\r\n5;x=y\r\npedia\r\n0\r\n\r\n", &why);
  BOOST_REQUIRE(h);
  BOOST_TEST(h->status == 200);
  BOOST_TEST(warc::charset_of(h->get("content-type")) == "ISO-8859-1");
  BOOST_TEST(warc::media_type_of(h->get("content-type")) == "text/html");
  std::string block = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"ISO-8859-1\"\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nWiki\r\n5;x=y\r\npedia\r\n0\r\n\r\n";
  auto body = warc::decode_body(*h, std::string_view(block).substr(h->body_offset), 1000, &why);
  BOOST_REQUIRE(body);
  BOOST_TEST(*body == "Wikipedia");
  BOOST_TEST(!warc::parse_http_head("HTTP/1.1 OK\r\n\r\n", &why));
  BOOST_TEST(!warc::parse_http_head("HTTP/1.1 200 OK\r\nno colon\r\n\r\n", &why));
  BOOST_TEST(!warc::parse_http_head("HTTP/1.1 200 OK\r\nX: y", &why));  // no end of the head
  warc::HttpHead g;
  g.fields = {{"Content-Encoding", "gzip"}};
  BOOST_TEST(*warc::decode_body(g, gz("hello"), 100, &why) == "hello");
  BOOST_TEST(!warc::decode_body(g, gz(std::string(5000, 'z')), 1000, &why));  // over the limit: refused
  BOOST_TEST(!warc::decode_body(g, "not gzip", 100, &why));
  BOOST_TEST(!warc::dechunk("ffff\r\nabc\r\n0\r\n\r\n", 100, &why));  // a chunk longer than the body
}

BOOST_AUTO_TEST_CASE(urls_and_names) {
  BOOST_TEST(normalise_resource_url("HTTP://Example.COM:80/a#frag") == "http://example.com/a");
  BOOST_TEST(normalise_resource_url("https://x.org:443") == "https://x.org/");
  BOOST_TEST(normalise_resource_url("http://[::1]:80/p") == "http://[::1]/p");
  BOOST_TEST(normalise_resource_url("http://x.org:8080/p?q") == "http://x.org:8080/p?q");
  BOOST_TEST(warc::join_url("http://x.org/a/b.html", "../img/c.png") == "http://x.org/img/c.png");
  BOOST_TEST(warc::join_url("http://x.org/a/b.html", "/d") == "http://x.org/d");
  BOOST_TEST(warc::join_url("https://x.org/a/", "//cdn.org/e") == "https://cdn.org/e");
  BOOST_TEST(warc::page_name("http://Example.com:8080/news/story.html?id=3") == "Example.com_8080/news/story_id_3");
  BOOST_TEST(warc::page_name("http://x.org/") == "x.org/index");
  BOOST_TEST(warc::page_name("http://x.org/../..") == "x.org/_../_..");
  BOOST_TEST(warc::page_name("http://x.org/a/..html") == "x.org/a/_.");   // not "." once .html is gone
  BOOST_TEST(warc::page_name("http://x.org/a/...htm") == "x.org/a/_..");  // nor ".."
  auto names = warc::page_names({"http://x.org/a.html", "http://x.org/A.htm", "http://x.org/a"});
  BOOST_TEST(names[0] == "x.org/a");
  BOOST_TEST(names[1] == "x.org/A-2");
  BOOST_TEST(names[2] == "x.org/a-3");
}

BOOST_AUTO_TEST_CASE(address_check_of_fetching) {
  for (const char* a : {"127.0.0.1", "127.255.0.9", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                        "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255"})
    BOOST_TEST(!refusal(v4(a)).empty(), a);
  for (const char* a : {"::1", "::", "fe80::1", "fc00::1", "fd12::3", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
                        "64:ff9b::a9fe:a9fe"})
    BOOST_TEST(!refusal(v6(a)).empty(), a);
  for (const char* a : {"93.184.216.34", "8.8.8.8", "172.32.0.1", "192.169.0.1"}) BOOST_TEST(refusal(v4(a)).empty(), a);
  BOOST_TEST(refusal(v6("2606:4700::1111")).empty());
  BOOST_TEST(refusal(v4("169.254.169.254")) == "link-local");
  BOOST_TEST(refusal(v6("::1")) == "loopback");
}

BOOST_AUTO_TEST_CASE(reader_takes_images_from_the_archive_through_revisits_and_redirects) {
  std::string page = "<html><head><title>T</title></head><body><article><h1>T</h1><p>Some long enough paragraph of the "
                     "article text, with words.</p><p><img src='/old/a.png' alt='A'><img src='b.png'><img src='c.png' alt='C'></p>"
                     "<p>Another paragraph of text that is long enough for extraction.</p></article></body></html>";
  std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page;
  std::string img = "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n" + kPng;
  std::string archive =
      rec("response", "http://x.org/p/page.html", http) +
      rec("response", "http://x.org/old/a.png", "HTTP/1.1 301 Moved\r\nLocation: /a.png\r\n\r\n") +
      rec("response", "http://x.org/a.png", img, "WARC-Payload-Digest: " + warc::sha1_digest(kPng) + "\r\n") +
      rec("response", "http://x.org/p/b.png", img) +
      rec("revisit", "http://x.org/p/b.png", "HTTP/1.1 200 OK\r\n\r\n", "WARC-Refers-To: <urn:uuid:responsehttp://x.org/p/b.png>\r\n");
  Registry reg = builtin_registry();
  auto* entry = reg.find_reader("warc");
  BOOST_REQUIRE(entry && entry->list_articles);
  ReaderOptions o;
  Diagnostics diag;
  auto pages = entry->list_articles(archive, o, diag);
  BOOST_REQUIRE(pages.size() == 1u);
  BOOST_TEST(pages[0].url == "http://x.org/p/page.html");
  Document doc = entry->make()->read(archive, o, diag);
  BOOST_REQUIRE(doc.resources);
  BOOST_TEST(doc.resources->find("http://x.org/old/a.png"));  // through the redirect
  BOOST_TEST(doc.resources->find("http://x.org/p/b.png"));    // the latest capture: a revisit
  BOOST_TEST(!doc.resources->find("http://x.org/p/c.png"));   // not in the archive: reported
  BOOST_TEST(diag.count("resource-missing") == 1u);
  auto* w = meta_get(doc.meta, "warc");
  BOOST_REQUIRE(w);
  Resources res;
  res.store = doc.resources;
  BOOST_TEST(remote_image_available("http://x.org/old/a.png", res));
  BOOST_TEST(!remote_image_available("http://x.org/p/c.png", res));
}

BOOST_AUTO_TEST_SUITE_END()
