// HTML (or XHTML) body text as received in syndication items (ninjs body_html,
// bodies with an HTML media type) into blocks: the common article vocabulary
// (p, h1-h6, lists, blockquote, pre, figure/img/figcaption, tables as rows of
// text, em/strong/a/br/code/q/sub/sup). Parsed by libxml2's HTML parser, so
// tag soup reads too; script, style and template are skipped.
#pragma once
#include <string_view>

#include "galley/ast.hpp"
#include "galley/diagnostics.hpp"

namespace galley::syndication {

Blocks blocks_from_html(std::string_view html, Diagnostics& diag, std::size_t max_nesting = 200);

// Plain text into paragraphs: blank lines (or, when there are none, line ends) separate them.
Blocks blocks_from_text(std::string_view text);

}  // namespace galley::syndication
