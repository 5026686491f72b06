// NewsML-G2 -> Document: a text newsItem (or each newsItem of a newsMessage, or a
// bare contentSet) into the item model, its body from inlineXML (NITF or XHTML)
// or inlineData. contentMeta is read first; an NITF body fills what it left open.
#include <libxml/parser.h>

#include <string>

#include "galley/builder.hpp"
#include "galley/error.hpp"
#include "galley/text.hpp"
#include "newsml/newsml.hpp"
#include "nitf/body_in.hpp"
#include "nitf/dom.hpp"
#include "nitf/embed.hpp"
#include "syndication/item.hpp"

namespace galley::newsml {
namespace {

using nitf::attr;
using nitf::child;
using nitf::children;
using nitf::clean_text;
using nitf::collapse;
using nitf::is;
using nitf::is_element;
using nitf::local_name;

void set_if_empty(std::string& field, std::string value) {
  if (field.empty()) field = std::move(value);
}

// A party's or concept's name: its <name> child, else @literal, else the code.
std::string name_of(const xmlNode* n) {
  if (const xmlNode* nm = child(n, "name")) return clean_text(nm);
  std::string s = collapse(attr(n, "literal"));
  return s;
}

bool has_role(const xmlNode* n, std::string_view role) {
  std::string r = attr(n, "role");
  return r.find(role) != std::string::npos;
}

struct ItemReader {
  Diagnostics& diag;
  std::size_t max_depth;

  std::string license;
  void rights(const xmlNode* item, syndication::Item& it) {
    for (const xmlNode* ri : children(item, "rightsInfo")) {
      if (const xmlNode* u = child(ri, "usageTerms")) set_if_empty(license, clean_text(u));
      if (const xmlNode* n = child(ri, "copyrightNotice")) set_if_empty(it.copyright, clean_text(n));
      if (const xmlNode* h = child(ri, "copyrightHolder"))
        if (it.copyright.empty()) set_if_empty(it.copyright, "\u00A9 " + name_of(h));
    }
  }

  void item_meta(const xmlNode* im, syndication::Item& it, bool& text_item) {
    if (!im) return;
    if (const xmlNode* cls = child(im, "itemClass")) {
      std::string q = attr(cls, "qcode");
      text_item = q.empty() || q == "ninat:text" || q.find("text") != std::string::npos;
    }
    if (const xmlNode* p = child(im, "provider")) {
      std::string name = name_of(p);
      if (name == "unknown") name.clear();  // a writer's stand-in for the required provider, not a name
      if (name.empty()) name = collapse(attr(p, "qcode"));
      if (name.empty()) name = collapse(attr(p, "uri"));
      set_if_empty(it.publisher, name);
    }
    if (const xmlNode* v = child(im, "versionCreated")) it.version_created = nitf::normalise_date(nitf::text_of(v));
    if (const xmlNode* f = child(im, "firstCreated")) it.first_created = nitf::normalise_date(nitf::text_of(f));
    if (const xmlNode* s = child(im, "pubStatus")) {
      std::string q = attr(s, "qcode");
      if (auto c = q.find(':'); c != std::string::npos) q = q.substr(c + 1);
      if (!q.empty()) it.pub_status = q;
    }
    for (const xmlNode* l : children(im, "link")) {
      std::string rel = attr(l, "rel"), href = collapse(attr(l, "href")), type = attr(l, "contenttype");
      // The article's web page: a seeAlso/canonical link to HTML (not to another item).
      bool page = type.empty() || type.find("html") != std::string::npos;
      if ((rel.find("seeAlso") != std::string::npos || rel.find("canonical") != std::string::npos) && page &&
          attr(l, "residref").empty() && syndication::is_http_url(href))
        set_if_empty(it.source_url, href);
    }
  }

