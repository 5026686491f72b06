// Front matter -> Meta (docs/METADATA.md's keys, and the JATS-only keys listed in
// docs/JATS.md): titles, contributors with their affiliations, e-mail, ORCID,
// roles; abstracts, keywords, subjects, journal, issue and pages, ids, dates,
// permissions, funding, related articles. Abstracts other than the main one (and
// translated ones) go to the body's start, where every writer shows them.
#include <string>
#include <vector>

#include "galley/builder.hpp"
#include "galley/text.hpp"
#include "galley/whitespace.hpp"
#include "jats/reader.hpp"

namespace galley::jats::in {
namespace {

void set_string(Meta& m, const std::string& key, const std::string& v) {
  if (!v.empty() && !m.count(key)) m[key] = MetaString{v};
}
void set_inlines(Meta& m, const std::string& key, Inlines v) {
  if (!v.empty() && !m.count(key)) m[key] = MetaInlines{std::move(v)};
}

std::string two(const std::string& s) { return s.size() == 1 ? "0" + s : s; }

bool digits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// A JATS date element (pub-date, date, event/date) as ISO 8601 ("" when no year).
std::string iso_date(const xmlNode* d) {
  std::string iso = collapse_whitespace(attr(d, "iso-8601-date"));
  if (!iso.empty()) return iso;
  std::string y = text(first(d, "year")), mo = text(first(d, "month")), day = text(first(d, "day"));
  if (!digits(y)) return text(first(d, "string-date"));
  std::string out = y;
  if (digits(mo) && mo.size() <= 2) {
    out += "-" + two(mo);
    if (digits(day) && day.size() <= 2) out += "-" + two(day);
  }
  return out;
}

std::string date_type(const xmlNode* d) {
  std::string t = attr(d, "date-type");
  return t.empty() ? attr(d, "pub-type") : t;
}

// The publication date: the article's own (pub, epub) before the print and issue dates.
void read_dates(const xmlNode* am, Meta& m) {
  static const char* const kOrder[] = {"pub", "epub", "epub-ppub", "ppub", "ecorrected", "collection", ""};
  auto dates = all(am, "pub-date");
  std::string best;
  int rank = 100;
  MetaMap pub_dates;
  for (const xmlNode* d : dates) {
    std::string t = date_type(d), iso = iso_date(d);
    if (iso.empty()) continue;
    if (!t.empty()) pub_dates.entries.emplace(t, MetaString{iso});
    int k = 0;
    for (; kOrder[k][0] && t != kOrder[k]; ++k) {
    }
    // A fuller date of the same rank wins ("2014-06-05" over "2014").
    if (k < rank || (k == rank && iso.size() > best.size())) rank = k, best = iso;
  }
  set_string(m, "date", best);
  if (pub_dates.entries.size() > 1) m["pub-dates"] = std::move(pub_dates);
  if (const xmlNode* h = first(am, "history")) {
    MetaMap hist;
    for (const xmlNode* d : all(h, "date"))
      if (std::string iso = iso_date(d); !iso.empty()) hist.entries.emplace(date_type(d), MetaString{iso});
    if (!hist.entries.empty()) m["history"] = std::move(hist);
  }
  if (const xmlNode* ph = first(am, "pub-history")) {
    MetaList events;
    for (const xmlNode* e : all(ph, "event")) {
      std::string type = attr(e, "event-type");
      const xmlNode* d = first(e, "date");
      std::string iso = d ? iso_date(d) : std::string();
      if (type == "updated" && !iso.empty()) {
        set_string(m, "date-modified", iso);
        continue;
      }
      MetaMap ev;
      if (!type.empty()) ev.entries.emplace("type", MetaString{type});
      if (!iso.empty()) ev.entries.emplace("date", MetaString{iso});
      if (std::string desc = text(first(e, "event-desc")); !desc.empty()) ev.entries.emplace("description", MetaString{desc});
      if (!ev.entries.empty()) events.items.emplace_back(std::move(ev));
    }
    if (!events.items.empty()) m["pub-history"] = std::move(events);
  }
}

// An affiliation's text without its label ("1", "a") and registry ids (ROR, Ringgold):
// element edges separate words (parts are often written without spaces between).
void aff_parts(const xmlNode* n, std::string& out, int depth) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE && c->content) out += reinterpret_cast<const char*>(c->content);
    else if (c->type == XML_ENTITY_REF_NODE) out += raw_text(c);
    else if (is_el(c) && !is_el(c, "label") && !is_el(c, "institution-id") && depth < 50) {
      if (is_el(c, "sup") && c == n->children) continue;  // a leading superscript is a label
      out += ' ';
      aff_parts(c, out, depth + 1);
      out += ' ';
    }
  }
}

