// --metadata-file and -M: YAML (as pandoc users write it) or JSON into Meta.
#pragma once
#include <functional>
#include <string>

#include "galley/ast.hpp"

namespace galley {

// Throws InputError "galley.metadata.parse". YAML strings become MetaInlines
// (words split as pandoc does), booleans MetaBool, sequences MetaList,
// mappings MetaMap. A JSON file (first character '{') is read the same way.
Meta read_metadata_file(const std::string& path);

// A YAML metadata block's text (a Markdown file's header) into Meta; `scalar` makes
// each string value (pandoc reads them as Markdown), MetaInlines of its words when
// empty. Throws InputError "galley.metadata.parse", naming `what`.
using ScalarReader = std::function<MetaValue(const std::string&)>;
Meta parse_metadata_yaml(const std::string& yaml, const ScalarReader& scalar, const std::string& what);

// -M KEY=VAL: "true"/"false" become MetaBool, everything else MetaString.
MetaValue metadata_option_value(const std::string& value);

}  // namespace galley
