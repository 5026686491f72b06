// Fuzz the warc converter's parsing layers alone, below the HTML conversion:
// record framing and fields, gzip members, the WACZ (zip) directory, HTTP
// status lines and fields, chunked transfer coding, gzip/deflate/br content
// codings, charsets, revisit and redirect resolution, page names. No page
// becomes a Document, so this runs thousands of inputs a second where
// fuzz_warc_reader (end to end, with article extraction) runs a hundred.
// Any bytes give results or a galley::Error, never a crash, a hang or
// unbounded memory; page names must stay safe relative paths.
// The first byte chooses how the rest is seen; modes 0-3 mean what they mean
// in fuzz_warc_reader, so its inputs (tests/fuzz/regressions/fuzz_warc_reader)
// are seeds here too:
//   0 a whole file (WARC, WARC.gz, WACZ)   1 one response record's block
//   2 an HTML body, gzip-encoded           3 a revisit and a redirect in front
//   4 an HTTP body under the codings the next byte picks
//   5 a WARC split into one gzip member per record (as .warc.gz writers do)
//   6 a WARC inside a WACZ, stored or deflated (the next byte)
//   7 HTTP head and body alone: parse_http_head, decode_body, dechunk
#include <zlib.h>

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>

#include "../test_deflate.hpp"
#include "fuzz_common.hpp"
#include "galley/error.hpp"
#include "warc/archive.hpp"
#include "warc/http.hpp"
#include "warc/names.hpp"
#include "warc/open.hpp"
#include "warc/sha1.hpp"

namespace {
using namespace galley::warc;

std::string record(std::string_view type, std::string_view uri, std::string_view block, std::string_view extra = {}) {
  return "WARC/1.1\r\nWARC-Type: " + std::string(type) + "\r\nWARC-Target-URI: " + std::string(uri) +
         "\r\nWARC-Record-ID: <urn:uuid:" + std::string(uri.substr(uri.size() - 1)) + ">\r\n" + std::string(extra) +
         "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n" + std::string(block) + "\r\n\r\n";
}

// zlib's deflate: gzip (kGzip), zlib-wrapped (kZlib) or raw (kRaw). A 512-byte
// window and the least memory: deflate's state (256 KiB at the defaults, zeroed on
// each reset) was a tenth of the run time; any window decodes with inflate's 32 KiB.
constexpr int kGzip = 16 + 9, kZlib = 9, kRaw = -9;
std::string compress(std::string_view in, int wbits) { return galley::test::deflate_all(in, 1, wbits, 1); }

std::string chunked(std::string_view body, std::size_t piece) {
  std::string out;
  char size[32];
  for (std::size_t i = 0; i < body.size(); i += piece) {
    auto c = body.substr(i, piece);
    std::snprintf(size, sizeof size, "%zx\r\n", c.size());
    out += size;
    out.append(c);
    out += "\r\n";
  }
  return out + "0\r\n\r\n";
}

void le(std::string& s, std::uint64_t v, int n) {
  for (int i = 0; i < n; ++i) s += static_cast<char>((v >> (8 * i)) & 0xff);
}

// A zip of one archive/*.warc entry and a datapackage.json, stored or deflated:
// what a WACZ writer makes, so that the WARC inside is reached through the
// directory (stored: windows on the zip; deflated: the zip read whole).
std::string wacz(std::string_view warc, bool deflated) {
  struct Member { std::string name, data; };
  Member members[] = {{"datapackage.json", "{\"profile\":\"data-package\",\"resources\":[]}"},
                      {"archive/data.warc", std::string(warc)}};
  std::string zip, dir;
  for (auto& m : members) {
    std::string data = deflated ? compress(m.data, kRaw) : m.data;
    auto crc = crc32(0, reinterpret_cast<const Bytef*>(m.data.data()), static_cast<uInt>(m.data.size()));
    std::string common;  // the fields local header and directory entry share
    le(common, 20, 2); le(common, 0, 2); le(common, deflated ? 8 : 0, 2); le(common, 0, 2); le(common, 0x21, 2);
    le(common, crc, 4); le(common, data.size(), 4); le(common, m.data.size(), 4); le(common, m.name.size(), 2);
    le(common, 0, 2);
    std::uint64_t at = zip.size();
    le(zip, 0x04034b50, 4); zip += common; zip += m.name; zip += data;
    le(dir, 0x02014b50, 4); le(dir, 20, 2); dir += common;
    le(dir, 0, 2); le(dir, 0, 2); le(dir, 0, 2); le(dir, 0, 4); le(dir, at, 4); dir += m.name;
  }
  std::uint64_t dir_at = zip.size();
  zip += dir;
  le(zip, 0x06054b50, 4); le(zip, 0, 2); le(zip, 0, 2); le(zip, 2, 2); le(zip, 2, 2);
  le(zip, dir.size(), 4); le(zip, dir_at, 4); le(zip, 0, 2);
  return zip;
}

// Mode 4: the body as the selector byte wants it sent.
std::string coded_response(unsigned sel, std::string_view body) {
  static const char* const kCodings[] = {"", "gzip", "deflate", "deflate", "gzip", "br", "x-gzip, identity", "gzip, deflate"};
  unsigned c = sel & 7, te = (sel >> 3) & 3;
  std::string b(body);
  switch (c) {
    case 1: b = compress(b, kGzip); break;
    case 2: b = compress(b, kZlib); break;
    case 3: b = compress(b, kRaw); break;           // raw deflate, as some servers send it
    case 4: case 5: break;                         // the bytes themselves as gzip / brotli data
    case 6: b = compress(b, kGzip); break;
    case 7: b = compress(compress(b, kGzip), kZlib); break;  // applied in the order listed
  }
  std::string head = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"iso-8859-1\"\r\n";
  if (kCodings[c][0]) head += "Content-Encoding: " + std::string(kCodings[c]) + "\r\n";
  if (te == 1) { head += "Transfer-Encoding: chunked\r\n"; b = chunked(b, 1 + (sel >> 5) * 7); }
  if (te == 2) head += "Transfer-Encoding: gzip, chunked\r\n";  // the bytes must be chunked themselves
  return head + "\r\n" + b;
}

// Mode 5: a new gzip member at each record start ("WARC/1." after a line end).
std::string gzip_members(std::string_view warc) {
  std::string out;
  std::size_t from = 0;
  for (std::size_t i = 1; i <= warc.size(); ++i) {
    if (i == warc.size() || (warc[i - 1] == '\n' && warc.substr(i, 7) == "WARC/1.")) {
      out += compress(warc.substr(from, i - from), kGzip);
      from = i;
    }
  }
  return out;
}

[[noreturn]] void fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "galley fuzz: %s: %s\n", what, detail.c_str());
  std::abort();
}