std::string aff_text(const xmlNode* aff) {
  if (is_el(aff, "aff-alternatives")) aff = first(aff, "aff");
  if (!aff) return {};
  std::string out;
  aff_parts(aff, out, 0);
  std::string s = collapse_whitespace(out);
  // Parts written without separators get spaces before commas we put there.
  std::string tidy_s;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ' && i + 1 < s.size() && (s[i + 1] == ',' || s[i + 1] == '.' || s[i + 1] == ';')) continue;
    tidy_s += s[i];
  }
  while (!tidy_s.empty() && (tidy_s.front() == ',' || tidy_s.front() == ' ')) tidy_s.erase(0, 1);
  return tidy_s;
}

std::string orcid_of(const xmlNode* contrib) {
  for (const xmlNode* id : all(contrib, "contrib-id"))
    if (attr(id, "contrib-id-type") == "orcid") {
      // ORCID's display form is the URL (what galley's JATS writer writes too).
      std::string v = text(id);
      return v.empty() || v.rfind("http", 0) == 0 ? v : "https://orcid.org/" + v;
    }
  return {};
}

// The contributor as pandoc's author value: its name alone when that is all there is,
// else a map with name, given, surname, email, affiliation, orcid, roles, corresponding.
MetaValue person(Reading& r, const xmlNode* c, const std::vector<const xmlNode*>& group_affs, std::size_t total_affs) {
  MetaMap p;
  std::string given, surname;
  Inlines name;
  const xmlNode* nm = first(c, "name");
  if (!nm)
    if (const xmlNode* alt = first(c, "name-alternatives")) nm = first(alt, "name");
  if (nm) {
    given = text(first(nm, "given-names"));
    surname = text(first(nm, "surname"));
    std::string prefix = text(first(nm, "prefix")), suffix = text(first(nm, "suffix"));
    bool eastern = attr(nm, "name-style") == "eastern";
    std::string full = eastern ? surname + " " + given : given + " " + surname;
    if (!prefix.empty()) full = prefix + " " + full;
    if (!suffix.empty()) full += " " + suffix;
    name = galley::text(full);
  } else if (const xmlNode* sn = first(c, "string-name")) {
    name = inlines_of(r, sn);
  } else if (const xmlNode* col = first(c, "collab")) {
    // A group author: its name without the member list some publishers nest in it.
    Inlines xs;
    for (const xmlNode* k = col->children; k; k = k->next)
      if (!is_el(k, "contrib-group") && !is_el(k, "xref")) read_inline(r, k, xs);
    tidy(xs);
    name = std::move(xs);
    p.entries.emplace("collab", MetaBool{true});
  } else if (first(c, "anonymous")) {
    name = galley::text("Anonymous");
  }
  if (name.empty()) return MetaInlines{};
  std::vector<std::string> affs, emails;
  bool corresponding = attr(c, "corresp") == "yes";
  for (const xmlNode* a : all(c, "aff")) affs.push_back(aff_text(a));
  for (const xmlNode* e : all(c, "email")) emails.push_back(text(e));
  if (const xmlNode* addr = first(c, "address"))
    for (const xmlNode* e : all(addr, "email")) emails.push_back(text(e));
  for (const xmlNode* x : all(c, "xref")) {
    std::string type = attr(x, "ref-type"), rids = attr(x, "rid");
    std::size_t b = 0;
    while (b < rids.size()) {
      std::size_t e = rids.find(' ', b);
      std::string rid = rids.substr(b, e == std::string::npos ? std::string::npos : e - b);
      b = e == std::string::npos ? rids.size() : e + 1;
      auto it = r.by_id.find(rid);
      if (rid.empty() || it == r.by_id.end()) continue;
      if (type == "aff" || is_el(it->second, "aff")) affs.push_back(aff_text(it->second));
      else if (type == "corresp" || is_el(it->second, "corresp")) {
        corresponding = true;
        for (const xmlNode* e : all(it->second, "email")) emails.push_back(text(e));
      }
    }
  }
  // One affiliation for the whole article (PMC style: no links) is every author's.
  if (affs.empty() && total_affs == 1 && !group_affs.empty()) affs.push_back(aff_text(group_affs.front()));
  std::string aff_joined;
  for (auto& a : affs)
    if (!a.empty() && aff_joined.find(a) == std::string::npos) aff_joined += (aff_joined.empty() ? "" : "; ") + a;
  MetaList roles;
  for (const xmlNode* role : all(c, "role")) {
    std::string t = text(role);
    if (t.empty()) t = collapse_whitespace(attr(role, "vocab-term"));
    if (!t.empty()) roles.items.emplace_back(MetaString{t});
  }
  std::string orcid = orcid_of(c);
  bool simple = given.empty() && surname.empty() && aff_joined.empty() && emails.empty() && orcid.empty() &&
                roles.items.empty() && !corresponding && p.entries.empty();
  if (simple) return MetaInlines{std::move(name)};
  p.entries.emplace("name", MetaInlines{std::move(name)});
  if (!given.empty()) p.entries.emplace("given", MetaString{given});
  if (!surname.empty()) p.entries.emplace("surname", MetaString{surname});
  if (!aff_joined.empty()) p.entries.emplace("affiliation", MetaString{aff_joined});
  if (!emails.empty()) p.entries.emplace("email", MetaString{emails.front()});
  if (!orcid.empty()) p.entries.emplace("orcid", MetaString{orcid});
  if (!roles.items.empty()) p.entries.emplace("roles", std::move(roles));
  if (corresponding) p.entries.emplace("corresponding", MetaBool{true});
  return p;
}

