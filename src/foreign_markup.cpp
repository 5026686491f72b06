// The MathML/SVG sanitiser (galley/foreign_markup.hpp): parse leniently, keep
// what the allow-lists name, serialise as namespaced XML. URL and CSS verdicts
// come from safety.hpp so foreign markup and raw HTML follow one rule book.
#include "galley/foreign_markup.hpp"

#include <algorithm>

#include "galley/detail/xml.hpp"
#include "galley/math.hpp"
#include "galley/safety.hpp"
#include "galley/text.hpp"
#include "galley/whitespace.hpp"
#include "markup_tree.hpp"

namespace galley {
namespace {

using detail::MarkupNode;
using detail::markup_local_name;

enum class Lang { MathML, Svg };

bool in(std::string_view s, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

// Removed together with everything inside them, in either language.
bool removed_with_content(std::string_view local) {
  return in(local, {"script", "style", "foreignobject", "annotation-xml", "handler", "listener", "set", "animate",
                    "animatemotion", "animatetransform", "animatecolor", "discard", "iframe", "object", "embed",
                    "metadata", "noscript", "template", "mglyph", "feimage", "cursor", "font-face", "audio",
                    "video", "canvas", "form", "input", "button", "textarea", "select", "link", "meta", "base",
                    "frame", "frameset", "applet", "param", "img", "picture", "source"});
}

constexpr std::string_view kMathElements[] = {
    "math",    "mi",       "mn",         "mo",       "ms",          "mtext",      "mspace",     "mrow",
    "mfrac",   "msqrt",    "mroot",      "mstyle",   "merror",      "mpadded",    "mphantom",   "mfenced",
    "menclose", "msub",    "msup",       "msubsup",  "munder",      "mover",      "munderover", "mmultiscripts",
    "mprescripts", "none", "mtable",     "mtr",      "mtd",         "mlabeledtr", "maligngroup", "malignmark",
    "semantics", "annotation", "mlongdiv", "mstack", "msgroup",     "msrow",      "mscarries",  "mscarry",
    "msline"};

constexpr std::string_view kMathAttributes[] = {
    "display",    "mathvariant",  "mathsize",     "mathcolor",   "mathbackground", "fence",        "separator",
    "stretchy",   "symmetric",    "largeop",      "movablelimits", "accent",       "accentunder",  "lspace",
    "rspace",     "minsize",      "maxsize",      "form",        "linethickness",  "numalign",     "denomalign",
    "bevelled",   "width",        "height",       "depth",       "voffset",        "columnalign",  "rowalign",
    "columnspacing", "rowspacing", "columnlines", "rowlines",    "frame",          "framespacing", "equalrows",
    "equalcolumns", "displaystyle", "scriptlevel", "notation",   "open",           "close",        "separators",
    "encoding",   "alttext",      "dir",          "columnspan",  "rowspan",        "align",        "class",
    "style",      "href",         "linebreak",    "lquote",      "rquote",         "side",         "minlabelspacing",
    "xml:lang",   "mathsize",     "fontstyle",    "fontweight",  "fontsize",       "fontfamily",   "color",
    "background", "selection"};

// SVG elements: lower-case (as an HTML parser leaves them) -> the name SVG spells.
constexpr std::pair<std::string_view, std::string_view> kSvgElements[] = {
    {"svg", "svg"},         {"g", "g"},           {"defs", "defs"},           {"desc", "desc"},
    {"title", "title"},     {"symbol", "symbol"}, {"use", "use"},             {"image", "image"},
    {"switch", "switch"},   {"path", "path"},     {"rect", "rect"},           {"circle", "circle"},
    {"ellipse", "ellipse"}, {"line", "line"},     {"polyline", "polyline"},   {"polygon", "polygon"},
    {"text", "text"},       {"tspan", "tspan"},   {"textpath", "textPath"},   {"lineargradient", "linearGradient"},
    {"radialgradient", "radialGradient"}, {"stop", "stop"}, {"pattern", "pattern"}, {"clippath", "clipPath"},
    {"mask", "mask"},       {"marker", "marker"}, {"a", "a"},                 {"view", "view"},
    {"filter", "filter"},   {"feblend", "feBlend"}, {"fecolormatrix", "feColorMatrix"},
    {"fecomposite", "feComposite"}, {"feflood", "feFlood"}, {"fegaussianblur", "feGaussianBlur"},
    {"femerge", "feMerge"}, {"femergenode", "feMergeNode"}, {"feoffset", "feOffset"},
    {"femorphology", "feMorphology"}, {"fedropshadow", "feDropShadow"}, {"feturbulence", "feTurbulence"},
    {"fecomponenttransfer", "feComponentTransfer"}, {"fefunca", "feFuncA"}, {"fefuncr", "feFuncR"},
    {"fefuncg", "feFuncG"}, {"fefuncb", "feFuncB"},
};

// SVG attributes: lower-case -> the name SVG spells (HTML5's "adjust SVG attributes" table, in part).
constexpr std::pair<std::string_view, std::string_view> kSvgAttributes[] = {
    {"id", "id"}, {"class", "class"}, {"style", "style"}, {"x", "x"}, {"y", "y"}, {"x1", "x1"}, {"y1", "y1"},
    {"x2", "x2"}, {"y2", "y2"}, {"cx", "cx"}, {"cy", "cy"}, {"r", "r"}, {"rx", "rx"}, {"ry", "ry"}, {"fx", "fx"},
    {"fy", "fy"}, {"d", "d"}, {"points", "points"}, {"width", "width"}, {"height", "height"},
    {"viewbox", "viewBox"}, {"preserveaspectratio", "preserveAspectRatio"}, {"transform", "transform"},
    {"fill", "fill"}, {"fill-opacity", "fill-opacity"}, {"fill-rule", "fill-rule"}, {"stroke", "stroke"},
    {"stroke-width", "stroke-width"}, {"stroke-linecap", "stroke-linecap"}, {"stroke-linejoin", "stroke-linejoin"},
    {"stroke-dasharray", "stroke-dasharray"}, {"stroke-dashoffset", "stroke-dashoffset"},
    {"stroke-opacity", "stroke-opacity"}, {"stroke-miterlimit", "stroke-miterlimit"}, {"opacity", "opacity"},
    {"font-family", "font-family"}, {"font-size", "font-size"}, {"font-weight", "font-weight"},
    {"font-style", "font-style"}, {"font-variant", "font-variant"}, {"text-anchor", "text-anchor"},
    {"dominant-baseline", "dominant-baseline"}, {"alignment-baseline", "alignment-baseline"},
    {"baseline-shift", "baseline-shift"}, {"letter-spacing", "letter-spacing"}, {"word-spacing", "word-spacing"},
    {"text-decoration", "text-decoration"}, {"dx", "dx"}, {"dy", "dy"}, {"rotate", "rotate"},
    {"textlength", "textLength"}, {"lengthadjust", "lengthAdjust"}, {"startoffset", "startOffset"},
    {"offset", "offset"}, {"stop-color", "stop-color"}, {"stop-opacity", "stop-opacity"},
    {"gradientunits", "gradientUnits"}, {"gradienttransform", "gradientTransform"}, {"spreadmethod", "spreadMethod"},
    {"patternunits", "patternUnits"}, {"patterncontentunits", "patternContentUnits"},
    {"patterntransform", "patternTransform"}, {"clip-path", "clip-path"}, {"clip-rule", "clip-rule"},
    {"clippathunits", "clipPathUnits"}, {"mask", "mask"}, {"maskunits", "maskUnits"},
    {"maskcontentunits", "maskContentUnits"}, {"markerwidth", "markerWidth"}, {"markerheight", "markerHeight"},
    {"refx", "refX"}, {"refy", "refY"}, {"orient", "orient"}, {"markerunits", "markerUnits"},
    {"marker-start", "marker-start"}, {"marker-mid", "marker-mid"}, {"marker-end", "marker-end"},
    {"visibility", "visibility"}, {"display", "display"}, {"color", "color"}, {"role", "role"},
    {"aria-label", "aria-label"}, {"aria-hidden", "aria-hidden"}, {"aria-labelledby", "aria-labelledby"},
    {"aria-describedby", "aria-describedby"}, {"version", "version"}, {"xml:space", "xml:space"},
    {"xml:lang", "xml:lang"}, {"lang", "lang"}, {"vector-effect", "vector-effect"}, {"filter", "filter"},
    {"filterunits", "filterUnits"}, {"primitiveunits", "primitiveUnits"}, {"in", "in"}, {"in2", "in2"},
    {"result", "result"}, {"stddeviation", "stdDeviation"}, {"mode", "mode"}, {"operator", "operator"},
    {"k1", "k1"}, {"k2", "k2"}, {"k3", "k3"}, {"k4", "k4"}, {"values", "values"}, {"type", "type"},
    {"flood-color", "flood-color"}, {"flood-opacity", "flood-opacity"}, {"radius", "radius"},
    {"basefrequency", "baseFrequency"}, {"numoctaves", "numOctaves"}, {"seed", "seed"},
    {"stitchtiles", "stitchTiles"}, {"tablevalues", "tableValues"}, {"slope", "slope"},
    {"intercept", "intercept"}, {"amplitude", "amplitude"}, {"exponent", "exponent"},
    {"shape-rendering", "shape-rendering"}, {"text-rendering", "text-rendering"},
    {"image-rendering", "image-rendering"}, {"overflow", "overflow"}, {"direction", "direction"},
    {"writing-mode", "writing-mode"}, {"paint-order", "paint-order"}, {"pathlength", "pathLength"},
    {"requiredfeatures", "requiredFeatures"}, {"systemlanguage", "systemLanguage"}, {"focusable", "focusable"},
};

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// A url() in a value may only point inside the drawing: url(#id).
bool only_fragment_urls(std::string_view value) {
  std::string v = lower(value);
  for (std::size_t p = v.find("url("); p != std::string::npos; p = v.find("url(", p + 4)) {
    std::size_t q = p + 4;
    while (q < v.size() && (v[q] == ' ' || v[q] == '"' || v[q] == '\'')) ++q;
    if (q >= v.size() || v[q] != '#') return false;
  }
  return true;
}

// A data: URI of a raster image: the media type exactly (the next character ends it:
// "data:image/gifhttps://..." is no GIF), and one the URL rules accept as well.
bool safe_image_data(std::string_view url) {
  std::string u = lower(strip_url_controls(url));
  for (std::string_view type : {"data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp"})
    if (u.starts_with(type) && u.size() > type.size() && (u[type.size()] == ';' || u[type.size()] == ','))
      return !is_dangerous_url(u);
  return false;
}

// A value reduced to what XML can hold: the characters append_escaped drops (C0
// controls but tab/LF/CR, U+FFFE, U+FFFF, bad UTF-8) go before the value is judged,
// so that a second pass over the output judges the same text (style="\0" had
// passed as non-empty CSS, been written as style="", and dropped on the next pass).
std::string xml_chars(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') out += s[i];
      ++i;
      continue;
    }
    std::size_t j = i;
    char32_t cp = next_codepoint(s, j);
    bool bad = (cp == 0xFFFD && !(j - i == 3 && c == 0xEF)) || cp == 0xFFFE || cp == 0xFFFF;
    if (!bad) out.append(s.substr(i, j - i));
    i = j;
  }
  return out;
}

class Sanitiser {
 public:
  explicit Sanitiser(ForeignRemoved* removed) : removed_(removed ? removed : &own_) {}

