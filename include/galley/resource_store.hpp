// Resources that do not come from the file system: the records of a web archive
// that a reader found with the document (a WARC's images), and a fetcher for
// remote URLs (galley_fetch, only with --fetch-resources). Writers never see
// where bytes come from: galley::load_image (io.hpp) asks the document's store
// first, then the fetcher (when network access is on), then the file system.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "galley/diagnostics.hpp"

namespace galley {

struct Limits;

// One resource: its bytes, the media type its source declared (load_image
// sniffs the bytes again and trusts only them) and where it came from, as
// ordered name/value pairs ("warc-record-id", "warc-target-uri", ...).
struct StoredResource {
  std::string bytes;
  std::string media_type;
  std::vector<std::pair<std::string, std::string>> provenance;
};

// URL -> resource, filled by a reader, then only read (by writers on several
// threads): no locking needed once built.
class ResourceStore {
 public:
  ResourceStore() = default;
  // A store in front of `base` (the images fetched for an archive's page, in
  // front of the archive's): find() looks here, then there; nothing is copied.
  explicit ResourceStore(std::shared_ptr<const ResourceStore> base) : base_(std::move(base)) {}
  void add(const std::string& url, StoredResource r);
  // The resource for `url` as written in the document, or after
  // normalise_resource_url; nullptr when the store does not hold it.
  const StoredResource* find(std::string_view url) const;
  std::size_t size() const { return items_.size(); }  // this store's own items
  const std::map<std::string, StoredResource, std::less<>>& items() const { return items_; }
  // Set by fetch_document_images: the document's remote images were fetched when
  // it was read (within its budget), so writers fetch nothing more.
  void set_fetched() { fetched_ = true; }
  bool fetched() const { return fetched_ || (base_ && base_->fetched()); }

 private:
  std::map<std::string, StoredResource, std::less<>> items_;
  std::shared_ptr<const ResourceStore> base_;
  bool fetched_ = false;
};

// A source of remote resources (http/https). Implementations are thread-safe
// (one fetcher serves a whole batch and caches by URL).
class ResourceFetcher {
 public:
  virtual ~ResourceFetcher() = default;
  // The resource, or nullopt after a warning saying why ("resource-refused",
  // "resource-missing", "resource-too-large").
  virtual std::optional<StoredResource> fetch(std::string_view url, const Limits& limits, Diagnostics& diag) = 0;
};

// --fetch-resources, once per article, after its reader (read_document): the
// document's remote images (and its lead image, meta "image") that its store does
// not hold, fetched through res.fetcher when res.allow_network is set, within the
// article's budget: at most limits.max_fetch_count URLs asked for and
// limits.max_fetch_bytes bytes kept, the rest "fetch-budget" warnings (they stay
// links). The fetched bytes go into a store in front of the document's
// (doc.resources, marked fetched: writers then fetch nothing), and their
// provenance into the metadata key "fetch": {images: [{url, fetched-from,
// http-status, media-type, bytes, sha256}], images-missing: [url...],
// budget: {count, bytes}}. No network and no change when there is nothing to fetch.
struct Document;
struct Resources;
void fetch_document_images(Document& doc, const Resources& res, const Limits& limits, Diagnostics& diag);

// A URL as archives key it: the fragment removed, scheme and host lower-case,
// the default port (:80 for http, :443 for https) dropped, an empty path made
// "/". Other URLs (relative, data:) come back unchanged.
std::string normalise_resource_url(std::string_view url);

}  // namespace galley