void read_contribs(Reading& r, const xmlNode* am, Meta& m) {
  MetaList authors, others;
  std::vector<const xmlNode*> affs = all(am, "aff");
  for (const xmlNode* g : all(am, "contrib-group")) {
    auto ga = all(g, "aff");
    affs.insert(affs.end(), ga.begin(), ga.end());
  }
  for (const xmlNode* g : all(am, "contrib-group")) {
    for (const xmlNode* c : all(g, "contrib")) {
      MetaValue v = person(r, c, affs, affs.size());
      if (auto mi = v.as<MetaInlines>(); mi && mi->content.empty()) continue;
      std::string type = attr(c, "contrib-type");
      if (type.empty() || type == "author") {
        authors.items.push_back(std::move(v));
      } else {
        MetaMap o;
        if (auto mm = v.as<MetaMap>()) o = *mm;
        else o.entries.emplace("name", v);
        o.entries.emplace("type", MetaString{type});
        others.items.emplace_back(std::move(o));
      }
    }
  }
  if (!authors.items.empty()) m["author"] = std::move(authors);
  if (!others.items.empty()) m["contributors"] = std::move(others);
}

// Children of n as blocks, without its title (an abstract's "Abstract").
Blocks content_without_title(Reading& r, const xmlNode* n) {
  Blocks out;
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (is_el(c, "title") || is_el(c, "label") || is_el(c, "object-id")) continue;
    if (is_el(c)) read_block(r, c, out);
    else if (c->type == XML_TEXT_NODE) {
      Inlines xs;
      read_inline(r, c, xs);
      tidy(xs);
      if (!xs.empty()) out.emplace_back(Para{std::move(xs)});
    }
  }
  return out;
}