  // The root element serialised, with the namespace declarations.
  std::string root(const MarkupNode& n, Lang lang) {
    std::string body;
    element(n, lang, body, true);
    return body;
  }

 private:
  void count_attr() { ++removed_->attributes; }

  // The kept value of attribute `key` (as written) on element `local`; nullopt drops it.
  std::optional<std::pair<std::string, std::string>> attribute(Lang lang, std::string_view local, std::string_view key,
                                                               const std::string& raw_value) {
    const std::string value = xml_chars(raw_value);
    std::string k = lower(key);
    if (k.starts_with("xmlns") || k.starts_with("on")) return std::nullopt;
    bool is_href = k == "href" || k == "xlink:href" || (k.size() > 5 && k.ends_with(":href"));
    if (is_href) {
      if (lang == Lang::MathML) {
        // MathML 3 links with href (an xlink: prefix would need a declaration); link URLs only.
        auto ok = allowed_url(value, UrlKind::Link);
        if (!ok) return std::nullopt;
        return std::pair<std::string, std::string>{"href", *ok};
      }
      std::optional<std::string> ok;
      std::string v = strip_url_controls(value);
      if (local == "a") ok = allowed_url(v, UrlKind::Link);
      else if (local == "image") ok = safe_image_data(v) ? std::optional<std::string>(v) : std::nullopt;
      else if (in(local, {"use", "textpath", "lineargradient", "radialgradient", "pattern", "filter"}))
        ok = v.starts_with('#') ? std::optional<std::string>(v) : std::nullopt;
      if (!ok) return std::nullopt;
      uses_xlink_ = true;
      return std::pair<std::string, std::string>{"xlink:href", *ok};
    }
    std::string name;
    if (lang == Lang::MathML) {
      if (std::find(std::begin(kMathAttributes), std::end(kMathAttributes), k) == std::end(kMathAttributes))
        return std::nullopt;
      name = k;
    } else {
      auto it = std::find_if(std::begin(kSvgAttributes), std::end(kSvgAttributes), [&](auto& p) { return p.first == k; });
      if (it == std::end(kSvgAttributes)) return std::nullopt;
      name = std::string(it->second);
    }
    if (is_dangerous_url(value)) return std::nullopt;
    std::string v = value;
    if (name == "style") {
      if (is_dangerous_css(value)) return std::nullopt;
      v = safe_css(value);
      if (v.empty()) return std::nullopt;
    }
    if (!only_fragment_urls(v)) return std::nullopt;
    if (lower(v).find("expression(") != std::string::npos) return std::nullopt;
    return std::pair<std::string, std::string>{name, v};
  }

