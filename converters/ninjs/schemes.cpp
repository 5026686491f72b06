// See schemes.hpp.
#include "ninjs/schemes.hpp"

namespace galley::ninjs {

namespace {
constexpr const char* kIptc = "http://cv.iptc.org/newscodes/";

bool is_alias(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
  return true;
}
}  // namespace

std::string scheme_uri(const std::string& scheme, const std::string& code) {
  if (scheme.find("://") != std::string::npos) {
    if (code.empty()) return scheme;
    return scheme + (scheme.back() == '/' || scheme.back() == '#' ? "" : "/") + code;
  }
  if (!is_alias(scheme)) return {};
  for (char c : code)
    if (static_cast<unsigned char>(c) <= 0x20 || c == '"' || c == '<' || c == '>' || c == '\\') return {};
  return std::string(kIptc) + scheme + "/" + code;
}

void split_scheme_uri(const std::string& uri, std::string& scheme, std::string& code) {
  std::string base = kIptc;
  if (uri.rfind(base, 0) == 0 || uri.rfind("https://cv.iptc.org/newscodes/", 0) == 0) {
    std::string rest = uri.substr(uri.find("newscodes/") + 10);
    auto slash = rest.find('/');
    if (slash != std::string::npos && slash > 0 && slash + 1 < rest.size()) {
      scheme = rest.substr(0, slash);
      code = rest.substr(slash + 1);
      return;
    }
  }
  scheme.clear();
  code = uri;
}

}  // namespace galley::ninjs
