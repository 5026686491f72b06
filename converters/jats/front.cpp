// Front matter from the metadata contract (docs/METADATA.md, JATS column).
// Each tag set gets what its content models allow, in their order; whatever a
// tag set cannot hold is reported as "unmapped-metadata".
#include <cstdio>
#include <string>

#include "galley/io.hpp"
#include "galley/meta.hpp"
#include "galley/text.hpp"
#include "jats/state.hpp"

namespace galley::jats {
namespace {

const char* tag_set_name(TagSet ts) {
  switch (ts) {
    case TagSet::Archiving: return "Archiving";
    case TagSet::Publishing: return "Journal Publishing";
    case TagSet::ArticleAuthoring: return "Article Authoring";
  }
  return "";
}

void unmapped(State& st, const std::string& key, const std::string& why = {}) {
  st.warn_once("unmapped-metadata", "metadata '" + key + "' has no place in the JATS " + tag_set_name(st.ts) +
                                        " tag set" + (why.empty() ? std::string() : ": " + why));
}

void missing(State& st, const std::string& what) {
  st.warn_once("missing-metadata", std::string("the JATS ") + tag_set_name(st.ts) + " tag set requires " + what);
}

bool has(const Meta& m, const std::string& key) { return meta_text(m, key).has_value(); }

void inline_element(State& st, El e, const Inlines& xs, std::initializer_list<Attribute> attrs = {}) {
  st.open(e, attrs);
  write_inlines(st, xs);
  st.close(true);
}

void text_element(State& st, El e, std::string_view text, std::initializer_list<Attribute> attrs = {}) {
  st.open(e, attrs);
  st.text(text);
  st.close(true);
}

std::string two(int n) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", n);
  return buf;
}

// day, month, year children of pub-date / date (the order every tag set accepts).
void date_parts(State& st, const DateParts& d) {
  if (d.day && d.month) text_element(st, El::day, two(d.day));
  if (d.month) text_element(st, El::month, two(d.month));
  text_element(st, El::year, std::to_string(d.year));
}

// Host of an URL, for a journal-id when nothing better is known.
std::string url_host(const std::string& url) {
  auto p = url.find("://");
  if (p == std::string::npos) return {};
  auto rest = url.substr(p + 3);
  auto end = rest.find_first_of("/?#");
  return rest.substr(0, end);
}

void write_journal_meta(State& st, const Meta& m) {
  if (st.ts == TagSet::ArticleAuthoring) {
    for (const char* k : {"site-name", "publisher"})
      if (has(m, k)) unmapped(st, k, "Article Authoring has no journal-meta");
    return;
  }
  auto site = meta_inlines(m, "site-name");
  auto publisher = meta_inlines(m, "publisher");
  auto credit = meta_inlines(m, "credit");
  std::string journal_id = st.opts.variable("journal-id");
  std::string issn = st.opts.variable("issn");
  if (issn.empty()) issn = meta_text(m, "issn").value_or("");
  bool pub = st.ts == TagSet::Publishing;
  bool has_site = site && !site->empty(), has_pub = publisher && !publisher->empty();
  bool credit_as_publisher = !has_pub && credit && !credit->empty();
  if (!pub && !has_site && !has_pub && !credit_as_publisher && journal_id.empty() && issn.empty()) return;

  st.open(El::journal_meta, {}, true);
  if (pub && journal_id.empty()) {
    // journal-id+ is required: the best name known for the publication.
    if (has_site) journal_id = meta_text(m, "site-name").value_or("");
    else if (has_pub) journal_id = meta_text(m, "publisher").value_or("");
    else if (credit_as_publisher) journal_id = meta_text(m, "credit").value_or("");
    else journal_id = url_host(meta_text(m, "source-url").value_or(""));
    if (journal_id.empty()) missing(st, "journal-meta/journal-id (give -V journal-id=...)");
  }
  if (pub || !journal_id.empty()) text_element(st, El::journal_id, journal_id, {{"journal-id-type", "publisher-id"}});
  if (has_site) {
    st.open(El::journal_title_group, {}, true);
    inline_element(st, El::journal_title, *site);
    st.close(true);
  }
  if (pub || !issn.empty()) {
    if (issn.empty()) missing(st, "journal-meta/issn (give -V issn=...); an empty <issn/> was written");
    text_element(st, El::issn, issn, {{"publication-format", issn.empty() ? "" : "electronic"}});
  }
  if (has_pub || credit_as_publisher) {
    st.open(El::publisher, {}, true);
    inline_element(st, El::publisher_name, has_pub ? *publisher : *credit);
    st.close(true);
  }
  st.close(true);
}

void write_article_id(State& st, const Meta& m) {
  auto id = meta_text(m, "identifier");
  if (!id) return;
  if (st.ts == TagSet::ArticleAuthoring) return unmapped(st, "identifier");
  std::string v = *id, type = "other", custom;
  for (const char* prefix : {"doi:", "https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/"}) {
    if (v.rfind(prefix, 0) == 0) {
      v = v.substr(std::string(prefix).size());
      type = "doi";
    }
  }
  if (type != "doi" && v.rfind("10.", 0) == 0 && v.find('/') != std::string::npos) type = "doi";
  else if (type != "doi" && (v.rfind("http://", 0) == 0 || v.rfind("https://", 0) == 0)) type = "custom", custom = "uri";
  else if (type != "doi" && v.rfind("urn:", 0) == 0) type = "custom", custom = "urn";
  text_element(st, El::article_id, v, {{"pub-id-type", type}, {"custom-type", custom}});
}

void write_categories(State& st, const Meta& m) {
  auto subject = meta_inlines(m, "subject");
  if (!subject || subject->empty()) return;
  if (st.ts == TagSet::ArticleAuthoring) return unmapped(st, "subject");
  st.open(El::article_categories, {}, true);
  st.open(El::subj_group, {{"subj-group-type", "heading"}}, true);
  inline_element(st, El::subject, *subject);
  st.close(true);
  st.close(true);
}

void write_title_group(State& st, const Meta& m) {
  auto title = meta_inlines(m, "title");
  auto subtitle = meta_inlines(m, "subtitle");
  bool t = title && !title->empty(), s = subtitle && !subtitle->empty();
  if (!t && !s && st.ts == TagSet::Archiving) return;
  if (!t) missing(st, "an article title (title-group/article-title)");
  st.open(El::title_group, {}, true);
  inline_element(st, El::article_title, t ? *title : Inlines{});
  if (s) inline_element(st, El::subtitle, *subtitle);
  st.close(true);
}

std::string orcid_uri(const std::string& orcid) {
  if (orcid.rfind("http", 0) == 0) return orcid;
  return "https://orcid.org/" + orcid;
}

void write_contribs(State& st, const Meta& m) {
  auto authors = meta_authors(m);
  std::vector<const Person*> people;
  for (const Person& p : authors)
    if (!p.name_text.empty() || !p.surname.empty() || !p.given.empty()) people.push_back(&p);
  if (people.empty()) {
    if (st.ts == TagSet::ArticleAuthoring) {
      // contrib-group is required: an anonymous contributor says "unknown" without inventing a name.
      st.open(El::contrib_group, {}, true);
      st.open(El::contrib, {{"contrib-type", "author"}}, true);
      st.empty(El::anonymous);
      st.nl();
      st.close(true);
      st.close(true);
    }
    return;
  }
  st.open(El::contrib_group, {}, true);
  for (const Person* p : people) {
    st.open(El::contrib, {{"contrib-type", "author"}}, true);
    if (!p->orcid.empty()) text_element(st, El::contrib_id, orcid_uri(p->orcid), {{"contrib-id-type", "orcid"}});
    if (!p->surname.empty() || !p->given.empty()) {
      st.open(El::name);
      if (!p->surname.empty()) text_element(st, El::surname, p->surname);
      if (!p->given.empty()) text_element(st, El::given_names, p->given);
      st.close(true);
    } else if (!p->name.empty()) {
      inline_element(st, El::string_name, p->name);
    } else {
      text_element(st, El::string_name, p->name_text);
    }
    if (!p->affiliation.empty()) text_element(st, El::aff, p->affiliation);
    if (!p->email.empty()) text_element(st, El::email, p->email);
    st.close(true);
  }
  st.close(true);
}

void write_dates(State& st, const Meta& m) {
  auto date = meta_text(m, "date");
  auto modified = meta_text(m, "date-modified");
  if (st.ts == TagSet::ArticleAuthoring) {
    if (date) unmapped(st, "date");
    if (modified) unmapped(st, "date-modified");
    return;
  }
  if (date) {
    auto d = parse_iso_date(*date);
    if (d && d->year) {
      st.open(El::pub_date, {{"publication-format", "electronic"}, {"date-type", "pub"}, {"iso-8601-date", *date}},
              true);
      date_parts(st, *d);
      st.close(true);
    } else if (st.ts == TagSet::Archiving) {
      st.open(El::pub_date, {{"publication-format", "electronic"}, {"date-type", "pub"}}, true);
      st.out += "<string-date>";
      st.text(*date);
      st.out += "</string-date>\n";
      st.close(true);
    } else {
      unmapped(st, "date", "not an ISO 8601 date: " + *date);
    }
  }
  if (modified) {
    auto d = parse_iso_date(*modified);
    if (!d || !d->year) return unmapped(st, "date-modified", "not an ISO 8601 date: " + *modified);
    st.open(El::pub_history, {}, true);
    st.open(El::event, {{"event-type", "updated"}}, true);
    text_element(st, El::event_desc, "Updated");
    st.open(El::date, {{"date-type", "updated"}, {"iso-8601-date", *modified}}, true);
    date_parts(st, *d);
    st.close(true);
    st.close(true);
    st.close(true);
  }
}

void write_permissions(State& st, const Meta& m) {
  auto rights = meta_inlines(m, "rights");
  auto license = meta_text(m, "license");
  bool r = rights && !rights->empty();
  if (!r && !license) return;
  st.open(El::permissions, {}, true);
  if (r) inline_element(st, El::copyright_statement, *rights);
  if (license) {
    st.open(El::license, {}, true);
    text_element(st, El::ali_license_ref, *license);
    st.close(true);
  }
  st.close(true);
}

void write_self_uri(State& st, const Meta& m) {
  auto url = meta_text(m, "source-url");
  if (!url) return;
  if (is_dangerous_url(*url)) {
    st.warn_once("unsafe-content", "script URL in source-url dropped");
    return;
  }
  text_element(st, El::self_uri, *url, {{"xlink:href", *url}});
}

void write_abstract(State& st, const Meta& m) {
  auto blocks = meta_blocks(m, "abstract");
  if (!blocks || blocks->empty()) {
    if (st.ts == TagSet::ArticleAuthoring) {
      // abstract+ is required; an empty abstract is valid and invents nothing.
      st.empty(El::abstract);
      st.nl();
    }
    return;
  }
  st.open(El::abstract, {}, true);
  write_blocks(st, *blocks);
  st.close(true);
}

void write_keywords(State& st, const Meta& m) {
  auto kws = meta_text_list(m, "keywords");
  std::vector<std::string> words;
  for (auto& k : kws)
    if (!trim(k).empty()) words.emplace_back(trim(k));
  if (words.empty()) return;
  st.open(El::kwd_group, {{"kwd-group-type", "author"}}, true);
  for (auto& w : words) text_element(st, El::kwd, w);
  st.close(true);
}

void write_custom_meta(State& st, const Meta& m) {
  auto dateline = meta_inlines(m, "dateline");
  auto credit = meta_inlines(m, "credit");
  bool d = dateline && !dateline->empty();
  // credit goes to publisher-name when there is no publisher (write_journal_meta).
  bool c = credit && !credit->empty() && has(m, "publisher");
  if (st.ts == TagSet::ArticleAuthoring) {
    if (d) unmapped(st, "dateline");
    if (credit && !credit->empty()) unmapped(st, "credit");
    return;
  }
  if (!d && !c) return;
  st.open(El::custom_meta_group, {}, true);
  auto one = [&](const char* name, const Inlines& value) {
    st.open(El::custom_meta, {}, true);
    text_element(st, El::meta_name, name);
    inline_element(st, El::meta_value, value);
    st.close(true);
  };
  if (d) one("dateline", *dateline);
  if (c) one("credit", *credit);
  st.close(true);
}

// Keys of the contract the writer maps (or reports itself), and pandoc's usual
// template variables that are not article metadata.
bool known_key(const std::string& k) {
  static const char* const keys[] = {"title",     "subtitle",  "subject", "author",     "date",       "date-modified",
                                     "abstract",  "credit",    "dateline", "publisher", "site-name",  "lang",
                                     "keywords",  "identifier", "source-url", "rights", "license",    "image",
                                     "article-type", "issn"};
  for (const char* x : keys)
    if (k == x) return true;
  return false;
}

}  // namespace

std::string article_type(const Meta& m) {
  if (auto t = meta_text(m, "article-type")) return *t;
  // A news article says so through its news-only metadata; otherwise JATS's neutral "other".
  if (has(m, "subject") || has(m, "credit") || has(m, "dateline")) return "news";
  return "other";
}

void write_front(State& st, const Document& doc) {
  const Meta& m = doc.meta;
  st.open(El::front, {}, true);
  write_journal_meta(st, m);
  st.open(El::article_meta, {}, true);
  write_article_id(st, m);
  write_categories(st, m);
  write_title_group(st, m);
  write_contribs(st, m);
  write_dates(st, m);
  write_permissions(st, m);
  write_self_uri(st, m);
  write_abstract(st, m);
  write_keywords(st, m);
  write_custom_meta(st, m);
  st.close(true);
  st.close(true);
  for (auto& [k, v] : m)
    if (!known_key(k)) unmapped(st, k, "not part of galley's metadata contract");
}

}  // namespace galley::jats
