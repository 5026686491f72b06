// Pandoc JSON (pandoc-api-version 1.22 and 1.23) <-> galley::Document.
#pragma once
#include <string>
#include <string_view>

#include "galley/ast.hpp"
#include "galley/diagnostics.hpp"
#include "galley/options.hpp"

namespace galley {

// Throws InputError "galley.json.parse" (malformed), "galley.json.version"
// (unsupported API version) or "galley.json.shape" (a value of the wrong
// shape); the message names the JSON path, e.g. "$.blocks[3].c[1]".
Document read_pandoc_json(std::string_view json, const Limits& limits = {});

// api_minor 23 writes [1,23,1]; 22 writes [1,22,2,1] with Figure as
// Div ("", ["figure"], []) (implicit-figure Para when it holds a single image).
std::string write_pandoc_json(const Document& doc, int api_minor = 23);

}  // namespace galley
