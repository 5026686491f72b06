// Fuzz the warc reader: WARC records, gzip members, HTTP heads and bodies
// (chunked, gzip, deflate, br), revisits and redirects. Any bytes give a
// Document or a galley::Error, never a crash, a hang or unbounded memory.
// The first byte chooses how the rest is seen: as a whole WARC file, or as
// the block of one response record (so HTTP parsing is reached at once),
// with or without a gzip-encoded body.

#include <cstdint>
#include <string>

#include "../test_deflate.hpp"
#include "fuzz_common.hpp"
#include "galley/builtin.hpp"
#include "galley/error.hpp"
#include "galley/registry.hpp"

namespace {
std::string record(std::string_view type, std::string_view uri, std::string_view block) {
  return "WARC/1.1\r\nWARC-Type: " + std::string(type) + "\r\nWARC-Target-URI: " + std::string(uri) +
         "\r\nWARC-Record-ID: <urn:uuid:" + std::string(uri.substr(uri.size() - 1)) +
         ">\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + std::string(block) + "\r\n\r\n";
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const galley::Registry reg = galley::builtin_registry();
  static const auto* entry = reg.find_reader("warc");
  static const auto reader = entry->make();
  if (size == 0) return 0;
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string input;
  switch (data[0] % 4) {
    case 0: input.assign(rest); break;  // a whole file
    case 1:  // one response record's block: an HTTP head and body
      input = record("response", "http://a.example/1", rest) +
              record("response", "http://a.example/img2", "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n");
      break;
    case 2: {  // an HTML page whose body is the input, gzip-encoded
      const std::string gz = galley::test::deflate_all(rest, 6, 31, 8);
      input = record("response", "http://a.example/1",
                     "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n" + gz);
      break;
    }
    default:  // a revisit and a redirect in front of the input's records
      input = record("revisit", "http://a.example/2", "HTTP/1.1 200 OK\r\n\r\n") +
              record("response", "http://a.example/3", "HTTP/1.1 301 Moved\r\nLocation: /2\r\n\r\n") + std::string(rest);
  }
  auto opt = galley_fuzz::reader_options();
  opt.limits.max_input_bytes = 1 << 20;
  opt.limits.max_resource_bytes = 1 << 20;
  galley::Diagnostics diag;
  try {
    auto pages = entry->list_articles(input, opt, diag);
    opt.article = pages.empty() ? std::string("http://a.example/3") : pages.front().url;
    (void)reader->read(input, opt, diag);
  } catch (const galley::Error&) {
  }
  return 0;
}