  void content_meta(const xmlNode* cm, syndication::Item& it, Blocks& abstract) {
    if (!cm) return;
    std::string by_text;
    for (const xmlNode* c = cm->children; c; c = c->next) {
      if (!is_element(c)) continue;
      std::string_view n = local_name(c);
      if (n == "contentCreated") set_if_empty(it.first_created, nitf::normalise_date(nitf::text_of(c)));
      else if (n == "contentModified") {
        std::string d = nitf::normalise_date(nitf::text_of(c));
        if (!d.empty() && it.version_created.empty()) it.version_created = d;
      } else if (n == "located") set_if_empty(it.located, name_of(c));
      else if (n == "creator") {
        syndication::Person p{name_of(c), "", "", collapse(attr(c, "uri"))};
        if (p.name.empty()) p.name = collapse(attr(c, "qcode"));
        std::string jt = attr(c, "jobtitle");
        if (auto k = jt.find(':'); k != std::string::npos) p.role = jt.substr(k + 1);
        if (!p.name.empty()) it.bylines.push_back(p);
      } else if (n == "infoSource") {
        if (!has_role(c, "originfo")) set_if_empty(it.creditline, name_of(c));
      } else if (n == "language") set_if_empty(it.language, collapse(attr(c, "tag")));
      else if (n == "keyword") {
        if (auto k = clean_text(c); !k.empty()) it.keywords.push_back(k);
      } else if (n == "subject") {
        syndication::Subject s;
        std::string q = collapse(attr(c, "qcode"));
        if (auto k = q.find(':'); k != std::string::npos) s.scheme = q.substr(0, k), s.code = q.substr(k + 1);
        else if (!q.empty()) s.code = q;
        else s.code = collapse(attr(c, "uri"));
        s.name = name_of(c);
        if (!s.code.empty() || !s.name.empty()) it.subjects.push_back(s);
      } else if (n == "slugline") set_if_empty(it.slugline, clean_text(c));
      else if (n == "headline") {
        std::string h = clean_text(c);
        bool sub = !attr(c, "role").empty() && !has_role(c, "main");
        set_if_empty(sub ? it.subheadline : it.headline, h);
      } else if (n == "dateline") set_if_empty(it.dateline, clean_text(c));
      else if (n == "by") set_if_empty(by_text, clean_text(c));
      else if (n == "creditline") set_if_empty(it.creditline, clean_text(c));
      else if (n == "description") {
        if (attr(c, "role").empty() || has_role(c, "summary") || has_role(c, "abstract")) {
          std::string d = clean_text(c);
          if (!d.empty() && it.description.empty()) {
            it.description = d;
            abstract.push_back(Para{text(d)});
          }
        }
      }
    }
    // The by-line when no creator is named: "By Jane Doe" as one byline.
    if (it.bylines.empty() && !by_text.empty()) {
      if (by_text.size() > 3 && ascii_lower(by_text.substr(0, 3)) == "by ") by_text = std::string(trim(by_text.substr(3)));
      it.bylines.push_back({by_text, "", "", ""});
    }
  }

  // The first text rendition of contentSet.
  void content_set(const xmlNode* cs, nitf::Parsed& parsed) {
    if (!cs) return;
    for (const xmlNode* c = cs->children; c; c = c->next) {
      if (is(c, "inlineXML")) {
        const xmlNode* root = nullptr;
        for (const xmlNode* k = c->children; k && !root; k = k->next)
          if (is_element(k)) root = k;
        if (!root) continue;
        if (is(root, "nitf")) {
          nitf::read_element(root, parsed, max_depth, diag);
          return;
        }
        // XHTML: the body's content, else the element itself.
        const xmlNode* body = is(root, "html") ? child(root, "body") : root;
        if (!body) body = root;
        nitf::BodyReader br(max_depth);
        parsed.body = is(body, "body") ? br.blocks(body) : br.blocks(c);
        if (br.flattened())
          diag.warn("truncated-nesting", std::to_string(br.flattened()) +
                                             " element(s) nested deeper than the nesting limit were read as plain text");
        return;
      }
      if (is(c, "inlineData")) {
        std::string ct = attr(c, "contenttype");
        if (!ct.empty() && ct.find("text") == std::string::npos) continue;
        std::string t = nitf::text_of(c);
        // Paragraphs are separated by blank lines in plain text renditions.
        std::size_t i = 0;
        while (i < t.size()) {
          std::size_t j = t.find("\n\n", i);
          if (j == std::string::npos) j = t.size();
          Inlines xs = text(collapse(std::string_view(t).substr(i, j - i)));
          if (!xs.empty()) parsed.body.push_back(Para{std::move(xs)});
          i = j + 2;
        }
        return;
      }
    }
  }

