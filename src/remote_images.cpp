// --fetch-resources at read time, within the article's budget (fetch_document_images,
// galley/resource_store.hpp).
#include <set>

#include "galley/ast.hpp"
#include "galley/io.hpp"
#include "galley/meta.hpp"
#include "galley/resource_store.hpp"
#include "galley/walk.hpp"

namespace galley {

namespace {
MetaValue string_value(std::string s) { return MetaValue{MetaString{std::move(s)}}; }
}  // namespace

void fetch_document_images(Document& doc, const Resources& res, const Limits& limits, Diagnostics& diag) {
  if (!res.allow_network || !res.fetcher) return;
  const ResourceStore* have = doc.resources.get();
  std::vector<std::string> urls;  // document order, each once
  std::set<std::string> seen;
  auto want = [&](const std::string& url) {
    if (!is_remote_url(url) || (have && have->find(url))) return;
    if (seen.insert(normalise_resource_url(url)).second) urls.push_back(url);
  };
  walk_inlines(doc, [&](Inline& in) {
    if (auto* img = in.as<Image>()) want(img->target.url);
  });
  if (auto lead = meta_text(doc.meta, "image")) want(*lead);
  if (urls.empty()) return;

  auto store = std::make_shared<ResourceStore>(doc.resources);
  MetaList images, missing;
  std::size_t asked = 0, kept = 0, over_count = 0;
  for (auto& url : urls) {
    if (asked >= limits.max_fetch_count) {
      ++over_count;
      missing.items.push_back(string_value(url));
      continue;
    }
    ++asked;
    auto got = res.fetcher->fetch(url, limits, diag);  // warns why when it fails
    if (!got) {
      missing.items.push_back(string_value(url));
      continue;
    }
    if (got->bytes.size() > limits.max_fetch_bytes - kept) {
      diag.warn("fetch-budget", "fetch: " + url + " (" + std::to_string(got->bytes.size()) +
                                    " bytes) would pass the article's fetch budget of " +
                                    std::to_string(limits.max_fetch_bytes) + " bytes (" + std::to_string(kept) +
                                    " used; --max-fetch-size): not embedded, kept as a link");
      missing.items.push_back(string_value(url));
      continue;
    }
    kept += got->bytes.size();
    MetaMap m;
    m.entries["url"] = string_value(url);
    for (auto& [k, v] : got->provenance) m.entries[k] = string_value(v);
    m.entries["media-type"] = string_value(got->media_type);
    m.entries["bytes"] = string_value(std::to_string(got->bytes.size()));
    images.items.push_back(MetaValue{std::move(m)});
    store->add(url, std::move(*got));
  }
  if (over_count)
    diag.warn("fetch-budget", "fetch: the article's fetch budget of " + std::to_string(limits.max_fetch_count) +
                                  " remote images is used up: " + std::to_string(over_count) +
                                  " more not fetched, kept as links (--max-fetch-count)");
  store->set_fetched();
  doc.resources = std::move(store);
  MetaMap f;
  f.entries["images"] = MetaValue{std::move(images)};
  if (!missing.items.empty()) f.entries["images-missing"] = MetaValue{std::move(missing)};
  MetaMap budget;
  budget.entries["count"] = string_value(std::to_string(limits.max_fetch_count));
  budget.entries["bytes"] = string_value(std::to_string(limits.max_fetch_bytes));
  f.entries["budget"] = MetaValue{std::move(budget)};
  doc.meta["fetch"] = MetaValue{std::move(f)};
}

}  // namespace galley