// An abstract shown at the body's start: a Div with a header (its title, else its type).
void lead_abstract(Reading& r, const xmlNode* a, Blocks& lead) {
  std::string type = attr(a, "abstract-type"), lang = xml_lang(a);
  Div d{Attr{attr(a, "id"), {std::string(name_of(a))}, {}}, {}};
  if (!type.empty()) d.attr.classes.push_back(type);
  if (!lang.empty()) d.attr.attributes.emplace_back("lang", lang);
  Inlines head = inlines_of(r, first(a, "title"));
  if (head.empty()) head = galley::text(type.empty() ? std::string("Abstract") : type);
  d.content.emplace_back(Header{2, Attr{}, std::move(head)});
  Blocks body = content_without_title(r, a);
  append_moved(d.content, body);
  lead.emplace_back(std::move(d));
}

void read_abstracts(Reading& r, const xmlNode* am, Meta& m, Blocks& lead) {
  auto abstracts = all(am, "abstract");
  const xmlNode* main = nullptr;
  for (const xmlNode* a : abstracts)
    if (attr(a, "abstract-type").empty()) {
      main = a;
      break;
    }
  if (!main && !abstracts.empty()) main = abstracts.front();
  if (main) {
    Blocks b = content_without_title(r, main);
    if (!b.empty()) m["abstract"] = MetaBlocks{std::move(b)};
  }
  for (const xmlNode* a : abstracts)
    if (a != main) lead_abstract(r, a, lead);
  for (const xmlNode* a : all(am, "trans-abstract")) lead_abstract(r, a, lead);
}

void read_titles(Reading& r, const xmlNode* am, Meta& m) {
  const xmlNode* tg = first(am, "title-group");
  if (!tg) return;
  const xmlNode* t = first(tg, "article-title");
  if (!t) t = first(tg, "title");  // BITS book parts
  set_inlines(m, "title", inlines_of(r, t));
  set_inlines(m, "subtitle", inlines_of(r, first(tg, "subtitle")));
  MetaList trans;
  auto add = [&](const xmlNode* t, const xmlNode* sub, std::string lang) {
    MetaMap e;
    if (!lang.empty()) e.entries.emplace("lang", MetaString{lang});
    if (Inlines x = inlines_of(r, t); !x.empty()) e.entries.emplace("title", MetaInlines{std::move(x)});
    if (Inlines x = inlines_of(r, sub); !x.empty()) e.entries.emplace("subtitle", MetaInlines{std::move(x)});
    if (e.entries.size() > (lang.empty() ? 0u : 1u)) trans.items.emplace_back(std::move(e));
  };
  for (const xmlNode* g : all(tg, "trans-title-group"))
    add(first(g, "trans-title"), first(g, "trans-subtitle"), xml_lang(g));
  if (!trans.items.empty()) m["translated-titles"] = std::move(trans);
}

void read_keywords(Reading& r, const xmlNode* am, const std::string& lang, Meta& m) {
  MetaList main;
  MetaMap other;
  for (const xmlNode* g : all(am, "kwd-group")) {
    std::string gl = xml_lang(g);
    MetaList list;
    for (const xmlNode* k : all(g, "kwd"))
      if (Inlines x = inlines_of(r, k); !x.empty()) list.items.emplace_back(MetaInlines{std::move(x)});
    if (list.items.empty()) continue;
    if (gl.empty() || gl == lang || (main.items.empty() && lang.empty())) {
      main.items.insert(main.items.end(), list.items.begin(), list.items.end());
    } else {
      auto& slot = other.entries[gl];
      if (!slot.is<MetaList>()) slot = MetaList{};
      auto& l = slot.as<MetaList>()->items;
      l.insert(l.end(), list.items.begin(), list.items.end());
    }
  }
  if (!main.items.empty()) m["keywords"] = std::move(main);
  if (!other.entries.empty()) m["translated-keywords"] = std::move(other);
}

