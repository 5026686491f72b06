// The ninjs writer: IPTC ninjs 3.1 (default), 2.2 (+v2) or 1.6 (+v1), one JSON
// object per article; several articles: a JSON array of them, newest first.
// The three generations name the same fields differently (1.x: headline,
// body_html, description_text, byline, subject; 2.x: headlines, bodies,
// descriptions, by, subjects, lower-case keys; 3.x: the 2.x arrays with
// camelCase keys), so one table of names drives one mapping.
#include <nlohmann/json.hpp>

#include "galley/error.hpp"
#include "ninjs/ninjs.hpp"
#include "ninjs/schemes.hpp"
#include "syndication/item.hpp"

namespace galley::ninjs {

namespace {

using ordered_json = nlohmann::ordered_json;
using syndication::Item;

struct Names {
  const char* version;  // "3.1"
  const char* schema;   // the schema's $id
  const char* first_created;
  const char* version_created;
  const char* pub_status;
  const char* copyright;
  const char* content_type;
  const char* char_count;
  const char* word_count;
  const char* info_sources;
  const char* alt_ids;
};

const Names kV3{"3.1", "https://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#", "firstCreated", "versionCreated",
                "pubStatus", "copyrightNotice", "contentType", "charCount", "wordCount", "infoSources", "altIds"};
const Names kV2{"2.2", "https://www.iptc.org/std/ninjs/ninjs-schema_2.2.json#", "firstcreated", "versioncreated",
                "pubstatus", "copyrightnotice", "contenttype", "charcount", "wordcount", "infosources", "altids"};
const Names kV1{"1.6", "https://www.iptc.org/std/ninjs/ninjs-schema_1.6.json#", "firstcreated", "versioncreated",
                "pubstatus", "copyrightnotice", "mimetype", "charcount", "wordcount", "infosource", "altids"};

std::string join_names(const std::vector<syndication::Person>& people) {
  std::string by;
  for (std::size_t i = 0; i < people.size(); ++i) {
    if (i) by += i + 1 == people.size() ? " and " : ", ";
    by += people[i].name;
  }
  return by;
}

// Characters, not bytes (UTF-8 continuation bytes are not counted).
std::size_t char_count(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// A subject as ninjs holds it: name, and its code as a URI (IPTC schemes) or a literal.
ordered_json subject_json(const syndication::Subject& s, int generation) {
  ordered_json j = ordered_json::object();
  if (!s.name.empty()) j["name"] = s.name;
  if (!s.code.empty()) {
    std::string uri = scheme_uri(s.scheme, s.code);
    if (generation == 1) {
      std::string scheme = scheme_uri(s.scheme, "");
      if (!scheme.empty()) j["scheme"] = scheme;
      j["code"] = scheme.empty() && !s.scheme.empty() ? s.scheme + ":" + s.code : s.code;
    } else if (!uri.empty()) {
      j["uri"] = uri;
    } else {
      j["literal"] = s.scheme.empty() ? s.code : s.scheme + ":" + s.code;
    }
  }
  return j;
}

ordered_json item_json(const Document& doc, const Item& it, const Names& n, const WriterOptions& options, Diagnostics& diag) {
  int generation = n.version[0] - '0';
  ordered_json j = ordered_json::object();
  j["uri"] = syndication::id_uri(it);
  if (generation == 1) j["$standard"] = {{"name", "ninjs"}, {"version", n.version}, {"schema", n.schema}};
  else j["standard"] = {{"name", "ninjs"}, {"version", n.version}, {"schema", n.schema}};
  j["type"] = "text";
  j["version"] = std::to_string(it.version);
  j[n.first_created] = syndication::created_or_fallback(it, options);
  j[n.version_created] = syndication::updated_or_fallback(it, options);
  j[n.pub_status] = it.pub_status;
  if (!it.language.empty()) j["language"] = it.language;
  if (!it.copyright.empty()) j[n.copyright] = it.copyright;
  if (!it.license.empty()) j[generation == 3 ? "usageTerms" : "usageterms"] = it.license;
  if (!it.slugline.empty()) j["slugline"] = it.slugline;
  if (!it.located.empty()) j["located"] = it.located;
  if (!it.bylines.empty()) j[generation == 1 ? "byline" : "by"] = join_names(it.bylines);

  std::string html = syndication::body_xhtml(doc, options, diag);
  std::string text = syndication::body_text(doc);
  if (generation == 1) {
    j["headline"] = it.headline;
    if (!it.subheadline.empty()) j["headline_sub"] = it.subheadline;
    if (!it.description.empty()) j["description_text"] = it.description;
    j["body_html"] = html;
    j["wordcount"] = syndication::word_count(text);
    j["charcount"] = char_count(text);
  } else {
    ordered_json heads = ordered_json::array();
    heads.push_back({{"role", "main"}, {"value", it.headline}});
    if (!it.subheadline.empty()) heads.push_back({{"role", "sub"}, {"value", it.subheadline}});
    j["headlines"] = heads;
    if (!it.description.empty())
      j["descriptions"] = ordered_json::array({{{"role", "summary"}, {n.content_type, "text/plain"}, {"value", it.description}}});
    j["bodies"] = ordered_json::array({{{"role", "main"}, {n.content_type, "application/xhtml+xml"},
                                {n.word_count, syndication::word_count(text)}, {n.char_count, char_count(text)},
                                {"value", html}}});
  }

  // People: the bylines (rel "author"), which keep their e-mail and URI.
  ordered_json people = ordered_json::array();
  for (auto& p : it.bylines) {
    ordered_json pj = {{"name", p.name}, {"rel", "author"}};
    if (syndication::is_http_url(p.uri)) pj[generation == 1 ? "code" : "uri"] = p.uri;
    people.push_back(pj);
  }
  if (!people.empty()) j[generation == 1 ? "person" : "people"] = people;

  ordered_json subjects = ordered_json::array();
  for (auto& s : it.subjects) subjects.push_back(subject_json(s, generation));
  // Keywords are free-text subjects with the relationship "keyword" (ninjs has
  // no keyword field; the reader maps them back).
  for (auto& k : it.keywords) subjects.push_back({{"name", k}, {"rel", "keyword"}});
  if (!subjects.empty()) j[generation == 1 ? "subject" : "subjects"] = subjects;

  ordered_json sources = ordered_json::array();
  const char* role = generation == 1 ? "rel" : "role";  // 1.x names the relationship "rel"
  if (!it.publisher.empty()) sources.push_back({{"name", it.publisher}, {role, "publisher"}});
  if (!it.creditline.empty() && it.creditline != it.publisher) sources.push_back({{"name", it.creditline}, {role, "credit"}});
  if (!sources.empty()) j[n.info_sources] = sources;

  if (!it.source_url.empty() && it.source_url != it.id) {
    if (generation == 1) j["altids"] = {{"source-url", it.source_url}};
    else j[n.alt_ids] = ordered_json::array({{{"role", "source-url"}, {"value", it.source_url}}});
  }

  // Pictures as associated picture objects, each with its one rendition.
  ordered_json assoc = generation == 1 ? ordered_json::object() : ordered_json::array();
  int k = 0;
  for (auto& img : it.images) {
    if (!syndication::is_http_url(img.url)) {
      diag.warn("lost-content", "image \"" + img.url + "\" is no http(s) URL; ninjs renditions need one");
      continue;
    }
    std::string name = "image" + std::to_string(++k);
    ordered_json pic = {{"uri", img.url}, {"type", "picture"}};
    if (!img.caption.empty() || !img.alt.empty()) {
      std::string caption = img.caption.empty() ? img.alt : img.caption;
      if (generation == 1) pic["description_text"] = caption;
      else pic["descriptions"] = ordered_json::array({{{"role", "caption"}, {"value", caption}}});
    }
    ordered_json r = ordered_json::object();
    if (generation != 1) r["name"] = "original";
    r["href"] = img.url;
    if (!img.mime.empty()) r[n.content_type] = img.mime;
    if (img.width > 0) r["width"] = img.width;
    if (img.height > 0) r["height"] = img.height;
    if (generation == 1) {
      pic["renditions"] = {{"original", r}};
      assoc[name] = pic;
    } else {
      ordered_json named = {{"name", name}};
      if (generation == 3) named["rel"] = "image";
      named.update(pic);
      named["renditions"] = ordered_json::array({r});
      assoc.push_back(named);
    }
  }
  if (!assoc.empty()) j["associations"] = assoc;
  if (!it.dateline.empty() && it.dateline != it.located)
    syndication::warn_unmapped(diag, "ninjs", "dateline (beside located)", it.dateline);
  return j;
}

const Names& names_for(const WriterOptions& options) {
  bool v1 = options.extensions.enabled("v1", false), v2 = options.extensions.enabled("v2", false);
  if (v1 && v2) throw UsageError("galley.ninjs.version", "ninjs: +v1 and +v2 name two versions; choose one");
  return v1 ? kV1 : v2 ? kV2 : kV3;
}

std::string dump(const ordered_json& j) {
  return j.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

class NinjsWriter : public Writer {
 public:
  std::string write(const Document& doc, const WriterOptions& options, Diagnostics& diag) const override {
    const Names& n = names_for(options);
    return dump(item_json(doc, syndication::item_from(doc, options, diag), n, options, diag));
  }
  std::string write_many(const std::vector<const Document*>& given, const WriterOptions& options,
                         Diagnostics& diag) const override {
    const Names& n = names_for(options);
    std::vector<const Document*> docs = given;
    syndication::sort_newest_first(docs);
    ordered_json arr = ordered_json::array();
    for (auto* d : docs) arr.push_back(item_json(*d, syndication::item_from(*d, options, diag), n, options, diag));
    return dump(arr);
  }
};

}  // namespace

std::vector<ExtensionInfo> writer_extensions() {
  return {{"v1", false, "ninjs 1.6 (the 1.x generation: headline, body_html, subject)"},
          {"v2", false, "ninjs 2.2 (the 2.x generation: headlines, bodies, lower-case names)"}};
}

std::unique_ptr<Writer> make_writer() { return std::make_unique<NinjsWriter>(); }

}  // namespace galley::ninjs
