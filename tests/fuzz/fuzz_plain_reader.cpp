// Fuzz the plain-text news reader: any bytes give a Document or a galley::Error,
// and the Document survives a Pandoc JSON round trip unchanged. The block scans the
// reader is built on (NFC quick check, word count) must agree with their byte loops.
#include <cstdint>
#include <cstdlib>

#include "fuzz_common.hpp"
#include "galley/error.hpp"
#include "galley/json.hpp"
#include "galley/builder.hpp"
#include "galley/builtin.hpp"
#include "galley/registry.hpp"
#include "galley/text.hpp"
#include "../reference_scans.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const galley::Registry reg = galley::builtin_registry();
  static const auto reader = reg.find_reader("plain")->make();
  std::string_view input(reinterpret_cast<const char*>(data), size);
  if (galley::nfc_quick_prefix(input) != galley_test::reference_quick_prefix(input)) std::abort();
  if (galley::count_words(input) != galley_test::reference_words(input)) std::abort();
  auto opt = galley_fuzz::reader_options();
  // First byte picks the extensions, so both article detection and smart
  // quotes get switched on and off.
  if (size > 0) {
    opt.extensions.set["article"] = (data[0] & 1) != 0;
    opt.extensions.set["smart"] = (data[0] & 2) != 0;
    if (data[0] & 4) opt.encoding = "windows-1258";
  }
  galley::Diagnostics diag;
  try {
    auto doc = reader->read(input, opt, diag);
    auto json = galley::write_pandoc_json(doc);
    galley_fuzz::require_utf8(json, "plain reader -> json");
    galley::Limits limits;
    auto again = galley::read_pandoc_json(json, limits);
    if (!(again == doc)) std::abort();
  } catch (const galley::Error&) {
  }
  return 0;
}
