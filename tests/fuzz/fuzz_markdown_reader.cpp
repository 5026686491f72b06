// Fuzz the markdown readers and writers: cmark-gfm is fuzzed upstream, so this
// aims at galley's part — the div-fence and metadata-block preparation, the
// mapping (spans, attributes, inline notes, math, figures), smart punctuation,
// header ids and the YAML block. Any bytes give a Document or a galley::Error;
// the Document survives a Pandoc JSON round trip; the commonmark/gfm/markdown
// writers never fail on it, and what they write reads again.
#include <cstdint>
#include <cstdlib>

#include "fuzz_common.hpp"
#include "galley/builtin.hpp"
#include "galley/error.hpp"
#include "galley/json.hpp"
#include "galley/registry.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const galley::Registry reg = galley::builtin_registry();
  static const char* flavours[] = {"markdown", "gfm", "commonmark"};
  // The first byte picks the flavour and switches extensions, so each path runs.
  unsigned char sel = size ? data[0] : 0;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  if (size) input.remove_prefix(1);
  const char* name = flavours[sel % 3];
  auto reader = reg.find_reader(name)->make();
  auto opt = galley_fuzz::reader_options();
  opt.extensions.set["smart"] = (sel & 4) != 0;
  opt.extensions.set["fenced_divs"] = (sel & 8) == 0;
  opt.extensions.set["tex_math_dollars"] = (sel & 16) == 0;
  opt.extensions.set["yaml_metadata_block"] = (sel & 32) == 0;
  galley::Diagnostics diag;
  try {
    auto doc = reader->read(input, opt, diag);
    auto json = galley::write_pandoc_json(doc);
    galley_fuzz::require_utf8(json, "markdown reader -> json");
    galley::Limits limits;
    auto again = galley::read_pandoc_json(json, limits);
    if (!(again == doc)) std::abort();
    galley::WriterOptions wo;
    wo.standalone = (sel & 64) != 0;
    auto md = reg.find_writer(name)->make()->write(doc, wo, diag);
    galley_fuzz::require_utf8(md, "markdown writer");
    (void)reader->read(md, opt, diag);  // what galley writes, galley reads
  } catch (const galley::Error&) {
  }
  return 0;
}
