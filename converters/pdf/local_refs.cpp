#include "pdf/local_refs.hpp"

#include <cctype>
#include <vector>

#include "galley/safety.hpp"
#include "galley/text.hpp"

namespace galley::pdf {

namespace {

constexpr std::string_view kRefused = "data:,";

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool starts_with_ci(std::string_view s, std::size_t at, std::string_view word) {
  if (at + word.size() > s.size()) return false;
  return ascii_lower(s.substr(at, word.size())) == word;
}

// CSS as an engine reads it: comments gone, escapes decoded (u\72l( is url().
std::string css_unescaped(std::string_view css) {
  std::string out;
  for (std::size_t i = 0; i < css.size(); ++i) {
    if (css[i] == '/' && i + 1 < css.size() && css[i + 1] == '*') {
      auto end = css.find("*/", i + 2);
      if (end == std::string_view::npos) break;
      i = end + 1;
      continue;
    }
    if (css[i] == '\\' && i + 1 < css.size()) {
      std::size_t k = i + 1;
      unsigned long cp = 0;
      while (k < css.size() && k < i + 7 && hex_digit_value(css[k]) >= 0) cp = cp * 16 + static_cast<unsigned long>(hex_digit_value(css[k++]));
      if (k > i + 1) {
        if (k < css.size() && space(css[k])) ++k;
        if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
        append_utf8(out, static_cast<char32_t>(cp));
        i = k - 1;
      } else {
        out += css[i + 1];
        ++i;
      }
      continue;
    }
    out += css[i];
  }
  return out;
}

// The URL after url( or @import at `at` in unescaped CSS.
std::string css_url_at(const std::string& css, std::size_t at) {
  while (at < css.size() && space(css[at])) ++at;
  if (at >= css.size()) return {};
  if (css[at] == '"' || css[at] == '\'') {
    auto end = css.find(css[at], at + 1);
    return css.substr(at + 1, end == std::string::npos ? std::string::npos : end - at - 1);
  }
  std::size_t end = at;
  while (end < css.size() && css[end] != ')' && !space(css[end])) ++end;
  return css.substr(at, end - at);
}

// The first local URL in a stylesheet or style attribute ("" when none).
std::string css_local_reference(std::string_view raw) {
  std::string css = ascii_lower(css_unescaped(raw));  // schemes and keywords are case-insensitive
  std::string original = css_unescaped(raw);
  for (std::size_t i = 0; i < css.size(); ++i) {
    std::size_t arg = std::string::npos;
    if (css.compare(i, 4, "url(") == 0) arg = i + 4;
    else if (css.compare(i, 7, "@import") == 0) {
      arg = i + 7;
      while (arg < css.size() && space(css[arg])) ++arg;
      if (css.compare(arg, 4, "url(") == 0) arg += 4;
    }
    if (arg == std::string::npos) continue;
    std::string url = css_url_at(original, arg);
    if (is_local_reference(url)) return url.empty() ? std::string("(empty)") : url;
  }
  return {};
}

struct Attribute {
  std::string name;                      // lower case
  std::size_t value_begin = 0, value_end = 0;  // the value's bytes in the HTML (raw, undecoded)
  bool has_value = false;
};

// Reads the attributes of the start tag whose name ends at `i`; returns the
// position after '>' (or the end).
std::size_t read_attributes(std::string_view h, std::size_t i, std::vector<Attribute>& attrs) {
  while (i < h.size()) {
    while (i < h.size() && (space(h[i]) || h[i] == '/')) ++i;
    if (i >= h.size()) break;
    if (h[i] == '>') return i + 1;
    Attribute a;
    std::size_t n = i;
    while (i < h.size() && !space(h[i]) && h[i] != '=' && h[i] != '>' && !(h[i] == '/' && i > n)) ++i;
    if (i == n) ++i;  // a lone '=' or the like: skip it
    a.name = ascii_lower(h.substr(n, i - n));
    while (i < h.size() && space(h[i])) ++i;
    if (i < h.size() && h[i] == '=') {
      ++i;
      while (i < h.size() && space(h[i])) ++i;
      a.has_value = true;
      if (i < h.size() && (h[i] == '"' || h[i] == '\'')) {
        char q = h[i++];
        a.value_begin = i;
        while (i < h.size() && h[i] != q) ++i;
        a.value_end = i;
        if (i < h.size()) ++i;
      } else {
        a.value_begin = i;
        while (i < h.size() && !space(h[i]) && h[i] != '>') ++i;
        a.value_end = i;
      }
    }
    attrs.push_back(std::move(a));
  }
  return h.size();
}

bool fetched_attribute(const std::string& element, const Attribute& a, bool attachment) {
  static const std::string_view always[] = {"src",     "srcset", "poster",   "data",     "background", "lowsrc",
                                            "dynsrc",  "xlink:href", "codebase", "archive", "manifest", "icon"};
  for (auto n : always)
    if (a.name == n) return true;
  if (a.name == "href") return !(element == "a" || element == "area") || attachment;
  return false;
}

// srcset: comma-separated "URL [descriptor]" candidates.
std::string first_local_in_srcset(const std::string& v) {
  std::size_t i = 0;
  while (i < v.size()) {
    while (i < v.size() && (space(v[i]) || v[i] == ',')) ++i;
    std::size_t start = i;
    while (i < v.size() && !space(v[i])) ++i;
    std::string url = v.substr(start, i - start);
    if (!url.empty() && url.back() == ',') url.pop_back();
    if (is_local_reference(url)) return url;
    while (i < v.size() && v[i] != ',') ++i;
  }
  return {};
}

}  // namespace

bool is_local_reference(std::string_view url) {
  std::string u = strip_url_controls(url);
  if (u.empty() || u[0] == '#') return false;
  std::string scheme = url_scheme(u);
  return !(scheme == "data" || scheme == "http" || scheme == "https");
}

std::string refuse_local_references(std::string_view h, Diagnostics& diag) {
  std::string out;
  out.reserve(h.size());
  std::size_t copied = 0, i = 0;
  auto refuse = [&](std::size_t begin, std::size_t end, std::string_view replacement, const std::string& what) {
    out.append(h.substr(copied, begin - copied));
    out.append(replacement);
    copied = end;
    diag.warn("resource-refused", "the PDF engine may read only what galley embedded; not read: " + what);
  };
  while ((i = h.find('<', i)) != std::string_view::npos) {
    if (h.compare(i, 4, "<!--") == 0) {
      auto end = h.find("-->", i + 4);
      i = end == std::string_view::npos ? h.size() : end + 3;
      continue;
    }
    std::size_t n = i + 1;
    while (n < h.size() && (std::isalnum(static_cast<unsigned char>(h[n])) || h[n] == '-' || h[n] == ':')) ++n;
    if (n == i + 1) { ++i; continue; }  // "</x", "<!DOCTYPE", a stray '<'
    std::string element = ascii_lower(h.substr(i + 1, n - i - 1));
    std::vector<Attribute> attrs;
    std::size_t after = read_attributes(h, n, attrs);
    bool attachment = false;
    for (auto& a : attrs)
      if (a.name == "rel" && a.has_value &&
          ascii_lower(h.substr(a.value_begin, a.value_end - a.value_begin)).find("attachment") != std::string::npos)
        attachment = true;
    for (auto& a : attrs) {
      if (!a.has_value) continue;
      std::string value = decode_char_refs(h.substr(a.value_begin, a.value_end - a.value_begin), RefContext::Attribute);
      std::string bad;
      if (a.name == "style") bad = css_local_reference(value);
      else if (a.name == "srcset" || a.name == "imagesrcset") bad = first_local_in_srcset(value);
      else if (fetched_attribute(element, a, attachment) && is_local_reference(value)) bad = value;
      if (!bad.empty()) refuse(a.value_begin, a.value_end, a.name == "style" ? "" : kRefused, bad);
    }
    i = after;
    if (element == "style" || element == "script") {
      // Raw text up to the end tag; a stylesheet that names a local file is dropped whole.
      std::size_t end = i;
      while ((end = h.find("</", end)) != std::string_view::npos && !starts_with_ci(h, end + 2, element)) end += 2;
      if (end == std::string_view::npos) end = h.size();
      if (element == "style") {
        std::string bad = css_local_reference(h.substr(i, end - i));
        if (!bad.empty()) refuse(i, end, "/* stylesheet refused: it names a local file */", bad);
      }
      i = end;
    }
  }
  out.append(h.substr(copied));
  return out;
}

}  // namespace galley::pdf
