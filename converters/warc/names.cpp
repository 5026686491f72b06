// File-name stems for an archive's pages, made from their URLs (batch outputs).
#include "warc/names.hpp"

#include <cctype>
#include <map>

#include "galley/text.hpp"

namespace galley::warc {

namespace {
// One path segment as a safe file name: [A-Za-z0-9._-] kept, anything else '_',
// at most 80 bytes, never "." or "..".
std::string safe_segment(std::string_view s) {
  std::string o;
  for (char c : s) {
    if (o.size() >= 80) break;
    unsigned char u = static_cast<unsigned char>(c);
    o += std::isalnum(u) || c == '.' || c == '-' || c == '_' ? c : '_';
  }
  if (o.find_first_not_of('.') == std::string::npos) o = "_" + o;
  return o;
}
}  // namespace

std::string page_name(std::string_view url) {
  auto hash = url.find('#');
  if (hash != std::string_view::npos) url = url.substr(0, hash);
  auto scheme = url.find("://");
  std::string_view rest = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
  std::string_view query;
  auto q = rest.find('?');
  if (q != std::string_view::npos) { query = rest.substr(q + 1); rest = rest.substr(0, q); }
  std::vector<std::string> parts;
  std::size_t i = 0;
  while (i <= rest.size()) {
    auto s = rest.find('/', i);
    if (s == std::string_view::npos) s = rest.size();
    if (s > i) parts.push_back(safe_segment(rest.substr(i, s - i)));
    i = s + 1;
  }
  if (parts.empty()) parts.push_back("page");
  bool dir = rest.empty() || rest.back() == '/' || parts.size() == 1;
  if (dir) parts.push_back("index");
  std::string& last = parts.back();
  for (const char* ext : {".html", ".htm", ".xhtml", ".shtml", ".php", ".aspx", ".asp", ".jsp"}) {
    std::string e = ext;
    if (last.size() > e.size() && ascii_lower(last.substr(last.size() - e.size())) == e) { last.resize(last.size() - e.size()); break; }
  }
  // Stripping the extension can leave only dots ("..html" -> ".", "...htm" ->
  // ".."): safe_segment's rule again, or the name would hold a "." or ".."
  // segment (fuzz_warc_parse).
  if (last.find_first_not_of('.') == std::string::npos) last = "_" + last;
  if (!query.empty()) last += "_" + safe_segment(query).substr(0, 40);
  std::string out;
  for (auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

std::vector<std::string> page_names(const std::vector<std::string>& urls) {
  std::vector<std::string> out;
  std::map<std::string, int> used;  // lower-case: case-insensitive file systems
  for (auto& u : urls) {
    std::string base = page_name(u), name = base;
    for (int n = 2; used.count(ascii_lower(name)); ++n) name = base + "-" + std::to_string(n);
    used[ascii_lower(name)] = 1;
    out.push_back(name);
  }
  return out;
}

}  // namespace galley::warc
