#pragma once
#include <memory>
#include "galley/format.hpp"
#include "galley/registry.hpp"
namespace galley::html {
std::unique_ptr<Reader> make_reader();  // HTML5 + web metadata + article extraction (+extract)
std::vector<ExtensionInfo> reader_extensions();
void init();  // libxml2's globals, set up once before readers run on several threads
}
