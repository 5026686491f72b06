// Internals of the EPUB writer, shared by its files (not part of galley's API).
//
//   writer.cpp        orchestration: prepare, render, package, zip
//   chapters.cpp      splitting at split_level, ids, link rewriting, chapter XHTML
//   resources.cpp     images (local/data: embedded, remote replaced), cover, user CSS
//   title_page.cpp    the title page built from the article metadata
//   navigation.cpp    nav.xhtml (toc + landmarks) and toc.ncx; localized labels
//   package.cpp       package.opf (metadata, manifest, spine); identifier and dates
//   accessibility.cpp schema.org accessibility metadata and the conformance claim
//   stylesheet.cpp    the default CSS
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "galley/ast.hpp"
#include "html_render/html_render.hpp"
#include "galley/diagnostics.hpp"
#include "galley/options.hpp"

namespace galley::epub {

// A file of the publication below EPUB/ (href is relative to package.opf).
struct Item {
  std::string id;
  std::string href;
  std::string media_type;
  std::string data;
  std::string properties;  // "nav", "cover-image", "svg mathml", ...
};

struct Chapter {
  Blocks blocks;
  std::string file;   // "ch001.xhtml"
  std::string title;  // plain text of the first header, or the book title
  bool starts_with_header = false;
};

struct SpineRef {
  std::string id;
  bool linear = true;
};

struct TocEntry {
  int level = 1;
  std::string label;
  std::string href;
};

struct Book {
  // language and direction
  std::string lang;
  bool lang_defaulted = false;
  std::string dir;  // "", "ltr", "rtl"
  // identity
  std::string identifier;
  std::string title;  // plain text, never empty
  std::string modified;  // dcterms:modified, "CCYY-MM-DDThh:mm:ssZ"
  long long epoch = 0;   // same instant, for the zip entries
  // content
  std::vector<Chapter> chapters;
  std::vector<TocEntry> toc;
  std::vector<Item> media;   // embedded images (media/...)
  std::optional<Item> cover;  // cover image (media/cover.*)
  std::vector<Item> styles;   // css/stylesheet.css + user stylesheets
  // accessibility facts gathered while preparing and rendering
  int images = 0;
  int images_without_alt = 0;
  int remote_images = 0;
  bool has_tables = false;
  bool has_mathml = false;  // the renderer wrote <math>
  bool has_raw = false;
  bool has_notes = false;
  bool has_headers = false;
  int dropped_links = 0;
  int removed_raw = 0;
};

// ---- resources.cpp ----
// Embed the images of `blocks` (rewriting their URLs to media/...), replace
// remote and unreadable ones with their alt text (and a link for remote ones).
void embed_images(Blocks& blocks, Book& book, const WriterOptions& opts, Diagnostics& diag);
// Raw HTML needing outside resources (iframes, players, scripts, forms) becomes
// a link to its URL, or is left out; warns "lost-content".
void neutralize_raw_html(Blocks& blocks, Book& book, Diagnostics& diag);
void embed_cover(const Document& doc, Book& book, const WriterOptions& opts, Diagnostics& diag);
void load_stylesheets(Book& book, const WriterOptions& opts, Diagnostics& diag);
std::string extension_for(const std::string& media_type);

// ---- chapters.cpp ----
// Split the body into chapters, make ids unique and valid, rewrite links.
// `front` (the title page's blocks, e.g. the lede) takes part in id/link handling.
void split_chapters(Document& doc, Blocks& front, Book& book, const WriterOptions& opts, Diagnostics& diag);
// A complete XHTML content document.
std::string xhtml_page(const Book& book, const std::string& title, const std::string& body,
                       const std::string& body_type = {});
std::string chapter_xhtml(const Book& book, const Chapter& ch, detail::HtmlRenderer& r, Diagnostics& diag);
// Rename repeated id attributes (raw HTML can bring them); warns "rewritten-id".
std::string dedupe_ids(const std::string& xhtml, Diagnostics& diag);
// Manifest properties ("mathml scripted svg" or a subset, or "") of a content document.
std::string content_properties(const std::string& xhtml);

// ---- title_page.cpp ----
std::string title_page_xhtml(const Document& doc, const Blocks& front, const Book& book,
                             detail::HtmlRenderer& r, Diagnostics& diag);
std::string cover_xhtml(const Book& book);

// ---- navigation.cpp ----
std::string nav_xhtml(const Book& book);
std::string toc_ncx(const Book& book);
// Labels in the book's language ("contents", "landmarks", "title-page", "cover", "start", "notes").
std::string label(const std::string& lang, const std::string& key);

// ---- package.cpp ----
std::string package_opf(const Document& doc, const Book& book, const std::vector<Item>& manifest,
                        const std::vector<SpineRef>& spine, Diagnostics& diag);
std::string content_uuid(const std::string& bytes);  // "urn:uuid:..." from a 128-bit FNV-1a
// Unix time of an ISO 8601 date (zone applied; local times taken as UTC).

// ---- accessibility.cpp ----
std::string accessibility_metadata(const Book& book);
bool accessibility_conformant(const Book& book);

// ---- stylesheet.cpp ----
const std::string& default_stylesheet();

// small helpers (chapters.cpp)
std::string esc(const std::string& s);       // text content
std::string esc_attr(const std::string& s);  // attribute value

}  // namespace galley::epub
