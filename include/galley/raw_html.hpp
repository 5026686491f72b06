// Raw HTML fragments (RawBlock/RawInline "html") as writers meet them: the one
// scanner the EPUB and print HTML writers share to find what a book or a printed
// page cannot keep (players and frames, scripts, styles, forms). Part of the
// safety layer with galley/safety.hpp; a hand-written scan, not std::regex
// (compiling a regex per fragment was half of a json -> html_print conversion).
#pragma once
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace galley {

class IdentifierSet;  // galley/text.hpp

// The first start tag "<name" (white space allowed after '<', name compared
// case-insensitively and whole) whose name is one of `names`, as [position of
// '<', end of the name); {npos, npos} when there is none.
std::pair<std::size_t, std::size_t> find_start_tag(std::string_view html, std::span<const std::string_view> names);
inline std::pair<std::size_t, std::size_t> find_start_tag(std::string_view html,
                                                          std::initializer_list<std::string_view> names) {
  return find_start_tag(html, std::span<const std::string_view>(names.begin(), names.size()));
}
inline bool has_start_tag(std::string_view html, std::span<const std::string_view> names) {
  return find_start_tag(html, names).first != std::string_view::npos;
}
inline bool has_start_tag(std::string_view html, std::initializer_list<std::string_view> names) {
  return find_start_tag(html, names).first != std::string_view::npos;
}

// Elements that play or frame something from elsewhere.
inline constexpr std::string_view kEmbeddingTags[] = {"iframe", "video", "audio", "object", "embed"};
// Elements that run script, style the page or take input.
inline constexpr std::string_view kActiveTags[] = {"script", "style",    "link",     "meta",   "form", "input",
                                                   "button", "select", "textarea", "noscript", "canvas", "base"};

// The fragment with every start tag's attributes judged by galley::safe_attribute
// (event handlers, script URLs, srcdoc, unsafe style go; URLs come back cleaned),
// the rest byte for byte. Raw HTML reaches writers from Markdown and from Pandoc
// JSON without passing the HTML reader's sanitizer: this is that check for them.
// `removed` counts the attributes taken out.
std::string clean_raw_html_attributes(std::string_view html, std::size_t* removed = nullptr);

// The markup with every start tag's id attribute that repeats an id of `ids` given the
// first free id-1, id-2 ... that neither `ids` nor a later tag of the markup holds; every id
// kept or made is recorded in `ids`. XML forbids repeated ids, and raw HTML passed through
// may repeat ids the writer never saw. `renamed` counts the renamed ones.
std::string rename_repeated_ids(std::string_view html, IdentifierSet& ids, std::size_t* renamed = nullptr);

// The quoted src= (or data=, else a lazy player's data-src=) URL of the first
// media element (iframe, video, audio, object, embed, source) that has one.
std::optional<std::string> embedded_media_url(std::string_view html);

}  // namespace galley
