#pragma once
#include <memory>
#include "galley/format.hpp"
namespace galley::pdf {
std::unique_ptr<Writer> make_writer();  // PDF: print HTML rendered by WeasyPrint or Chromium
}
