// The RSS 2.0 writer (RSS Advisory Board's specification 2.0.11). The channel's
// required title, link and description, atom:link rel=self (-V feed-url),
// language, lastBuildDate (the newest item's time); per item: title, link,
// description (the summary), content:encoded (the full body as HTML, escaped
// text), dc:creator per byline, category per subject and keyword, guid (a
// permalink when it is the article's URL), pubDate, enclosure (the lead image).
#include "rss/rss.hpp"

#include <cstdio>

#include "galley/time.hpp"
#include "syndication/item.hpp"
#include "syndication/xml_out.hpp"

namespace galley::rss {

namespace {

using syndication::Item;
using syndication::XmlOut;

// RFC 822 (with a four-digit year, as RSS 2.0 asks): "Wed, 01 May 2024 10:00:00 +0000".
std::string rfc822(const std::string& iso) {
  auto epoch = iso_to_epoch(iso);
  if (!epoch) return {};
  CivilTime t = civil_from_epoch(*epoch);
  static const char* days[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};  // 1970-01-01 was a Thursday
  static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  long long d = days_from_civil(t.year, t.month, t.day);
  int wd = static_cast<int>(((d % 7) + 7) % 7);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02u %s %04lld %02u:%02u:%02u +0000", days[wd], t.day, months[t.month - 1], t.year,
                t.hour, t.minute, t.second);
  return buf;
}

// The site an article URL belongs to: "https://host/".
std::string origin(const std::string& url) {
  auto scheme = url.find("://");
  if (scheme == std::string::npos) return {};
  auto slash = url.find('/', scheme + 3);
  return slash == std::string::npos ? url + "/" : url.substr(0, slash + 1);
}

void item(XmlOut& x, const Document& doc, const Item& it, const WriterOptions& options, Diagnostics& diag) {
  x << "    <item>\n";
  x.element("      ", "title", it.headline);
  bool permalink = syndication::is_http_url(it.source_url);
  if (permalink) x.element("      ", "link", it.source_url);
  x.element("      ", "description", it.description);
  x << "      <content:encoded>";
  // HTML as escaped text (no CDATA section: a "]]>" in the body would end it).
  x.text(syndication::body_xhtml(doc, options, diag));
  x << "</content:encoded>\n";
  for (auto& p : it.bylines) x.element("      ", "dc:creator", p.name);
  for (auto& s : it.subjects) {
    std::string name = s.name.empty() ? s.code : s.name;
    if (name.empty()) continue;
    if (s.scheme.empty()) {
      x.element("      ", "category", name);
    } else {
      x << "      <category domain=\"";
      x.attr(s.scheme);
      x << "\">";
      x.text(name);
      x << "</category>\n";
    }
  }
  for (auto& k : it.keywords) x.element("      ", "category", k);
  // The guid is the item's id: the article URL is a permalink; other ids are not.
  bool guid_is_url = permalink && it.id == it.source_url;
  x << "      <guid isPermaLink=\"" << (guid_is_url ? "true" : "false") << "\">";
  x.text(guid_is_url ? it.id : syndication::id_uri(it));
  x << "</guid>\n";
  x.element("      ", "pubDate", rfc822(syndication::created_or_fallback(it, options)));
  for (auto& img : it.images) {
    if (!syndication::is_http_url(img.url) || img.mime.empty()) continue;
    // RSS 2.0 allows one enclosure per item; its length is unknown here (0).
    x << "      <enclosure url=\"";
    x.attr(img.url);
    x << "\" length=\"0\" type=\"" << img.mime << "\"/>\n";
    break;
  }
  x.element("      ", "dc:rights", it.copyright);
  x.element("      ", "dc:language", it.language);
  x.element("      ", "dc:publisher", it.publisher);
  if (it.creditline != it.publisher) x.element("      ", "dc:contributor", it.creditline);
  if (it.first_created != it.version_created && !it.version_created.empty())
    x.element("      ", "dc:date", it.version_created);  // RSS items have no modification date
  if (!it.subheadline.empty()) syndication::warn_unmapped(diag, "RSS", "subtitle", it.subheadline);
  if (!it.located.empty()) syndication::warn_unmapped(diag, "RSS", "dateline", it.located);
  if (!it.slugline.empty()) syndication::warn_unmapped(diag, "RSS", "slugline", it.slugline);
  if (!it.license.empty()) syndication::warn_unmapped(diag, "RSS", "license", it.license);
  if (it.version != 1) syndication::warn_unmapped(diag, "RSS", "version", std::to_string(it.version));
  if (it.pub_status != "usable") syndication::warn_unmapped(diag, "RSS", "pub-status", it.pub_status);
  if (!it.source_url.empty() && !permalink)
    syndication::warn_unmapped(diag, "RSS", "source-url (no http(s) URL)", it.source_url);
  x << "    </item>\n";
}

class RssWriter : public Writer {
 public:
  std::string write(const Document& doc, const WriterOptions& options, Diagnostics& diag) const override {
    return write_many({&doc}, options, diag);
  }

  std::string write_many(const std::vector<const Document*>& given, const WriterOptions& options,
                         Diagnostics& diag) const override {
    syndication::Entries entries = syndication::entries_newest_first(given, options, diag);
    const std::vector<const Document*>& docs = entries.docs;
    const std::vector<Item>& items = entries.items;
    syndication::FeedInfo feed = syndication::feed_info(items, options, diag);

    // Required channel link: the site, else the site of the newest article, else the feed's own URL.
    std::string link = feed.link;
    if (link.empty())
      for (auto& it : items)
        if (syndication::is_http_url(it.source_url)) { link = origin(it.source_url); break; }
    if (link.empty()) link = feed.self_url;
    if (link.empty()) {
      link = syndication::id_uri(feed.id);
      diag.warn("placeholder", "the RSS channel needs a link (-V feed-link): \"" + link + "\" is used");
    }
    std::string description = feed.description;
    if (description.empty()) {
      description = feed.title;
      diag.warn("placeholder", "the RSS channel needs a description (-V feed-description): its title is used");
    }
    if (feed.self_url.empty())
      diag.warn("placeholder", "no -V feed-url: the channel has no atom:link rel=\"self\" (its own address)");

    XmlOut x;
    x.out.reserve(4096 * (docs.size() + 1));
    x << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n  <channel>\n";
    x.element("    ", "title", feed.title);
    x.element("    ", "link", link);
    x.element("    ", "description", description);
    if (!feed.self_url.empty()) {
      x << "    <atom:link rel=\"self\" type=\"application/rss+xml\" href=\"";
      x.attr(feed.self_url);
      x << "\"/>\n";
    }
    x.element("    ", "language", feed.language);
    x.element("    ", "lastBuildDate", rfc822(feed.updated));
    x << "    <generator>galley</generator>\n";
    x << "    <docs>https://www.rssboard.org/rss-specification</docs>\n";
    for (std::size_t i = 0; i < docs.size(); ++i) item(x, *docs[i], items[i], options, diag);
    x << "  </channel>\n</rss>\n";
    x.finish(diag, "RSS feed");
    return std::move(x.out);
  }
};

}  // namespace

std::unique_ptr<Writer> make_writer() { return std::make_unique<RssWriter>(); }

}  // namespace galley::rss
