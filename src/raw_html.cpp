// See raw_html.hpp.
#include "galley/raw_html.hpp"

#include "galley/safety.hpp"
#include "galley/text.hpp"

namespace galley {

namespace {

bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}
bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// The quoted value of the first non-empty src= or data= attribute in a tag's
// attribute text, else of data-src= (players loaded lazily keep their URL there,
// with an empty src).
std::optional<std::string> src_attribute(std::string_view tag) {
  std::optional<std::string> lazy;
  for (std::size_t i = 0; i < tag.size();) {
    if (!name_char(tag[i])) {
      ++i;
      continue;
    }
    std::size_t e = i;
    while (e < tag.size() && name_char(tag[e])) ++e;
    std::string_view name = tag.substr(i, e - i);
    bool wanted = ascii_iequals(name, "src") || ascii_iequals(name, "data");
    bool lazy_name = ascii_iequals(name, "data-src");
    i = e;
    while (i < tag.size() && space(tag[i])) ++i;
    if (i >= tag.size() || tag[i] != '=') continue;
    ++i;
    while (i < tag.size() && space(tag[i])) ++i;
    if (i >= tag.size()) break;
    char q = tag[i];
    std::size_t vstart = q == '"' || q == '\'' ? i + 1 : i;
    std::size_t vend = q == '"' || q == '\'' ? tag.find(q, vstart) : tag.find_first_of(" \t\n\r\f", vstart);
    if (vend == std::string_view::npos) vend = tag.size();
    bool quoted_value = (q == '"' || q == '\'') && vend > vstart && vend < tag.size();
    if (wanted && quoted_value) return std::string(tag.substr(vstart, vend - vstart));
    if (lazy_name && quoted_value && !lazy) lazy = std::string(tag.substr(vstart, vend - vstart));
    i = vend + 1;
  }
  return lazy;
}

}  // namespace

std::pair<std::size_t, std::size_t> find_start_tag(std::string_view t, std::span<const std::string_view> names) {
  for (std::size_t lt = t.find('<'); lt != std::string_view::npos; lt = t.find('<', lt + 1)) {
    std::size_t a = lt + 1;
    while (a < t.size() && space(t[a])) ++a;
    std::size_t b = a;
    while (b < t.size() && name_char(t[b])) ++b;
    for (auto n : names)
      if (ascii_iequals(t.substr(a, b - a), n)) return {lt, b};
  }
  return {std::string_view::npos, std::string_view::npos};
}

std::optional<std::string> embedded_media_url(std::string_view t) {
  std::size_t base = 0;
  for (;;) {
    auto found = find_start_tag(t.substr(base), {"iframe", "video", "audio", "object", "embed", "source"});
    if (found.first == std::string_view::npos) return std::nullopt;
    std::size_t p = base + found.second, gt = t.find('>', p);
    if (auto url = src_attribute(t.substr(p, gt == std::string_view::npos ? std::string_view::npos : gt - p)))
      return url;
    if (gt == std::string_view::npos) return std::nullopt;
    base = gt;
  }
}

}  // namespace galley

namespace galley {

namespace {

bool tag_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == ':' || c == '_';
}
bool html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

}  // namespace

std::string clean_raw_html_attributes(std::string_view html, std::size_t* removed) {
  std::string out;
  out.reserve(html.size());
  std::size_t i = 0, n = html.size(), dropped = 0;
  while (i < n) {
    std::size_t lt = html.find('<', i);
    if (lt == std::string_view::npos) { out.append(html.substr(i)); break; }
    out.append(html.substr(i, lt - i));
    i = lt;
    // comments, doctypes, CDATA and processing instructions pass whole
    if (html.compare(i, 4, "<!--") == 0) {
      std::size_t e = html.find("-->", i + 4);
      e = e == std::string_view::npos ? n : e + 3;
      out.append(html.substr(i, e - i));
      i = e;
      continue;
    }
    if (i + 1 < n && (html[i + 1] == '!' || html[i + 1] == '?' || html[i + 1] == '/')) {
      std::size_t e = html.find('>', i);
      e = e == std::string_view::npos ? n : e + 1;
      out.append(html.substr(i, e - i));
      i = e;
      continue;
    }
    std::size_t j = i + 1;
    while (j < n && tag_name_char(html[j])) ++j;
    if (j == i + 1) { out += '<'; ++i; continue; }  // "<" as text
    std::string element = ascii_lower(html.substr(i + 1, j - i - 1));
    out.append(html.substr(i, j - i));
    // attributes up to '>' (quotes respected)
    while (j < n) {
      std::size_t ws = j;
      while (j < n && html_space(html[j])) ++j;
      if (j >= n) { out.append(html.substr(ws)); break; }
      if (html[j] == '>' || (html[j] == '/' && j + 1 < n && html[j + 1] == '>')) {
        out.append(html.substr(ws, j - ws));
        std::size_t e = html[j] == '>' ? j + 1 : j + 2;
        out.append(html.substr(j, e - j));
        j = e;
        break;
      }
      std::size_t name_start = j;
      while (j < n && !html_space(html[j]) && html[j] != '=' && html[j] != '>' &&
             !(html[j] == '/' && j + 1 < n && html[j + 1] == '>'))
        ++j;
      if (j == name_start) { ++j; continue; }  // a stray character: dropped
      std::string_view name = html.substr(name_start, j - name_start);
      std::size_t k = j;
      while (k < n && html_space(html[k])) ++k;
      std::string value;
      bool has_value = false;
      char quote = 0;
      if (k < n && html[k] == '=') {
        ++k;
        while (k < n && html_space(html[k])) ++k;
        has_value = true;
        if (k < n && (html[k] == '"' || html[k] == '\'')) {
          quote = html[k];
          std::size_t e = html.find(quote, k + 1);
          if (e == std::string_view::npos) e = n;
          value.assign(html.substr(k + 1, e - k - 1));
          k = e < n ? e + 1 : n;
        } else {
          std::size_t e = k;
          while (e < n && !html_space(html[e]) && html[e] != '>') ++e;
          value.assign(html.substr(k, e - k));
          k = e;
        }
        j = k;
      }
      std::string lname = ascii_lower(name);
      std::string decoded = decode_char_refs(value, RefContext::Attribute);
      auto kept = safe_attribute(element, lname, decoded);
      if (!kept) { ++dropped; continue; }
      out.append(html.substr(ws, name_start - ws));
      out.append(name);
      if (has_value) {
        // the original bytes when nothing changed, else the cleaned value re-quoted
        if (*kept == decoded) {
          out += '=';
          if (quote) out += quote;
          out += value;
          if (quote) out += quote;
        } else {
          out += "=\"";
          for (char c : *kept) {
            if (c == '"') out += "&quot;";
            else if (c == '&') out += "&amp;";
            else if (c == '<') out += "&lt;";
            else out += c;
          }
          out += '"';
        }
      }
    }
    i = j;
  }
  if (removed) *removed = dropped;
  return out;
}

}  // namespace galley
