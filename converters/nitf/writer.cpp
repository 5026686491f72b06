// Document -> NITF 3.6 in the XSD's namespace. The head carries what a receiving
// system files the story by (docdata: id, issue date, version, copyright,
// keywords, subjects; pubdata: publisher, web address); body.head what it
// prints above the story (hedline, bylines, distributor, dateline, abstract).
#include <algorithm>
#include <cctype>
#include <iterator>
#include <string>

#include "galley/builder.hpp"
#include "galley/detail/xml.hpp"
#include "galley/meta.hpp"
#include "galley/safety.hpp"
#include "galley/text.hpp"
#include "nitf/body_out.hpp"
#include "nitf/dom.hpp"
#include "nitf/embed.hpp"

namespace galley::nitf {
namespace {

struct Out {
  std::string& s;
  std::size_t removed = 0;
  void text(std::string_view t) { detail::append_escaped(s, t, false, &removed); }
  void attr(const char* name, std::string_view v) {
    if (v.empty()) return;
    s += ' ';
    s += name;
    s += "=\"";
    detail::append_escaped(s, v, true, &removed);
    s += '"';
  }
  void element(const char* name, std::string_view v) {
    s += '<';
    s += name;
    s += '>';
    text(v);
    s += "</";
    s += name;
    s += ">\n";
  }
};

// NITF's norm dates are ISO 8601's basic form: 2019-11-25T13:38:00Z -> 20191125T133800Z.
std::string basic_date(const std::string& iso) {
  std::string out;
  std::size_t t = iso.find('T');
  for (std::size_t i = 0; i < iso.size(); ++i) {
    char c = iso[i];
    if (c == ':' || (c == '-' && (t == std::string::npos || i < t))) continue;
    out += c;
  }
  return out;
}

bool nmtoken(std::string_view s) {
  if (s.empty()) return false;
  for (unsigned char c : s)
    if (!(std::isalnum(c) || c == '.' || c == '-' || c == '_' || c == ':' || c >= 0x80)) return false;
  return true;
}

bool url_in_body(const Blocks& bs, const std::string& url);
bool url_in(const Inlines& xs, const std::string& url) {
  for (const Inline& x : xs) {
    if (auto im = x.as<Image>(); im && im->target.url == url) return true;
    if (auto l = x.as<Link>(); l && url_in(l->content, url)) return true;
  }
  return false;
}
bool url_in_body(const Blocks& bs, const std::string& url) {
  for (const Block& b : bs) {
    if (auto p = b.as<Para>(); p && url_in(p->content, url)) return true;
    if (auto p = b.as<Plain>(); p && url_in(p->content, url)) return true;
    if (auto f = b.as<Figure>(); f && url_in_body(f->content, url)) return true;
    if (auto d = b.as<Div>(); d && url_in_body(d->content, url)) return true;
  }
  return false;
}

// Inlines whose NITF form is text and em/q/a only (no image, note or raw markup).
bool plain_markup(const Inlines& xs) {
  for (const Inline& x : xs) {
    if (x.is<Image>() || x.is<Note>() || x.is<RawInline>()) return false;
    bool ok = true;
    visit([&](const auto& v) {
      if constexpr (requires { v.content; })
        if constexpr (std::is_same_v<std::decay_t<decltype(v.content)>, Inlines>) ok = plain_markup(v.content);
    }, x);
    if (!ok) return false;
  }
  return true;
}

void write_head(Out& o, const syndication::Item& it) {
  o.s += "<head>\n";
  if (!it.headline.empty()) o.element("title", it.headline);
  // Coded subjects in tobject (refnum is an NMTOKEN); every subject as a classifier.
  bool coded = false;
  for (auto& sub : it.subjects) coded = coded || nmtoken(sub.code);
  if (coded) {
    o.s += "<tobject>";
    for (auto& sub : it.subjects) {
      if (!nmtoken(sub.code)) continue;
      o.s += "<tobject.subject";
      o.attr("tobject.subject.ipr", sub.scheme);
      o.attr("tobject.subject.refnum", sub.code);
      o.attr("tobject.subject.matter", sub.name);
      o.s += "/>";
    }
    o.s += "</tobject>\n";
  }
  o.s += "<docdata";
  o.attr("management-status", it.pub_status);
  o.s += ">\n";
  if (!it.id.empty()) {
    o.s += "<doc-id";
    o.attr("regsrc", it.publisher);
    o.attr("id-string", it.id);
    o.s += "/>\n";
  }
  if (!it.first_created.empty()) {
    o.s += "<date.issue";
    o.attr("norm", basic_date(it.first_created));
    o.s += "/>\n";
  }
  o.s += "<du-key";
  o.attr("version", std::to_string(it.version > 0 ? it.version : 1));
  o.attr("key", it.slugline);
  o.s += "/>\n";
  if (!it.copyright.empty()) {
    o.s += "<doc.copyright";
    o.attr("holder", it.copyright);
    o.s += "/>\n";
  }
  if (!it.keywords.empty()) {
    o.s += "<key-list>";
    for (auto& k : it.keywords) {
      o.s += "<keyword";
      o.attr("key", k);
      o.s += "/>";
    }
    o.s += "</key-list>\n";
  }
  if (!it.subjects.empty()) {
    o.s += "<identified-content>";
    for (auto& sub : it.subjects) {
      o.s += "<classifier type=\"subject\"";
      o.attr("idsrc", sub.scheme);
      o.attr("value", sub.code);
      o.s += '>';
      o.text(sub.name);
      o.s += "</classifier>";
    }
    o.s += "</identified-content>\n";
  }
  o.s += "</docdata>\n";
  o.s += "<pubdata type=\"web\"";
  if (!it.first_created.empty()) o.attr("date.publication", basic_date(it.first_created));
  o.attr("name", it.publisher);
  if (!is_dangerous_url(it.source_url)) o.attr("ex-ref", it.source_url);
  o.s += "/>\n";
  if (!it.version_created.empty() && it.version_created != it.first_created) {
    o.s += "<revision-history function=\"editor\"";
    o.attr("norm", basic_date(it.version_created));
    o.s += "/>\n";
  }
  o.s += "</head>\n";
}

void write_body_head(Out& o, const Document& doc, const syndication::Item& it, BodyWriter& bw) {
  o.s += "<body.head>\n";
  if (!it.headline.empty() || !it.subheadline.empty()) {
    o.s += "<hedline>";
    // hl1 holds enriched text: the title's emphasis is kept (not images or notes).
    auto title = meta_inlines(doc.meta, "title");
    if (title && !title->empty() && plain_markup(*title)) {
      o.s += "<hl1>";
      bw.inlines(*title);
      o.s += "</hl1>\n";
    } else {
      o.element("hl1", it.headline);
    }
    if (!it.subheadline.empty()) o.element("hl2", it.subheadline);
    o.s += "</hedline>\n";
  }
  for (auto& p : it.bylines) {
    o.s += "<byline><person>";
    o.text(p.name);
    o.s += "</person>";
    if (!p.role.empty()) {
      o.s += ", <byttl>";
      o.text(p.role);
      o.s += "</byttl>";
    }
    o.s += "</byline>\n";
  }
  if (!it.creditline.empty()) {
    o.s += "<distributor><org>";
    o.text(it.creditline);
    o.s += "</org></distributor>\n";
  }
  if (!it.dateline.empty()) {
    o.s += "<dateline><location>";
    o.text(it.dateline);
    o.s += "</location></dateline>\n";
  }
  auto abstract = meta_blocks(doc.meta, "abstract");
  if (abstract && !abstract->empty()) {
    std::size_t at = o.s.size();
    o.s += "<abstract>";
    std::size_t inner = o.s.size();
    bw.blocks(*abstract);
    // abstract needs one block at least: one that wrote nothing becomes its text.
    if (o.s.size() == inner) {
      o.s.resize(at);
      std::string t = collapse(stringify(*abstract));
      if (!t.empty()) {
        o.s += "<abstract><p>";
        o.text(t);
        o.s += "</p></abstract>\n";
      }
    } else {
      o.s += "</abstract>\n";
    }
  } else if (!it.description.empty()) {
    o.s += "<abstract><p>";
    o.text(it.description);
    o.s += "</p></abstract>\n";
  }
  o.s += "</body.head>\n";
}

class NitfWriter : public Writer {
 public:
  std::string write(const Document& doc, const WriterOptions& options, Diagnostics& diag) const override {
    syndication::Item item = syndication::item_from(doc, options, diag);
    warn_unmapped(doc.meta, "NITF", {}, diag);
    std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
    out += write_element(doc, item, true, "", diag);
    return out;
  }
};

}  // namespace

std::string write_element(const Document& doc, const syndication::Item& it, bool with_head,
                          const std::string& id_prefix, Diagnostics& diag) {
  std::string s;
  Out o{s};
  BodyWriter bw(s, diag, id_prefix);
  s += "<nitf xmlns=\"";
  s += kNamespace;
  s += "\" version=\"-//IPTC//DTD NITF 3.6//EN\"";
  o.attr("baselang", it.language);
  s += ">\n";
  if (with_head) write_head(o, it);
  s += "<body>\n";
  write_body_head(o, doc, it, bw);
  s += "<body.content>\n";
  // Images of the item that the body does not show (the lead image) come first.
  for (auto& im : it.images) {
    if (im.url.empty() || url_in_body(doc.blocks, im.url)) continue;
    Attr a;
    if (im.width > 0) a.attributes.emplace_back("width", std::to_string(im.width));
    if (im.height > 0) a.attributes.emplace_back("height", std::to_string(im.height));
    Blocks caption;
    if (!im.caption.empty()) caption.push_back(Plain{text(im.caption)});
    Figure f{Attr{}, Caption{std::nullopt, caption}, Blocks{Plain{Inlines{Image{a, text(im.alt), Target{im.url, ""}}}}}};
    bw.blocks(Blocks{Block{std::move(f)}});
  }
  bw.blocks(doc.blocks);
  bw.footnotes();
  s += "</body.content>\n</body>\n</nitf>\n";
  bw.report();
  if (o.removed)
    diag.warn("invalid-xml-char",
              std::to_string(o.removed) + " character(s) that XML 1.0 forbids were removed from the NITF metadata");
  return s;
}

void warn_unmapped(const Meta& meta, const char* format, std::initializer_list<const char*> extra, Diagnostics& diag) {
  // What syndication::item_from reads (docs/METADATA.md's keys and the item's own).
  static const char* const carried[] = {"title",    "subtitle",   "subject",   "subjects",   "author",   "date",
                                        "date-modified", "abstract", "credit",  "dateline",   "publisher", "lang",
                                        "keywords", "identifier", "source-url", "rights",    "image",    "version",
                                        "pub-status", "slugline"};
  for (const auto& [key, value] : meta) {
    bool known = std::find(std::begin(carried), std::end(carried), key) != std::end(carried);
    for (const char* e : extra) known = known || key == e;
    // site-name stands in for a missing publisher only.
    if (key == "site-name") known = !meta.count("publisher");
    if (!known)
      diag.warn("unmapped-metadata", "metadata '" + key + "' has no place in " + format + " and is not written");
  }
}

std::unique_ptr<Writer> make_writer() { return std::make_unique<NitfWriter>(); }

}  // namespace galley::nitf
