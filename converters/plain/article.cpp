// Structure detection: build_document() reads the header region (kicker, headline, deck,
// time stamps, bylines, press-release and wire furniture), the lede with its credit or
// dateline, the bottom (bylines, rights, a trailing time stamp) and hands the rest to
// body_blocks(); then the metadata, set only from what a line of the text supports.
// The line classifiers are in the files listed in article_detail.hpp.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "galley/builder.hpp"
#include "plain/article_detail.hpp"

namespace galley::plain::detail {

Document build_document(std::vector<Unit> units, const ArticleOptions& opt, Rewrites& rw) {
  Builder b{opt, rw, {}};
  if (!opt.article) {
    Document doc = plain_document(units, b);
    if (!opt.lang.empty()) doc.meta["lang"] = MetaString{opt.lang};
    return doc;
  }

  // End marks ("./."), then what follows the end of a release or of wire copy.
  strip_end_marks(units, rw);
  cut_boilerplate(units, rw);

  Document doc;
  Meta& meta = doc.meta;
  std::size_t n = units.size();
  std::size_t i = 0;
  std::string title, subject, date, modified, credit, dateline, abstract;
  std::vector<std::string> authors, affiliations;
  std::string source_url, subtitle, byline_agency, rights;

  // corpus-style comment header: "# date = 20201001", "# url = ..."
  while (i < n && units[i].text.rfind("# ", 0) == 0 && units[i].text.find(" = ") != std::string::npos) {
    std::string_view t = units[i].text;
    std::size_t eq = t.find(" = ");
    std::string_view key = trim(t.substr(2, eq - 2)), val = trim(t.substr(eq + 3));
    if (key == "date" && date.empty()) {
      if (auto d = parse_compact_date(val)) date = *d;
      else if (auto dl = parse_date_line(val)) date = dl->iso;
    } else if ((key == "url" || key == "source" || key == "link") && val.find("://") != std::string_view::npos) {
      source_url = std::string(val);
    }
    ++i;
  }

  // Header region: kicker, headline, dates and bylines in any order.
  auto take_date = [&](const DateLine& d) {
    if (d.modified) { if (modified.empty()) modified = d.iso; }
    else if (date.empty()) date = d.iso;
    else if (modified.empty()) modified = d.iso;
  };
  auto take_byline = [&](const Byline& bl) {
    for (auto& nm : bl.names) {
      authors.push_back(nm);
      affiliations.emplace_back();
    }
    if (credit.empty() && !bl.credit.empty()) credit = bl.credit;
  };
  std::size_t lede_offset = 0;  // bytes of units[i] already taken (NLĐ split)
  std::size_t furniture = 0;    // release, slug, contact and separator lines passed over
  for (int guard = 0; guard < 16 && i < n; ++guard) {
    Unit& u = units[i];
    if (u.list != ListKind::None) break;
    // furniture of press releases and wire copy: never the headline
    if (release_line(u.text)) {
      // "FOR IMMEDIATE RELEASE – March 12, 2021": the release date (an embargo's is not)
      if (auto d = release_date(u.text)) take_date(*d);
      ++furniture;
      ++i;
      continue;
    }
    if (slug_line(u.text) || version_line(u.text) || desk_note_line(u.text) || separator_line(u.text)) {
      ++furniture;
      ++i;
      continue;
    }
    if (contact_label(u.text)) {
      // the label and the lines of its block (names, numbers, addresses)
      ++furniture;
      ++i;
      while (i < n && !units[i].after_blank && units[i].list == ListKind::None &&
             (contact_detail(units[i].text) || (word_count(units[i].text) <= 4 && !ends_with_sentence_punct(units[i].text)))) {
        ++furniture;
        ++i;
      }
      continue;
    }
    if (auto d = parse_date_line(u.text)) { take_date(*d); ++i; continue; }
    // "Nov. 25": a day without a year is not a date, and not a headline either
    if (yearless_date_line(u.text)) { ++furniture; ++i; continue; }
    if (auto bl = parse_byline(u.text, false)) {
      std::size_t first = authors.size();
      take_byline(*bl);
      ++i;
      // a wire byline's second line: "Associated Press", "AP Science Writer"
      std::string agency;
      if (i < n && units[i].list == ListKind::None && affiliation_line(units[i].text, &agency)) {
        for (std::size_t k = first; k < authors.size(); ++k) affiliations[k] = std::string(rtrim_punct(trim(units[i].text), "."));
        if (byline_agency.empty()) byline_agency = agency;
        ++i;
      }
      continue;
    }
    // "By Jane Doe | March 15, 2021" / "Xã hội | 25/11/2019"
    if (u.text.find(" | ") != std::string::npos || u.text.find(" \xC2\xB7 ") != std::string::npos) {
      std::string t = u.text;
      for (std::size_t k; (k = t.find(" \xC2\xB7 ")) != std::string::npos;) t.replace(k, 4, " | ");
      std::vector<std::string_view> parts;
      std::string_view v = t;
      for (std::size_t k; (k = v.find(" | ")) != std::string_view::npos; v = v.substr(k + 3)) parts.push_back(v.substr(0, k));
      parts.push_back(v);
      std::vector<std::optional<DateLine>> ds;
      std::vector<std::optional<Byline>> bs;
      bool all = true;
      for (auto p : parts) {
        ds.push_back(parse_date_line(trim(p)));
        bs.push_back(ds.back() ? std::nullopt : parse_byline(trim(p), false));
        if (!ds.back() && !bs.back()) all = false;
      }
      if (all) {
        for (std::size_t k = 0; k < parts.size(); ++k) {
          if (ds[k]) take_date(*ds[k]);
          else take_byline(*bs[k]);
        }
        ++i;
        continue;
      }
    }
    if (!title.empty()) {
      // a deck between the headline and a byline or time stamp
      if (subtitle.empty() && deck_like(u) && i + 1 < n &&
          (parse_date_line(units[i + 1].text) || parse_byline(units[i + 1].text, false))) {
        subtitle = u.text;
        ++i;
        continue;
      }
      break;
    }
    const Unit* next = i + 1 < n ? &units[i + 1] : nullptr;
    // skip date lines when looking at what follows a kicker
    std::size_t nj = i + 1;
    while (nj < n && nj < i + 3 && parse_date_line(units[nj].text)) ++nj;
    const Unit* next_title = nj < n ? &units[nj] : nullptr;
    const Unit* after_title = nj + 1 < n ? &units[nj + 1] : nullptr;
    bool header_follows = after_title && (parse_date_line(after_title->text) || parse_byline(after_title->text, false));
    bool title_after_kicker = next_title && (!next_title->after_blank || header_follows) &&
                              (!ends_with_sentence_punct(next_title->text) || next_title->text.back() == '?' ||
                               next_title->text.back() == '!');
    if (subject.empty() && kicker_like(u) && title_after_kicker && title_like(*next_title, after_title) &&
        cp_len(next_title->text) > cp_len(u.text) && !parse_byline(next_title->text, false)) {
      subject = u.text;
      ++i;
      continue;
    }
    if (title_like(u, next)) {
      std::string kind;
      title = std::string(wire_title_prefix(u.text, &kind));
      if (!kind.empty() && subject.empty()) subject = kind;
      ++i;
      continue;
    }
    if (auto k = inline_credit_split(u.text); k && i + 0 < n) {
      title = std::string(trim(std::string_view(u.text).substr(0, *k)));
      lede_offset = *k;
      break;
    }
    break;
  }

  // Lede: credit / dateline prefix, or the first paragraph after a full header.
  std::size_t body_start = i;
  if (i < n && units[i].list == ListKind::None) {
    std::string_view lede = std::string_view(units[i].text).substr(lede_offset);
    auto p = parse_prefix(lede);
    // a deck between the headline and a lede that opens with a dateline or credit
    if (!p && !lede_offset && !title.empty() && subtitle.empty() && i + 1 < n && deck_like(units[i]) &&
        units[i + 1].list == ListKind::None) {
      auto p2 = parse_prefix(units[i + 1].text);
      if (p2 && (!p2->dateline.empty() || !p2->credit.empty())) {
        subtitle = units[i].text;
        ++i;
        body_start = i;
        lede = units[i].text;
        p = p2;
      }
    }
    bool full_header = !title.empty() && (!subject.empty() || !date.empty() || !authors.empty());
    if (p) {
      if (!p->credit.empty() && credit.empty()) credit = p->credit;
      if (!p->dateline.empty()) dateline = p->dateline;
      if (!p->date.empty() && date.empty()) date = p->date;
      abstract = std::string(lede.substr(p->consumed));
      rw.add("lede-prefix");
      body_start = i + 1;
    } else if (full_header && (ends_with_sentence_punct(lede) || word_count(lede) >= 15) && word_count(lede) >= 6) {
      abstract = std::string(lede);
      body_start = i + 1;
    } else if (lede_offset) {
      units[i].text = std::string(lede);
    }
  }

  // A one-paragraph article: the lede is also the body.
  if (!abstract.empty() && body_start >= n) {
    units.push_back(Unit{abstract, true, ListKind::None, 0, 0, {}});
    n = units.size();
  }

  // Bottom: bylines ("Nguyễn Hiền", "Theo Reuters", "(Theo Reuters)") and a trailing time stamp.
  std::size_t body_end = n;
  for (int guard = 0; guard < 5 && body_end > body_start + 1; ++guard) {
    Unit& u = units[body_end - 1];
    if (u.list != ListKind::None) break;
    if (separator_line(u.text)) {
      --body_end;
      continue;
    }
    if (rights_line(u.text)) {
      if (rights.empty()) rights = u.text;
      --body_end;
      continue;
    }
    if (auto d = parse_date_line(u.text)) {
      take_date(*d);
      --body_end;
      continue;
    }
    auto bl = parse_byline(u.text, true);
    if (!bl) break;
    if (authors.empty()) take_byline(*bl);
    else if (credit.empty() && !bl->credit.empty()) credit = bl->credit;
    --body_end;
  }

  // Body: paragraphs, captions, sub-heads, lists.
  body_blocks(units, body_start, body_end, !abstract.empty(), b, doc.blocks);

  // Metadata (only what the text gave).
  if (credit.empty() && !byline_agency.empty()) credit = byline_agency;
  rw.add("furniture", furniture);
  if (!title.empty()) meta["title"] = MetaInlines{b.inl(title)};
  if (!subtitle.empty()) meta["subtitle"] = MetaInlines{b.inl(subtitle)};
  if (!rights.empty()) meta["rights"] = MetaInlines{b.inl(rights)};
  if (!subject.empty()) meta["subject"] = MetaInlines{b.inl(subject)};
  if (!date.empty()) meta["date"] = MetaString{date};
  if (!modified.empty()) meta["date-modified"] = MetaString{modified};
  if (!authors.empty()) {
    MetaList l;
    for (std::size_t k = 0; k < authors.size(); ++k) {
      if (k < affiliations.size() && !affiliations[k].empty()) {
        MetaMap m;
        m.entries["name"] = MetaInlines{b.inl(authors[k])};
        m.entries["affiliation"] = MetaInlines{b.inl(affiliations[k])};
        l.items.push_back(std::move(m));
      } else {
        l.items.push_back(MetaInlines{b.inl(authors[k])});
      }
    }
    meta["author"] = std::move(l);
  }
  if (!credit.empty()) meta["credit"] = MetaInlines{b.inl(credit)};
  if (!dateline.empty()) meta["dateline"] = MetaInlines{b.inl(dateline)};
  if (!abstract.empty()) meta["abstract"] = MetaBlocks{Blocks{Para{b.inl(abstract)}}};
  if (!source_url.empty()) meta["source-url"] = MetaString{source_url};
  std::string lang = opt.lang;
  if (lang.empty()) {
    std::string sample = title + "\n" + abstract + "\n";
    for (std::size_t j = body_start; j < body_end && sample.size() < (1u << 16); ++j) {
      sample += units[j].text;
      sample += '\n';
    }
    lang = detect_lang(sample);
  }
  if (!lang.empty()) meta["lang"] = MetaString{lang};
  return doc;
}

}  // namespace galley::plain::detail
