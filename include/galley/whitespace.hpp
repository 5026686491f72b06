// One-line text for metadata fields: runs of XML white space (space, tab, CR, LF)
// become one space, none at either end. What every syndication field and NITF/
// NewsML-G2 value needs; one definition for them all.
#pragma once
#include <string>
#include <string_view>

namespace galley {

std::string collapse_whitespace(std::string_view s);

}  // namespace galley
