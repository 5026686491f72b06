// See raw_html.hpp.
#include "galley/raw_html.hpp"

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
