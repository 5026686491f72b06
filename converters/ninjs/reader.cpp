// The ninjs reader: a ninjs object (1.x, 2.x or 3.x; the generations differ in
// names, not meaning) or an array of them into a Document. The item's fields go
// through syndication::Item into docs/METADATA.md's keys (apply_item); the body
// is the item's marked-up body (an HTML/XHTML media type, or a 1.x body_html /
// body_xhtml / body_richtext) read as HTML, else its text body as paragraphs.
// An array gives the first item's metadata and every item's body, each later
// one under a rule and its headline.
#include <nlohmann/json.hpp>

#include "galley/builder.hpp"
#include "galley/error.hpp"
#include "galley/text.hpp"
#include "ninjs/ninjs.hpp"
#include "ninjs/schemes.hpp"
#include "syndication/html_in.hpp"
#include "syndication/item.hpp"

namespace galley::ninjs {

namespace {

using json = nlohmann::json;
using syndication::Item;

// A member by any of its generations' names.
const json* field(const json& j, std::initializer_list<const char*> names) {
  for (auto* n : names) {
    auto it = j.find(n);
    if (it != j.end() && !it->is_null()) return &*it;
  }
  return nullptr;
}

std::string str(const json& j, std::initializer_list<const char*> names) {
  const json* v = field(j, names);
  if (!v) return {};
  if (v->is_string()) return std::string(trim(v->get<std::string>()));
  if (v->is_number_integer()) return std::to_string(v->get<long long>());
  return {};
}

std::string member(const json& j, const char* name) {
  if (!j.is_object()) return {};
  auto it = j.find(name);
  return it != j.end() && it->is_string() ? std::string(trim(it->get<std::string>())) : std::string();
}

// The value of the array entry with the first of `roles` found, else of the first entry.
std::string by_role(const json* arr, std::initializer_list<const char*> roles, bool first_fallback = true) {
  if (!arr || !arr->is_array() || arr->empty()) return {};
  for (auto* r : roles)
    for (auto& e : *arr)
      if (member(e, "role") == r) return member(e, "value");
  if (!first_fallback) return {};
  for (auto& e : *arr)
    if (member(e, "role").empty()) return member(e, "value");
  return member((*arr)[0], "value");
}

bool markup_type(const std::string& t) {
  std::string l = ascii_lower(t);
  return l.find("html") != std::string::npos || l.find("xml") != std::string::npos;
}

struct Body {
  std::string value;
  bool markup = false;
};

Body pick_body(const json& j) {
  if (const json* bodies = field(j, {"bodies"}); bodies && bodies->is_array()) {
    const json* text = nullptr;
    for (auto& b : *bodies) {
      if (!b.is_object()) continue;
      std::string type = member(b, "contentType");
      if (type.empty()) type = member(b, "contenttype");
      if (markup_type(type)) return {member(b, "value"), true};
      if (!text && (member(b, "role") == "main" || member(b, "role").empty())) text = &b;
    }
    if (!text)
      for (auto& b : *bodies)
        if (b.is_object()) { text = &b; break; }
    if (text) {
      std::string v = member(*text, "value");
      std::string type = ascii_lower(member(*text, "contentType") + member(*text, "contenttype"));
      return {v, type.empty() && v.find('<') != std::string::npos && v.find('>') != std::string::npos};
    }
    return {};
  }
  // 1.x: body_<format-or-purpose> members.
  std::string text;
  for (auto& [k, v] : j.items()) {
    if (k.rfind("body_", 0) != 0 || !v.is_string()) continue;
    std::string kind = k.substr(5);
    if (kind.find("html") != std::string::npos || kind.find("xml") != std::string::npos || kind == "richtext")
      return {v.get<std::string>(), true};
    if (text.empty()) text = v.get<std::string>();
  }
  return {text, false};
}

Item item_of(const json& j, Diagnostics& diag) {
  Item it;
  it.id = str(j, {"uri"});
  if (std::string v = str(j, {"version"}); !v.empty()) {
    try {
      int n = std::stoi(v);
      if (n >= 1) it.version = n;
    } catch (const std::exception&) {
      diag.warn("unmapped-metadata", "ninjs version \"" + v + "\" is no number");
    }
  }
  it.pub_status = str(j, {"pubStatus", "pubstatus"});
  if (it.pub_status.empty()) it.pub_status = "usable";
  it.language = str(j, {"language"});
  it.copyright = str(j, {"copyrightNotice", "copyrightnotice"});
  it.slugline = str(j, {"slugline"});
  it.license = str(j, {"usageTerms", "usageterms"});
  it.located = str(j, {"located"});
  it.dateline = it.located;
  it.first_created = str(j, {"firstCreated", "firstcreated"});
  it.version_created = str(j, {"versionCreated", "versioncreated"});
  if (it.first_created.empty()) it.first_created = it.version_created;

  const json* heads = field(j, {"headlines"});
  it.headline = heads ? by_role(heads, {"main"}) : str(j, {"headline", "headline_main"});
  it.subheadline = heads ? by_role(heads, {"sub", "subheadline", "subtitle"}, false) : str(j, {"headline_sub"});
  if (it.headline.empty()) it.headline = str(j, {"title"});
  const json* descs = field(j, {"descriptions"});
  it.description = descs ? by_role(descs, {"summary", "abstract", "lede", "main"}) : str(j, {"description_text", "description_summary", "description_usage"});

  // Authors: people with an author-like relationship keep their URIs; else the byline as written.
  if (const json* people = field(j, {"people", "person"}); people && people->is_array()) {
    for (auto& p : *people) {
      std::string rel = ascii_lower(member(p, "rel"));
      if (rel != "author" && rel != "creator" && rel != "by" && rel != "writer") continue;
      syndication::Person person{member(p, "name"), "", "", member(p, "uri")};
      if (person.uri.empty()) person.uri = member(p, "code");
      if (!person.name.empty()) it.bylines.push_back(std::move(person));
    }
  }
  if (it.bylines.empty())
    if (std::string by = str(j, {"by", "byline"}); !by.empty()) it.bylines.push_back({by, "", "", ""});

  if (const json* subjects = field(j, {"subjects", "subject"}); subjects && subjects->is_array()) {
    for (auto& s : *subjects) {
      if (!s.is_object()) continue;
      std::string name = member(s, "name");
      if (member(s, "rel") == "keyword") {
        if (!name.empty()) it.keywords.push_back(name);
        continue;
      }
      syndication::Subject sub{"", name, ""};
      if (std::string uri = member(s, "uri"); !uri.empty()) {
        split_scheme_uri(uri, sub.scheme, sub.code);
      } else if (std::string code = member(s, "code"); !code.empty()) {  // 1.x: scheme URI + code
        sub.code = code;
        std::string scheme = member(s, "scheme");
        std::string sc, c;
        split_scheme_uri(scheme + "x", sc, c);  // the alias of an IPTC scheme URI
        sub.scheme = sc.empty() ? scheme : sc;
      } else if (std::string lit = member(s, "literal"); !lit.empty()) {
        auto colon = lit.find(':');
        if (colon != std::string::npos && colon > 0) {
          sub.scheme = lit.substr(0, colon);
          sub.code = lit.substr(colon + 1);
        } else {
          sub.code = lit;
        }
      }
      if (!sub.name.empty() || !sub.code.empty()) it.subjects.push_back(std::move(sub));
    }
  }
  if (const json* sources = field(j, {"infoSources", "infosources", "infosource"}); sources && sources->is_array()) {
    for (auto& s : *sources) {
      std::string role = ascii_lower(member(s, "role") + member(s, "rel")), name = member(s, "name");
      if (name.empty()) continue;
      if (role.find("publisher") != std::string::npos && it.publisher.empty()) it.publisher = name;
      else if (role.find("credit") != std::string::npos && it.creditline.empty()) it.creditline = name;
    }
  }
  if (const json* alt = field(j, {"altIds", "altids"})) {
    if (alt->is_array()) {
      for (auto& a : *alt)
        if (member(a, "role") == "source-url") it.source_url = member(a, "value");
    } else if (alt->is_object()) {
      it.source_url = member(*alt, "source-url");
    }
  }

  // Pictures: associations of type picture (or with an image rendition).
  if (const json* assoc = field(j, {"associations"})) {
    auto add = [&](const json& a) {
      if (!a.is_object()) return;
      std::string type = member(a, "type");
      if (!type.empty() && type != "picture" && type != "graphic") return;
      syndication::Image img;
      const json* rend = field(a, {"renditions"});
      auto take = [&](const json& r) {
        if (!img.url.empty() || !r.is_object()) return;
        img.url = member(r, "href");
        img.mime = member(r, "contentType") + member(r, "contenttype") + member(r, "mimetype");
        if (r.contains("width") && r["width"].is_number_integer()) img.width = r["width"].get<int>();
        if (r.contains("height") && r["height"].is_number_integer()) img.height = r["height"].get<int>();
      };
      if (rend && rend->is_array()) for (auto& r : *rend) take(r);
      else if (rend && rend->is_object()) for (auto& [k, r] : rend->items()) take(r);
      if (img.url.empty()) return;
      const json* d = field(a, {"descriptions"});
      img.caption = d ? by_role(d, {"caption"}) : str(a, {"description_text", "description_caption"});
      const json* h = field(a, {"headlines"});
      img.alt = h ? by_role(h, {"main"}) : str(a, {"headline"});
      it.images.push_back(std::move(img));
    };
    if (assoc->is_array()) for (auto& a : *assoc) add(a);
    else if (assoc->is_object()) for (auto& [k, a] : assoc->items()) add(a);
  }
  return it;
}

Blocks body_of(const json& j, const ReaderOptions& options, Diagnostics& diag) {
  Body b = pick_body(j);
  if (b.value.empty()) return {};
  std::string value = repair_utf8(b.value, diag, "ninjs body");
  return b.markup ? syndication::blocks_from_html(value, diag, options.limits.max_nesting)
                  : syndication::blocks_from_text(value);
}

class NinjsReader : public Reader {
 public:
  Document read(std::string_view input, const ReaderOptions& options, Diagnostics& diag) const override {
    json root;
    try {
      root = json::parse(input.begin(), input.end());
    } catch (const json::parse_error& e) {
      throw InputError("galley.ninjs.parse", std::string("not JSON: ") + e.what());
    }
    std::vector<const json*> items;
    if (root.is_object()) items.push_back(&root);
    else if (root.is_array())
      for (auto& x : root)
        if (x.is_object()) items.push_back(&x);
    if (items.empty()) throw InputError("galley.ninjs.not-item", "no ninjs object (a JSON object with a uri, or an array of them)");
    Document doc;
    for (std::size_t i = 0; i < items.size(); ++i) {
      const json& j = *items[i];
      if (!j.contains("uri")) diag.warn("unmapped-metadata", "ninjs object " + std::to_string(i + 1) + " has no uri");
      Item it = item_of(j, diag);
      Blocks body = body_of(j, options, diag);
      if (i == 0) {
        syndication::apply_item(it, doc);
      } else {
        // Later items of an array: their headline and body after a rule.
        doc.blocks.push_back(HorizontalRule{});
        if (!it.headline.empty()) doc.blocks.push_back(Header{2, Attr{}, text(it.headline)});
        diag.info("joined-items", "ninjs array: item " + std::to_string(i + 1) + " appended to the document");
      }
      for (auto& blk : body) doc.blocks.push_back(std::move(blk));
    }
    return doc;
  }
};

}  // namespace

std::unique_ptr<Reader> make_reader() { return std::make_unique<NinjsReader>(); }

}  // namespace galley::ninjs
