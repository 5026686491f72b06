// Fuzz the NITF and NewsML-G2 readers (libxml2's XML parser + galley's mapping):
// any bytes give a Document or a galley::Error; a Document read survives a Pandoc
// JSON round trip unchanged, and written again as NITF and NewsML-G2 (both body
// kinds) it is well-formed XML. The first byte picks the reader.
#include <cstdint>
#include <cstdlib>

#include "fuzz_common.hpp"
#include "galley/builtin.hpp"
#include "galley/error.hpp"
#include "galley/json.hpp"
#include "galley/registry.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const galley::Registry reg = galley::builtin_registry();
  static const auto nitf_in = reg.find_reader("nitf")->make();
  static const auto newsml_in = reg.find_reader("newsml")->make();
  static const auto nitf_out = reg.find_writer("nitf")->make();
  static const auto newsml_out = reg.find_writer("newsml")->make();
  galley_fuzz::quiet_libxml();
  if (size == 0) return 0;
  const bool newsml = (data[0] & 1) != 0;
  std::string_view input(reinterpret_cast<const char*>(data + 1), size - 1);
  auto opt = galley_fuzz::reader_options();
  galley::Diagnostics diag;
  try {
    auto doc = (newsml ? newsml_in : nitf_in)->read(input, opt, diag);
    auto json = galley::write_pandoc_json(doc);
    galley_fuzz::require_utf8(json, "syndication reader -> json");
    galley::Limits limits;
    if (!(galley::read_pandoc_json(json, limits) == doc)) std::abort();
    galley::WriterOptions wo;
    galley_fuzz::require_well_formed(nitf_out->write(doc, wo, diag), "nitf");
    galley_fuzz::require_well_formed(newsml_out->write(doc, wo, diag), "newsml");
    wo.extensions.set["nitf"] = true;
    galley_fuzz::require_well_formed(newsml_out->write(doc, wo, diag), "newsml+nitf");
  } catch (const galley::Error&) {
  }
  return 0;
}
