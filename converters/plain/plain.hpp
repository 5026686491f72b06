#pragma once
#include <memory>
#include "galley/format.hpp"
#include "galley/registry.hpp"
namespace galley::plain {
std::unique_ptr<Reader> make_reader();  // plain-text news articles (reader.cpp)
std::unique_ptr<Writer> make_writer();  // readable plain text (writer.cpp)
std::vector<ExtensionInfo> reader_extensions();
}
