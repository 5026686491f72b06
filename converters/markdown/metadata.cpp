// The YAML metadata block. Keys and structure come from the core's YAML reader;
// each string value is read as Markdown, as pandoc reads it, so `title: "*Hi*"`
// is emphasis and a multi-paragraph `abstract: |` becomes blocks.
#include "galley/metadata_file.hpp"
#include "markdown/reader_detail.hpp"

namespace galley::markdown {

Meta read_yaml_metadata(const std::string& yaml, Flavour flavour, const Extensions& ext, Diagnostics& diag) {
  Limits limits;
  auto scalar = [&](const std::string& s) -> MetaValue {
    Document d = parse_markdown(s, flavour, ext, limits, diag, false);
    if (d.blocks.empty()) return MetaString{""};
    if (d.blocks.size() == 1) {
      if (auto* p = d.blocks[0].as<Para>()) return MetaInlines{std::move(p->content)};
      if (auto* pl = d.blocks[0].as<Plain>()) return MetaInlines{std::move(pl->content)};
    }
    return MetaBlocks{std::move(d.blocks)};
  };
  return parse_metadata_yaml(yaml, scalar, "the YAML metadata block");
}

}  // namespace galley::markdown
