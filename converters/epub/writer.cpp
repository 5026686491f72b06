// The EPUB 3.3 writer (with an EPUB 2 NCX for older reading systems).
//
// Layout of the container (entries after `mimetype` sorted by name, every
// entry with the same fixed time, so two runs give identical bytes):
//   mimetype                      stored, first, no extra field
//   META-INF/container.xml
//   EPUB/package.opf  nav.xhtml  toc.ncx  [cover.xhtml]  title_page.xhtml  ch001.xhtml ...
//   EPUB/css/stylesheet.css  [css/user-N.css]
//   EPUB/media/image-N.ext  [media/cover.ext]
#include <algorithm>
#include <cstdio>

#include "epub/epub.hpp"
#include "epub/internal.hpp"
#include "galley/detail/zip.hpp"
#include "galley/json.hpp"
#include "galley/meta.hpp"
#include "galley/text.hpp"
#include "galley/time.hpp"

namespace galley::epub {

namespace {


const char* kContainer =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n"
    "  <rootfiles>\n"
    "    <rootfile full-path=\"EPUB/package.opf\" media-type=\"application/oebps-package+xml\"/>\n"
    "  </rootfiles>\n"
    "</container>\n";

void set_identity(const Document& doc, Book& book, const WriterOptions& opts, Diagnostics& diag) {
  const Meta& m = doc.meta;
  // language
  std::string lang = opts.variable("lang");
  if (lang.empty()) lang = meta_text(m, "lang").value_or("");
  lang = std::string(trim(lang));
  if (lang.empty()) {
    lang = "en";
    book.lang_defaulted = true;
    diag.info("missing-metadata", "epub: no lang in the metadata; the package says \"en\"");
  }
  book.lang = lang;
  std::string dir = opts.variable("dir");
  if (dir.empty()) dir = meta_text(m, "dir").value_or("");
  if (dir == "rtl" || dir == "ltr") book.dir = dir;
  // title
  if (auto t = meta_text(m, "title"); t && !trim(*t).empty()) {
    book.title = std::string(trim(*t));
  } else {
    for (auto& b : doc.blocks)
      if (auto* h = b.as<Header>()) {
        book.title = stringify(h->content);
        break;
      }
    if (trim(book.title).empty()) book.title = "Untitled";
    diag.warn("missing-metadata", "epub: no title in the metadata; using \"" + book.title + "\"");
  }
  // identifier
  if (auto id = meta_text(m, "identifier"); id && !trim(*id).empty())
    book.identifier = std::string(trim(*id));
  else
    book.identifier = content_uuid(write_pandoc_json(doc, 23));
  // modification time: the one rule of galley/time.hpp
  book.epoch = output_epoch(m, opts.source_date_epoch);
  book.modified = epoch_to_iso(book.epoch);
}

class EpubWriter : public Writer {
 public:
  WriterKind kind() const override { return WriterKind::Binary; }

  std::string write(const Document& input, const WriterOptions& opts, Diagnostics& diag) const override {
    Document doc = input;
    Book book;
    set_identity(doc, book, opts, diag);

    Blocks front;
    if (auto a = meta_blocks(doc.meta, "abstract")) front = std::move(*a);

    load_stylesheets(book, opts, diag);
    neutralize_raw_html(front, book, diag);
    neutralize_raw_html(doc.blocks, book, diag);
    embed_images(front, book, opts, diag);
    embed_images(doc.blocks, book, opts, diag);
    embed_cover(doc, book, opts, diag);
    split_chapters(doc, front, book, opts, diag);

    detail::HtmlRenderOptions ro;
    ro.xhtml = true;
    ro.notes = detail::NoteStyle::EpubFootnotes;
    ro.lang = book.lang;
    ro.header_shift = 0;
    ro.map_image = [](const std::string& url) { return url; };  // already rewritten to media/...
    ro.map_link = [](const std::string& href) { return href; };  // already rewritten per file
    detail::HtmlRenderer renderer(ro, diag);

    std::vector<Item> manifest;
    std::vector<SpineRef> spine;
    auto add = [&](std::string id, std::string href, std::string mt, std::string data, std::string props = {}) {
      manifest.push_back(Item{std::move(id), std::move(href), std::move(mt), std::move(data), std::move(props)});
    };
    const std::string xhtml_mt = "application/xhtml+xml";

    if (book.cover) {
      add("cover-page", "cover.xhtml", xhtml_mt, cover_xhtml(book));
      spine.push_back({"cover-page", true});
    }
    {
      std::string tp = title_page_xhtml(doc, front, book, renderer, diag);
      std::string props = content_properties(tp);
      add("title-page", "title_page.xhtml", xhtml_mt, std::move(tp), props);
      spine.push_back({"title-page", true});
    }
    std::vector<std::string> chapter_docs;
    for (auto& ch : book.chapters) {
      chapter_docs.push_back(chapter_xhtml(book, ch, renderer, diag));
      if (chapter_docs.back().find("<math") != std::string::npos) book.has_mathml = true;
    }
    add("nav", "nav.xhtml", xhtml_mt, nav_xhtml(book), "nav");
    spine.push_back({"nav", opts.toc});  // in the spine for the landmarks link; shown with --toc
    int n = 0;
    for (auto& ch : book.chapters) {
      std::string x = std::move(chapter_docs[static_cast<std::size_t>(n)]);
      std::string props = content_properties(x);
      char idbuf[16];
      std::snprintf(idbuf, sizeof idbuf, "ch%03d", ++n);
      std::string id = idbuf;
      add(id, ch.file, xhtml_mt, std::move(x), props);
      spine.push_back({id, true});
    }
    add("ncx", "toc.ncx", "application/x-dtbncx+xml", toc_ncx(book));
    for (auto& s : book.styles) manifest.push_back(s);
    for (auto& m : book.media) manifest.push_back(m);
    if (book.cover) manifest.push_back(*book.cover);

    std::string opf = package_opf(doc, book, manifest, spine, diag);

    std::vector<detail::ZipEntry> entries;
    entries.push_back({"META-INF/container.xml", kContainer, false});
    entries.push_back({"EPUB/package.opf", std::move(opf), false});
    for (auto& it : manifest) entries.push_back({"EPUB/" + it.href, std::move(it.data), false});
    std::sort(entries.begin(), entries.end(), [](auto& a, auto& b) { return a.name < b.name; });
    entries.insert(entries.begin(), detail::ZipEntry{"mimetype", "application/epub+zip", true});
    return detail::make_zip(entries, book.epoch);
  }
};

}  // namespace

std::unique_ptr<Writer> make_writer() { return std::make_unique<EpubWriter>(); }

}  // namespace galley::epub
