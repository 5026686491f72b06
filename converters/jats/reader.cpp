// JATS -> Document: the reader's entry. Parses safely (reader_xml.cpp), indexes
// ids and the footnotes that xrefs cite, then reads front matter into Meta and
// body, back, floats and sub-articles into blocks. Elements without a mapping
// keep their text and are reported once, by name and count ("unmapped-element").
#include <string>
#include <vector>

#include "galley/error.hpp"
#include "galley/format.hpp"
#include "jats/jats.hpp"
#include "jats/reader.hpp"

namespace galley::jats {
namespace in {
namespace {

bool below(const xmlNode* n, std::initializer_list<std::string_view> names) {
  for (const xmlNode* p = n->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent)
    for (auto name : names)
      if (name_of(p) == name) return true;
  return false;
}

std::string first_token(const std::string& s) {
  std::size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  std::size_t e = s.find_first_of(" \t\r\n", b);
  return s.substr(b, e == std::string::npos ? std::string::npos : e - b);
}

// Ids of every element; footnotes of fn-groups outside the front matter and table feet;
// which of them an xref outside the front matter cites.
void index(Reading& r, const xmlNode* root) {
  std::vector<const xmlNode*> xrefs;
  std::vector<const xmlNode*> stack{root};
  while (!stack.empty()) {
    const xmlNode* n = stack.back();
    stack.pop_back();
    if (!is_el(n)) continue;
    std::string id = attr(n, "id");
    if (!id.empty()) r.by_id.emplace(id, n);
    std::string_view name = name_of(n);
    if (name == "fn" && n->parent && is_el(n->parent, "fn-group") && !id.empty() &&
        !below(n, {"author-notes", "table-wrap-foot", "front", "front-stub"}))
      r.fns.emplace(Reading::FnKey{scope_of(n), id}, n);
    // An xref in a table cell stays a link to the note (kept in its fn-group): writers
    // lay tables out cell by cell, and notes inside cells get lost there (plain text).
    if (name == "xref" && !below(n, {"front", "front-stub", "td", "th"})) xrefs.push_back(n);
    for (const xmlNode* c = n->last; c; c = c->prev)
      if (c->type == XML_ELEMENT_NODE) stack.push_back(c);
  }
  for (const xmlNode* x : xrefs) {
    Reading::FnKey key{scope_of(x), first_token(attr(x, "rid"))};
    if (r.fns.count(key)) r.fns_cited.insert(key);
  }
}

// A lead image the JATS writer put first in the body (fig-type="lead-image") is meta image.
const xmlNode* lead_image(const xmlNode* body, Meta& meta) {
  const xmlNode* c = body ? body->children : nullptr;
  while (c && !is_el(c)) c = c->next;
  if (!is_el(c, "fig") || attr(c, "fig-type") != "lead-image" || meta.count("image")) return nullptr;
  const xmlNode* g = first(c, "graphic");
  std::string href = xlink_href(g);
  if (href.empty()) return nullptr;
  meta["image"] = MetaString{href};
  return c;
}

void read_article_parts(Reading& r, const xmlNode* art, int level, Blocks& out);

void read_sub_article(Reading& r, const xmlNode* sa, int level, Blocks& out) {
  Deeper d(r);
  Div div{Attr{attr(sa, "id"), {std::string(name_of(sa))}, {}}, {}};
  std::string type = attr(sa, "article-type"), lang = xml_lang(sa);
  if (!type.empty()) div.attr.classes.push_back(type);
  if (!lang.empty()) div.attr.attributes.emplace_back("lang", lang);
  const xmlNode* stub = first(sa, "front-stub");
  if (!stub)
    if (const xmlNode* f = first(sa, "front")) stub = first(f, "article-meta");
  if (!stub) stub = first(sa, "book-part-meta");  // BITS
  read_front_stub(r, stub, level, div.content, {});
  read_article_parts(r, sa, level + 1, div.content);
  out.emplace_back(std::move(div));
}

// body, back, floats-group and sub-articles of an article (or sub-article), their
// top sections at `level`.
void read_article_parts(Reading& r, const xmlNode* art, int level, Blocks& out) {
  int saved = r.section_base;
  r.section_base = level - 1;
  for (const xmlNode* c = art->children; c; c = c->next) {
    if (!is_el(c)) continue;
    std::string_view name = name_of(c);
    if (name == "front" || name == "front-stub" || name == "book-part-meta" || name == "processing-meta") continue;
    if (name == "body" || name == "book-body" || name == "floats-group" || name == "book-part-body") {
      for (const xmlNode* b = c->children; b; b = b->next) {
        if (is_el(b, "book-part")) read_sub_article(r, b, level, out);
        else if (is_el(b)) read_block(r, b, out);
        else {
          Blocks tmp;
          Inlines xs;
          read_inline(r, b, xs);
          tidy(xs);
          if (!xs.empty()) out.emplace_back(Para{std::move(xs)});
        }
      }
    } else if (name == "back" || name == "book-back") {
      read_back(r, c, level, out);
    } else if (name == "sub-article" || name == "response" || name == "book-part") {
      read_sub_article(r, c, level, out);
    } else {
      r.unmapped_element(c);
      read_block(r, c, out);
    }
  }
  r.section_base = saved;
}

}  // namespace
}  // namespace in

namespace {

class JatsReader final : public Reader {
 public:
  Document read(std::string_view input, const ReaderOptions& options, Diagnostics& diag) const override {
    in::XmlDoc xml = in::parse(input, options, diag);
    const xmlNode* root = xmlDocGetRootElement(xml.get());
    std::string_view name = in::name_of(root);
    if (name != "article" && name != "book-part" && name != "sub-article" && name != "book" &&
        name != "book-part-wrapper")
      throw InputError("galley.jats.not-jats",
                       "the root element <" + std::string(name) + "> is not a JATS article (or BITS book part)");
    in::Reading r{options, diag};
    in::index(r, root);
    Document doc;
    Blocks lead;
    const xmlNode* front = in::first(root, "front");
    if (!front) front = in::first(root, "book-part-meta");
    if (!front) front = in::first(root, "book-meta");
    if (!front) front = in::first(root, "front-stub");
    r.in_meta = true;
    in::read_front(r, root, front, doc.meta, lead);
    r.in_meta = false;
    doc.blocks = std::move(lead);
    const xmlNode* body = in::first(root, "body");
    const xmlNode* skip = in::lead_image(body, doc.meta);
    Blocks rest;
    if (skip) {
      // Read the body without the lead image's figure (it is meta image now).
      xmlNode* fig = const_cast<xmlNode*>(skip);
      xmlUnlinkNode(fig);
      in::read_article_parts(r, root, 2, rest);
      xmlFreeNode(fig);
    } else {
      in::read_article_parts(r, root, 2, rest);
    }
    doc.blocks.insert(doc.blocks.end(), std::make_move_iterator(rest.begin()), std::make_move_iterator(rest.end()));
    if (r.unsafe_urls)
      diag.warn("unsafe-content", "jats: " + std::to_string(r.unsafe_urls) +
                                      " link or image address(es) that could run script were dropped (their text kept)");
    if (!r.unmapped.empty()) {
      std::string list;
      for (auto& [el, n] : r.unmapped) list += (list.empty() ? "<" : ", <") + el + "> x" + std::to_string(n);
      diag.warn("unmapped-element", "jats: elements read without a mapping of their own (their text is kept): " + list);
    }
    return doc;
  }
};

}  // namespace

std::unique_ptr<Reader> make_reader() { return std::make_unique<JatsReader>(); }

void init() { xmlInitParser(); }

}  // namespace galley::jats
