// The markdown formats: commonmark (the spec), gfm (GitHub's), and markdown
// (galley's article flavour: CommonMark + GFM + pandoc's metadata block, smart
// punctuation, header ids, $math$, fenced divs, bracketed spans, attributes, figures).
#pragma once
#include <memory>
#include <vector>

#include "galley/format.hpp"
#include "galley/registry.hpp"

namespace galley::markdown {

enum class Flavour { CommonMark, Gfm, Markdown };

std::vector<ExtensionInfo> reader_extensions(Flavour flavour);
std::unique_ptr<Reader> make_reader(Flavour flavour);
std::vector<ExtensionInfo> writer_extensions(Flavour flavour);
std::unique_ptr<Writer> make_writer(Flavour flavour);

}  // namespace galley::markdown
