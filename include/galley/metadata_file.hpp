// --metadata-file and -M: YAML (as pandoc users write it) or JSON into Meta.
#pragma once
#include <string>

#include "galley/ast.hpp"

namespace galley {

// Throws InputError "galley.metadata.parse". YAML strings become MetaInlines
// (words split as pandoc does), booleans MetaBool, sequences MetaList,
// mappings MetaMap. A JSON file (first character '{') is read the same way.
Meta read_metadata_file(const std::string& path);

// -M KEY=VAL: "true"/"false" become MetaBool, everything else MetaString.
MetaValue metadata_option_value(const std::string& value);

}  // namespace galley
