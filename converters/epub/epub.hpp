#pragma once
#include <memory>
#include "galley/format.hpp"
namespace galley::epub {
std::unique_ptr<Writer> make_writer();  // EPUB 3.3 (+ NCX)
}
