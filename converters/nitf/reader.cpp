// NITF -> Document: head (docdata, pubdata, tobject) and body.head (hedline,
// byline, distributor, dateline, abstract) into the item model, body.content
// (and body.end's tagline) into blocks.
#include <libxml/parser.h>

#include <string>

#include "galley/error.hpp"
#include "galley/text.hpp"
#include "nitf/body_in.hpp"
#include "nitf/dom.hpp"
#include "nitf/embed.hpp"

namespace galley::nitf {
namespace {

void set_if_empty(std::string& field, std::string value) {
  if (field.empty()) field = std::move(value);
}

// "By Meredith Jameson, <byttl>Staff Reporter</byttl>": the name without the
// "By" and the trailing punctuation, the byttl as the role.
syndication::Person person_from_byline(const xmlNode* byline) {
  syndication::Person p;
  std::string name;
  for (const xmlNode* c = byline->children; c; c = c->next) {
    if (is(c, "byttl")) p.role = clean_text(c);
    else if (is(c, "location") || is(c, "virtloc")) continue;
    else if (c->type == XML_TEXT_NODE || is_element(c)) name += is_element(c) ? text_of(c) : reinterpret_cast<const char*>(c->content);
  }
  name = collapse(name);
  while (!name.empty() && (name.back() == ',' || name.back() == ';' || name.back() == '/' || name.back() == '-' ||
                           name.back() == ' '))
    name.pop_back();
  if (name.size() > 3 && ascii_lower(name.substr(0, 3)) == "by ") name = std::string(trim(name.substr(3)));
  // A byline that is only a title ("<byttl>Sports Network</byttl>") names the source.
  if (name.empty()) std::swap(name, p.role);
  p.name = name;
  return p;
}

void read_head(const xmlNode* head, Parsed& out) {
  auto& it = out.item;
  if (!head) return;
  if (const xmlNode* t = child(head, "title")) set_if_empty(it.headline, clean_text(t));
  if (const xmlNode* tob = child(head, "tobject")) {
    for (const xmlNode* s : children(tob, "tobject.subject")) {
      syndication::Subject sub;
      sub.code = collapse(attr(s, "tobject.subject.refnum"));
      for (const char* a : {"tobject.subject.detail", "tobject.subject.matter", "tobject.subject.type"})
        if (sub.name.empty()) sub.name = collapse(attr(s, a));
      sub.scheme = collapse(attr(s, "tobject.subject.ipr"));
      if (sub.scheme.empty() && !sub.code.empty()) sub.scheme = "subj";
      if (!sub.code.empty() || !sub.name.empty()) out.item.subjects.push_back(sub);
    }
  }
  if (const xmlNode* dd = child(head, "docdata")) {
    for (const xmlNode* c = dd->children; c; c = c->next) {
      if (is(c, "doc-id")) {
        set_if_empty(it.id, collapse(attr(c, "id-string")));
        set_if_empty(it.publisher, collapse(attr(c, "regsrc")));
      } else if (is(c, "date.issue")) {
        set_if_empty(it.first_created, normalise_date(attr(c, "norm")));
      } else if (is(c, "du-key")) {
        set_if_empty(it.slugline, collapse(attr(c, "key")));
        std::string v = attr(c, "version");
        if (!v.empty() && v.size() < 9 && v.find_first_not_of("0123456789") == std::string::npos && std::stoi(v) > 0)
          it.version = std::stoi(v);
      } else if (is(c, "doc.copyright")) {
        // holder="NTB" year="2021" is "© 2021 NTB"; a holder alone is the line as written.
        std::string year = collapse(attr(c, "year")), holder = collapse(attr(c, "holder"));
        set_if_empty(it.copyright, year.empty() ? holder : collapse("\u00A9 " + year + " " + holder));
      } else if (is(c, "key-list")) {
        for (const xmlNode* k : children(c, "keyword"))
          if (auto w = collapse(attr(k, "key")); !w.empty()) it.keywords.push_back(w);
      } else if (is(c, "identified-content")) {
        for (const xmlNode* cl : children(c, "classifier")) {
          syndication::Subject sub{collapse(attr(cl, "value")), clean_text(cl), collapse(attr(cl, "idsrc"))};
          if (!sub.code.empty() || !sub.name.empty()) it.subjects.push_back(sub);
        }
      }
    }
    std::string status = collapse(attr(dd, "management-status"));
    if (!status.empty()) it.pub_status = status;
  }
  for (const xmlNode* pd : children(head, "pubdata")) {
    set_if_empty(it.first_created, normalise_date(attr(pd, "date.publication")));
    set_if_empty(it.source_url, collapse(attr(pd, "ex-ref")));
    set_if_empty(it.publisher, collapse(attr(pd, "name")));
  }
  for (const xmlNode* rh : children(head, "revision-history")) {
    std::string d = normalise_date(attr(rh, "norm"));
    if (!d.empty() && d > it.version_created) it.version_created = d;  // ISO strings of one form sort by time
  }
}

void read_body_head(const xmlNode* bh, Parsed& out, BodyReader& br) {
  auto& it = out.item;
  if (!bh) return;
  if (const xmlNode* hed = child(bh, "hedline")) {
    if (const xmlNode* hl1 = child(hed, "hl1")) {
      std::string h = clean_text(hl1);
      if (!h.empty()) it.headline = h;  // the story's own headline beats head/title
    }
    if (const xmlNode* hl2 = child(hed, "hl2")) set_if_empty(it.subheadline, clean_text(hl2));
  }
  if (it.bylines.empty())
    for (const xmlNode* by : children(bh, "byline")) {
      // Several people in one byline ("<person>A</person> and <person>B</person>").
      auto people = children(by, "person");
      if (people.size() == 1) {  // a person element holds a name as it is
        std::string role = clean_text(child(by, "byttl"));
        it.bylines.push_back({clean_text(people[0]), role, "", ""});
        continue;
      }
      if (people.size() > 1) {
        for (const xmlNode* p : people) it.bylines.push_back({clean_text(p), clean_text(child(by, "byttl")), "", ""});
        continue;
      }
      syndication::Person p = person_from_byline(by);
      if (!p.name.empty()) it.bylines.push_back(p);
    }
  if (const xmlNode* dist = child(bh, "distributor")) set_if_empty(it.creditline, clean_text(dist));
  if (const xmlNode* dl = child(bh, "dateline")) {
    std::string place;
    if (const xmlNode* loc = child(dl, "location")) place = clean_text(loc);
    std::string whole;
    for (const xmlNode* c = dl->children; c; c = c->next)
      if (!is(c, "story.date")) whole += is_element(c) ? text_of(c) : (c->content ? reinterpret_cast<const char*>(c->content) : "");
    whole = collapse(whole);
    while (!whole.empty() && (whole.back() == ',' || whole.back() == '-' || whole.back() == ' ')) whole.pop_back();
    set_if_empty(it.dateline, whole);
    set_if_empty(it.located, place.empty() ? whole : place);
    if (const xmlNode* sd = child(dl, "story.date")) set_if_empty(it.first_created, normalise_date(attr(sd, "norm")));
  }
  if (out.abstract.empty())
    for (const xmlNode* ab : children(bh, "abstract")) {
      Blocks bs = br.blocks(ab);
      for (Block& b : bs) out.abstract.push_back(std::move(b));
    }
  if (it.description.empty() && !out.abstract.empty()) it.description = collapse(stringify(out.abstract));
}

class NitfReader : public Reader {
 public:
  Document read(std::string_view input, const ReaderOptions& options, Diagnostics& diag) const override {
    XmlDocPtr xml = parse_xml(input, options, diag, "nitf");
    const xmlNode* root = xmlDocGetRootElement(xml.get());
    if (!is(root, "nitf"))
      throw InputError("galley.nitf.root", "the root element is <" + std::string(local_name(root)) + ">, not <nitf>");
    Parsed parsed;
    read_element(root, parsed, options.limits.max_nesting, diag);
    Document doc;
    doc.blocks = std::move(parsed.body);
    syndication::apply_item(parsed.item, doc);
    if (!parsed.abstract.empty()) doc.meta["abstract"] = MetaBlocks{std::move(parsed.abstract)};
    return doc;
  }
};

}  // namespace

void read_element(const xmlNode* nitf, Parsed& out, std::size_t max_depth, Diagnostics& diag) {
  BodyReader br(max_depth);
  auto& it = out.item;
  // A headline the caller already has (NewsML-G2's contentMeta) stays; else the
  // story's own hl1 beats head/title.
  const std::string given_headline = it.headline;
  std::string lang = collapse(attr(nitf, "baselang"));
  if (lang.empty()) lang = collapse(lang_attr(nitf));
  read_head(child(nitf, "head"), out);
  const xmlNode* body = child(nitf, "body");
  if (lang.empty()) lang = collapse(lang_attr(body));
  set_if_empty(it.language, lang);
  if (body) {
    br.find_notes(body);
    read_body_head(child(body, "body.head"), out, br);
    for (const xmlNode* bc : children(body, "body.content")) {
      Blocks bs = br.blocks(bc);
      for (Block& b : bs) out.body.push_back(std::move(b));
    }
    if (const xmlNode* end = child(body, "body.end")) {
      // The tagline (contact, credit) is text of the story; the bibliography too.
      Blocks bs = br.blocks(end);
      for (Block& b : bs) out.body.push_back(std::move(b));
    }
  }
  if (!given_headline.empty()) it.headline = given_headline;
  out.flattened += br.flattened();
  if (br.flattened())
    diag.warn("truncated-nesting", std::to_string(br.flattened()) +
                                       " NITF element(s) nested deeper than the nesting limit were read as plain text");
}

std::unique_ptr<Reader> make_reader() { return std::make_unique<NitfReader>(); }
void init() { xmlInitParser(); }

}  // namespace galley::nitf
