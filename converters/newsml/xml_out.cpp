#include "newsml/xml_out.hpp"

#include "galley/whitespace.hpp"

namespace galley::newsml {

std::string g2(std::string_view s) { return collapse_whitespace(s); }

std::string iri(std::string_view url) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  out.reserve(url.size());
  // The authority (after "scheme://", up to the next "/?#") may hold an IPv6 "[...]".
  std::size_t host_end = 0;
  if (auto p = url.find("://"); p != std::string_view::npos) {
    host_end = url.find_first_of("/?#", p + 3);
    if (host_end == std::string_view::npos) host_end = url.size();
  }
  for (std::size_t i = 0; i < url.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(url[i]);
    bool bracket = (c == '[' || c == ']') && i >= host_end;
    if (c <= 0x20 || c == 0x7F || bracket || std::string_view("<>\"{}|\\^`").find(static_cast<char>(c)) != std::string_view::npos) {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace galley::newsml
