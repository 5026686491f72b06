// The item model (item.hpp): metadata -> Item for the writers, Item -> metadata
// for the readers, and the feed-level defaults.
#include "syndication/item.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>

#include "galley/builder.hpp"
#include "galley/meta.hpp"
#include "galley/text.hpp"
#include "galley/time.hpp"
#include "galley/whitespace.hpp"
#include "galley/walk.hpp"

namespace galley::syndication {

namespace {

std::string text_of(const Meta& meta, const std::string& key) {
  auto t = meta_text(meta, key);
  return t ? std::string(trim(*t)) : std::string();
}

// Runs of white space (new lines from MetaBlocks included) as one space: feed
// fields are one-line text.
std::string one_line(std::string_view s) { return collapse_whitespace(s); }

// An article date as UTC "CCYY-MM-DDThh:mm:ssZ"; "" when absent or no date.
std::string utc_of(const Meta& meta, const std::string& key) {
  std::string v = text_of(meta, key);
  if (v.empty()) return {};
  auto epoch = iso_to_epoch(v);
  return epoch ? epoch_to_iso(*epoch) : std::string();
}

std::string hex64(unsigned long long v, int digits) {
  static const char* hex = "0123456789abcdef";
  std::string out(static_cast<std::size_t>(digits), '0');
  for (int i = digits - 1; i >= 0; --i, v >>= 4) out[static_cast<std::size_t>(i)] = hex[v & 15];
  return out;
}

// A UUID (RFC 9562 version 8: application-defined bits) from two FNV-1a hashes of
// `key`: the same key gives the same id on every run and machine.
std::string derived_uuid(const std::string& key) {
  unsigned long long a = fnv1a64(key), b = fnv1a64(key, 0x84222325cbf29ce4ULL);
  std::string h = hex64(a, 16) + hex64(b, 16);
  h[12] = '8';                                       // version 8
  h[16] = "89ab"[std::stoi(h.substr(16, 1), nullptr, 16) & 3];  // RFC variant
  return "urn:uuid:" + h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" +
         h.substr(20, 12);
}

// The headline stand-in: the body's first words (up to ~80 bytes, at a word end).
std::string first_words(const Document& doc) {
  std::string text = one_line(body_text(doc));
  if (text.size() <= 80) return text;
  std::size_t cut = text.rfind(' ', 80);
  if (cut == std::string::npos || cut < 20) {
    cut = 80;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
  }
  return text.substr(0, cut) + "\u2026";
}

std::optional<int> positive_int(const std::string& s) {
  if (s.empty() || s.size() > 9) return std::nullopt;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  if (v < 1) return std::nullopt;
  return v;
}

std::string mime_of(const std::string& url) {
  std::string path = url.substr(0, url.find_first_of("?#"));
  auto dot = path.rfind('.');
  if (dot == std::string::npos) return {};
  std::string ext = ascii_lower(path.substr(dot + 1));
  if (ext == "jpg" || ext == "jpeg") return "image/jpeg";
  if (ext == "png") return "image/png";
  if (ext == "gif") return "image/gif";
  if (ext == "webp") return "image/webp";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "avif") return "image/avif";
  return {};
}

long long sort_key(const Document& d) {
  for (const char* key : {"date-modified", "date"}) {
    auto t = meta_text(d.meta, key);
    if (!t) continue;
    if (auto e = iso_to_epoch(std::string(trim(*t)))) return *e;
  }
  return -(1LL << 62);  // undated: after every dated article
}

MetaValue inlines_value(const std::string& s) { return MetaInlines{text(s)}; }

}  // namespace

void warn_unmapped(Diagnostics& diag, const std::string& format, const std::string& key, const std::string& value) {
  std::string v = value.size() > 80 ? value.substr(0, 77) + "..." : value;
  diag.warn("unmapped-metadata", format + " has no place for " + key + " (\"" + v + "\"); it is not in the output");
}

