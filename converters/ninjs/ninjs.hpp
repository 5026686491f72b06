// IPTC ninjs ("News in JSON"): the writer (3.1 by default, 2.2 with +v2, 1.6 with
// +v1; several articles: a JSON array, newest first) and the reader (text items
// of every generation, one object or an array of them).
#pragma once
#include <memory>
#include <vector>

#include "galley/format.hpp"
#include "galley/registry.hpp"

namespace galley::ninjs {
std::unique_ptr<Writer> make_writer();
std::vector<ExtensionInfo> writer_extensions();
std::unique_ptr<Reader> make_reader();
}  // namespace galley::ninjs
