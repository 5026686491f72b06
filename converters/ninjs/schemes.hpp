// Subject codes between galley's (scheme alias, code) pairs, as NewsML-G2's
// qcodes write them ("medtop:20000123"), and ninjs's URIs. IPTC publishes its
// vocabularies at http://cv.iptc.org/newscodes/<alias>/<code>, so an alias maps
// to that URI; a scheme that is itself a URI is joined with the code.
#pragma once
#include <string>

#include "galley/ast.hpp"
#include "galley/diagnostics.hpp"
#include "galley/format.hpp"
#include "galley/registry.hpp"

namespace galley::ninjs {

// The URI of `code` in `scheme` ("" when the scheme is neither an alias nor a URI,
// or is empty). With an empty code: the scheme's own URI.
std::string scheme_uri(const std::string& scheme, const std::string& code);
// The reverse: a cv.iptc.org URI to (alias, code); other URIs: ("", uri).
void split_scheme_uri(const std::string& uri, std::string& scheme, std::string& code);

}  // namespace galley::ninjs