void read_categories(Reading& r, const xmlNode* am, Meta& m) {
  const xmlNode* cats = first(am, "article-categories");
  if (!cats) return;
  Inlines heading, any;
  MetaList subjects;
  // subj-groups nest: walk them all, in order.
  std::vector<const xmlNode*> stack{cats};
  while (!stack.empty()) {
    const xmlNode* g = stack.back();
    stack.pop_back();
    std::vector<const xmlNode*> kids = all(g, "subj-group");
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back(*it);
    for (const xmlNode* s : all(g, "subject")) {
      Inlines x = inlines_of(r, s);
      if (x.empty()) continue;
      if (heading.empty() && attr(g, "subj-group-type") == "heading") heading = x;
      if (any.empty()) any = x;
      subjects.items.emplace_back(MetaInlines{x});
    }
  }
  set_inlines(m, "subject", heading.empty() ? any : heading);
  if (subjects.items.size() > 1) m["subjects"] = std::move(subjects);
}

void read_permissions(Reading& r, const xmlNode* am, Meta& m) {
  const xmlNode* p = first(am, "permissions");
  if (!p) return;
  Inlines rights = inlines_of(r, first(p, "copyright-statement"));
  std::string year = text(first(p, "copyright-year")), holder = text(first(p, "copyright-holder"));
  if (rights.empty() && (!year.empty() || !holder.empty()))
    rights = galley::text(collapse_whitespace("\u00A9 " + year + " " + holder));
  set_inlines(m, "rights", std::move(rights));
  set_string(m, "copyright-year", year);
  set_string(m, "copyright-holder", holder);
  for (const xmlNode* lic : all(p, "license")) {
    std::string url = xlink_href(lic);
    if (url.empty())
      for (const xmlNode* c = lic->children; c && url.empty(); c = c->next)
        if (is_el(c, "license_ref")) url = text(c);
    if (url.empty())
      for (const xmlNode* lp : all(lic, "license-p"))
        for (const xmlNode* c = lp->children; c && url.empty(); c = c->next)
          if (is_el(c, "ext-link") || is_el(c, "uri")) {
            std::string u = xlink_href(c).empty() ? text(c) : xlink_href(c);
            if (u.find("creativecommons.org") != std::string::npos || u.find("license") != std::string::npos) url = u;
          }
    set_string(m, "license", url);
    Blocks text_blocks;
    for (const xmlNode* lp : all(lic, "license-p")) {
      Inlines x = inlines_of(r, lp);
      if (!x.empty()) text_blocks.emplace_back(Para{std::move(x)});
    }
    if (!text_blocks.empty() && !m.count("license-text")) m["license-text"] = MetaBlocks{std::move(text_blocks)};
  }
}

void read_funding(Reading& r, const xmlNode* am, Meta& m) {
  MetaList awards;
  for (const xmlNode* fg : all(am, "funding-group")) {
    for (const xmlNode* ag : all(fg, "award-group")) {
      MetaMap a;
      std::string funder;
      for (const xmlNode* fs : all(ag, "funding-source")) {
        // The funder's name without its registry id (institution-id) beside it.
        std::string t;
        if (const xmlNode* w = first(fs, "institution-wrap")) t = text(first(w, "institution"));
        if (t.empty()) t = text(fs);
        if (!t.empty()) funder += (funder.empty() ? "" : "; ") + t;
      }
      if (!funder.empty()) a.entries.emplace("funder", MetaString{funder});
      std::string ids;
      for (const xmlNode* id : all(ag, "award-id"))
        if (std::string t = text(id); !t.empty()) ids += (ids.empty() ? "" : ", ") + t;
      if (!ids.empty()) a.entries.emplace("award-id", MetaString{ids});
      if (std::string pi = text(first(ag, "principal-award-recipient")); !pi.empty())
        a.entries.emplace("recipient", MetaString{pi});
      if (!a.entries.empty()) awards.items.emplace_back(std::move(a));
    }
    if (!m.count("funding-statement"))
      set_inlines(m, "funding-statement", inlines_of(r, first(fg, "funding-statement")));
  }
  if (!awards.items.empty()) m["funding"] = std::move(awards);
}

