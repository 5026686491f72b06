#pragma once
#include <memory>
#include "galley/format.hpp"
namespace galley::html_print {
std::unique_ptr<Writer> make_writer();  // print-ready HTML with CSS paged media
}