// Page names become output paths: relative, no empty, "." or ".." segment,
// only [A-Za-z0-9._-] and '/', distinct without regard to case.
void check_names(const std::vector<std::string>& urls) {
  auto names = page_names(urls);
  if (names.size() != urls.size()) fail("page_names", "one name per URL");
  std::set<std::string> seen;
  for (auto& n : names) {
    std::string low;
    for (char c : n) {
      bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
                c == '_' || c == '/';
      if (!ok) fail("page_names: a character outside the safe set", n);
      low += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    std::size_t i = 0;
    while (i <= n.size()) {
      auto s = n.find('/', i);
      if (s == std::string::npos) s = n.size();
      auto seg = n.substr(i, s - i);
      if (seg.empty() || seg == "." || seg == "..") fail("page_names: an unsafe segment", n);
      i = s + 1;
    }
    if (!seen.insert(low).second) fail("page_names: two pages with one name", n);
  }
}

// Everything the reader asks of an index, short of reading a page as HTML.
void use(const Archive& a) {
  std::vector<std::string> urls;
  for (const Entry* e : a.pages()) urls.push_back(e->target_uri);
  check_names(urls);
  std::size_t n = 0;
  for (auto& e : a.entries()) {
    // Each payload and content type reads the record again through a new Stream
    // (two 64 KiB buffers, zeroed: most of the run time under ASan), from the
    // start of its gzip member: a few records are enough, and bound the time of
    // an input of many tiny records. The reader asks the content type of one page.
    if (++n > 12) break;
    std::string why, final_url;
    try {
      if (n <= 3) (void)charset_of(a.content_type_field(e));
      if (auto p = a.payload(e, 1 << 16, &why); p && p->size() > (1 << 16)) fail("payload over its limit", e.target_uri);
    } catch (const galley::Error&) {
    }
    (void)a.resolve(e.url, &final_url);
    if (!e.location.empty()) (void)a.resolve(join_url(e.target_uri, e.location));
  }
}

void http_alone(std::string_view block, unsigned sel) {
  std::string why;
  std::size_t limit = std::size_t(64) << (sel & 15);  // limits from 64 bytes to 2 MiB
  if (auto d = dechunk(block, limit, &why); d && d->size() > limit) fail("dechunk over its limit", why);
  auto h = parse_http_head(block, &why);
  if (!h) return;
  if (h->body_offset > block.size()) fail("parse_http_head: body past the block", std::to_string(h->body_offset));
  if (auto d = decode_body(*h, block.substr(h->body_offset), limit, &why); d && d->size() > limit)
    fail("decode_body over its limit", why);
  std::string ct = h->get("Content-Type");
  (void)media_type_of(ct);
  std::string cs = charset_of(ct);
  for (char c : cs)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == ':'))
      fail("charset_of: an unexpected character", cs);
  (void)join_url("http://a.example/dir/page.html?q=1", h->get("Location"));
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  unsigned sel = rest.empty() ? 0 : static_cast<unsigned char>(rest[0]);
  std::string_view after_sel = rest.empty() ? rest : rest.substr(1);
  std::string input;
  switch (data[0] % 8) {
    case 0: input.assign(rest); break;
    case 1: {  // the payload digest right when the first byte is even, so that the check passes
      std::string digest;
      std::string why;
      if (auto h = parse_http_head(rest, &why); h && (sel & 1) == 0)
        digest = "WARC-Payload-Digest: " + sha1_digest(rest.substr(h->body_offset)) + "\r\n";
      input = record("response", "http://a.example/1", rest, digest) +
              record("response", "http://a.example/img2", "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n");
      break;
    }
    case 2:
      input = record("response", "http://a.example/1",
                     "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n" + compress(rest, kGzip));
      break;
    case 3:
      input = record("revisit", "http://a.example/2", "HTTP/1.1 200 OK\r\n\r\n") +
              record("response", "http://a.example/3", "HTTP/1.1 301 Moved\r\nLocation: /2\r\n\r\n") + std::string(rest);
      break;
    case 4:
      input = record("response", "http://a.example/1", coded_response(sel, after_sel));
      break;
    case 5: input = gzip_members(rest); break;
    case 6: input = wacz(after_sel, sel & 1); break;
    default: http_alone(after_sel, sel); return 0;
  }
  auto opt = galley_fuzz::reader_options();
  opt.limits.max_input_bytes = 1 << 20;
  galley::Diagnostics diag;
  try {
    auto opened = open_archive(input, opt, diag);
    use(*opened->archive);
  } catch (const galley::Error&) {
  }
  return 0;
}
