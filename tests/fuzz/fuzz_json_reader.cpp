// Fuzz the Pandoc JSON reader: any bytes give a Document or a galley::Error.
// A Document read successfully must survive a write/read round trip unchanged.
#include <cstdint>
#include <cstdlib>

#include "galley/error.hpp"
#include "galley/json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  galley::Limits limits;
  limits.max_nesting = 200;
  try {
    auto doc = galley::read_pandoc_json(input, limits);
    auto again = galley::read_pandoc_json(galley::write_pandoc_json(doc), limits);
    if (!(again == doc)) std::abort();
  } catch (const galley::Error&) {
  }
  return 0;
}
