// URL, attribute, CSS and SVG safety: the one place that decides what may run
// script or load something. Readers use it to keep script-capable values out of
// the document model (Attr, Link/Image targets, raw HTML); writers use it again
// on whatever document they are given.
//
// A URL is judged the way the WHATWG URL parser reads it: leading and trailing
// C0 controls and spaces removed, ASCII tab, LF and CR removed anywhere, the
// scheme compared case-insensitively. Inside what could be a scheme, other C0
// controls, DEL and spaces are skipped too (older browsers did), so
// "java\x01script:" and "java script:" count as javascript:. Percent-escapes are
// not decoded (browsers do not decode them in a scheme: "%6Aavascript:x" is a
// relative URL). Character references are the caller's business: strings here
// are literal; galley::decode_char_refs (galley/text.hpp) is there for HTML
// attribute values that a parser left partly encoded.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace galley {

// Where a URL is used; each kind has its own allowed schemes.
enum class UrlKind {
  Link,   // a/area href, cite, longdesc, Link targets: http, https, mailto, tel, relative, fragment
  Media,  // video/audio/source/track/iframe src, object data: http, https, relative
  Image,  // img src/srcset, poster, Image targets: http, https, relative, data:image/* (SVG only without script)
  Base,   // <base href>: http, https (no relative base)
};

// The URL with leading/trailing C0 controls and spaces removed and ASCII tab,
// LF and CR removed anywhere (what a browser parses). When the URL has a scheme,
// the controls and spaces skipped inside it (see above) are removed as well.
std::string strip_url_controls(std::string_view url);

// The scheme of `url`, lower-case, after the clean-up above; "" when the URL is
// relative (no ':' after an ASCII letter followed by letters, digits, + - .).
std::string url_scheme(std::string_view url);

// The cleaned URL when it is allowed for `kind`, nullopt when it must be dropped.
// A data:image/svg+xml image with script that sanitize_svg can clean comes
// back as a data: URI of the cleaned SVG.
std::optional<std::string> allowed_url(std::string_view url, UrlKind kind);

// Would a browser or reading system run script from this URL? javascript:,
// vbscript:, livescript:, mocha:, jscript:, mhtml:, ms-its:, and data: URIs
// other than data:image/* (data:image/svg+xml counts when svg_is_unsafe or
// undecodable). The deny-list writers apply to any document they are given.
bool is_dangerous_url(std::string_view url);

// A CSS declaration list (a style attribute) that can run script or load
// something: url() with a dangerous URL, expression(), javascript:/vbscript:,
// @import, behavior:, -moz-binding. CSS escapes and comments are undone first.
bool is_dangerous_css(std::string_view css);

// A style attribute reduced to the declarations on an allow-list of
// presentational properties (colour, font, text, box, border, list, table
// ones), without CSS escapes, expression(), behavior, bindings, @-rules, and
// with url() only for URLs allowed as UrlKind::Image. Returns the value
// unchanged when every declaration is kept; "" when none is.
std::string safe_css(std::string_view css);

// The URL kind of an attribute (lower-case name, "xlink:href" too) on an
// element (lower-case, "" when unknown): href, cite, longdesc... -> Link; src
// -> Image on img/input, Media elsewhere; poster, background -> Image; data ->
// Media. nullopt when the attribute does not hold a URL (srcset is a list:
// see safe_attribute).
std::optional<UrlKind> url_attribute_kind(std::string_view element, std::string_view name);

// The value to keep for attribute `name` of `element`, or nullopt when the
// attribute must go: event handlers (on*), srcdoc, action, formaction, ping,
// http-equiv and other script or navigation hooks; URL attributes whose URL is
// not allowed for their kind (srcset: any candidate); any attribute whose
// value is a dangerous URL. style is reduced with safe_css. URLs come back
// cleaned (strip_url_controls).
std::optional<std::string> safe_attribute(std::string_view element, std::string_view name, std::string_view value);

// SVG that can run script: <script>/<handler> elements, on* event
// attributes, javascript:/vbscript: anywhere (after character references are
// decoded), dangerous URLs or CSS in attributes.
bool svg_is_unsafe(std::string_view svg);

// An SVG image (a file or a data: URI) fit to embed: unchanged when
// svg_is_unsafe says it is safe, else the output of sanitize_svg_markup
// (galley/foreign_markup.hpp, the one MathML/SVG sanitiser: allow-lists, the
// root in the SVG namespace); nullopt when that holds no <svg> root or is still
// unsafe by svg_is_unsafe.
std::optional<std::string> sanitize_svg(std::string_view svg);

}  // namespace galley
