// Images, the cover and user stylesheets. Local files (below the resource
// root) and data: URIs are embedded with their media type sniffed from the
// bytes; remote images are never fetched: they become their alt text as a link.
#include <cctype>
#include <map>

#include "epub/internal.hpp"
#include "galley/io.hpp"
#include "galley/locale.hpp"
#include "galley/meta.hpp"
#include "galley/raw_html.hpp"
#include "galley/safety.hpp"
#include "galley/text.hpp"
#include "galley/walk.hpp"
#include "html_render/html_render.hpp"

namespace galley::epub {

std::string extension_for(const std::string& media_type) {
  if (media_type == "image/png") return "png";
  if (media_type == "image/jpeg") return "jpg";
  if (media_type == "image/gif") return "gif";
  if (media_type == "image/svg+xml") return "svg";
  if (media_type == "image/webp") return "webp";
  return "";
}

void embed_images(Blocks& blocks, Book& book, const WriterOptions& opts, Diagnostics& diag) {
  std::map<std::string, std::string> href_of;  // url -> media/... ("" = failed)
  walk_inlines(blocks, [&](Inline& in) {
    auto* img = in.as<Image>();
    if (!img) return;
    const std::string url = img->target.url;
    const std::string alt = stringify(img->content);
    if (is_remote_url(url) && !remote_image_available(url, opts.resources)) {
      if (++book.remote_images == 1)
        diag.warn("resource-refused", "epub: remote images are not fetched; each is replaced by a link (first: " +
                                          url + ")");
      Link link;
      link.attr = img->attr;
      link.attr.classes.push_back("remote-image");
      // Without alt text the link says "Image", not the bare URL.
      link.content = img->content.empty() ? Inlines{Str{label(Label::Image, book.lang)}} : img->content;
      link.target = img->target;
      in = std::move(link);
      return;
    }
    auto it = href_of.find(url);
    if (it == href_of.end()) {
      std::string href;
      if (auto l = load_image(url, opts.resources, opts.limits, diag, "epub: ")) {
        href = "media/image-" + std::to_string(book.media.size() + 1) + "." + extension_for(l->media_type);
        Item item;
        item.id = "image-" + std::to_string(book.media.size() + 1);
        item.href = href;
        item.media_type = l->media_type;
        item.data = std::move(l->bytes);
        book.media.push_back(std::move(item));
      }
      it = href_of.emplace(url, href).first;
    }
    if (it->second.empty()) {
      // Could not embed: keep the alt text (load_image warned why).
      Span span;
      span.attr = img->attr;
      span.attr.classes.push_back("missing-image");
      span.content = img->content;
      in = std::move(span);
      return;
    }
    ++book.images;
    if (trim(alt).empty()) ++book.images_without_alt;
    img->target.url = it->second;
  });
}

namespace {

bool is_html_format(const std::string& f) { return detail::is_raw_html_format(f, true); }

// Raw HTML that needs resources from outside the package (players, frames) or
// runs script, styles or takes input cannot work in an EPUB (galley/raw_html.hpp):
// nullopt when the fragment can stay; else the http(s) URL of the media it
// embeds, to link to, or "" when there is none.
std::optional<std::string> embedded_content(const std::string& html) {
  bool embeds = has_start_tag(html, kEmbeddingTags) || has_start_tag(html, {"source"});
  if (!embeds && !has_start_tag(html, kActiveTags)) return std::nullopt;
  if (!embeds) return std::string();
  std::string url = embedded_media_url(html).value_or("");
  if (url.rfind("//", 0) == 0) url = "https:" + url;
  auto scheme = url_scheme(url);
  return scheme == "http" || scheme == "https" ? url : std::string();
}

}  // namespace

void neutralize_raw_html(Blocks& blocks, Book& book, Diagnostics& diag) {
  int replaced = 0, dropped = 0;
  walk_blocks(blocks, [&](Block& b) {
    auto* r = b.as<RawBlock>();
    if (!r || !is_html_format(r->format)) return;
    auto url = embedded_content(r->text);
    if (!url) return;
    if (url->empty()) {
      ++dropped;
      b = Div{Attr{}, {}};
      return;
    }
    ++replaced;
    Link link{Attr{"", {"embedded-content"}, {}}, Inlines{Str{*url}}, Target{*url, ""}};
    b = Para{Inlines{link}};
  });
  walk_inlines(blocks, [&](Inline& in) {
    auto* r = in.as<RawInline>();
    if (!r || !is_html_format(r->format)) return;
    auto url = embedded_content(r->text);
    if (!url) return;
    if (url->empty()) {
      ++dropped;
      in = Span{};
      return;
    }
    ++replaced;
    in = Link{Attr{"", {"embedded-content"}, {}}, Inlines{Str{*url}}, Target{*url, ""}};
  });
  if (replaced > 0)
    diag.warn("lost-content", "epub: " + std::to_string(replaced) +
                                  " embedded player(s)/frame(s) from raw HTML replaced by links");
  if (dropped > 0)
    diag.warn("lost-content", "epub: " + std::to_string(dropped) +
                                  " raw HTML fragment(s) with scripts, forms or styles left out");
  book.removed_raw += replaced + dropped;
}

void embed_cover(const Document& doc, Book& book, const WriterOptions& opts, Diagnostics& diag) {
  std::string ref = opts.cover_image;
  bool from_meta = false;
  if (ref.empty()) {
    if (auto v = meta_text(doc.meta, "cover-image")) ref = *v;
    else if (auto i = meta_text(doc.meta, "image")) {
      ref = *i;
      from_meta = true;
    }
  }
  if (ref.empty()) return;
  if (is_remote_url(ref)) {
    // The lead image of a web article: never fetched.
    if (!from_meta) diag.warn("resource-refused", "epub: remote cover image not fetched: " + ref);
    else diag.info("resource-refused", "epub: lead image is remote, no cover: " + ref);
    return;
  }
  Diagnostics quiet;  // a missing meta image is not worth a warning of its own
  auto l = load_image(ref, opts.resources, opts.limits, from_meta ? quiet : diag, "epub: ");
  if (!l) {
    if (from_meta) diag.info("resource-missing", "epub: lead image not found locally, no cover: " + ref);
    return;
  }
  Item item;
  item.id = "cover-image";
  item.href = "media/cover." + extension_for(l->media_type);
  item.media_type = l->media_type;
  item.data = std::move(l->bytes);
  item.properties = "cover-image";
  book.cover = std::move(item);
}

void load_stylesheets(Book& book, const WriterOptions& opts, Diagnostics& diag) {
  Item main;
  main.id = "stylesheet";
  main.href = "css/stylesheet.css";
  main.media_type = "text/css";
  main.data = default_stylesheet();
  book.styles.push_back(std::move(main));
  int n = 0;
  for (auto& path : opts.css) {
    auto data = load_resource(path, opts.resources, opts.limits, diag);
    if (!data) continue;  // warned by load_resource
    Item it;
    ++n;
    it.id = "user-css-" + std::to_string(n);
    it.href = "css/user-" + std::to_string(n) + ".css";
    it.media_type = "text/css";
    it.data = std::move(*data);
    book.styles.push_back(std::move(it));
  }
}

}  // namespace galley::epub