void read_related(Reading& r, const xmlNode* am, Meta& m) {
  MetaList rel;
  for (const xmlNode* c = am->children; c; c = c->next) {
    if (!is_el(c, "related-article") && !is_el(c, "related-object")) continue;
    MetaMap e;
    std::string type = attr(c, is_el(c, "related-article") ? "related-article-type" : "link-type");
    if (!type.empty()) e.entries.emplace("type", MetaString{type});
    std::string href = xlink_href(c);
    if (!href.empty()) e.entries.emplace(attr(c, "ext-link-type") == "doi" ? "doi" : "href", MetaString{href});
    if (Inlines x = inlines_of(r, c); !x.empty()) e.entries.emplace("text", MetaInlines{std::move(x)});
    if (!e.entries.empty()) rel.items.emplace_back(std::move(e));
  }
  if (!rel.items.empty()) m["related-articles"] = std::move(rel);
}

void read_ids(const xmlNode* am, Meta& m) {
  MetaMap ids;
  std::string doi, other;
  for (const xmlNode* id : all(am, "article-id")) {
    std::string type = attr(id, "pub-id-type"), v = text(id);
    if (v.empty()) continue;
    if (type == "doi" && doi.empty()) doi = v;
    else if (other.empty()) other = v;
    std::string key = type.empty() ? "other" : type;
    if (type == "custom" && !attr(id, "custom-type").empty()) key = attr(id, "custom-type");
    ids.entries.emplace(key, MetaString{v});
  }
  set_string(m, "identifier", doi.empty() ? other : doi);
  if (ids.entries.size() > 1) m["article-ids"] = std::move(ids);
}

void read_journal(Reading& r, const xmlNode* jm, Meta& m) {
  if (!jm) return;
  if (const xmlNode* tg = first(jm, "journal-title-group")) set_inlines(m, "site-name", inlines_of(r, first(tg, "journal-title")));
  set_inlines(m, "site-name", inlines_of(r, first(jm, "journal-title")));  // JATS 1.0 without the group
  if (const xmlNode* pub = first(jm, "publisher")) set_inlines(m, "publisher", inlines_of(r, first(pub, "publisher-name")));
  std::string issn;
  for (const xmlNode* i : all(jm, "issn")) {
    std::string fmt = attr(i, "publication-format") + attr(i, "pub-type");
    if (issn.empty() || fmt == "electronic" || fmt == "epub") issn = text(i);
    if (fmt == "electronic" || fmt == "epub") break;
  }
  set_string(m, "issn", issn);
}

void read_custom_meta(Reading& r, const xmlNode* am, Meta& m) {
  MetaMap other;
  for (const xmlNode* g : all(am, "custom-meta-group"))
    for (const xmlNode* cm : all(g, "custom-meta")) {
      std::string name = text(first(cm, "meta-name"));
      Inlines v = inlines_of(r, first(cm, "meta-value"));
      if (name.empty() || v.empty()) continue;
      if (name == "dateline" || name == "credit") set_inlines(m, name, std::move(v));
      else other.entries.emplace(name, MetaInlines{std::move(v)});
    }
  if (!other.entries.empty()) m["custom-meta"] = std::move(other);
}