  void element(const MarkupNode& n, Lang lang, std::string& out, bool is_root) {
    std::string local = markup_local_name(n.name);
    std::string name;
    if (lang == Lang::MathML) {
      if (std::find(std::begin(kMathElements), std::end(kMathElements), local) != std::end(kMathElements)) name = local;
    } else {
      auto it = std::find_if(std::begin(kSvgElements), std::end(kSvgElements), [&](auto& p) { return p.first == local; });
      if (it != std::end(kSvgElements)) name = std::string(it->second);
    }
    if (is_root) name = lang == Lang::MathML ? "math" : "svg";
    else if (name == "math" || name == "svg") name.clear();  // nested roots: unwrap
    if (removed_with_content(local) && !is_root) {
      ++removed_->elements;
      return;
    }
    if (name.empty()) {  // unknown: keep the content, lose the element
      ++removed_->unwrapped;
      children(n, lang, out);
      return;
    }
    if (name == "annotation") {
      // Only text, and only TeX or plain-text annotations: other encodings may be markup.
      std::string enc;
      for (auto& [k, v] : n.attributes)
        if (lower(k) == "encoding") enc = lower(v);
      if (enc.find("tex") == std::string::npos && enc != "text/plain") {
        ++removed_->elements;
        return;
      }
      std::string text;
      detail::append_markup_text(n, text);
      out += "<annotation encoding=\"";
      detail::append_escaped(out, enc.find("tex") != std::string::npos ? "application/x-tex" : "text/plain", true);
      out += "\">";
      detail::append_escaped(out, text);
      out += "</annotation>";
      return;
    }
    std::string attrs;
    for (auto& [k, v] : n.attributes) {
      auto kept = attribute(lang, local, k, v);
      if (!kept) {
        count_attr();
        continue;
      }
      // One value per name (href and xlink:href both map to one).
      std::string probe = " " + kept->first + "=\"";
      if (attrs.find(probe) != std::string::npos) continue;
      attrs += probe;
      detail::append_escaped(attrs, kept->second, true);
      attrs += '"';
    }
    std::string inner;
    children(n, lang, inner);
    if (lang == Lang::Svg && name == "a" && attrs.find(" xlink:href=\"") == std::string::npos) {
      out += inner;  // a link whose target was refused is no link: its drawing stays
      return;
    }
    out += '<';
    out += name;
    if (is_root) {
      out += " xmlns=\"";
      out += lang == Lang::MathML ? kMathMLNamespace : kSvgNamespace;
      out += '"';
      if (uses_xlink_) {
        out += " xmlns:xlink=\"";
        out += kXlinkNamespace;
        out += '"';
      }
    }
    out += attrs;
    if (inner.empty()) {
      out += "/>";
      return;
    }
    out += '>';
    out += inner;
    out += "</";
    out += name;
    out += '>';
  }

