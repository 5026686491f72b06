// Fuzz TeX -> MathML (galley/math.hpp: tex_to_mathml) and what readers and writers
// do with its output. The first byte picks inline or display math; the rest is the
// TeX (made UTF-8 first, as a Math node always is). Checks (abort on violation):
//   - the MathML is well-formed XML and UTF-8, whatever the TeX;
//   - the sanitiser keeps it (every element and attribute the converter writes is on
//     its allow-list) and a second pass changes nothing;
//   - the linear reading and formula_reading give UTF-8.
// Deep nesting, unbalanced groups and environments are the interesting inputs: the
// parser is recursive and must neither overflow the stack nor loop.
#include <cstdint>
#include <cstdlib>

#include "fuzz_common.hpp"
#include "galley/foreign_markup.hpp"
#include "galley/math.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  auto type = (data[0] & 1) ? galley::MathType::DisplayMath : galley::MathType::InlineMath;
  std::string tex = galley_fuzz::to_utf8(std::string_view(reinterpret_cast<const char*>(data + 1), size - 1));
  bool complete = true;
  std::string mml = galley::tex_to_mathml(tex, type, &complete);
  galley_fuzz::require_utf8(mml, "tex_to_mathml");
  galley_fuzz::require_well_formed(mml, "tex_to_mathml");
  auto clean = galley::sanitize_mathml(mml);
  if (!clean) {
    std::fprintf(stderr, "galley fuzz: the sanitiser refused tex_to_mathml's output:\n%s\n", mml.c_str());
    std::abort();
  }
  galley_fuzz::require_well_formed(*clean, "sanitize_mathml(tex_to_mathml)");
  auto again = galley::sanitize_mathml(*clean);
  if (!again || *again != *clean) {
    std::fprintf(stderr, "galley fuzz: sanitize_mathml is not idempotent on:\n%s\n", clean->c_str());
    std::abort();
  }
  galley_fuzz::require_utf8(galley::mathml_to_text(mml), "mathml_to_text");
  galley::Formula f{type, tex, {}};
  galley_fuzz::require_utf8(galley::formula_reading(f), "formula_reading");
  return 0;
}
