// The Atom 1.0 writer (RFC 4287). The feed: id, title, updated (the newest
// entry's), links (-V feed-url as rel=self, -V feed-link as alternate), an
// author when some entry has none. Each entry: id (the item's, stable across
// versions, so a re-sent article updates its entry), title, published, updated,
// authors, categories, summary, rights, the source link, image enclosures, and
// the body as XHTML content.
#include "atom/atom.hpp"

#include "syndication/item.hpp"
#include "syndication/xml_out.hpp"

namespace galley::atom {

namespace {

using syndication::Item;
using syndication::XmlOut;

void person(XmlOut& x, const char* indent, const std::string& name, const std::string& email, const std::string& uri) {
  x << indent << "<author>\n" << indent << "  <name>";
  x.text(name);
  x << "</name>\n";
  // atomEmailAddress is ".+@.+"; anything else is no address.
  auto at = email.find('@');
  if (at != std::string::npos && at > 0 && at + 1 < email.size()) x.element(std::string(indent) + "  ", "email", email);
  if (syndication::is_http_url(uri)) x.element(std::string(indent) + "  ", "uri", uri);
  x << indent << "</author>\n";
}

void entry(XmlOut& x, const Document& doc, const Item& it, const WriterOptions& options, Diagnostics& diag) {
  x << "  <entry";
  if (!it.language.empty()) {
    x << " xml:lang=\"";
    x.attr(it.language);
    x << "\"";
  }
  x << ">\n";
  x.element("    ", "id", syndication::id_uri(it));
  x.element("    ", "title type=\"text\"", it.headline);
  x.element("    ", "published", syndication::created_or_fallback(it, options));
  x.element("    ", "updated", syndication::updated_or_fallback(it, options));
  for (auto& p : it.bylines) person(x, "    ", p.name, p.email, p.uri);
  if (it.bylines.empty()) {
    // RFC 4287 4.1.2: an entry without an author takes the feed's; the
    // publisher or credit is a truer one than the feed-level stand-in.
    std::string who = !it.publisher.empty() ? it.publisher : it.creditline;
    if (!who.empty()) person(x, "    ", who, "", "");
  }
  if (!it.source_url.empty()) {
    if (syndication::is_http_url(it.source_url)) {
      x << "    <link rel=\"alternate\" type=\"text/html\" href=\"";
      x.attr(it.source_url);
      x << "\"/>\n";
    } else {
      diag.warn("unmapped-metadata", "source-url \"" + it.source_url + "\" is no http(s) URL; the entry has no link to it");
    }
  }
  for (auto& img : it.images) {
    if (!syndication::is_http_url(img.url)) continue;
    x << "    <link rel=\"enclosure\" href=\"";
    x.attr(img.url);
    x << "\"";
    if (!img.mime.empty()) x << " type=\"" << img.mime << "\"";
    if (!img.alt.empty() || !img.caption.empty()) {
      x << " title=\"";
      x.attr(img.caption.empty() ? img.alt : img.caption);
      x << "\"";
    }
    x << "/>\n";
  }
  for (auto& s : it.subjects) {
    std::string term = s.code.empty() ? s.name : s.code;
    if (term.empty()) continue;
    x << "    <category term=\"";
    x.attr(term);
    x << "\"";
    if (!s.scheme.empty()) {
      x << " scheme=\"";
      x.attr(s.scheme);
      x << "\"";
    }
    if (!s.name.empty() && s.name != term) {
      x << " label=\"";
      x.attr(s.name);
      x << "\"";
    }
    x << "/>\n";
  }
  for (auto& k : it.keywords) {
    if (k.empty()) continue;
    x << "    <category term=\"";
    x.attr(k);
    x << "\"/>\n";
  }
  x.element("    ", "summary type=\"text\"", it.description);
  x.element("    ", "rights type=\"text\"", it.copyright);
  if (syndication::is_http_url(it.license)) {  // RFC 4946's license link
    x << "    <link rel=\"license\" href=\"";
    x.attr(it.license);
    x << "\"/>\n";
  } else if (!it.license.empty()) {
    syndication::warn_unmapped(diag, "Atom", "license (no http(s) URL)", it.license);
  }
  // Dublin Core for what Atom has no element of its own for.
  if (!it.bylines.empty()) x.element("    ", "dc:publisher", it.publisher);
  if (!it.bylines.empty() && it.creditline != it.publisher) x.element("    ", "dc:contributor", it.creditline);
  if (!it.subheadline.empty()) syndication::warn_unmapped(diag, "Atom", "subtitle", it.subheadline);
  if (!it.located.empty()) syndication::warn_unmapped(diag, "Atom", "dateline", it.located);
  if (!it.slugline.empty()) syndication::warn_unmapped(diag, "Atom", "slugline", it.slugline);
  if (it.version != 1) syndication::warn_unmapped(diag, "Atom", "version", std::to_string(it.version));
  if (it.pub_status != "usable") syndication::warn_unmapped(diag, "Atom", "pub-status", it.pub_status);
  // The body is already escaped XHTML from body_xhtml; it goes in as markup.
  x << "    <content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">";
  x << syndication::body_xhtml(doc, options, diag);
  x << "</div></content>\n";
  x << "  </entry>\n";
}

class AtomWriter : public Writer {
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

    XmlOut x;
    x.out.reserve(4096 * (docs.size() + 1));
    x << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"";
    if (!feed.language.empty()) {
      x << " xml:lang=\"";
      x.attr(feed.language);
      x << "\"";
    }
    x << ">\n";
    x.element("  ", "id", syndication::id_uri(feed.id));
    x.element("  ", "title type=\"text\"", feed.title);
    x.element("  ", "subtitle type=\"text\"", feed.description);
    x.element("  ", "updated", feed.updated);
    if (!feed.self_url.empty()) {
      x << "  <link rel=\"self\" type=\"application/atom+xml\" href=\"";
      x.attr(feed.self_url);
      x << "\"/>\n";
    }
    if (!feed.link.empty()) {
      x << "  <link rel=\"alternate\" type=\"text/html\" href=\"";
      x.attr(feed.link);
      x << "\"/>\n";
    }
    bool all_have_author = true;
    for (auto& it : items) all_have_author &= !it.bylines.empty() || !it.publisher.empty() || !it.creditline.empty();
    if (!all_have_author) {
      // RFC 4287 4.1.1: a feed must have an author unless every entry has one.
      std::string who = options.variable("feed-author", feed.title);
      person(x, "  ", who, "", "");
      if (options.variable("feed-author").empty())
        diag.warn("placeholder", "an article has no byline, publisher or credit: the feed's author is \"" + who + "\"");
    }
    x << "  <generator>galley</generator>\n";
    for (std::size_t i = 0; i < docs.size(); ++i) entry(x, *docs[i], items[i], options, diag);
    x << "</feed>\n";
    x.finish(diag, "Atom feed");
    return std::move(x.out);
  }
};

}  // namespace

std::unique_ptr<Writer> make_writer() { return std::make_unique<AtomWriter>(); }

}  // namespace galley::atom