  void children(const MarkupNode& n, Lang lang, std::string& out) {
    for (auto& c : n.children) {
      if (c.element) element(c, lang, out, false);
      else detail::append_escaped(out, c.text);
    }
  }

  ForeignRemoved own_;
  ForeignRemoved* removed_;
  bool uses_xlink_ = false;  // set while the children are written, read when the root's tag is
};

// The one root element named `root` among the top-level nodes (white space aside).
const MarkupNode* find_root(const std::vector<MarkupNode>& top, std::string_view root) {
  const MarkupNode* found = nullptr;
  for (auto& n : top) {
    if (!n.element) {
      if (n.text.find_first_not_of(" \t\r\n") != std::string::npos) return nullptr;
      continue;
    }
    if (found || markup_local_name(n.name) != root) return nullptr;
    found = &n;
  }
  return found;
}

std::optional<std::string> sanitize(std::string_view markup, Lang lang, ForeignRemoved* removed) {
  auto top = detail::parse_markup(markup);
  const MarkupNode* r = find_root(top, lang == Lang::MathML ? "math" : "svg");
  if (!r) return std::nullopt;
  return Sanitiser(removed).root(*r, lang);
}

bool starts_with_element(std::string_view html, std::string_view name) {
  std::size_t i = html.find_first_not_of(" \t\r\n");
  if (i == std::string_view::npos || html[i] != '<') return false;
  std::size_t b = i + 1, e = b;
  while (e < html.size() && html[e] != '>' && html[e] != '/' && html[e] != ' ' && html[e] != '\t' &&
         html[e] != '\n' && html[e] != '\r')
    ++e;
  return markup_local_name(html.substr(b, e - b)) == name;
}

}  // namespace

