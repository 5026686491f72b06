// URL helpers for the HTML reader: RFC 3986 reference resolution (no network,
// no normalisation beyond dot-segment removal) and srcset selection.
#include <cstdlib>

#include "html/internal.hpp"

namespace galley::html {
namespace {

struct Parts {
  std::string_view scheme, authority, path, query, fragment;
  bool has_scheme = false, has_authority = false, has_query = false, has_fragment = false;
};

Parts split(std::string_view u) {
  Parts p;
  // scheme
  std::size_t i = 0;
  if (!u.empty() && std::isalpha(static_cast<unsigned char>(u[0]))) {
    while (i < u.size() && (std::isalnum(static_cast<unsigned char>(u[i])) || u[i] == '+' || u[i] == '-' || u[i] == '.')) ++i;
    if (i < u.size() && u[i] == ':') {
      p.scheme = u.substr(0, i);
      p.has_scheme = true;
      u.remove_prefix(i + 1);
    }
  }
  auto hash = u.find('#');
  if (hash != std::string_view::npos) {
    p.fragment = u.substr(hash + 1);
    p.has_fragment = true;
    u = u.substr(0, hash);
  }
  auto q = u.find('?');
  if (q != std::string_view::npos) {
    p.query = u.substr(q + 1);
    p.has_query = true;
    u = u.substr(0, q);
  }
  if (u.substr(0, 2) == "//") {
    u.remove_prefix(2);
    auto slash = u.find('/');
    p.authority = u.substr(0, slash);
    p.has_authority = true;
    u = slash == std::string_view::npos ? std::string_view() : u.substr(slash);
  }
  p.path = u;
  return p;
}

std::string remove_dots(std::string_view in) {
  std::string out;
  std::vector<std::string_view> segs;
  bool absolute = !in.empty() && in[0] == '/';
  std::size_t i = absolute ? 1 : 0;
  bool trailing = false;
  while (i <= in.size()) {
    auto j = in.find('/', i);
    if (j == std::string_view::npos) j = in.size();
    std::string_view seg = in.substr(i, j - i);
    trailing = false;
    if (seg == ".") {
      trailing = true;
    } else if (seg == "..") {
      if (!segs.empty()) segs.pop_back();
      trailing = true;
    } else {
      segs.push_back(seg);
    }
    i = j + 1;
  }
  if (absolute) out += '/';
  for (std::size_t k = 0; k < segs.size(); ++k) {
    if (k) out += '/';
    out += segs[k];
  }
  if (trailing && !out.empty() && out.back() != '/') out += '/';
  return out;
}

}  // namespace

std::string resolve_url(std::string_view base, std::string_view ref) {
  // Trim ASCII whitespace (browsers do).
  while (!ref.empty() && is_space(ref.front())) ref.remove_prefix(1);
  while (!ref.empty() && is_space(ref.back())) ref.remove_suffix(1);
  if (base.empty() || ref.empty() || ref[0] == '#') return std::string(ref);
  Parts r = split(ref);
  if (r.has_scheme) return std::string(ref);
  Parts b = split(base);
  if (!b.has_scheme && !b.has_authority) {
    // A relative base (a file path): resolve path-wise only.
    if (ref[0] == '/') return std::string(ref);
  }
  std::string out;
  if (b.has_scheme) {
    out += b.scheme;
    out += ':';
  }
  if (r.has_authority) {
    out += "//";
    out += r.authority;
    out += remove_dots(r.path);
  } else {
    if (b.has_authority) {
      out += "//";
      out += b.authority;
    }
    if (r.path.empty()) {
      out += b.path;
      if (!r.has_query && b.has_query) {
        out += '?';
        out += b.query;
      }
    } else if (r.path[0] == '/') {
      out += remove_dots(r.path);
    } else {
      std::string merged;
      if (b.has_authority && b.path.empty()) {
        merged = "/";
      } else {
        auto slash = b.path.rfind('/');
        if (slash != std::string_view::npos) merged = std::string(b.path.substr(0, slash + 1));
      }
      merged += r.path;
      out += remove_dots(merged);
    }
  }
  if (r.has_query) {
    out += '?';
    out += r.query;
  }
  if (r.has_fragment) {
    out += '#';
    out += r.fragment;
  }
  return out;
}

std::string best_srcset(std::string_view s) {
  std::string best;
  double best_score = -1;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (is_space(s[i]) || s[i] == ',')) ++i;
    std::size_t start = i;
    while (i < s.size() && !is_space(s[i])) ++i;
    std::string_view url = s.substr(start, i - start);
    // A URL may end with ',' when no descriptor follows.
    bool ended = false;
    if (!url.empty() && url.back() == ',') {
      url.remove_suffix(1);
      ended = true;
    }
    double score = 1;
    if (!ended) {
      while (i < s.size() && is_space(s[i])) ++i;
      std::size_t ds = i;
      while (i < s.size() && s[i] != ',') ++i;
      std::string_view d = s.substr(ds, i - ds);
      while (!d.empty() && is_space(d.back())) d.remove_suffix(1);
      if (!d.empty()) {
        std::string num(d.substr(0, d.size() - 1));
        double v = std::atof(num.c_str());
        if (d.back() == 'w') score = v / 1000.0;  // widths: prefer larger
        else if (d.back() == 'x') score = v;
      }
    }
    if (!url.empty() && score > best_score) {
      best_score = score;
      best = std::string(url);
    }
  }
  return best;
}

}  // namespace galley::html
