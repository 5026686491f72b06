// The built-in readers and writers (converters/builtin.cpp). Kept apart from the
// core's registry.hpp: the core library links without any converter, and a
// program that wants only its own formats need not link them.
#pragma once
#include <string>
#include <string_view>

#include "galley/convert.hpp"
#include "galley/registry.hpp"

namespace galley {

// A registry holding every built-in reader and writer (a fresh copy per call).
Registry builtin_registry();

// galley::convert with the built-in formats.
std::string convert(std::string_view input, const ConvertOptions& options, Diagnostics& diag);

}  // namespace galley
