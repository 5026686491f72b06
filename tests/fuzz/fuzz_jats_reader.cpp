// Fuzz the JATS reader (libxml2's parser with the DTD entity hook, then galley's
// mapping): any bytes give a Document or a galley::Error; the Document survives a
// Pandoc JSON round trip unchanged, and written again as JATS (archiving) it is
// well-formed XML. Seeds: ../shared/corpus/jats and the hostile inputs in
// regressions/fuzz_jats_reader (XXE, entity bombs, deep nesting, DTD entities).
#include <cstdint>
#include <cstdlib>

#include "fuzz_common.hpp"
#include "galley/builtin.hpp"
#include "galley/error.hpp"
#include "galley/json.hpp"
#include "galley/registry.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const galley::Registry reg = galley::builtin_registry();
  static const auto reader = reg.find_reader("jats")->make();
  static const auto writer = reg.find_writer("jats")->make();
  galley_fuzz::quiet_libxml();
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto opt = galley_fuzz::reader_options();
  galley::Diagnostics diag;
  try {
    auto doc = reader->read(input, opt, diag);
    auto json = galley::write_pandoc_json(doc);
    galley_fuzz::require_utf8(json, "jats reader -> json");
    galley::Limits limits;
    if (!(galley::read_pandoc_json(json, limits) == doc)) std::abort();
    galley::WriterOptions wo;
    galley_fuzz::require_well_formed(writer->write(doc, wo, diag), "jats reader -> jats");
  } catch (const galley::Error&) {
  }
  return 0;
}
