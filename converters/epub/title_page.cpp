// The title page, built like the head of a news article from the metadata:
// kicker (subject), headline (title), deck (subtitle), byline (author),
// dateline (place, date, credit), lede (abstract), and a small colophon
// (site, publisher, rights, source URL). Also the cover page.
#include <cstdio>

#include "epub/internal.hpp"
#include "galley/locale.hpp"
#include "galley/meta.hpp"
#include "galley/text.hpp"

namespace galley::epub {

std::string title_page_xhtml(const Document& doc, const Blocks& front, const Book& book, detail::HtmlRenderer& r,
                             Diagnostics& diag) {
  const Meta& m = doc.meta;
  std::string b = "<section epub:type=\"titlepage\" class=\"titlepage\">\n";
  if (auto k = meta_inlines(m, "subject")) b += "<p class=\"kicker\">" + r.inlines(*k) + "</p>\n";
  auto title = meta_inlines(m, "title");
  b += "<h1 class=\"title\">" + (title && !stringify(*title).empty() ? r.inlines(*title) : esc(book.title)) +
       "</h1>\n";
  if (auto s = meta_inlines(m, "subtitle")) b += "<p class=\"subtitle\">" + r.inlines(*s) + "</p>\n";
  auto authors = meta_authors(m);
  if (!authors.empty()) {
    b += "<p class=\"byline\">";
    bool first = true;
    for (auto& a : authors) {
      if (a.name_text.empty()) continue;
      if (!first) b += ", ";
      first = false;
      b += "<span class=\"author\">" + r.inlines(a.name) + "</span>";
    }
    b += "</p>\n";
  }
  std::string dl;
  if (auto place = meta_inlines(m, "dateline")) dl += "<span class=\"place\">" + r.inlines(*place) + "</span>";
  if (auto date = meta_text(m, "date")) {
    if (!dl.empty()) dl += " ";
    if (auto p = parse_iso_date(*date); p && p->year > 0)
      dl += "<time datetime=\"" + esc_attr(html_datetime(*p)) + "\">" +
            esc(display_date(*p, book.lang, DateStyle::Short)) + "</time>";
    else
      dl += "<span class=\"date\">" + esc(*date) + "</span>";
  }
  if (auto credit = meta_inlines(m, "credit")) {
    if (!dl.empty()) dl += " ";
    dl += "<span class=\"credit\">(" + r.inlines(*credit) + ")</span>";
  }
  if (!dl.empty()) b += "<p class=\"dateline\">" + dl + "</p>\n";
  if (!front.empty()) b += "<div class=\"lede\">\n" + r.blocks(front) + "</div>\n";

  std::string colophon;
  if (auto s = meta_inlines(m, "site-name")) colophon += "<p class=\"site\">" + r.inlines(*s) + "</p>\n";
  if (auto p = meta_inlines(m, "publisher")) {
    if (!meta_text(m, "site-name") || stringify(*p) != *meta_text(m, "site-name"))
      colophon += "<p class=\"publisher\">" + r.inlines(*p) + "</p>\n";
  }
  if (auto rights = meta_inlines(m, "rights")) colophon += "<p class=\"rights\">" + r.inlines(*rights) + "</p>\n";
  if (auto lic = meta_text(m, "license")) {
    if (lic->rfind("http", 0) == 0)
      colophon += "<p class=\"license\"><a href=\"" + esc_attr(*lic) + "\">" + esc(*lic) + "</a></p>\n";
    else
      colophon += "<p class=\"license\">" + esc(*lic) + "</p>\n";
  }
  if (auto src = meta_text(m, "source-url")) {
    if (src->rfind("http", 0) == 0)
      colophon += "<p class=\"source\"><a href=\"" + esc_attr(*src) + "\">" + esc(*src) + "</a></p>\n";
    else
      colophon += "<p class=\"source\">" + esc(*src) + "</p>\n";
  }
  if (!colophon.empty()) b += "<div class=\"colophon\">\n" + colophon + "</div>\n";
  b += "</section>\n";
  b += r.take_notes();
  return xhtml_page(book, book.title, dedupe_ids(b, diag), "frontmatter");
}

std::string cover_xhtml(const Book& book) {
  std::string b = "<div class=\"cover\">\n<img epub:type=\"cover\" role=\"doc-cover\" src=\"" +
                  esc_attr(book.cover->href) + "\" alt=\"" + esc_attr(label(book.lang, "cover") + ": " + book.title) +
                  "\"/>\n</div>\n";
  return xhtml_page(book, label(book.lang, "cover"), b);
}

}  // namespace galley::epub
