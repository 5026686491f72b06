// Web page metadata -> the METADATA.md keys.
//
// Priority order (first source that gives a non-empty value wins):
//   title          JSON-LD headline/name (the one closer to <title> when they differ),
//                  citation_title, dc:title / dcterm:title, og:title, meta name=title,
//                  twitter:title, parsely-title, then <title> with the site name cut off
//                  (" | Site", " - Site", " – Site", " » Site"; kept whole when what remains
//                  is too short), then the page's only <h1>.
//   subtitle       JSON-LD alternativeHeadline.
//   author         JSON-LD author/creator (Person or Organization names; arrays and
//                  @graph references), citation_author (all), meta author, dc:creator /
//                  dcterm:creator, article:author (names only, not profile URLs),
//                  parsely-author, sailthru.author, then the byline found in the body
//                  (rel=author, itemprop=author, class/id byline|author) when extracting.
//   date           JSON-LD datePublished (dateCreated), article:published_time,
//                  citation_publication_date / citation_date, dc:date / dcterm:date /
//                  dcterms:created, parsely-pub-date, date / pubdate / publish-date meta,
//                  og:published_time, <time pubdate> / <time itemprop=datePublished>.
//   date-modified  JSON-LD dateModified, article:modified_time, og:updated_time,
//                  dcterms:modified.
//   abstract       JSON-LD description, citation_abstract, dc:description /
//                  dcterm:description, og:description, meta description,
//                  twitter:description.
//   subject        article:section, JSON-LD articleSection, parsely-section.
//   keywords       JSON-LD keywords, meta keywords / news_keywords (comma-separated),
//                  article:tag (all), citation_keywords.
//   publisher      JSON-LD publisher.name, citation_publisher, dc:publisher, og:site_name.
//   site-name      og:site_name, JSON-LD WebSite / isPartOf name, citation_journal_title,
//                  application-name, JSON-LD publisher.name.
//   lang           <html lang> (xml:lang), meta content-language / http-equiv,
//                  dc:language, og:locale (en_US -> en-US), JSON-LD inLanguage,
//                  citation_language.
//   source-url     <link rel=canonical>, og:url, JSON-LD url / mainEntityOfPage,
//                  ReaderOptions::source_url.
//   identifier     citation_doi (as "doi:..."), dc:identifier, then source-url.
//   image          og:image, JSON-LD image, twitter:image.
//   rights         dc:rights / dcterms:rights, JSON-LD copyrightNotice, meta copyright.
//   license        <link rel=license> / <a rel=license> href, JSON-LD license.
// Base URL for relative links: <base href> (resolved against source_url), else
// ReaderOptions::source_url, else the canonical URL is NOT used (links stay relative).
#include <cstdlib>
#include <map>

#include "galley/builder.hpp"
#include "galley/text.hpp"
#include "html/internal.hpp"

