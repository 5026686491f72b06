// Header identifiers for headers that have none: pandoc's auto_identifiers
// (galley::make_identifier) or GitHub's rule (gfm_auto_identifiers: lower case,
// punctuation but '-' and '_' dropped, each space a '-', no leading cut).
// Explicit ids are reserved first so that generated ones never collide with them.
#include "galley/text.hpp"
#include "galley/walk.hpp"
#include "markdown/reader_detail.hpp"

namespace galley::markdown {

namespace {

std::string github_identifier(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {  // letters of other scripts are kept as they are
      std::size_t start = i;
      next_codepoint(text, i);
      out.append(text.substr(start, i - start));
      continue;
    }
    ++i;
    if (c >= 'A' && c <= 'Z') out += static_cast<char>(c + 32);
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') out += static_cast<char>(c);
    else if (c == ' ') out += '-';
  }
  return out;
}

}  // namespace

void assign_identifiers(Blocks& blocks, bool gfm_style) {
  IdentifierSet used;
  query_blocks(blocks, [&](const Block& b) {
    if (auto* h = b.as<Header>(); h && !h->attr.id.empty()) used.insert(h->attr.id);
  });
  walk_blocks(blocks, [&](Block& b) {
    auto* h = b.as<Header>();
    if (!h || !h->attr.id.empty()) return;
    std::string text = stringify(h->content);
    if (!gfm_style) {
      h->attr.id = make_identifier(text, &used);
      return;
    }
    std::string base = github_identifier(text);
    h->attr.id = used.unique(base.empty() ? "section" : base);
  });
}

}  // namespace galley::markdown