  void remote_images(const xmlNode* cs, syndication::Item& it) {
    if (!cs) return;
    for (const xmlNode* rc : children(cs, "remoteContent")) {
      std::string ct = attr(rc, "contenttype"), href = collapse(attr(rc, "href"));
      if (href.empty() || ct.rfind("image/", 0) != 0) continue;
      syndication::Image im;
      im.url = href;
      im.mime = ct;
      im.caption = collapse(attr(rc, "title"));
      for (auto [name, field] : {std::pair{"width", &im.width}, std::pair{"height", &im.height}}) {
        std::string v = attr(rc, name);
        if (!v.empty() && v.size() < 7 && v.find_first_not_of("0123456789") == std::string::npos) *field = std::stoi(v);
      }
      it.images.push_back(im);
    }
  }

  // One newsItem (or a bare contentSet) into `parsed`.
  void read(const xmlNode* item, nitf::Parsed& parsed) {
    auto& it = parsed.item;
    if (is(item, "contentSet")) {
      content_set(item, parsed);
      return;
    }
    set_if_empty(it.id, collapse(attr(item, "guid")));
    std::string v = attr(item, "version");
    if (!v.empty() && v.size() < 9 && v.find_first_not_of("0123456789") == std::string::npos && std::stoi(v) > 0)
      it.version = std::stoi(v);
    set_if_empty(it.language, collapse(nitf::lang_attr(item)));
    rights(item, it);
    bool text_item = true;
    item_meta(child(item, "itemMeta"), it, text_item);
    std::string lang = it.language;
    it.language.clear();
    content_meta(child(item, "contentMeta"), it, parsed.abstract);
    set_if_empty(it.language, lang);
    const xmlNode* cs = child(item, "contentSet");
    if (!text_item) {
      std::string q = attr(child(child(item, "itemMeta"), "itemClass"), "qcode");
      diag.warn("lost-content", "a " + q + " item: only its metadata and text are read (galley reads text items)");
    }
    content_set(cs, parsed);
    remote_images(cs, it);
  }
};

class NewsmlReader : public Reader {
 public:
  Document read(std::string_view input, const ReaderOptions& options, Diagnostics& diag) const override {
    nitf::XmlDocPtr xml = nitf::parse_xml(input, options, diag, "newsml");
    const xmlNode* root = xmlDocGetRootElement(xml.get());
    std::vector<const xmlNode*> items;
    if (is(root, "newsMessage")) {
      for (const xmlNode* c = child(root, "itemSet") ? child(root, "itemSet")->children : nullptr; c; c = c->next)
        if (is_element(c)) items.push_back(c);
    } else if (is(root, "newsItem") || is(root, "packageItem") || is(root, "contentSet")) {
      items.push_back(root);
    } else {
      throw InputError("galley.newsml.root", "the root element is <" + std::string(local_name(root)) +
                                                 ">, not a NewsML-G2 newsItem, newsMessage or contentSet");
    }
    if (items.empty()) throw InputError("galley.newsml.empty", "the newsMessage holds no item");
    ItemReader reader{diag, options.limits.max_nesting, {}};
    Document doc;
    for (std::size_t i = 0; i < items.size(); ++i) {
      nitf::Parsed parsed;
      reader.read(items[i], parsed);
      if (i == 0) {
        syndication::apply_item(parsed.item, doc);
        if (!reader.license.empty()) doc.meta["license"] = MetaString{reader.license};
        if (!parsed.abstract.empty()) doc.meta["abstract"] = MetaBlocks{std::move(parsed.abstract)};
      } else {
        // Later items of a message follow under their headline; their metadata is not kept.
        if (!parsed.item.headline.empty()) doc.blocks.push_back(Header{1, Attr{}, text(parsed.item.headline)});
      }
      for (Block& b : parsed.body) doc.blocks.push_back(std::move(b));
    }
    if (items.size() > 1)
      diag.warn("unmapped-metadata", "a newsMessage of " + std::to_string(items.size()) +
                                         " items: one document with the first item's metadata; the others' bodies follow under their headlines");
    return doc;
  }
};

}  // namespace

std::unique_ptr<Reader> make_reader() { return std::make_unique<NewsmlReader>(); }
void init() { xmlInitParser(); }

}  // namespace galley::newsml
