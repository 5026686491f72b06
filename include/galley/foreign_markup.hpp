// The one sanitiser for MathML and SVG ("foreign content" in HTML5 terms),
// part of the safety layer with galley/safety.hpp and galley/raw_html.hpp.
//
// Input is markup as readers find it: HTML5 style (no xmlns, names lower-cased
// by an HTML parser), XML with a prefix (<mml:math>) or a default namespace,
// character references numeric or named. Output is well-formed XML with the
// root in its default namespace (xmlns="http://www.w3.org/1998/Math/MathML" or
// "http://www.w3.org/2000/svg", xmlns:xlink declared when an xlink:href is
// kept), SVG's camelCase names restored (viewBox, linearGradient), elements
// and attributes on allow-lists only:
//   - removed with their content: script, style, foreignObject, annotation-xml,
//     handler/listener, animation elements (set, animate*), iframe/object/embed,
//     metadata; other unknown elements are unwrapped (their text stays);
//   - attributes: on* and anything not allowed for the language; href and
//     xlink:href only where allowed (a: a link URL safe_attribute accepts;
//     use: a fragment "#id"; image: data:image/png|jpeg|gif|webp); style
//     through safe_css; presentation values with url() only as url(#id);
//   - comments, processing instructions and doctypes dropped, CDATA as text.
// Nothing executable survives (tests/unit/foreign_markup.cpp has the catalogue).
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace galley {

inline constexpr std::string_view kSvgNamespace = "http://www.w3.org/2000/svg";
inline constexpr std::string_view kXlinkNamespace = "http://www.w3.org/1999/xlink";

// What a sanitiser call took out, for the writer's or reader's warning.
struct ForeignRemoved {
  std::size_t elements = 0;    // removed with their content
  std::size_t attributes = 0;  // attributes dropped (unsafe or not allowed)
  std::size_t unwrapped = 0;   // unknown elements whose content was kept
  std::size_t total() const { return elements + attributes + unwrapped; }
};

// The sanitised <math> element, or nullopt when `markup` holds no <math>
// root (leading and trailing white space, comments and an XML declaration
// aside). `removed` (may be null) accumulates what was taken out.
std::optional<std::string> sanitize_mathml(std::string_view markup, ForeignRemoved* removed = nullptr);

// The sanitised <svg> element, or nullopt when `markup` holds no <svg> root.
// Embedded <math> (rare) is sanitised as MathML.
std::optional<std::string> sanitize_svg_markup(std::string_view markup, ForeignRemoved* removed = nullptr);

// Does this raw HTML fragment start with a <math> or <svg> element (after
// white space)? Writers route such fragments to the sanitisers above.
bool is_mathml_fragment(std::string_view html);
bool is_svg_fragment(std::string_view html);

// Sanitised MathML/SVG (the output of the functions above) with every element
// name given `prefix` ("mml" -> <mml:mi>) and the root's default namespace
// declaration removed: for formats whose DTD spells the prefix (JATS).
std::string prefixed_elements(std::string_view sanitised, std::string_view prefix);

// The text of an SVG drawing's first <title>, white space collapsed; "" when none.
std::string svg_title(std::string_view svg);

}  // namespace galley
