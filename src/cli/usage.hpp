// The help text of `galley` (cli/usage.cpp), its format lists filled from the registry.
#pragma once
#include <string>

#include "galley/registry.hpp"

namespace galley::cli {

std::string usage_text(const Registry& reg);

}  // namespace galley::cli