std::optional<std::string> sanitize_mathml(std::string_view markup, ForeignRemoved* removed) {
  return sanitize(markup, Lang::MathML, removed);
}
std::optional<std::string> sanitize_svg_markup(std::string_view markup, ForeignRemoved* removed) {
  return sanitize(markup, Lang::Svg, removed);
}
bool is_mathml_fragment(std::string_view html) { return starts_with_element(html, "math"); }

std::string prefixed_elements(std::string_view xml, std::string_view prefix) {
  // Sanitised markup escapes '<' everywhere but in tags, so every '<' starts one.
  std::string out;
  out.reserve(xml.size() + xml.size() / 4);
  bool root = true;
  for (std::size_t i = 0; i < xml.size(); ++i) {
    out += xml[i];
    if (xml[i] != '<') continue;
    if (i + 1 < xml.size() && xml[i + 1] == '/') out += xml[++i];
    out += prefix;
    out += ':';
    if (root) {
      root = false;
      std::size_t end = xml.find('>', i);
      std::size_t ns = xml.find(" xmlns=\"", i);
      if (ns != std::string_view::npos && ns < end) {
        std::size_t close = xml.find('"', ns + 8);
        out.append(xml.substr(i + 1, ns - i - 1));
        i = close;
      }
    }
  }
  return out;
}

std::string svg_title(std::string_view svg) {
  auto top = detail::parse_markup(svg);
  std::vector<const MarkupNode*> todo;
  for (auto it = top.rbegin(); it != top.rend(); ++it) todo.push_back(&*it);
  while (!todo.empty()) {
    const MarkupNode* n = todo.back();
    todo.pop_back();
    if (!n->element) continue;
    if (markup_local_name(n->name) == "title") {
      std::string t;
      detail::append_markup_text(*n, t);
      return collapse_whitespace(t);
    }
    for (auto it = n->children.rbegin(); it != n->children.rend(); ++it) todo.push_back(&*it);
  }
  return {};
}
bool is_svg_fragment(std::string_view html) { return starts_with_element(html, "svg"); }

}  // namespace galley
