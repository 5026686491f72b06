// Pandoc JSON filters: the document as JSON on the program's stdin, the
// target format as argument 1, the filtered document as JSON on its stdout.
#pragma once
#include <string>

#include "galley/ast.hpp"

namespace galley {

// Runs `program` (looked up on PATH when it has no '/'). Throws FilterError
// "galley.filter.failed" (cannot start, non-zero exit, killed) or
// "galley.filter.output" (output is not a Pandoc JSON document).
Document run_filter(const std::string& program, const std::string& target_format, const Document& doc, int api_minor = 23);

}  // namespace galley