namespace galley::html {
namespace {

using Values = std::map<std::string, std::vector<std::string>>;

std::string norm_key(std::string_view k) {
  std::string r;
  for (char c : k) {
    if (is_space(c)) continue;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    r += c;
  }
  // dc.title -> dc:title, twitter.title -> twitter:title (but keep sailthru.author).
  for (const char* p : {"dc.", "dcterm.", "dcterms.", "og.", "twitter.", "article.", "weibo."}) {
    std::string_view pv(p);
    if (r.compare(0, pv.size(), pv) == 0) r[pv.size() - 1] = ':';
  }
  if (r.compare(0, 8, "dcterms:") == 0) r = "dcterm:" + r.substr(8);
  return r;
}

// The last value of the first key present (a later <meta> overrides an earlier one).
const std::string* last(const Values& v, std::initializer_list<const char*> keys) {
  for (auto* k : keys) {
    auto it = v.find(k);
    if (it == v.end()) continue;
    for (auto s = it->second.rbegin(); s != it->second.rend(); ++s)
      if (!s->empty()) return &*s;
  }
  return nullptr;
}

const std::string* first(const Values& v, std::initializer_list<const char*> keys) {
  for (auto* k : keys) {
    auto it = v.find(k);
    if (it == v.end()) continue;
    for (auto& s : it->second)
      if (!s.empty()) return &s;
  }
  return nullptr;
}

bool looks_like_url(std::string_view s) { return s.find("://") != std::string_view::npos || s.substr(0, 4) == "www."; }

std::string iso_or_empty(std::string s) {
  s = clean_text(s);
  if (s.size() < 4) return {};
  for (int i = 0; i < 4; ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return {};
  if (s.size() > 4 && s[4] != '-') return {};
  return s;
}

void put_inlines(Meta& m, const char* key, const std::string& v) {
  if (!v.empty() && !m.count(key)) m[key] = MetaInlines{words(v)};
}
void put_string(Meta& m, const char* key, const std::string& v) {
  if (!v.empty() && !m.count(key)) m[key] = MetaString{v};
}

}  // namespace

PageMeta read_metadata(xmlDoc* doc, const ReaderOptions& options, Diagnostics& diag) {
  PageMeta pm;
  Values v;
  std::string title_el, html_lang, canonical, license, base_href, rel_author;
  std::vector<std::string> scripts;
  xmlNode* root = xmlDocGetRootElement(doc);
  xmlNode* body = html_body(doc);
  if (root) {
    html_lang = std::string(attr_or(root, "lang", attr_or(root, "xml:lang")));
  }
  // One walk over the document for meta/link/title/base/ld+json/time.
  std::string time_published;
  for (xmlNode* cur = root; cur;) {
    std::string_view t = name(cur);
    bool descend = true;
    if (t == "meta") {
      std::string_view content_v = attr_or(cur, "content");
      // Meta contents are sometimes escaped twice ("&amp;quot;"), and libxml2
      // leaves the HTML5 names it does not know: the references that remain are
      // decoded (as Readability does, and as a browser reads a value escaped once).
      std::string val = decode_char_refs(clean_text(content_v), RefContext::Attribute);
      for (const char* k : {"name", "property", "itemprop", "http-equiv"}) {
        auto key = attr(cur, k);
        if (!key) continue;
        // property may hold several space-separated names.
        std::string_view ks = *key;
        std::size_t p = 0;
        while (p < ks.size()) {
          while (p < ks.size() && is_space(ks[p])) ++p;
          std::size_t e = p;
          while (e < ks.size() && !is_space(ks[e])) ++e;
          if (e > p) v[norm_key(ks.substr(p, e - p))].push_back(val);
          p = e;
        }
      }
      if (auto cs = attr(cur, "charset")) (void)cs;
    } else if (t == "title" && title_el.empty()) {
      // Only the document <title>, not an SVG <title>.
      bool in_svg = false;
      for (xmlNode* p = cur->parent; p; p = p->parent)
        if (is(p, "svg")) in_svg = true;
      if (!in_svg) title_el = clean_text(text_of(cur));
      descend = false;
    } else if (t == "link" || t == "a") {
      std::string rel = lower(attr_or(cur, "rel"));
      auto href = attr_or(cur, "href");
      if (t == "link" && rel == "canonical" && canonical.empty()) canonical = clean_text(href);
      if (contains_word_ci(rel, "license") && license.empty()) license = clean_text(href);
      if (t == "a" && rel == "author" && rel_author.empty()) rel_author = clean_text(text_of(cur));
    } else if (t == "base" && base_href.empty()) {
      base_href = clean_text(attr_or(cur, "href"));
    } else if (t == "script") {
      if (iequals(clean_text(attr_or(cur, "type")), "application/ld+json")) scripts.push_back(text_of(cur));
      descend = false;
    } else if (t == "time" && time_published.empty()) {
      if (attr(cur, "pubdate") || contains_word_ci(attr_or(cur, "itemprop"), "datePublished"))
        time_published = std::string(attr_or(cur, "datetime"));
    } else if (t == "style") {
      descend = false;
    }
    cur = next_in_tree(cur, root, descend);
  }

  JsonLdArticle ld = parse_jsonld(scripts, diag);
  Meta& m = pm.meta;

  // ---- title ----
  std::string doc_title = title_el.empty() ? std::string() : title_from_document(title_el, body);
  std::string title;
  if (!ld.headline.empty() && !ld.name.empty() && ld.headline != ld.name) {
    bool name_ok = similarity(ld.name, doc_title) > 0.75;
    bool head_ok = similarity(ld.headline, doc_title) > 0.75;
    title = (head_ok && !name_ok) ? ld.headline : ld.name;
  } else if (!ld.name.empty()) {
    title = ld.name;
  } else {
    title = ld.headline;
  }
  if (ld.type == "WebPage" && !ld.headline.empty()) title = ld.headline;
  if (title.empty()) {
    if (auto s = last(v, {"citation_title", "dc:title", "dcterm:title", "og:title", "weibo:article:title",
                           "weibo:webpage:title", "title", "twitter:title", "parsely-title"}))
      title = *s;
  }
  if (title.empty()) title = doc_title;
  if (title.empty() && body) {
    if (xmlNode* h1 = find_first(body, "h1")) title = clean_text(text_of(h1));
  }
  title = nfc(title);
  pm.title = title;
  pm.article_body = ld.article_body;
  put_inlines(m, "title", title);
  put_inlines(m, "subtitle", ld.alternative_headline);

  // ---- author ----
  std::vector<std::string> authors;
  for (auto& p : ld.authors) authors.push_back(p.name);
  if (authors.empty()) {
    auto it = v.find("citation_author");
    if (it != v.end())
      for (auto& a : it->second)
        if (!a.empty()) authors.push_back(a);
  }
  if (authors.empty()) {
    for (const char* k : {"author", "dc:creator", "dcterm:creator", "article:author", "parsely-author",
                          "sailthru.author", "byl"}) {
      auto it = v.find(k);
      if (it == v.end()) continue;
      for (auto& a : it->second)
        if (!a.empty() && !looks_like_url(a)) authors.push_back(a);
      if (!authors.empty()) break;
    }
  }
  // Deduplicate, keep order.
  std::vector<std::string> uniq;
  for (auto& a : authors) {
    std::string n = nfc(a);
    if (std::find(uniq.begin(), uniq.end(), n) == uniq.end()) uniq.push_back(n);
  }
  if (!uniq.empty()) {
    MetaList list;
    for (auto& a : uniq) {
      list.items.push_back(MetaInlines{words(a)});
      if (!pm.byline.empty()) pm.byline += ", ";
      pm.byline += a;
    }
    m["author"] = std::move(list);
  }

  // ---- dates ----
  std::string date = ld.date_published;
  if (date.empty())
    if (auto s = first(v, {"article:published_time", "citation_publication_date", "citation_date", "dc:date",
                           "dcterm:date", "dcterm:created", "parsely-pub-date", "date", "pubdate", "publish-date",
                           "og:published_time", "datepublished", "sailthru.date"}))
      date = *s;
  if (date.empty()) date = time_published;
  if (!date.empty()) {
    std::string iso = iso_or_empty(date);
    if (iso.empty()) diag.info("unmapped-metadata", "publication date '" + date + "' is not ISO 8601; kept as text");
    put_string(m, "date", iso.empty() ? clean_text(date) : iso);
  }
  std::string modified = ld.date_modified;
  if (modified.empty())
    if (auto s = first(v, {"article:modified_time", "og:updated_time", "dcterm:modified", "datemodified"}))
      modified = *s;
  if (!modified.empty()) put_string(m, "date-modified", clean_text(modified));

  // ---- abstract ----
  std::string abstract = ld.description;
  if (abstract.empty())
    if (auto s = first(v, {"citation_abstract", "dc:description", "dcterm:description", "og:description",
                           "weibo:article:description", "weibo:webpage:description", "description",
                           "twitter:description"}))
      abstract = *s;
  if (!abstract.empty()) m["abstract"] = MetaBlocks{{Para{words(nfc(abstract))}}};

  // ---- subject, keywords ----
  std::string section;
  if (auto s = first(v, {"article:section"})) section = *s;
  if (section.empty()) section = ld.section;
  if (section.empty())
    if (auto s = first(v, {"parsely-section"})) section = *s;
  put_inlines(m, "subject", nfc(section));
  std::vector<std::string> kws = ld.keywords;
  if (kws.empty()) {
    for (const char* k : {"keywords", "news_keywords", "citation_keywords"}) {
      auto it = v.find(k);
      if (it == v.end()) continue;
      for (auto& s : it->second) {
        std::size_t p = 0;
        while (p <= s.size()) {
          auto c = s.find_first_of(",;", p);
          if (c == std::string::npos) c = s.size();
          std::string w = clean_text(s.substr(p, c - p));
          if (!w.empty()) kws.push_back(w);
          p = c + 1;
        }
      }
      if (!kws.empty()) break;
    }
  }
  if (kws.empty()) {
    auto it = v.find("article:tag");
    if (it != v.end())
      for (auto& s : it->second)
        if (!s.empty()) kws.push_back(s);
  }
  if (!kws.empty()) {
    MetaList list;
    std::vector<std::string> seen;
    for (auto& k : kws) {
      std::string n = nfc(k);
      if (std::find(seen.begin(), seen.end(), n) != seen.end()) continue;
      seen.push_back(n);
      list.items.push_back(MetaInlines{words(n)});
    }
    m["keywords"] = std::move(list);
  }

  // ---- publisher, site name ----
  std::string og_site = first(v, {"og:site_name"}) ? *first(v, {"og:site_name"}) : std::string();
  std::string publisher = ld.publisher;
  if (publisher.empty())
    if (auto s = first(v, {"citation_publisher", "dc:publisher", "dcterm:publisher"})) publisher = *s;
  if (publisher.empty()) publisher = og_site;
  put_inlines(m, "publisher", nfc(publisher));
  std::string site = og_site;
  if (site.empty()) site = ld.site_name;
  if (site.empty())
    if (auto s = first(v, {"citation_journal_title", "application-name"})) site = *s;
  if (site.empty()) site = ld.publisher;
  put_inlines(m, "site-name", nfc(site));

  // ---- lang ----
  std::string lang = clean_text(html_lang);
  if (lang.empty())
    if (auto s = first(v, {"content-language", "dc:language", "dcterm:language", "language"})) lang = *s;
  if (lang.empty())
    if (auto s = first(v, {"og:locale"})) lang = *s;
  if (lang.empty()) lang = ld.in_language;
  if (lang.empty())
    if (auto s = first(v, {"citation_language"})) lang = *s;
  if (auto comma = lang.find(','); comma != std::string::npos) lang = clean_text(lang.substr(0, comma));
  for (auto& c : lang)
    if (c == '_') c = '-';
  pm.lang = lang;
  put_string(m, "lang", lang);

  // ---- URLs ----
  // The page's own URLs pass the same check as its links and images
  // (galley/safety.hpp); a refused one is skipped. --source-url is the user's.
  std::size_t refused = 0;
  auto page_url = [&](std::string_view u, UrlKind kind) -> std::string {
    if (u.empty()) return {};
    if (auto ok = reader_url(u, kind)) return *ok;
    ++refused;
    return {};
  };
  auto first_url = [&](std::initializer_list<const char*> keys, UrlKind kind) -> std::string {
    for (auto* k : keys) {
      auto it = v.find(k);
      if (it == v.end()) continue;
      for (auto& x : it->second)
        if (auto u = page_url(x, kind); !u.empty()) return u;
    }
    return {};
  };
  std::string src_url = page_url(canonical, UrlKind::Link);
  if (src_url.empty()) src_url = first_url({"og:url"}, UrlKind::Link);
  if (src_url.empty()) src_url = page_url(ld.url, UrlKind::Link);
  if (src_url.empty()) src_url = options.source_url;
  put_string(m, "source-url", src_url);
  std::string ident;
  if (auto s = first(v, {"citation_doi"})) ident = (s->rfind("doi:", 0) == 0 ? "" : "doi:") + *s;
  if (ident.empty())
    if (auto s = first(v, {"dc:identifier", "dcterm:identifier"})) ident = *s;
  if (ident.empty()) ident = src_url;
  put_string(m, "identifier", ident);
  std::string image = first_url({"og:image", "og:image:url", "og:image:secure_url"}, UrlKind::Image);
  if (image.empty()) image = page_url(ld.image, UrlKind::Image);
  if (image.empty()) image = first_url({"twitter:image", "twitter:image:src"}, UrlKind::Image);
  put_string(m, "image", image);
  std::string rights;
  if (auto s = first(v, {"dc:rights", "dcterm:rights"})) rights = *s;
  if (rights.empty()) rights = ld.copyright;
  if (rights.empty())
    if (auto s = first(v, {"copyright"})) rights = *s;
  put_inlines(m, "rights", nfc(rights));
  license = page_url(license, UrlKind::Link);
  if (license.empty()) license = page_url(ld.license, UrlKind::Link);
  put_string(m, "license", license);
  if (refused)
    diag.warn("unsafe-content", "html: " + std::to_string(refused) +
                                    " metadata URL(s) (canonical, og:url, og:image, license) with a script or "
                                    "unsupported scheme left out");

  // ---- base URL ----
  // <base href> is honoured only when it is (or resolves to) http(s): a
  // javascript: or data: base would turn every relative link into one.
  pm.base_url = options.source_url;
  if (!base_href.empty()) {
    std::string resolved = resolve_url(options.source_url, attribute_text(base_href));
    if (auto ok = allowed_url(resolved, UrlKind::Base)) pm.base_url = *ok;
    else if (!url_scheme(resolved).empty())
      diag.warn("unsafe-content", "html: <base href> with a scheme other than http(s) ignored");
  }
  if (!rel_author.empty() && pm.byline.empty()) pm.byline.clear();
  return pm;
}

void add_body_byline(PageMeta& pm, const std::string& byline) {
  std::string b = clean_text(byline);
  if (b.empty() || pm.meta.count("author")) return;
  // "By Jane Doe" -> "Jane Doe"
  for (const char* p : {"By ", "by ", "BY ", "Von ", "Par ", "Por "}) {
    std::string_view pv(p);
    if (b.compare(0, pv.size(), pv) == 0) {
      b = b.substr(pv.size());
      break;
    }
  }
  if (b.empty()) return;
  pm.byline = nfc(b);
  pm.meta["author"] = MetaList{{MetaInlines{words(pm.byline)}}};
}

}  // namespace galley::html
