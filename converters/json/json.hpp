#pragma once
#include <memory>
#include "galley/format.hpp"
namespace galley::json {
std::unique_ptr<Reader> make_reader();
std::unique_ptr<Writer> make_writer();
}