unsigned long long fnv1a64(const std::string& s, unsigned long long seed) {
  unsigned long long h = seed;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

std::string body_text(const Document& doc) { return stringify(doc.blocks); }

std::size_t word_count(const std::string& text) { return count_words(text); }

Item item_from(const Document& doc, const WriterOptions& options, Diagnostics& diag) {
  (void)options;
  const Meta& m = doc.meta;
  Item it;
  it.headline = one_line(text_of(m, "title"));
  if (it.headline.empty()) {
    it.headline = first_words(doc);
    if (it.headline.empty()) it.headline = "Untitled";
    diag.warn("placeholder", "the article has no title: the headline is \"" + it.headline + "\"");
  }
  it.subheadline = one_line(text_of(m, "subtitle"));
  it.slugline = one_line(text_of(m, "slugline"));
  it.kicker = one_line(text_of(m, "subject"));
  it.description = one_line(text_of(m, "abstract"));
  it.creditline = one_line(text_of(m, "credit"));
  it.copyright = one_line(text_of(m, "rights"));
  it.language = text_of(m, "lang");
  it.publisher = one_line(text_of(m, "publisher"));
  std::string site = one_line(text_of(m, "site-name"));
  if (it.publisher.empty()) it.publisher = site;
  else if (!site.empty() && site != it.publisher)
    diag.warn("unmapped-metadata", "site-name \"" + site + "\" is not carried: the item's publisher is \"" +
                                       it.publisher + "\"");
  it.source_url = text_of(m, "source-url");
  it.license = text_of(m, "license");
  it.located = one_line(text_of(m, "dateline"));
  it.dateline = it.located;

  for (auto& p : meta_authors(m)) {
    Person person{one_line(p.name_text), "", p.email, ""};
    if (!p.affiliation.empty())
      diag.warn("unmapped-metadata", "the affiliation of " + person.name + " (\"" + p.affiliation + "\") is not carried");
    if (!p.orcid.empty()) person.uri = p.orcid.find("://") == std::string::npos ? "https://orcid.org/" + p.orcid : p.orcid;
    it.bylines.push_back(std::move(person));
  }

  // Coded subjects (a reader's "subjects": maps with code, name, scheme), else the
  // section as a free-text subject.
  if (auto v = meta_get(m, "subjects"); v && v->is<MetaList>()) {
    for (auto& s : v->as<MetaList>()->items) {
      Subject sub;
      if (auto mm = s.as<MetaMap>()) {
        auto field = [&](const char* k) {
          auto e = mm->entries.find(k);
          return e == mm->entries.end() ? std::string() : one_line(stringify(e->second));
        };
        sub = {field("code"), field("name"), field("scheme")};
      } else {
        sub.name = one_line(stringify(s));
      }
      if (!sub.name.empty() || !sub.code.empty()) it.subjects.push_back(std::move(sub));
    }
  }
  if (it.subjects.empty() && !it.kicker.empty()) it.subjects.push_back({"", it.kicker, ""});
  for (auto& k : meta_text_list(m, "keywords")) it.keywords.push_back(one_line(k));

  it.first_created = utc_of(m, "date");
  it.version_created = utc_of(m, "date-modified");
  if (it.first_created.empty() && !text_of(m, "date").empty())
    diag.warn("unmapped-metadata", "the date \"" + text_of(m, "date") + "\" is no ISO 8601 date; the item has no date");
  if (it.version_created.empty()) it.version_created = it.first_created;
  if (it.first_created.empty()) it.first_created = it.version_created;
  if (it.first_created.empty())
    diag.warn("placeholder", "\"" + it.headline + "\" has no date: its item times are " + fallback_time(options) +
                                 " (SOURCE_DATE_EPOCH, else 1980-01-01)");

  if (std::string v = text_of(m, "version"); !v.empty()) {
    if (auto n = positive_int(v)) it.version = *n;
    else diag.warn("unmapped-metadata", "version \"" + v + "\" is no positive whole number; version 1 is used");
  }
  if (std::string s = ascii_lower(text_of(m, "pub-status")); !s.empty()) {
    if (s == "usable" || s == "withheld" || s == "canceled") it.pub_status = s;
    else if (s == "cancelled") it.pub_status = "canceled";
    else diag.warn("unmapped-metadata", "pub-status \"" + s + "\" is none of usable, withheld, canceled; usable is used");
  }

  if (std::string id = text_of(m, "identifier"); !id.empty()) it.id = id;
  else if (!it.source_url.empty()) it.id = it.source_url;
  else it.id = derived_uuid(it.publisher + "\n" + it.first_created + "\n" + it.headline);

  if (std::string img = text_of(m, "image"); !img.empty()) it.images.push_back({img, "", "", mime_of(img), 0, 0});
  // Figures' images with their captions, then the other images of the body.
  query_blocks(doc.blocks, [&](const Block& b) {
    auto f = b.as<Figure>();
    if (!f) return;
    std::string caption = one_line(stringify(f->caption.long_caption));
    query_inlines(f->content, [&](const Inline& x) {
      if (auto im = x.as<galley::Image>()) {
        for (auto& have : it.images)
          if (have.url == im->target.url) return;
        it.images.push_back({im->target.url, caption, one_line(stringify(im->content)), mime_of(im->target.url), 0, 0});
      }
    });
  });
  query_inlines(doc.blocks, [&](const Inline& x) {
    auto im = x.as<galley::Image>();
    if (!im || im->target.url.empty()) return;
    for (auto& have : it.images)
      if (have.url == im->target.url) return;
    it.images.push_back({im->target.url, "", one_line(stringify(im->content)), mime_of(im->target.url), 0, 0});
  });
  return it;
}

Entries entries_newest_first(const std::vector<const Document*>& given, const WriterOptions& options,
                             Diagnostics& diag) {
  Entries e{given, {}};
  sort_newest_first(e.docs);
  e.items.reserve(e.docs.size());
  for (auto* d : e.docs) e.items.push_back(item_from(*d, options, diag));
  return e;
}

void sort_newest_first(std::vector<const Document*>& docs) {
  std::vector<std::pair<long long, const Document*>> keyed;
  keyed.reserve(docs.size());
  for (auto* d : docs) keyed.emplace_back(sort_key(*d), d);
  std::stable_sort(keyed.begin(), keyed.end(), [](auto& a, auto& b) { return a.first > b.first; });
  for (std::size_t i = 0; i < docs.size(); ++i) docs[i] = keyed[i].second;
}

void apply_item(const Item& item, Document& doc) {
  Meta& m = doc.meta;
  auto put = [&](const char* key, const std::string& v) {
    if (!v.empty()) m[key] = inlines_value(v);
  };
  put("title", item.headline);
  put("subtitle", item.subheadline);
  put("abstract", item.description);
  put("credit", item.creditline);
  put("dateline", item.located.empty() ? item.dateline : item.located);
  put("publisher", item.publisher);
  put("rights", item.copyright);
  if (!item.slugline.empty()) m["slugline"] = MetaString{item.slugline};
  if (!item.language.empty()) m["lang"] = MetaString{item.language};
  if (!item.id.empty()) m["identifier"] = MetaString{item.id};
  if (!item.source_url.empty()) m["source-url"] = MetaString{item.source_url};
  if (!item.license.empty()) m["license"] = MetaString{item.license};
  if (!item.first_created.empty()) m["date"] = MetaString{item.first_created};
  if (!item.version_created.empty() && item.version_created != item.first_created)
    m["date-modified"] = MetaString{item.version_created};
  if (item.version != 1) m["version"] = MetaString{std::to_string(item.version)};
  if (item.pub_status != "usable" && !item.pub_status.empty()) m["pub-status"] = MetaString{item.pub_status};
  if (!item.bylines.empty()) {
    MetaList authors;
    for (auto& p : item.bylines) {
      if (p.email.empty() && p.role.empty() && p.uri.empty()) {
        authors.items.push_back(inlines_value(p.name));
        continue;
      }
      MetaMap mm;
      mm.entries["name"] = inlines_value(p.name);
      if (!p.email.empty()) mm.entries["email"] = MetaString{p.email};
      if (!p.role.empty()) mm.entries["role"] = MetaString{p.role};
      if (!p.uri.empty()) mm.entries["uri"] = MetaString{p.uri};
      authors.items.push_back(MetaValue{std::move(mm)});
    }
    m["author"] = MetaValue{std::move(authors)};
  }
  std::string section = item.kicker;
  if (section.empty())
    for (auto& s : item.subjects)
      if (!s.name.empty()) { section = s.name; break; }
  put("subject", section);
  bool coded = false;
  for (auto& s : item.subjects) coded |= !s.code.empty() || !s.scheme.empty();
  if (coded) {
    MetaList list;
    for (auto& s : item.subjects) {
      MetaMap mm;
      if (!s.code.empty()) mm.entries["code"] = MetaString{s.code};
      if (!s.name.empty()) mm.entries["name"] = inlines_value(s.name);
      if (!s.scheme.empty()) mm.entries["scheme"] = MetaString{s.scheme};
      list.items.push_back(MetaValue{std::move(mm)});
    }
    m["subjects"] = MetaValue{std::move(list)};
  }
  if (!item.keywords.empty()) {
    MetaList list;
    for (auto& k : item.keywords) list.items.push_back(inlines_value(k));
    m["keywords"] = MetaValue{std::move(list)};
  }
  if (!item.images.empty() && !item.images[0].url.empty()) m["image"] = MetaString{item.images[0].url};
}

std::string fallback_time(const WriterOptions& options) {
  return epoch_to_iso(options.source_date_epoch.value_or(kFixedEpoch));
}
std::string created_or_fallback(const Item& item, const WriterOptions& options) {
  return item.first_created.empty() ? fallback_time(options) : item.first_created;
}
std::string updated_or_fallback(const Item& item, const WriterOptions& options) {
  return item.version_created.empty() ? created_or_fallback(item, options) : item.version_created;
}

bool is_http_url(const std::string& s) {
  std::string l = ascii_lower(s.substr(0, 8));
  bool ok = l.rfind("http://", 0) == 0 || l.rfind("https://", 0) == 0;
  if (!ok) return false;
  for (char c : s)
    if (static_cast<unsigned char>(c) <= 0x20 || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' ||
        c == '`' || c == '{' || c == '|' || c == '}')
      return false;
  return true;
}

std::string id_uri(const Item& item) { return id_uri(item.id); }

std::string id_uri(const std::string& id) {
  // A scheme: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":" (RFC 3986 3.1), and no
  // character a URI cannot hold.
  std::size_t colon = id.find(':');
  bool scheme = colon != std::string::npos && colon > 0 &&
                ((id[0] >= 'a' && id[0] <= 'z') || (id[0] >= 'A' && id[0] <= 'Z'));
  for (std::size_t i = 0; scheme && i < colon; ++i) {
    char c = id[i];
    scheme = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
  }
  bool clean = true;
  for (char c : id)
    clean &= !(static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) >= 0x7F || c == '"' ||
               c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' || c == '{' || c == '|' || c == '}');
  if (scheme && clean && colon + 1 < id.size()) return id;
  static const char* hex = "0123456789ABCDEF";
  std::string out = "urn:galley:";
  for (char c : id) {
    auto u = static_cast<unsigned char>(c);
    bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                      c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += c;
    } else {
      out += '%';
      out += hex[u >> 4];
      out += hex[u & 15];
    }
  }
  return out;
}

