// HtmlRenderer::Impl: ids (unique, valid, renames remembered for links) and attributes.
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

namespace galley::detail {
using namespace render;  // the helpers, as they were when all this was one file

std::string HtmlRenderer::Impl::unique_id(const std::string& raw, bool warn_rewrite) {
  std::string id = xml_id(raw);
  if (id.empty()) id = "id";
  bool raw_used = r.used_ids_.contains(raw);
  id = r.used_ids_.unique(std::move(id));
  if (id != raw) {
    if (warn_rewrite) warn("rewritten-id", "id \"" + raw + "\" written as \"" + id + "\"");
    if (!raw_used && !r.id_renames_.count(raw)) r.id_renames_[raw] = id;
  }
  return id;
}

std::string HtmlRenderer::Impl::link_target(const std::string& url) {
  if (!url.empty() && url[0] == '#') {
    std::string frag = url.substr(1);
    auto it = r.id_renames_.find(frag);
    std::string href = it == r.id_renames_.end() ? url : "#" + it->second;
    return clean_url(r.opt_.map_link ? r.opt_.map_link(href) : href);
  }
  return clean_url(url);
}

void HtmlRenderer::Impl::attr_kv(std::string& out, std::string_view k, std::string_view v) {
  out += ' ';
  out += k;
  out += "=\"";
  esc(out, v, true);
  out += '"';
}

// Writes id, class and key=value attributes. `id_out` receives the id written.
void HtmlRenderer::Impl::attrs(std::string& out, const Attr& a, std::string_view element, std::vector<std::string> extra_classes,
           std::string* id_out, std::string extra_style) {
  if (a.id.empty() && a.classes.empty() && a.attributes.empty() && extra_classes.empty() && extra_style.empty())
    return;  // the common case: nothing to write, nothing to allocate
  if (!a.id.empty() && !copy) {
    std::string id = unique_id(a.id);
    attr_kv(out, "id", id);
    if (id_out) *id_out = id;
  }
  std::vector<std::string> classes = a.classes;
  for (auto& c : extra_classes)
    if (std::find(classes.begin(), classes.end(), c) == classes.end()) classes.push_back(c);
  std::string style = std::move(extra_style);
  std::vector<std::pair<std::string, std::string>> kvs;
  for (auto& [k0, v] : a.attributes) {
    std::string k = k0;
    if (k == "id") continue;
    if (k == "class") {
      std::string_view rest = v;
      while (!rest.empty()) {
        auto sp = rest.find(' ');
        auto c = rest.substr(0, sp);
        if (!c.empty()) classes.emplace_back(c);
        if (sp == std::string_view::npos) break;
        rest.remove_prefix(sp + 1);
      }
      continue;
    }
    if (starts_with_ci(k, "on")) {
      warn("unsafe-content", "event handler attribute \"" + k + "\" dropped");
      continue;
    }
    if (dangerous_url(v)) {
      warn("unsafe-content", "attribute \"" + k + "\" with a script URL dropped");
      continue;
    }
    if (k == "style") {
      if (galley::is_dangerous_css(v)) {
        warn("unsafe-content", "style attribute that can run script or load content dropped");
        continue;
      }
      if (!style.empty() && style.back() != ';') style += ';';
      if (!style.empty()) style += ' ';
      style += v;
      continue;
    }
    if (k == "epub:type") {
      if (x()) kvs.emplace_back(k, v);
      else kvs.emplace_back("data-epub-type", v);
      continue;
    }
    if (k == "xml:lang") {
      if (x()) kvs.emplace_back(k, v);
      else kvs.emplace_back("lang", v);
      continue;
    }
    if (!valid_attr_name(k) || !known_attribute(lower(k), element)) {
      kvs.emplace_back(data_name(k), v);
      continue;
    }
    kvs.emplace_back(lower(k), v);
  }
  if (!classes.empty()) {
    std::string cl;
    for (auto& c : classes) {
      if (c.empty()) continue;
      if (!cl.empty()) cl += ' ';
      cl += c;
    }
    if (!cl.empty()) attr_kv(out, "class", cl);
  }
  if (!style.empty()) attr_kv(out, "style", style);
  if (kvs.empty()) return;
  std::set<std::string> seen = {"id", "class", "style"};
  for (auto& [k, v] : kvs) {
    if (!seen.insert(k).second) continue;  // duplicate attributes are not well-formed
    attr_kv(out, k, v);
  }
}

}  // namespace galley::detail
