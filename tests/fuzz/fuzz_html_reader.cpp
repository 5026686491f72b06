// Fuzz the HTML reader (libxml2's HTML parser + galley's conversion and article
// extraction): any bytes give a Document or a galley::Error; the Document
// survives a Pandoc JSON round trip unchanged.
#include <cstdint>
#include <cstdlib>

#include "fuzz_common.hpp"
#include "galley/error.hpp"
#include "galley/json.hpp"
#include "galley/builtin.hpp"
#include "galley/registry.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const galley::Registry reg = galley::builtin_registry();
  static const auto reader = reg.find_reader("html")->make();
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto opt = galley_fuzz::reader_options();
  if (size > 0) {
    opt.extensions.set["extract"] = (data[0] & 1) != 0;
    if (data[0] & 2) opt.source_url = "https://example.org/news/a/b.html";
  }
  galley::Diagnostics diag;
  try {
    auto doc = reader->read(input, opt, diag);
    auto json = galley::write_pandoc_json(doc);
    galley_fuzz::require_utf8(json, "html reader -> json");
    galley::Limits limits;
    auto again = galley::read_pandoc_json(json, limits);
    if (!(again == doc)) std::abort();
  } catch (const galley::Error&) {
  }
  return 0;
}
