// Document(s) -> NewsML-G2 newsItem / newsMessage (Power conformance, 2.35).
//
// Element order follows the XSD's sequences: rightsInfo before itemMeta;
// itemMeta's ItemManagementGroup (itemClass, provider, versionCreated,
// firstCreated, pubStatus) then links; contentMeta's administrative group
// (contentCreated, contentModified, located, creator) before its descriptive
// group (language, keyword, subject, slugline, headline, dateline, by,
// creditline, description). Strings typed g2normalizedString may hold no tab or
// newline, so every such value is collapsed first.
#include <algorithm>
#include <string>

#include "galley/detail/xml.hpp"
#include "galley/error.hpp"
#include "galley/meta.hpp"
#include "galley/safety.hpp"
#include "newsml/newsml.hpp"
#include "newsml/xml_out.hpp"
#include "nitf/embed.hpp"
#include "syndication/item.hpp"

namespace galley::newsml {
namespace {

constexpr const char* kNar = "http://iptc.org/std/nar/2006-10-01/";
constexpr const char* kCatalog = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_32.xml";

// xs:dateTime needs a time: a date alone is taken as its midnight, UTC.
std::string date_time(std::string iso) {
  if (iso.size() == 10) iso += "T00:00:00Z";
  else if (iso.size() == 7) iso += "-01T00:00:00Z";
  else if (iso.size() == 4) iso += "-01-01T00:00:00Z";
  return iso;
}

// A QCode ("scheme:code") from a subject: the scheme it names, else a free one.
std::string qcode(const syndication::Subject& s) {
  std::string scheme = g2(s.scheme), code = g2(s.code);
  auto bad = [](const std::string& x) { return x.find(' ') != std::string::npos; };
  if (code.empty() || bad(code)) return {};
  if (code.find(':') != std::string::npos && code.front() != ':') return code;  // already a QCode
  if (scheme.empty() || bad(scheme) || scheme.find(':') != std::string::npos) scheme = "subj";
  return scheme + ":" + code;
}

// Does the title carry markup beyond words (emphasis, links, code ...)?
bool styled(const Inlines& xs) {
  for (const Inline& x : xs)
    if (!x.is<Str>() && !x.is<Space>() && !x.is<SoftBreak>()) return true;
  return false;
}

void write_item(Xml& x, const Document& doc, const syndication::Item& it, const WriterOptions& options,
                Diagnostics& diag, bool nitf_body, const std::string& id_prefix, bool declare_ns) {
  nitf::warn_unmapped(doc.meta, "NewsML-G2", {"license"}, diag);
  x.open("newsItem");
  if (declare_ns) x.attr("xmlns", kNar);
  x.attr("guid", g2(it.id));
  x.attr("version", std::to_string(it.version > 0 ? it.version : 1));
  x.attr("standard", "NewsML-G2");
  x.attr("standardversion", "2.35");
  x.attr("conformance", "power");
  x.attr("xml:lang", g2(it.language));
  x.end_open();
  x.open("catalogRef");
  x.attr("href", kCatalog);  // a constant, a valid IRI
  x.close_empty();
  auto license = meta_text(doc.meta, "license");
  if (!it.copyright.empty() || license) {
    x.open("rightsInfo");
    x.end_open();
    if (!it.copyright.empty()) x.element("copyrightNotice", it.copyright);
    if (license) x.element("usageTerms", *license);
    x.close("rightsInfo");
  }

  x.open("itemMeta");
  x.end_open();
  x.open("itemClass");
  x.attr("qcode", "ninat:text");
  x.close_empty();
  x.open("provider");
  std::string provider = g2(it.publisher);
  if (provider.empty()) {
    provider = "unknown";
    diag.warn("placeholder", "no publisher: the NewsML-G2 provider (required) is written as 'unknown'");
  }
  x.attr("literal", provider);
  x.close_empty();
  x.element("versionCreated", date_time(syndication::updated_or_fallback(it, options)));
  x.element("firstCreated", date_time(syndication::created_or_fallback(it, options)));
  x.open("pubStatus");
  x.attr("qcode", "stat:" + (it.pub_status.empty() ? std::string("usable") : g2(it.pub_status)));
  x.close_empty();
  if (syndication::is_http_url(it.source_url)) {
    x.open("link");
    x.attr("rel", "irel:seeAlso");
    x.attr("href", iri(it.source_url));
    x.attr("contenttype", "text/html");
    x.close_empty();
  }
  x.close("itemMeta");

  x.open("contentMeta");
  x.end_open();
  if (!it.first_created.empty()) x.element("contentCreated", date_time(it.first_created));
  if (!it.version_created.empty() && it.version_created != it.first_created)
    x.element("contentModified", date_time(it.version_created));
  if (!it.located.empty()) {
    x.open("located");
    x.end_open();
    x.element("name", g2(it.located));
    x.close("located");
  }
  for (auto& p : it.bylines) {
    x.open("creator");
    if (syndication::is_http_url(p.uri)) x.attr("uri", iri(p.uri));
    x.end_open();
    x.element("name", g2(p.name));
    x.close("creator");
  }
  if (!it.language.empty()) {
    x.open("language");
    x.attr("tag", g2(it.language));
    x.close_empty();
  }
  for (auto& k : it.keywords)
    if (!g2(k).empty()) x.element("keyword", g2(k));
  for (auto& s : it.subjects) {
    x.open("subject");
    std::string q = qcode(s);
    if (!q.empty()) x.attr("qcode", q);
    else x.attr("literal", g2(s.name));
    x.end_open();
    if (!s.name.empty()) x.element("name", g2(s.name));
    x.close("subject");
  }
  if (!it.slugline.empty()) x.element("slugline", g2(it.slugline));
  x.element("headline", it.headline);
  if (auto title = meta_inlines(doc.meta, "title"); title && styled(*title))
    diag.warn("lost-formatting", "the NewsML-G2 headline is plain text: the title's emphasis and links are dropped");
  if (!it.subheadline.empty()) {
    x.open("headline");
    x.attr("role", "hlrole:sub");
    x.end_open(false);
    x.text(it.subheadline);
    x.close("headline");
  }
  if (!it.dateline.empty()) x.element("dateline", it.dateline);
  if (!it.bylines.empty()) {
    std::string by;
    for (std::size_t i = 0; i < it.bylines.size(); ++i) {
      if (i) by += ", ";  // no conjunction: the item may be in any language
      by += it.bylines[i].name;
      if (!it.bylines[i].role.empty()) by += " (" + it.bylines[i].role + ")";
    }
    x.element("by", by);
  }
  if (!it.creditline.empty()) x.element("creditline", g2(it.creditline));
  if (!it.description.empty()) {
    x.open("description");
    x.attr("role", "drol:summary");
    x.end_open(false);
    x.text(it.description);
    x.close("description");
  }
  x.close("contentMeta");

  x.open("contentSet");
  x.end_open();
  x.open("inlineXML");
  if (nitf_body) {
    x.attr("contenttype", "application/nitf+xml");
    x.end_open();
    x.raw(nitf::write_element(doc, it, false, id_prefix, diag));
  } else {
    x.attr("contenttype", "application/xhtml+xml");
    x.end_open();
    x.raw("<html xmlns=\"http://www.w3.org/1999/xhtml\"");
    if (!it.language.empty()) {
      x.raw(" xml:lang=\"");
      x.text(g2(it.language), true);
      x.raw("\"");
    }
    x.raw("><head><title>");
    x.text(it.headline);
    x.raw("</title></head><body>\n");
    x.raw(syndication::body_xhtml(doc, options, diag));
    x.raw("\n</body></html>\n");
  }
  x.close("inlineXML");
  // The item's pictures, each as remote content (IPTC: a rendition held elsewhere).
  for (auto& im : it.images) {
    if (!syndication::is_http_url(im.url)) continue;
    x.open("remoteContent");
    x.attr("href", iri(im.url));
    x.attr("contenttype", im.mime);
    if (im.width > 0) x.attr("width", std::to_string(im.width));
    if (im.height > 0) x.attr("height", std::to_string(im.height));
    x.attr("title", g2(im.caption.empty() ? im.alt : im.caption));
    x.close_empty();
  }
  x.close("contentSet");
  x.close("newsItem");
}

class NewsmlWriter : public Writer {
 public:
  std::string write(const Document& doc, const WriterOptions& options, Diagnostics& diag) const override {
    Xml x;
    x.out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
    syndication::Item it = syndication::item_from(doc, options, diag);
    write_item(x, doc, it, options, diag, options.extensions.enabled("nitf", false), "", true);
    x.report(diag);
    return std::move(x.out);
  }

