// Provenance statements from the warc and fetch metadata (galley/provenance.hpp).
#include "galley/provenance.hpp"

#include "galley/meta.hpp"

namespace galley {

namespace {

std::string field(const MetaMap& m, const std::string& key) {
  auto it = m.entries.find(key);
  if (it == m.entries.end()) return {};
  if (auto* s = it->second.as<MetaString>()) return s->text;
  return {};
}

const MetaMap* map_at(const MetaMap& m, const std::string& key) {
  auto it = m.entries.find(key);
  return it == m.entries.end() ? nullptr : it->second.as<MetaMap>();
}

const MetaList* list_at(const MetaMap& m, const std::string& key) {
  auto it = m.entries.find(key);
  return it == m.entries.end() ? nullptr : it->second.as<MetaList>();
}

std::string archived(const std::string& what, const MetaMap& r) {
  std::string s = what + " " + field(r, "url") + ": web archive record " + field(r, "warc-record-id");
  std::string details;
  auto add = [&](const char* name, const std::string& v) {
    if (!v.empty()) details += (details.empty() ? "" : ", ") + std::string(name) + v;
  };
  add("", field(r, "warc-file"));
  add("WARC-Target-URI ", field(r, "warc-target-uri"));
  add("WARC-Date ", field(r, "warc-date"));
  add("WARC-Payload-Digest ", field(r, "warc-payload-digest"));
  add("digest check ", field(r, "digest-check"));
  return details.empty() ? s : s + " (" + details + ")";
}

std::string fetched(const MetaMap& r) {
  std::string s = "Image " + field(r, "url") + ": fetched";
  std::string from = field(r, "fetched-from");
  if (!from.empty() && from != field(r, "url")) s += " from " + from;
  std::string details;
  auto add = [&](const char* name, const std::string& v) {
    if (!v.empty()) details += (details.empty() ? "" : ", ") + std::string(name) + v;
  };
  add("HTTP ", field(r, "http-status"));
  add("", field(r, "media-type"));
  add("sha256 ", field(r, "sha256"));
  return details.empty() ? s : s + " (" + details + ")";
}

}  // namespace

const std::set<std::string>& provenance_keys() {
  static const std::set<std::string> k = {"fetch", "warc"};
  return k;
}

std::vector<std::string> provenance_statements(const Meta& meta) {
  std::vector<std::string> out;
  if (auto it = meta.find("warc"); it != meta.end()) {
    if (auto* w = it->second.as<MetaMap>()) {
      if (auto* page = map_at(*w, "page")) out.push_back(archived("Page", *page));
      if (auto* images = list_at(*w, "images"))
        for (auto& v : images->items)
          if (auto* r = v.as<MetaMap>()) out.push_back(archived("Image", *r));
    }
  }
  if (auto it = meta.find("fetch"); it != meta.end()) {
    if (auto* f = it->second.as<MetaMap>()) {
      if (auto* images = list_at(*f, "images"))
        for (auto& v : images->items)
          if (auto* r = v.as<MetaMap>()) out.push_back(fetched(*r));
    }
  }
  return out;
}

}  // namespace galley
