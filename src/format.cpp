// The defaults of the reader and writer interfaces (galley/format.hpp).
#include "galley/format.hpp"

#include "galley/error.hpp"

namespace galley {

std::string Writer::write_many(const std::vector<const Document*>&, const WriterOptions&, Diagnostics&) const {
  throw UsageError("galley.format.single", "this writer writes one document; give one input");
}

}  // namespace galley
