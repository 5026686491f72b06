// schema.org JSON-LD (<script type="application/ld+json">) -> candidate
// article metadata. Looks through arrays, @graph and mainEntity; the first
// article-like object wins; WebSite / Organization objects give the site name.
#include <nlohmann/json.hpp>

#include "html/internal.hpp"

namespace galley::html {
namespace {

using nlohmann::json;

bool is_article_type(const std::string& t) {
  static const char* types[] = {"Article",          "NewsArticle",      "BlogPosting",    "ScholarlyArticle",
                                "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
                                "ReviewNewsArticle", "BackgroundNewsArticle", "TechArticle", "SocialMediaPosting",
                                "LiveBlogPosting",  "Report",           "MedicalScholarlyArticle", "SatiricalArticle",
                                "AdvertiserContentArticle", "DiscussionForumPosting", "Blog", "WebPage",
                                "CreativeWork", "Recipe", "HowTo"};
  for (auto* x : types)
    if (t == x) return true;
  return false;
}

int type_rank(const std::string& t) {
  // Prefer real articles over generic pages.
  if (t == "WebPage" || t == "CreativeWork" || t == "Blog") return 1;
  return 2;
}

std::vector<std::string> types_of(const json& o) {
  std::vector<std::string> r;
  auto it = o.find("@type");
  if (it == o.end()) return r;
  auto add = [&](const json& v) {
    if (!v.is_string()) return;
    std::string s = v.get<std::string>();
    auto slash = s.rfind('/');
    if (slash != std::string::npos) s = s.substr(slash + 1);
    auto colon = s.rfind(':');
    if (colon != std::string::npos) s = s.substr(colon + 1);
    r.push_back(s);
  };
  if (it->is_array())
    for (auto& v : *it) add(v);
  else
    add(*it);
  return r;
}

std::string str(const json& o, const char* key) {
  auto it = o.find(key);
  if (it == o.end()) return {};
  const json* v = &*it;
  if (v->is_array() && !v->empty()) v = &(*v)[0];
  if (v->is_string()) return clean_text(v->get<std::string>());
  if (v->is_number_integer()) return std::to_string(v->get<long long>());
  if (v->is_object()) {
    for (const char* k : {"name", "@value", "url", "@id"}) {
      auto jt = v->find(k);
      if (jt != v->end() && jt->is_string()) return clean_text(jt->get<std::string>());
    }
  }
  return {};
}

void people(const json& v, std::vector<JsonLdPerson>& out) {
  if (v.is_array()) {
    for (auto& x : v) people(x, out);
    return;
  }
  if (v.is_string()) {
    std::string s = clean_text(v.get<std::string>());
    if (!s.empty()) out.push_back({s, {}});
    return;
  }
  if (v.is_object()) {
    JsonLdPerson p;
    p.name = str(v, "name");
    if (p.name.empty()) {
      std::string g = str(v, "givenName"), f = str(v, "familyName");
      p.name = clean_text(g + " " + f);
    }
    p.url = str(v, "url");
    if (p.name.empty()) p.name = str(v, "@id");  // a reference, resolved against @graph later
    if (!p.name.empty()) out.push_back(std::move(p));
  }
}

void collect(const json& v, std::vector<const json*>& out, int depth) {
  if (depth > 20) return;
  if (v.is_array()) {
    for (auto& x : v) collect(x, out, depth + 1);
  } else if (v.is_object()) {
    out.push_back(&v);
    auto g = v.find("@graph");
    if (g != v.end()) collect(*g, out, depth + 1);
    auto m = v.find("mainEntity");
    if (m != v.end() && (m->is_object() || m->is_array())) collect(*m, out, depth + 1);
  }
}

}  // namespace

JsonLdArticle parse_jsonld(const std::vector<std::string>& scripts, Diagnostics& diag) {
  JsonLdArticle a;
  std::vector<json> docs;
  for (auto& s : scripts) {
    // Some sites wrap JSON-LD in CDATA markers or HTML comments.
    std::string_view t = s;
    auto trim_ws = [&] {
      while (!t.empty() && is_space(t.front())) t.remove_prefix(1);
      while (!t.empty() && is_space(t.back())) t.remove_suffix(1);
    };
    trim_ws();
    for (std::string_view open : {"//<![CDATA[", "<![CDATA[", "<!--"})
      if (t.substr(0, open.size()) == open) {
        t.remove_prefix(open.size());
        break;
      }
    trim_ws();
    for (std::string_view close : {"//]]>", "]]>", "-->"})
      if (t.size() >= close.size() && t.substr(t.size() - close.size()) == close) {
        t.remove_suffix(close.size());
        break;
      }
    trim_ws();
    json j = json::parse(t.begin(), t.end(), nullptr, false);
    if (j.is_discarded()) {
      diag.info("invalid-jsonld", "a JSON-LD script is not valid JSON; ignored");
      continue;
    }
    docs.push_back(std::move(j));
  }
  std::vector<const json*> objs;
  for (auto& d : docs) collect(d, objs, 0);
  const json* best = nullptr;
  int best_rank = 0;
  for (auto* o : objs) {
    for (auto& t : types_of(*o)) {
      if (t == "WebSite" && a.site_name.empty()) a.site_name = str(*o, "name");
      if (is_article_type(t) && type_rank(t) > best_rank) {
        // A WebPage only counts when it has a headline/author (a real article page).
        if (type_rank(t) == 1 && !o->contains("headline") && !o->contains("author")) continue;
        best = o;
        best_rank = type_rank(t);
      }
    }
  }
  if (!best) return a;
  const json& o = *best;
  a.found = true;
  a.type = types_of(o).empty() ? "" : types_of(o).front();
  a.headline = str(o, "headline");
  a.name = str(o, "name");
  a.alternative_headline = str(o, "alternativeHeadline");
  a.description = str(o, "description");
  a.article_body = str(o, "articleBody");
  a.date_published = str(o, "datePublished");
  if (a.date_published.empty()) a.date_published = str(o, "dateCreated");
  a.date_modified = str(o, "dateModified");
  a.section = str(o, "articleSection");
  a.in_language = str(o, "inLanguage");
  a.url = str(o, "url");
  if (a.url.empty()) {
    auto me = o.find("mainEntityOfPage");
    if (me != o.end()) a.url = me->is_string() ? me->get<std::string>() : str(*me, "@id");
  }
  a.image = str(o, "image");
  a.license = str(o, "license");
  a.copyright = str(o, "copyrightNotice");
  auto id = o.find("identifier");
  if (id != o.end()) a.identifier = str(o, "identifier");
  auto pub = o.find("publisher");
  if (pub != o.end()) {
    if (pub->is_object()) a.publisher = str(*pub, "name");
    else if (pub->is_string()) a.publisher = clean_text(pub->get<std::string>());
    else if (pub->is_array() && !pub->empty() && (*pub)[0].is_object()) a.publisher = str((*pub)[0], "name");
  }
  auto part = o.find("isPartOf");
  if (part != o.end() && part->is_object()) {
    std::string n = str(*part, "name");
    if (!n.empty() && a.site_name.empty()) a.site_name = n;
  }
  auto au = o.find("author");
  if (au == o.end()) au = o.find("creator");
  if (au != o.end()) people(*au, a.authors);
  auto kw = o.find("keywords");
  if (kw != o.end()) {
    auto add = [&](std::string s) {
      s = clean_text(s);
      if (!s.empty()) a.keywords.push_back(std::move(s));
    };
    if (kw->is_array()) {
      for (auto& k : *kw)
        if (k.is_string()) add(k.get<std::string>());
    } else if (kw->is_string()) {
      std::string s = kw->get<std::string>();
      std::size_t p = 0;
      while (p <= s.size()) {
        auto c = s.find(',', p);
        if (c == std::string::npos) c = s.size();
        add(s.substr(p, c - p));
        p = c + 1;
      }
    }
  }
  // @graph: authors may be references {"@id": ...} to Person nodes elsewhere.
  for (auto& p : a.authors) {
    if (!p.name.empty() && p.name.find("://") == std::string::npos && p.name[0] != '#') continue;
    for (auto* x : objs) {
      auto idit = x->find("@id");
      if (idit != x->end() && idit->is_string() && idit->get<std::string>() == p.name) {
        std::string n = str(*x, "name");
        if (!n.empty()) p.name = n;
        break;
      }
    }
  }
  std::erase_if(a.authors, [](const JsonLdPerson& p) { return p.name.find("://") != std::string::npos; });
  return a;
}

}  // namespace galley::html