  // A newsMessage: items newest first (stable for equal dates); `sent` is the
  // newest item's time, so the same articles give the same message.
  std::string write_many(const std::vector<const Document*>& docs_in, const WriterOptions& options,
                         Diagnostics& diag) const override {
    // One article is a newsItem; a message is for several.
    if (docs_in.size() == 1) return write(*docs_in[0], options, diag);
    syndication::Entries entries = syndication::entries_newest_first(docs_in, options, diag);
    const std::vector<const Document*>& docs = entries.docs;
    const std::vector<syndication::Item>& items = entries.items;
    std::string sent;
    for (auto& it : items) sent = std::max(sent, date_time(syndication::updated_or_fallback(it, options)));
    if (sent.empty()) sent = syndication::fallback_time(options);
    Xml x;
    x.out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
    x.open("newsMessage");
    x.attr("xmlns", kNar);
    x.end_open();
    x.open("header");
    x.end_open();
    x.element("sent", sent);
    x.close("header");
    x.open("itemSet");
    x.end_open();
    bool nitf_body = options.extensions.enabled("nitf", false);
    for (std::size_t i = 0; i < docs.size(); ++i)
      write_item(x, *docs[i], items[i], options, diag, nitf_body, "i" + std::to_string(i + 1) + "-", false);
    x.close("itemSet");
    x.close("newsMessage");
    x.report(diag);
    return std::move(x.out);
  }
};

}  // namespace

std::unique_ptr<Writer> make_writer() { return std::make_unique<NewsmlWriter>(); }

std::vector<ExtensionInfo> writer_extensions() {
  return {{"nitf", false, "the body as NITF 3.6 inside inlineXML (IPTC's listing 25) instead of XHTML"}};
}

}  // namespace galley::newsml
