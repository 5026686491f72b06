// The warc reader: one page of a web archive through the html reader, with the
// page's images taken from the same archive into the document's resource store
// (galley/resource_store.hpp), and the WARC provenance of page and images in
// the metadata ("warc").
#include <algorithm>

#include "galley/error.hpp"
#include "galley/meta.hpp"
#include "galley/resource_store.hpp"
#include "galley/walk.hpp"
#include "html/html.hpp"
#include "warc/archive.hpp"
#include "warc/candidates.hpp"
#include "warc/http.hpp"
#include "warc/names.hpp"
#include "warc/open.hpp"
#include "warc/warc.hpp"

namespace galley::warc {

namespace {

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
    auto opened = open_archive(input, o, diag);
    const Archive& a = *opened->archive;
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
    // Of a picture's candidates (src, lazy-load attributes, srcset, <picture>
    // sources), the best one the archive holds.
    Candidates candidates(*body, page_url);
    auto held = [&](const std::string& url) {
      const Entry* e = a.resolve(url);
      return e && e->content_type != "text/html" && e->content_type != "application/xhtml+xml";
    };
    walk_inlines(doc, [&](Inline& in) {
      auto* img = in.as<Image>();
      if (!img) return;
      if (const auto* group = candidates.group_of(img->target.url)) {
        std::string now = normalise_resource_url(join_url(page_url, img->target.url));
        for (auto& c : *group) {
          if (!held(c.url)) continue;
          if (normalise_resource_url(c.url) != now) {
            diag.info("warc-candidate", "warc: " + img->target.url + ": the archive's best candidate of the picture is " + c.url);
            img->target.url = c.url;
          }
          break;
        }
      }
      take(img->target.url);
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
  auto opened = open_archive(input, options, diag);
  std::vector<std::string> urls;
  for (const Entry* e : opened->archive->pages()) urls.push_back(e->target_uri);
  auto names = page_names(urls);
  std::vector<ArchiveArticle> out;
  for (std::size_t i = 0; i < urls.size(); ++i) out.push_back({urls[i], names[i]});
  return out;
}

}  // namespace galley::warc