bool known_article_meta(std::string_view n) {
  static constexpr std::string_view kKnown[] = {
      "article-id", "article-categories", "title-group", "contrib-group", "aff", "aff-alternatives",
      "author-notes", "pub-date", "pub-date-not-available", "volume", "issue", "fpage", "lpage",
      "elocation-id", "history", "pub-history", "permissions", "self-uri", "related-article",
      "related-object", "abstract", "trans-abstract", "kwd-group", "funding-group", "custom-meta-group",
      "counts", "page-range", "issue-id", "volume-id", "article-version", "article-version-alternatives",
      "supplementary-material", "product", "issue-title", "isbn", "ext-link", "uri", "support-group",
      "volume-issue-group", "issue-sponsor", "issue-part", "volume-series", "conference", "word-count"};
  for (auto k : kKnown)
    if (k == n) return true;
  return false;
}

}  // namespace

void read_front(Reading& r, const xmlNode* article, const xmlNode* front, Meta& m, Blocks& lead) {
  std::string lang = xml_lang(article);
  set_string(m, "lang", lang);
  set_string(m, "article-type", attr(article, "article-type"));
  if (!front) return;
  const xmlNode* am = first(front, "article-meta");
  if (!am) am = is_el(front, "book-part-meta") || is_el(front, "book-meta") || is_el(front, "front-stub") ? front : nullptr;
  read_journal(r, first(front, "journal-meta"), m);
  if (!am) return;
  read_titles(r, am, m);
  read_contribs(r, am, m);
  read_dates(am, m);
  read_ids(am, m);
  read_categories(r, am, m);
  read_abstracts(r, am, m, lead);
  read_keywords(r, am, lang, m);
  read_permissions(r, am, m);
  read_funding(r, am, m);
  read_related(r, am, m);
  read_custom_meta(r, am, m);
  for (const char* k : {"volume", "issue", "elocation-id"}) set_string(m, k, text(first(am, k)));
  set_string(m, "page-first", text(first(am, "fpage")));
  set_string(m, "page-last", text(first(am, "lpage")));
  if (const xmlNode* su = first(am, "self-uri")) set_string(m, "source-url", xlink_href(su));
  if (const xmlNode* an = first(am, "author-notes")) {
    Blocks b = content_without_title(r, an);
    if (!b.empty()) m["author-notes"] = MetaBlocks{std::move(b)};
  }
  for (const xmlNode* c = am->children; c; c = c->next)
    if (is_el(c) && !known_article_meta(name_of(c))) r.unmapped_element(c);
  // The rest of front (notes, a front-level list of definitions) is content: show it first.
  if (front != am)
    for (const xmlNode* c = front->children; c; c = c->next)
      if (is_el(c) && !is_el(c, "article-meta") && !is_el(c, "journal-meta")) read_block(r, c, lead);
}

void read_front_stub(Reading& r, const xmlNode* stub, int level, Blocks& out, Attr attr_) {
  (void)attr_;
  if (!stub) return;
  const xmlNode* tg = first(stub, "title-group");
  const xmlNode* t = tg ? first(tg, "article-title") : nullptr;
  if (!t && tg) t = first(tg, "title");
  Inlines title = inlines_of(r, t);
  if (!title.empty()) out.emplace_back(Header{level > 6 ? 6 : level, Attr{}, std::move(title)});
  Inlines names;
  for (const xmlNode* g : all(stub, "contrib-group"))
    for (const xmlNode* c : all(g, "contrib")) {
      std::vector<const xmlNode*> none;
      MetaValue v = person(r, c, none, 0);
      Inlines n;
      if (auto mi = v.as<MetaInlines>()) n = mi->content;
      else if (auto mm = v.as<MetaMap>()) {
        auto it = mm->entries.find("name");
        if (it != mm->entries.end())
          if (auto x = it->second.as<MetaInlines>()) n = x->content;
      }
      if (n.empty()) continue;
      if (!names.empty()) add_text(names, ", ");
      names.insert(names.end(), n.begin(), n.end());
    }
  tidy(names);
  if (!names.empty()) out.emplace_back(Para{Inlines{Emph{std::move(names)}}});
  for (const xmlNode* a : all(stub, "abstract")) {
    Blocks b = content_without_title(r, a);
    append_moved(out, b);
  }
}

}  // namespace galley::jats::in
