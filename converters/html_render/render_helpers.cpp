// Checks and tables the renderer's files share (declared in render_impl.hpp).
#include <libxml/parser.h>
#include <algorithm>
#include <cstdio>
#include <cctype>
#include <string_view>
#include <utility>
#include "galley/detail/xml.hpp"
#include "galley/io.hpp"
#include "galley/locale.hpp"
#include "galley/raw_html.hpp"
#include "galley/text.hpp"

#include "html_render/render_impl.hpp"

namespace galley::detail::render {

std::string lower(std::string_view s) { return ascii_lower(s); }

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != std::tolower(static_cast<unsigned char>(prefix[i])))
      return false;
  return true;
}

bool icontains(std::string_view hay, std::string_view needle) {
  for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i)
    if (starts_with_ci(hay.substr(i), needle)) return true;
  return false;
}

// The one URL-safety check all writers share (galley/io.hpp).
bool dangerous_url(std::string_view url) { return galley::is_dangerous_url(url); }

// Percent-encode what URLs may not hold literally (spaces, controls, "<>\^`{|}).
std::string clean_url(std::string_view url) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (char c : url) {
    auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' ||
        c == '{' || c == '|' || c == '}') {
      out += '%';
      out += hex[u >> 4];
      out += hex[u & 15];
    } else {
      out += c;
    }
  }
  return out;
}

bool valid_attr_name(std::string_view k) {
  if (k.empty()) return false;
  auto first = static_cast<unsigned char>(k[0]);
  if (!(std::isalpha(first) || first == '_')) return false;
  for (char c : k) {
    auto u = static_cast<unsigned char>(c);
    if (!(std::isalnum(u) || c == '-' || c == '_' || c == '.' || c == ':')) return false;
  }
  return true;
}

// Attributes that HTML5 allows on the elements the renderer produces; any
// other key becomes data-<key> (as pandoc's HTML5 writer does).
bool known_attribute(std::string_view key, std::string_view element) {
  // role, aria-* (but aria-label) and microdata are not kept as such: taken
  // out of their page, their values and id references rarely hold (they
  // become data-*).
  static const char* global[] = {"lang", "dir", "title", "style", "translate", "hidden", "tabindex",
                                 "accesskey", "spellcheck"};
  for (auto* g : global)
    if (key == g) return true;
  if (key.starts_with("data-")) return true;
  // element attributes whose values cannot break validity (img width/height
  // are checked to be pixel counts before they get here)
  struct E { const char* el; const char* attr; };
  static const E specific[] = {{"img", "width"}, {"img", "height"}, {"th", "abbr"}};
  for (auto& e : specific)
    if (element == e.el && key == e.attr) return true;
  return false;
}

std::string data_name(std::string_view key) {
  std::string r = "data-";
  for (char c : key) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '_' || c == '.')
      r += static_cast<char>(std::tolower(u));
    else
      r += '-';
  }
  return r;
}

Quotes quotes_for(const std::string& lang) {
  std::string primary = primary_language(lang);
  const std::string nnbsp = "\u202F";
  if (primary == "fr")
    return {"\u00AB" + nnbsp, nnbsp + "\u00BB", "\u201C", "\u201D"};
  if (primary == "de" || primary == "cs" || primary == "sk" || primary == "is" || primary == "lt" ||
      primary == "sl" || primary == "et")
    return {"\u201E", "\u201C", "\u201A", "\u2018"};
  if (primary == "ru" || primary == "uk" || primary == "be")
    return {"\u00AB", "\u00BB", "\u201E", "\u201C"};
  if (primary == "es" || primary == "it" || primary == "pt" || primary == "ca" || primary == "el" ||
      primary == "no" || primary == "nb" || primary == "nn")
    return {"\u00AB", "\u00BB", "\u201C", "\u201D"};
  if (primary == "pl" || primary == "hu" || primary == "ro")
    return {"\u201E", "\u201D", "\u00AB", "\u00BB"};
  if (primary == "sv" || primary == "fi")
    return {"\u201D", "\u201D", "\u2019", "\u2019"};
  if (primary == "ja")
    return {"\u300C", "\u300D", "\u300E", "\u300F"};
  // en, vi and the default
  return {"\u201C", "\u201D", "\u2018", "\u2019"};
}

// Is `fragment` well-formed XML content (for raw HTML in XHTML output)?
bool well_formed_fragment(const std::string& fragment) {
  std::string doc = "<div xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\">" +
                    fragment + "</div>";
  xmlDocPtr d = xmlReadMemory(doc.data(), static_cast<int>(doc.size()), "raw.xml", "UTF-8",
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!d) return false;
  xmlFreeDoc(d);
  return true;
}

// Does an HTML `fragment` end in text, outside any tag and comment? One that ends inside
// a tag ("<scri", '<a href="') would take in what follows, escaped or not: the next Str
// 'pt src="//x/y.js">' made "<script src=...>" in print HTML (found by the writers fuzzer).
bool ends_in_text(std::string_view f) {
  std::size_t i = 0, n = f.size();
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  while (i < n) {
    if (f[i] != '<') { ++i; continue; }
    if (f.compare(i, 4, "<!--") == 0) {  // a comment runs to "-->"
      std::size_t e = f.find("-->", i + 4);
      if (e == std::string_view::npos) return false;
      i = e + 3;
      continue;
    }
    if (i + 1 == n) return false;  // a '<' at the very end starts whatever comes next
    char next = f[i + 1];
    if (!(letter(next) || next == '/' || next == '!' || next == '?')) { ++i; continue; }  // "< " is text
    // a tag: to its '>', skipping quoted attribute values
    for (i += 2; i < n && f[i] != '>'; ++i) {
      if (f[i] == '"' || f[i] == '\'') {
        std::size_t e = f.find(f[i], i + 1);
        if (e == std::string_view::npos) return false;
        i = e;
      }
    }
    if (i >= n) return false;
    ++i;
  }
  return true;
}

const char* list_type(ListNumberStyle s) {
  switch (s) {
    case ListNumberStyle::LowerAlpha: return "a";
    case ListNumberStyle::UpperAlpha: return "A";
    case ListNumberStyle::LowerRoman: return "i";
    case ListNumberStyle::UpperRoman: return "I";
    default: return nullptr;
  }
}

const char* align_css(Alignment a) {
  switch (a) {
    case Alignment::AlignLeft: return "left";
    case Alignment::AlignRight: return "right";
    case Alignment::AlignCenter: return "center";
    default: return nullptr;
  }
}

}  // namespace galley::detail::render
