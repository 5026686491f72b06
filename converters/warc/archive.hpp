// A web archive's records, indexed in one streamed pass: which URL each holds,
// its HTTP status, media type and redirect, its identity and digest. Payloads
// stay in the file; `payload` reads one record again from its position. Once
// made, an Archive is only read: several threads may use it at once.
// Lookups follow redirects (3xx Location) and revisit records (WARC-Refers-To,
// else WARC-Refers-To-Target-URI, else the same payload digest) inside the archive.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "galley/diagnostics.hpp"
#include "warc/record.hpp"
#include "warc/stream.hpp"

namespace galley::warc {

struct Entry {
  std::size_t source = 0;    // which WARC of the archive (a WACZ holds several)
  Position at;
  std::uint64_t offset = 0, length = 0;
  std::string type;          // response, resource, revisit, request, metadata, warcinfo, ...
  std::string target_uri;    // WARC-Target-URI as written
  std::string url;           // ... normalised (galley::normalise_resource_url)
  std::string record_id, date, payload_digest;
  std::string refers_to, refers_to_target, refers_to_date;
  std::string content_type;  // the record's (resource records) or the HTTP response's, media type only
  int status = 0;            // response and revisit records: the HTTP status
  std::string location;      // 3xx: the Location field
  enum class Digest { None, Ok, Mismatch, Unchecked } digest = Digest::None;
  bool truncated = false;
};

class Archive {
 public:
  // Index every record of each source (a WARC or WARC.gz file). Broken
  // records are warned about ("warc-record", "warc-digest") and skipped; a
  // source that is no WARC at all throws InputError "galley.warc.not-warc".
  Archive(std::vector<std::unique_ptr<ByteSource>> sources, std::vector<std::string> names, Diagnostics& diag);

  const std::vector<Entry>& entries() const { return entries_; }
  const std::string& source_name(std::size_t i) const { return names_[i]; }
  // The articles: HTML responses (2xx) and resource records, the first record
  // of each URL, in archive order.
  std::vector<const Entry*> pages() const;
  // The record holding `url`'s content: its latest capture, after redirects
  // and revisits; nullptr
  // when the archive does not hold it. `*final_url` is the URL after redirects.
  const Entry* resolve(std::string_view url, std::string* final_url = nullptr) const;
  // The payload of a response or resource record: the HTTP body decoded (see
  // http.hpp), at most max_bytes; nullopt with `*why`.
  std::optional<std::string> payload(const Entry& e, std::size_t max_bytes, std::string* why) const;
  // "text/html; charset=..." of the HTTP response (or the record), for the charset.
  std::string content_type_field(const Entry& e) const;

 private:
  void scan(std::size_t source, Diagnostics& diag);
  const Entry* resolve_revisit(const Entry& e) const;
  std::vector<std::unique_ptr<ByteSource>> sources_;
  std::vector<std::string> names_;
  std::vector<Entry> entries_;
  std::map<std::string, std::vector<std::size_t>, std::less<>> by_url_;
  std::map<std::string, std::size_t, std::less<>> by_id_;
  std::map<std::string, std::size_t, std::less<>> by_digest_;  // the first response/resource with the payload
};

// A URL resolved against a base, enough for Location fields and srcset
// candidates: absolute URLs as they are, "//host/...", "/path", "?q" and relative paths.
std::string join_url(std::string_view base, std::string_view ref);

}  // namespace galley::warc
