// The archive index (archive.hpp).
#include "warc/archive.hpp"

#include <cctype>

#include "galley/error.hpp"
#include "galley/resource_store.hpp"
#include "galley/text.hpp"
#include "warc/http.hpp"
#include "warc/sha1.hpp"

namespace galley::warc {

namespace {
constexpr std::size_t kHeadMax = 1 << 16;
constexpr int kMaxRedirects = 10;

// WARC 1.0 writes "<urn:uuid:...>" and WARC-Target-URI plain; 1.1 allows
// "<...>" around the URI as well (and some writers add it).
std::string strip_angles(std::string s) {
  if (s.size() >= 2 && s.front() == '<' && s.back() == '>') s = s.substr(1, s.size() - 2);
  return s;
}
bool is_html(std::string_view media) { return media == "text/html" || media == "application/xhtml+xml"; }
}  // namespace

std::string join_url(std::string_view base, std::string_view ref) {
  if (ref.find("://") != std::string_view::npos) return std::string(ref);
  auto scheme_end = base.find("://");
  if (scheme_end == std::string_view::npos) return std::string(ref);
  if (ref.substr(0, 2) == "//") return std::string(base.substr(0, scheme_end + 1)) + std::string(ref);
  auto path_at = base.find_first_of("/?#", scheme_end + 3);
  std::string origin(base.substr(0, path_at));
  if (!ref.empty() && ref[0] == '/') return origin + std::string(ref);
  std::string_view path = path_at == std::string_view::npos ? "/" : base.substr(path_at);
  auto q = path.find_first_of("?#");
  std::string_view dir_path = path.substr(0, q);
  if (!ref.empty() && ref[0] == '?') return origin + std::string(dir_path) + std::string(ref);
  auto slash = dir_path.rfind('/');
  std::string merged = std::string(dir_path.substr(0, slash == std::string_view::npos ? 0 : slash + 1)) + std::string(ref);
  // dot segments
  std::vector<std::string> segs;
  std::size_t i = 0;
  std::string tail;
  auto qq = merged.find_first_of("?#");
  if (qq != std::string::npos) { tail = merged.substr(qq); merged.resize(qq); }
  while (i <= merged.size()) {
    auto s = merged.find('/', i);
    if (s == std::string::npos) s = merged.size();
    std::string seg = merged.substr(i, s - i);
    if (seg == "..") { if (segs.size() > 1) segs.pop_back(); }
    else if (seg != ".") segs.push_back(seg);
    else if (s == merged.size()) segs.push_back("");
    i = s + 1;
  }
  std::string out;
  for (std::size_t k = 0; k < segs.size(); ++k) out += (k ? "/" : "") + segs[k];
  if (out.empty() || out[0] != '/') out = "/" + out;
  return origin + out + tail;
}

Archive::Archive(std::vector<std::unique_ptr<ByteSource>> sources, std::vector<std::string> names, Diagnostics& diag)
    : sources_(std::move(sources)), names_(std::move(names)) {
  for (std::size_t s = 0; s < sources_.size(); ++s) scan(s, diag);
}

void Archive::scan(std::size_t source, Diagnostics& diag) {
  RecordReader rr(*sources_[source]);
  const std::string& name = names_[source];
  for (;;) {
    std::optional<RecordHead> h;
    try {
      h = rr.next(diag);
    } catch (const InputError& e) {
      if (rr.records() == 0) throw;
      diag.warn("warc-record", "warc: " + name + ": " + e.what() + "; the records before it are read");
      return;
    }
    if (!h) return;
    Entry e;
    e.source = source;
    e.at = h->at;
    e.offset = h->offset;
    e.length = h->length;
    e.type = ascii_lower(h->get("WARC-Type"));
    e.target_uri = strip_angles(h->get("WARC-Target-URI"));
    e.url = normalise_resource_url(e.target_uri);
    e.record_id = h->get("WARC-Record-ID");
    e.date = h->get("WARC-Date");
    e.payload_digest = h->get("WARC-Payload-Digest");
    e.refers_to = h->get("WARC-Refers-To");
    e.refers_to_target = strip_angles(h->get("WARC-Refers-To-Target-URI"));
    e.refers_to_date = h->get("WARC-Refers-To-Date");
    bool http = e.type == "response" || e.type == "revisit";
    if (e.type == "resource") e.content_type = media_type_of(h->get("Content-Type"));
    // The block: the HTTP head kept (responses), the payload hashed.
    std::string head;
    bool head_done = !http;
    Sha1 sha;
    std::string want = ascii_lower(e.payload_digest);
    bool check = want.rfind("sha1:", 0) == 0 && (e.type == "response" || e.type == "resource");
    std::uint64_t got;
    try {
      got = rr.block([&](std::string_view piece) {
        if (!head_done) {
          std::size_t before = head.size();
          head.append(piece.substr(0, kHeadMax - std::min(kHeadMax, head.size())));
          auto end = head.find("\r\n\r\n");
          std::size_t sep = 4;
          if (end == std::string::npos) { end = head.find("\n\n"); sep = 2; }
          if (end != std::string::npos) {
            head_done = true;
            std::size_t body_from = end + sep;
            if (check && body_from < head.size()) sha.update(std::string_view(head).substr(body_from));
            if (check && piece.size() + before > head.size()) sha.update(piece.substr(head.size() - before));
            head.resize(body_from);
          } else if (head.size() >= kHeadMax) {
            head_done = true;  // broken; reported below
            check = false;
          }
          return check || !head_done;
        }
        if (check) sha.update(piece);
        return check;
      });
    } catch (const InputError& ex) {
      diag.warn("warc-record", "warc: " + name + ": " + ex.what() + "; the records before it are read");
      return;
    }
    e.truncated = got < e.length && (check || !head_done);
    if (http) {
      std::string why;
      auto hh = parse_http_head(head, &why);
      if (!hh) {
        if (e.type == "response")
          diag.warn("warc-record", "warc: response record for " + e.target_uri + " (offset " + std::to_string(e.offset) +
                                       "): broken HTTP header: " + why + "; skipped");
        e.type = "broken-" + e.type;
        check = false;
      } else {
        e.status = hh->status;
        e.content_type = media_type_of(hh->get("Content-Type"));
        e.location = hh->get("Location");
      }
    }
    if (check && !e.truncated) {
      auto d = sha.finish();
      std::string have = "sha1:" + ascii_lower(base32(d.data(), d.size()));
      e.digest = have == want ? Entry::Digest::Ok : Entry::Digest::Mismatch;
      if (e.digest == Entry::Digest::Mismatch)
        diag.warn("warc-digest", "warc: payload digest mismatch for " + e.target_uri + " (record " + e.record_id +
                                     "): the record says " + e.payload_digest + ", the payload has " +
                                     "sha1:" + base32(d.data(), d.size()));
    } else if (!e.payload_digest.empty()) {
      e.digest = Entry::Digest::Unchecked;
    }
    if (e.truncated)
      diag.warn("warc-record", "warc: record for " + e.target_uri + " (offset " + std::to_string(e.offset) +
                                   ") is truncated: the file ends inside it");
    std::size_t idx = entries_.size();
    if (!e.record_id.empty()) by_id_.emplace(e.record_id, idx);
    if (!e.payload_digest.empty() && (e.type == "response" || e.type == "resource")) by_digest_.emplace(e.payload_digest, idx);
    if (!e.url.empty() && (e.type == "response" || e.type == "resource" || e.type == "revisit")) by_url_[e.url].push_back(idx);
    entries_.push_back(std::move(e));
  }
}

std::vector<const Entry*> Archive::pages() const {
  std::vector<const Entry*> out;
  std::map<std::string, bool, std::less<>> seen;
  for (auto& e : entries_) {
    bool page = (e.type == "response" && e.status >= 200 && e.status < 300 && is_html(e.content_type)) ||
                (e.type == "resource" && is_html(e.content_type));
    if (!page || e.truncated || seen.count(e.url)) continue;
    seen[e.url] = true;
    out.push_back(&e);
  }
  return out;
}

const Entry* Archive::resolve_revisit(const Entry& e) const {
  if (!e.refers_to.empty()) {
    auto it = by_id_.find(e.refers_to);
    if (it != by_id_.end() && entries_[it->second].type != "revisit") return &entries_[it->second];
  }
  std::string target = normalise_resource_url(e.refers_to_target.empty() ? e.target_uri : e.refers_to_target);
  auto it = by_url_.find(target);
  if (it != by_url_.end()) {
    for (std::size_t i : it->second) {
      const Entry& c = entries_[i];
      if (c.type == "revisit") continue;
      if (!e.refers_to_date.empty() && c.date != e.refers_to_date) continue;
      return &c;
    }
  }
  if (!e.payload_digest.empty()) {  // the same payload anywhere in the archive
    auto d = by_digest_.find(e.payload_digest);
    if (d != by_digest_.end()) return &entries_[d->second];
  }
  return nullptr;
}

const Entry* Archive::resolve(std::string_view url_in, std::string* final_url) const {
  std::string url = normalise_resource_url(url_in);
  for (int hop = 0; hop <= kMaxRedirects; ++hop) {
    auto it = by_url_.find(url);
    if (it == by_url_.end()) return nullptr;
    const Entry* redirect = nullptr;
    const Entry* revisit = nullptr;
    // The latest capture of the URL (a revisit of a later crawl before the
    // response it refers to).
    for (auto ri = it->second.rbegin(); ri != it->second.rend(); ++ri) {
      const Entry& e = entries_[*ri];
      if (e.truncated) continue;
      if (e.type == "resource" || (e.type == "response" && e.status >= 200 && e.status < 300)) {
        if (final_url) *final_url = e.target_uri;
        return &e;
      }
      if (e.type == "response" && e.status >= 300 && e.status < 400 && !e.location.empty()) {
        redirect = &e;
        break;
      }
      if (e.type == "revisit") {
        revisit = &e;
        break;
      }
    }
    if (revisit) {
      if (const Entry* r = resolve_revisit(*revisit)) {
        if (r->type == "response" && r->status >= 300 && r->status < 400 && !r->location.empty()) redirect = r;
        else {
          if (final_url) *final_url = revisit->target_uri;
          return r;
        }
      }
    }
    if (!redirect) return nullptr;
    url = normalise_resource_url(join_url(redirect->target_uri, redirect->location));
  }
  return nullptr;  // a redirect loop, or more than kMaxRedirects
}

std::optional<std::string> Archive::payload(const Entry& e, std::size_t max_bytes, std::string* why) const {
  Diagnostics quiet;  // the fields were reported when the index was made
  RecordReader rr(*sources_[e.source], e.at);
  auto h = rr.next(quiet);
  if (!h) { *why = "the record cannot be read again"; return std::nullopt; }
  if (h->length > max_bytes + kHeadMax) { *why = "record over " + std::to_string(max_bytes) + " bytes"; return std::nullopt; }
  bool truncated = false;
  auto block = rr.block_string(max_bytes + kHeadMax, &truncated);
  if (!block || truncated) { *why = "the record is truncated"; return std::nullopt; }
  if (e.type == "resource") {
    if (block->size() > max_bytes) { *why = "record over " + std::to_string(max_bytes) + " bytes"; return std::nullopt; }
    return block;
  }
  auto hh = parse_http_head(*block, why);
  if (!hh) return std::nullopt;
  return decode_body(*hh, std::string_view(*block).substr(hh->body_offset), max_bytes, why);
}

std::string Archive::content_type_field(const Entry& e) const {
  Diagnostics quiet;
  RecordReader rr(*sources_[e.source], e.at);
  auto h = rr.next(quiet);
  if (!h) return {};
  if (e.type == "resource") return h->get("Content-Type");
  std::string head;
  rr.block([&](std::string_view piece) {
    head.append(piece.substr(0, kHeadMax - std::min(kHeadMax, head.size())));
    return head.size() < kHeadMax && head.find("\r\n\r\n") == std::string::npos;
  });
  std::string why;
  auto hh = parse_http_head(head, &why);
  return hh ? hh->get("Content-Type") : std::string();
}

}  // namespace galley::warc
