// The extension tables of the markdown readers and writers: a name, its default
// in each flavour, and what it does (--list-extensions prints them).
#pragma once
#include <vector>

#include "galley/options.hpp"
#include "galley/registry.hpp"
#include "markdown/markdown.hpp"

namespace galley::markdown {

struct KnownExtension {
  const char* name;
  bool commonmark, gfm, markdown;  // on by default in each flavour
  const char* description;
};

inline bool default_for(const KnownExtension& k, Flavour f) {
  return f == Flavour::CommonMark ? k.commonmark : f == Flavour::Gfm ? k.gfm : k.markdown;
}

template <std::size_t N>
std::vector<ExtensionInfo> extension_list(const KnownExtension (&table)[N], Flavour f) {
  std::vector<ExtensionInfo> out;
  for (auto& k : table) out.push_back({k.name, default_for(k, f), k.description});
  return out;
}

// Whether `name` is on for this parse or write: the user's +/- or the flavour's default.
template <std::size_t N>
bool extension_on(const KnownExtension (&table)[N], Flavour f, const Extensions& ext, std::string_view name) {
  for (auto& k : table)
    if (name == k.name) return ext.enabled(k.name, default_for(k, f));
  return false;
}

}  // namespace galley::markdown
