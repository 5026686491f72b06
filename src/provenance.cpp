// Provenance statements from the warc and fetch metadata (galley/provenance.hpp).
#include "galley/provenance.hpp"

#include <initializer_list>
#include <utility>

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

// statement + " (label value, label value)" for the record's fields that are set
// (labels may be empty); the statement alone when none is.
std::string with_details(std::string statement, const MetaMap& r,
                         std::initializer_list<std::pair<const char*, const char*>> labelled_fields) {
  std::string details;
  for (auto [label, key] : labelled_fields) {
    std::string v = field(r, key);
    if (!v.empty()) details += (details.empty() ? "" : ", ") + std::string(label) + v;
  }
  return details.empty() ? statement : statement + " (" + details + ")";
}

std::string archived(const std::string& what, const MetaMap& r) {
  return with_details(what + " " + field(r, "url") + ": web archive record " + field(r, "warc-record-id"), r,
                      {{"", "warc-file"},
                       {"WARC-Target-URI ", "warc-target-uri"},
                       {"WARC-Date ", "warc-date"},
                       {"WARC-Payload-Digest ", "warc-payload-digest"},
                       {"digest check ", "digest-check"}});
}

std::string fetched(const MetaMap& r) {
  std::string s = "Image " + field(r, "url") + ": fetched";
  std::string from = field(r, "fetched-from");
  if (!from.empty() && from != field(r, "url")) s += " from " + from;
  return with_details(std::move(s), r, {{"HTTP ", "http-status"}, {"", "media-type"}, {"sha256 ", "sha256"}});
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
