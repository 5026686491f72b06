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
  void add(const std::string& url, StoredResource r);
  // The resource for `url` as written in the document, or after
  // normalise_resource_url; nullptr when the store does not hold it.
  const StoredResource* find(std::string_view url) const;
  std::size_t size() const { return items_.size(); }
  const std::map<std::string, StoredResource, std::less<>>& items() const { return items_; }

 private:
  std::map<std::string, StoredResource, std::less<>> items_;
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

// A URL as archives key it: the fragment removed, scheme and host lower-case,
// the default port (:80 for http, :443 for https) dropped, an empty path made
// "/". Other URLs (relative, data:) come back unchanged.
std::string normalise_resource_url(std::string_view url);

}  // namespace galley