FeedInfo feed_info(const std::vector<Item>& items, const WriterOptions& options, Diagnostics& diag) {
  FeedInfo f;
  f.title = options.variable("feed-title");
  if (f.title.empty() && !items.empty()) {
    std::string shared = items[0].publisher;
    for (auto& it : items)
      if (it.publisher != shared) shared.clear();
    f.title = shared;
  }
  if (f.title.empty()) {
    f.title = "galley feed";
    diag.warn("placeholder", "the feed has no title (no -V feed-title, no publisher all items share): \"galley feed\"");
  }
  f.self_url = options.variable("feed-url");
  f.link = options.variable("feed-link");
  f.description = options.variable("feed-description");
  f.id = options.variable("feed-id");
  if (f.id.empty()) f.id = f.self_url;
  if (f.id.empty()) {
    std::string key = "feed";
    for (auto& it : items) key += "\n" + it.id;
    f.id = derived_uuid(key);
  }
  if (!items.empty()) {
    std::string lang = items[0].language;
    for (auto& it : items)
      if (it.language != lang) lang.clear();
    f.language = lang;
  }
  for (auto& it : items) {
    std::string u = it.version_created.empty() ? it.first_created : it.version_created;
    if (u > f.updated) f.updated = u;  // same format (UTC, fixed width): text order is time order
  }
  if (f.updated.empty()) f.updated = fallback_time(options);
  return f;
}

}  // namespace galley::syndication
