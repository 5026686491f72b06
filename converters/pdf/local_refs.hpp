// The engine may read only the print HTML and what galley embedded in it.
// Print HTML embeds local images as data: URIs, but raw HTML from the source,
// a --css stylesheet or an inline SVG can still name a file ("/etc/passwd",
// "file:///...", "../x") that an engine would read and put on the page or, as
// a WeasyPrint attachment, into the PDF. This pass finds every reference an
// engine fetches (src, srcset, poster, data, background, href outside <a>/<area>
// or on rel="attachment" links, url() and @import in CSS) and replaces any that
// is not a data: URI, a fragment or an http(s) URL (the engine has no network)
// with an empty data: URI, warning "resource-refused".
#pragma once
#include <string>
#include <string_view>

#include "galley/diagnostics.hpp"

namespace galley::pdf {

// True when an engine fetching `url` would read a local file (or any scheme
// other than data:, http:, https:); fragments and empty URLs are not fetched.
bool is_local_reference(std::string_view url);

// The HTML with every local reference refused (see above).
std::string refuse_local_references(std::string_view html, Diagnostics& diag);

}  // namespace galley::pdf
