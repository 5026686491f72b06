// The warc reader: one page of a web archive through the html reader, with the
// page's images taken from the same archive into the document's resource store
// (galley/resource_store.hpp), and the WARC provenance of page and images in
// the metadata ("warc").
#include <algorithm>

#include "galley/error.hpp"
#include "galley/detail/zip.hpp"
#include "galley/meta.hpp"
#include "galley/resource_store.hpp"
#include "galley/walk.hpp"
#include "html/html.hpp"
#include "warc/archive.hpp"
#include "warc/http.hpp"
#include "warc/names.hpp"
#include "warc/warc.hpp"

namespace galley::warc {

namespace {

std::string base_name(const std::string& path) {
  if (path.empty() || path == "-") return "-";
  auto s = path.rfind('/');
  return s == std::string::npos ? path : path.substr(s + 1);
}

// A WACZ (zip) holds its WARCs below archive/; anything else is one WARC.
// The zip's entries are kept alive by `keep` for the sources that view them.
Archive open_archive(std::string_view input, const ReaderOptions& o, Diagnostics& diag,
                     std::shared_ptr<std::vector<detail::ZipEntry>>& keep) {
  std::vector<std::unique_ptr<ByteSource>> sources;
  std::vector<std::string> names;
  if (input.substr(0, 4) == std::string_view("PK\x03\x04", 4)) {
    try {
      keep = std::make_shared<std::vector<detail::ZipEntry>>(detail::read_zip(std::string(input)));
    } catch (const Error& e) {
      throw InputError("galley.warc.wacz", "cannot read the WACZ (zip) " + base_name(o.input_name) + ": " + e.what());
    }
    for (auto& z : *keep) {
      bool warc = z.name.ends_with(".warc") || z.name.ends_with(".warc.gz");
      if (!warc || z.name.rfind("archive/", 0) != 0) continue;
      sources.push_back(std::make_unique<MemorySource>(z.data));
      names.push_back(base_name(o.input_name) + "#" + z.name);
    }
    if (sources.empty()) throw InputError("galley.warc.wacz", "the WACZ holds no archive/*.warc(.gz) file");
  } else {
    sources.push_back(std::make_unique<MemorySource>(input));
    names.push_back(base_name(o.input_name));
  }
  return Archive(std::move(sources), std::move(names), diag);
}

MetaValue text(std::string s) { return MetaValue{MetaString{std::move(s)}}; }

MetaValue provenance(const Archive& a, const Entry& e, const std::string& url) {
  MetaMap m;
  m.entries["url"] = text(url);
  m.entries["warc-file"] = text(a.source_name(e.source));
  m.entries["warc-record-id"] = text(e.record_id);
  m.entries["warc-target-uri"] = text(e.target_uri);
  m.entries["warc-date"] = text(e.date);
  if (!e.payload_digest.empty()) m.entries["warc-payload-digest"] = text(e.payload_digest);
  const char* check = e.digest == Entry::Digest::Ok ? "ok" : e.digest == Entry::Digest::Mismatch ? "mismatch"
                      : e.digest == Entry::Digest::Unchecked ? "unchecked" : "none";
  m.entries["digest-check"] = text(check);
  return MetaValue{std::move(m)};
}

std::vector<std::pair<std::string, std::string>> provenance_pairs(const Archive& a, const Entry& e) {
  return {{"warc-file", a.source_name(e.source)}, {"warc-record-id", e.record_id},
          {"warc-target-uri", e.target_uri},      {"warc-date", e.date},
          {"warc-payload-digest", e.payload_digest}};
}

const Entry& choose_page(const Archive& a, const ReaderOptions& o, std::string* final_url) {
  if (!o.article.empty()) {
    const Entry* e = a.resolve(o.article, final_url);
    if (!e) throw InputError("galley.warc.no-such-page", "the archive holds no page for " + o.article);
    return *e;
  }
  auto pages = a.pages();
  if (pages.empty()) throw InputError("galley.warc.no-pages", "the archive holds no HTML page");
  if (pages.size() > 1)
    throw UsageError("galley.warc.many-pages", "the archive holds " + std::to_string(pages.size()) +
                                                   " pages: choose one with --url (the first is " + pages[0]->target_uri +
                                                   "), or convert them all with --output-dir");
  *final_url = pages[0]->target_uri;
  return *pages[0];
}

class WarcReader : public Reader {
 public:
  Document read(std::string_view input, const ReaderOptions& o, Diagnostics& diag) const override {
    std::shared_ptr<std::vector<detail::ZipEntry>> keep;
    Archive a = open_archive(input, o, diag, keep);
    std::string page_url;
    const Entry& page = choose_page(a, o, &page_url);
    std::string why;
    auto body = a.payload(page, o.limits.max_input_bytes, &why);
    if (!body) throw InputError("galley.warc.page", "cannot read the page " + page_url + " from the archive: " + why);
    if (page.content_type != "text/html" && page.content_type != "application/xhtml+xml" && !page.content_type.empty())
      diag.warn("warc-record", "warc: " + page_url + " is " + page.content_type + ", read as HTML");

    ReaderOptions h = o;
    h.extensions.set["extract"] = o.extensions.enabled("extract", true);
    h.source_url = page_url;
    if (h.encoding.empty()) h.encoding = charset_of(a.content_type_field(page));
    Document doc = html::make_reader()->read(*body, h, diag);

    // The page's images (and the lead image) from the archive.
    auto store = std::make_shared<ResourceStore>();
    MetaList images, missing;
    std::size_t budget = o.limits.max_input_bytes;  // all images of one article together
    auto take = [&](const std::string& url) {
      if (url.empty() || url.rfind("data:", 0) == 0 || store->find(url)) return;
      std::string abs = join_url(page_url, url);
      std::string where;
      const Entry* e = a.resolve(abs, &where);
      std::string reason;
      if (e) {
        auto bytes = a.payload(*e, std::min(budget, o.limits.max_resource_bytes), &reason);
        if (bytes) {
          budget -= std::min(budget, bytes->size());
          images.items.push_back(provenance(a, *e, url));
          StoredResource r{std::move(*bytes), e->content_type, provenance_pairs(a, *e)};
          store->add(url, std::move(r));
          return;
        }
      }
      missing.items.push_back(text(url));
      diag.warn("resource-missing", "warc: image not in the archive: " + url + (reason.empty() ? "" : " (" + reason + ")"));
    };
    walk_inlines(doc, [&](Inline& in) {
      if (auto* img = in.as<Image>()) take(img->target.url);
    });
    if (auto lead = meta_text(doc.meta, "image")) take(*lead);

    MetaMap w;
    w.entries["page"] = provenance(a, page, page_url);
    w.entries["images"] = MetaValue{std::move(images)};
    if (!missing.items.empty()) w.entries["images-missing"] = MetaValue{std::move(missing)};
    doc.meta["warc"] = MetaValue{std::move(w)};
    if (store->size()) doc.resources = std::move(store);
    return doc;
  }
};

}  // namespace

std::unique_ptr<Reader> make_reader() { return std::make_unique<WarcReader>(); }

std::vector<ExtensionInfo> reader_extensions() {
  return {{"extract", true,
           "read only each page's article (the html reader's +extract): on by default, as web pages are mostly "
           "navigation; -extract keeps the whole page"}};
}

std::vector<ArchiveArticle> list_articles(std::string_view input, const ReaderOptions& options, Diagnostics& diag) {
  std::shared_ptr<std::vector<detail::ZipEntry>> keep;
  Archive a = open_archive(input, options, diag, keep);
  std::vector<std::string> urls;
  for (const Entry* e : a.pages()) urls.push_back(e->target_uri);
  auto names = page_names(urls);
  std::vector<ArchiveArticle> out;
  for (std::size_t i = 0; i < urls.size(); ++i) out.push_back({urls[i], names[i]});
  return out;
}

}  // namespace galley::warc
