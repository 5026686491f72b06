// URL, attribute, CSS and SVG safety (galley/safety.hpp): the one check every
// reader and writer uses.
#include "galley/safety.hpp"

#include <cctype>
#include <cstring>

#include "galley/foreign_markup.hpp"
#include "galley/io.hpp"
#include "galley/text.hpp"

namespace galley {

namespace {

bool space_or_control(unsigned char u) { return u <= 0x20 || u == 0x7F; }

// Undo CSS escapes (\6a, \j) and comments, lower-case, drop whitespace.
std::string normalize_css(std::string_view css) {
  std::string un;
  for (std::size_t i = 0; i < css.size(); ++i) {
    char c = css[i];
    if (c == '\\' && i + 1 < css.size()) {
      std::size_t j = i + 1;
      unsigned long cp = 0;
      std::size_t n = 0;
      while (j < css.size() && n < 6 && std::isxdigit(static_cast<unsigned char>(css[j]))) {
        char h = static_cast<char>(std::tolower(static_cast<unsigned char>(css[j])));
        cp = cp * 16 + static_cast<unsigned long>(h <= '9' ? h - '0' : h - 'a' + 10);
        ++j, ++n;
      }
      if (n > 0) {
        if (j < css.size() && space_or_control(static_cast<unsigned char>(css[j]))) ++j;
        un += cp < 0x80 ? static_cast<char>(cp) : '?';
        i = j - 1;
      } else {
        un += css[i + 1];
        ++i;
      }
      continue;
    }
    if (c == '/' && i + 1 < css.size() && css[i + 1] == '*') {
      auto e = css.find("*/", i + 2);
      if (e == std::string_view::npos) break;
      i = e + 1;
      continue;
    }
    un += c;
  }
  std::string out;
  for (char c : un)
    if (!space_or_control(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool css_is_dangerous_normalized(const std::string& n) {
  for (const char* bad : {"expression(", "javascript:", "vbscript:", "livescript:", "@import", "behavior:", "-moz-binding"})
    if (n.find(bad) != std::string::npos) return true;
  for (auto p = n.find("url("); p != std::string::npos; p = n.find("url(", p + 4)) {
    auto e = n.find(')', p + 4);
    std::string arg = n.substr(p + 4, e == std::string::npos ? std::string::npos : e - p - 4);
    if (!arg.empty() && (arg.front() == '"' || arg.front() == '\'')) arg.erase(0, 1);
    if (!arg.empty() && (arg.back() == '"' || arg.back() == '\'')) arg.pop_back();
    if (is_dangerous_url(arg)) return true;
  }
  return false;
}

// Element local name ("svg:script" -> "script"), lower-cased.
std::string local_name(std::string_view qname) {
  auto c = qname.rfind(':');
  return ascii_lower(c == std::string_view::npos ? qname : qname.substr(c + 1));
}

bool script_element(const std::string& local) {
  return local == "script" || local == "handler" || local == "listener" || local == "iframe" ||
         local == "embed" || local == "object";
}

bool dangerous_attribute(std::string_view name, std::string_view raw_value) {
  std::string local = local_name(name);
  if (local.size() >= 2 && local[0] == 'o' && local[1] == 'n') return true;
  std::string value = decode_char_refs(raw_value, RefContext::Attribute);
  if (is_dangerous_url(value)) return true;
  if (local == "style" && is_dangerous_css(value)) return true;
  return false;
}

// Does the SVG markup hold a script element or a dangerous attribute? A detector
// only: cleaning is sanitize_svg_markup's (foreign_markup.hpp), the one sanitiser.
// It reads tags as a browser's tokenizer would at worst (any prefix, unquoted or
// unterminated values), so that it errs towards "unsafe".
bool svg_has_script_markup(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto lt = s.find('<', i);
    if (lt == std::string_view::npos) break;
    auto skip_through = [&](std::string_view end) {
      auto e = s.find(end, lt);
      i = e == std::string_view::npos ? s.size() : e + end.size();
    };
    if (s.substr(lt, 4) == "<!--") { skip_through("-->"); continue; }
    if (s.substr(lt, 9) == "<![CDATA[") { skip_through("]]>"); continue; }
    if (s.substr(lt, 2) == "<?") { skip_through("?>"); continue; }
    if (s.substr(lt, 2) == "<!") { skip_through(">"); continue; }
    std::size_t j = lt + 1;
    if (j < s.size() && s[j] == '/') ++j;
    std::size_t ns = j;
    while (j < s.size() && !space_or_control(static_cast<unsigned char>(s[j])) && s[j] != '/' && s[j] != '>') ++j;
    if (script_element(local_name(s.substr(ns, j - ns)))) return true;
    while (j < s.size() && s[j] != '>') {
      if (space_or_control(static_cast<unsigned char>(s[j])) || s[j] == '/') { ++j; continue; }
      std::size_t an = j;
      while (j < s.size() && !space_or_control(static_cast<unsigned char>(s[j])) && s[j] != '=' && s[j] != '>' && s[j] != '/') ++j;
      std::string_view aname = s.substr(an, j - an);
      std::size_t k = j;
      while (k < s.size() && space_or_control(static_cast<unsigned char>(s[k]))) ++k;
      std::string_view value;
      if (k < s.size() && s[k] == '=') {
        ++k;
        while (k < s.size() && space_or_control(static_cast<unsigned char>(s[k]))) ++k;
        if (k < s.size() && (s[k] == '"' || s[k] == '\'')) {
          auto e = s.find(s[k], k + 1);
          if (e == std::string_view::npos) e = s.size() - 1;
          value = s.substr(k + 1, e - k - 1);
          j = e + 1;
        } else {
          std::size_t vs = k;
          while (k < s.size() && !space_or_control(static_cast<unsigned char>(s[k])) && s[k] != '>') ++k;
          value = s.substr(vs, k - vs);
          j = k;
        }
      }
      if (aname.empty()) { ++j; continue; }
      if (dangerous_attribute(aname, value)) return true;
    }
    i = j < s.size() ? j + 1 : j;
  }
  return false;
}

}  // namespace

// ---- URLs ----
namespace {

bool ascii_alpha(unsigned char u) { return (u | 0x20) >= 'a' && (u | 0x20) <= 'z'; }
bool ascii_digit(unsigned char u) { return u >= '0' && u <= '9'; }
bool scheme_char(unsigned char u) { return ascii_alpha(u) || ascii_digit(u) || u == '+' || u == '-' || u == '.'; }
bool tab_or_newline(unsigned char u) { return u == '\t' || u == '\n' || u == '\r'; }

// Where the scheme ends in `url` (the ':'), skipping controls and spaces; npos when relative.
std::size_t scheme_end(std::string_view url, std::string* scheme) {
  bool any = false;
  for (std::size_t i = 0; i < url.size(); ++i) {
    auto u = static_cast<unsigned char>(url[i]);
    if (space_or_control(u)) continue;
    if (u == ':') return any ? i : std::string_view::npos;
    if (any ? !scheme_char(u) : !ascii_alpha(u)) return std::string_view::npos;
    any = true;
    if (scheme) *scheme += static_cast<char>(std::tolower(u));
  }
  return std::string_view::npos;
}

// The media type of a data: URL (after "data:"), lower-case, spaces removed.
std::string data_media_type(std::string_view rest) {
  std::string t;
  for (char c : rest) {
    if (c == ',' || c == ';') break;
    if (!space_or_control(static_cast<unsigned char>(c))) t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return t;
}

// data: for images: image/* other than SVG, or SVG that cannot run script.
bool safe_data_image(std::string_view cleaned, std::size_t colon) {
  std::string type = data_media_type(cleaned.substr(colon + 1));
  if (!type.starts_with("image/")) return false;
  if (type.find("svg") == std::string::npos && type.find("xml") == std::string::npos) return true;
  auto d = decode_data_uri("data:" + std::string(cleaned.substr(colon + 1)), std::size_t(64) << 20);
  return d && !svg_is_unsafe(d->bytes);
}

bool in(std::string_view s, std::initializer_list<std::string_view> list) {
  for (auto x : list)
    if (s == x) return true;
  return false;
}

}  // namespace

std::string strip_url_controls(std::string_view url) {
  // Most URLs hold no control or space at all: one scan, one copy.
  bool plain = true;
  for (char c : url) plain &= static_cast<unsigned char>(c) > 0x20;
  if (plain) return std::string(url);
  std::size_t b = 0, e = url.size();
  while (b < e && static_cast<unsigned char>(url[b]) <= 0x20) ++b;
  while (e > b && static_cast<unsigned char>(url[e - 1]) <= 0x20) --e;
  url = url.substr(b, e - b);
  std::string out;
  out.reserve(url.size());
  std::size_t colon = scheme_end(url, nullptr);
  std::size_t i = 0;
  if (colon != std::string_view::npos) {
    for (; i <= colon; ++i)
      if (!space_or_control(static_cast<unsigned char>(url[i]))) out += url[i];
  }
  for (; i < url.size(); ++i)
    if (!tab_or_newline(static_cast<unsigned char>(url[i]))) out += url[i];
  return out;
}

std::string url_scheme(std::string_view url) {
  std::string s;
  if (scheme_end(url, &s) == std::string_view::npos) return {};
  return s;
}

std::optional<std::string> allowed_url(std::string_view url, UrlKind kind) {
  std::string cleaned = strip_url_controls(url);
  std::string scheme;
  std::size_t colon = scheme_end(cleaned, &scheme);
  if (colon == std::string_view::npos) {
    if (kind == UrlKind::Base) return std::nullopt;
    return cleaned;  // relative, fragment, empty
  }
  bool ok = false;
  switch (kind) {
    case UrlKind::Link: ok = in(scheme, {"http", "https", "mailto", "tel"}); break;
    case UrlKind::Media: ok = in(scheme, {"http", "https"}); break;
    case UrlKind::Image:
      ok = in(scheme, {"http", "https"}) || (scheme == "data" && safe_data_image(cleaned, colon));
      if (!ok && scheme == "data") {
        // An SVG with script that the SVG sanitiser can clean: its cleaned copy.
        std::string type = data_media_type(std::string_view(cleaned).substr(colon + 1));
        if (type == "image/svg+xml")
          if (auto d = decode_data_uri("data:" + cleaned.substr(colon + 1), std::size_t(64) << 20))
            if (auto svg = sanitize_svg(d->bytes)) return "data:image/svg+xml;base64," + base64_encode(*svg);
      }
      break;
    case UrlKind::Base: ok = in(scheme, {"http", "https"}); break;
  }
  if (!ok) return std::nullopt;
  return cleaned;
}

bool is_dangerous_url(std::string_view url) {
  std::string scheme;
  std::size_t colon = scheme_end(url, &scheme);
  if (colon == std::string_view::npos) return false;
  if (in(scheme, {"javascript", "vbscript", "livescript", "mocha", "jscript", "ecmascript", "mhtml", "ms-its"}))
    return true;
  if (scheme != "data") return false;
  std::string cleaned = strip_url_controls(url);
  return !safe_data_image(cleaned, cleaned.find(':'));
}

// ---- CSS allow-list ----
namespace {

bool allowed_css_property(std::string_view p) {
  static const std::string_view exact[] = {
      "color", "background", "background-color", "background-image", "background-position", "background-repeat",
      "background-size", "border", "border-collapse", "border-spacing", "border-radius", "margin", "padding",
      "width", "height", "min-width", "max-width", "min-height", "max-height", "font", "font-family", "font-size",
      "font-style", "font-weight", "font-variant", "font-stretch", "font-feature-settings", "font-kerning",
      "line-height", "letter-spacing", "word-spacing", "text-align", "text-align-last", "text-decoration",
      "text-decoration-line", "text-decoration-style", "text-decoration-color", "text-indent", "text-transform",
      "text-shadow", "text-emphasis", "vertical-align", "white-space", "word-break", "word-wrap", "overflow-wrap",
      "hyphens", "direction", "unicode-bidi", "writing-mode", "text-orientation", "list-style", "list-style-type",
      "list-style-position", "display", "float", "clear", "caption-side", "table-layout", "empty-cells",
      "columns", "column-count", "column-gap", "column-width", "column-rule", "column-span", "break-before",
      "break-after", "break-inside", "page-break-before", "page-break-after", "page-break-inside", "orphans",
      "widows", "box-sizing", "opacity", "visibility", "text-overflow", "overflow", "quotes"};
  for (auto e : exact)
    if (p == e) return true;
  for (std::string_view prefix : {"margin-", "padding-", "border-", "font-variant-"})
    if (p.starts_with(prefix)) return true;
  return false;
}

std::string_view trim_css(std::string_view s) {
  while (!s.empty() && space_or_control(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && space_or_control(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool safe_css_value(std::string_view value) {
  if (value.find('\\') != std::string_view::npos || value.find('<') != std::string_view::npos ||
      value.find('@') != std::string_view::npos || value.find('&') != std::string_view::npos)
    return false;
  std::string n = normalize_css(value);
  for (const char* bad : {"expression", "javascript", "vbscript", "livescript", "behavior", "binding", "image-set(",
                          "element(", "paint(", "progid", "import", "!ie"})
    if (n.find(bad) != std::string::npos) return false;
  for (auto p = n.find("url("); p != std::string::npos; p = n.find("url(", p + 4)) {
    auto e = n.find(')', p + 4);
    if (e == std::string::npos) return false;
    std::string arg = n.substr(p + 4, e - p - 4);
    if (!arg.empty() && (arg.front() == '"' || arg.front() == '\'')) arg.erase(0, 1);
    if (!arg.empty() && (arg.back() == '"' || arg.back() == '\'')) arg.pop_back();
    if (!allowed_url(arg, UrlKind::Image)) return false;
  }
  return true;
}

}  // namespace

std::string safe_css(std::string_view css) {
  // Comments go first (they may hide a property name); then declarations are
  // split at ';' outside quotes and parentheses.
  std::string text;
  bool changed = false;
  for (std::size_t i = 0; i < css.size(); ++i) {
    if (css[i] == '/' && i + 1 < css.size() && css[i + 1] == '*') {
      auto e = css.find("*/", i + 2);
      changed = true;
      if (e == std::string_view::npos) break;
      i = e + 1;
      text += ' ';
      continue;
    }
    text += css[i];
  }
  std::string out;
  std::size_t start = 0;
  int depth = 0;
  char quote = 0;
  auto take = [&](std::string_view decl) {
    std::string_view d = trim_css(decl);
    if (d.empty()) return;
    auto colon = d.find(':');
    bool keep = false;
    if (colon != std::string_view::npos) {
      std::string name = ascii_lower(trim_css(d.substr(0, colon)));
      keep = allowed_css_property(name) && safe_css_value(d.substr(colon + 1));
    }
    if (!keep) {
      changed = true;
      return;
    }
    if (!out.empty()) out += "; ";
    out += d;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (depth > 0) --depth;
    } else if (c == ';' && depth == 0) {
      take(std::string_view(text).substr(start, i - start));
      start = i + 1;
    }
  }
  if (quote || depth) {
    changed = true;  // an unclosed string or function: the last declaration goes
  } else {
    take(std::string_view(text).substr(start));
  }
  if (!changed) return std::string(css);
  return out;
}

// ---- attributes ----
std::optional<UrlKind> url_attribute_kind(std::string_view element, std::string_view name) {
  std::string_view local = name.substr(name.rfind(':') == std::string_view::npos ? 0 : name.rfind(':') + 1);
  if (name == "xml:base") return UrlKind::Base;
  if (in(local, {"href", "cite", "longdesc", "usemap", "itemid", "itemtype", "profile", "codebase", "manifest",
                 "icon", "classid", "archive"}))
    return UrlKind::Link;
  if (local == "src") return (element == "img" || element == "input" || element == "image") ? UrlKind::Image : UrlKind::Media;
  if (in(local, {"poster", "background", "lowsrc", "dynsrc"})) return UrlKind::Image;
  if (local == "data") return UrlKind::Media;
  return std::nullopt;
}

std::optional<std::string> safe_attribute(std::string_view element, std::string_view name, std::string_view value) {
  bool has_upper = false;
  for (char c : name) has_upper |= c >= 'A' && c <= 'Z';
  std::string lowered = has_upper ? ascii_lower(name) : std::string();
  std::string_view lname = has_upper ? std::string_view(lowered) : name;
  std::string_view local = lname;
  if (auto c = local.rfind(':'); c != std::string_view::npos) local.remove_prefix(c + 1);
  if (local.starts_with("on")) return std::nullopt;
  // Script and navigation hooks whatever their value.
  if (in(local, {"srcdoc", "action", "formaction", "ping", "http-equiv"})) return std::nullopt;
  if (local == "style") {
    std::string s = safe_css(value);
    if (trim_css(s).empty()) return std::nullopt;
    return s;
  }
  if (local == "srcset" || local == "imagesrcset") {
    // Candidates: a URL (no spaces; a trailing ',' ends it), then descriptors up to ','.
    std::size_t i = 0;
    while (i < value.size()) {
      while (i < value.size() && (space_or_control(static_cast<unsigned char>(value[i])) || value[i] == ',')) ++i;
      std::size_t s = i;
      while (i < value.size() && !space_or_control(static_cast<unsigned char>(value[i]))) ++i;
      std::string_view u = value.substr(s, i - s);
      bool ended = false;
      while (!u.empty() && u.back() == ',') u.remove_suffix(1), ended = true;
      if (!u.empty() && !allowed_url(u, UrlKind::Image)) return std::nullopt;
      if (!ended)
        while (i < value.size() && value[i] != ',') ++i;
    }
    return std::string(value);
  }
  if (auto kind = url_attribute_kind(element, lname)) return allowed_url(value, *kind);
  if (is_dangerous_url(value)) return std::nullopt;
  return std::string(value);
}

bool is_dangerous_css(std::string_view css) { return css_is_dangerous_normalized(normalize_css(css)); }

bool svg_is_unsafe(std::string_view svg) {
  if (svg_has_script_markup(svg)) return true;
  std::string n;
  for (char c : decode_char_refs(svg))
    if (!space_or_control(static_cast<unsigned char>(c))) n += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* bad : {"<script", ":script", "javascript:", "vbscript:", "livescript:", "<handler", ":handler",
                          "data:text/html", "expression("})
    if (n.find(bad) != std::string::npos) return true;
  return false;
}

std::optional<std::string> sanitize_svg(std::string_view svg) {
  // A safe image stays byte for byte (the allow-list would drop what drawing tools
  // write beside the SVG vocabulary, <style> sheets and editor namespaces); an unsafe
  // one goes through the one MathML/SVG sanitiser, and is refused when even its
  // output does not pass the detector (it errs towards refusing: text saying
  // "javascript:" is enough).
  if (!svg_is_unsafe(svg)) return std::string(svg);
  auto clean = sanitize_svg_markup(svg);
  if (!clean || svg_is_unsafe(*clean)) return std::nullopt;
  return clean;
}


}  // namespace galley
