// One-call conversion for programs that embed galley.
#pragma once
#include <string>
#include <string_view>

#include "galley/diagnostics.hpp"
#include "galley/options.hpp"
#include "galley/registry.hpp"

namespace galley {

struct ConvertOptions {
  std::string from = "plain";  // reader spec, e.g. "html+extract"
  std::string to = "json";     // writer spec, e.g. "jats_publishing"
  ReaderOptions reader;
  WriterOptions writer;
};

// Read `input` with the `from` reader and write it with the `to` writer.
// Extensions in the specs override those in the options. Throws galley::Error.
std::string convert(std::string_view input, const ConvertOptions& options, Diagnostics& diag,
                    const Registry& registry);
// Same, with the built-in formats.
std::string convert(std::string_view input, const ConvertOptions& options, Diagnostics& diag);

}  // namespace galley
