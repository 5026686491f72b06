// The body's blocks: paragraphs, photo captions (Figure), sub-heads, lists and rules, told
// apart by their shape and their neighbours; and the document of a text read without the
// `article` extension (paragraphs, headings, lists).
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "galley/builder.hpp"
#include "plain/article_detail.hpp"

namespace galley::plain::detail {

Block Builder::list(const std::vector<Unit>& u, std::size_t& i, std::size_t end) {
  ListKind k = u[i].list;
  char delim = u[i].delim;
  std::vector<Blocks> items;
  int start = u[i].number;
  while (i < end && u[i].list == k && (k == ListKind::Bullet || u[i].delim == delim)) {
    items.push_back(Blocks{Plain{inl(u[i].text)}});
    ++i;
  }
  if (k == ListKind::Bullet) return BulletList{std::move(items)};
  ListAttributes a;
  a.start = start;
  a.style = ListNumberStyle::Decimal;
  a.delim = delim == ')' ? ListNumberDelim::OneParen : ListNumberDelim::Period;
  return OrderedList{a, std::move(items)};
}

void Builder::rule(Blocks& blocks) {
  if (!blocks.empty() && !blocks.back().is<HorizontalRule>()) blocks.push_back(HorizontalRule{});
}

Document plain_document(std::vector<Unit>& units, Builder& b) {
  Document doc;
  std::size_t n = units.size();
  for (std::size_t i = 0; i < n;) {
    Unit& u = units[i];
    if (u.list != ListKind::None) {
      doc.blocks.push_back(b.list(units, i, n));
      continue;
    }
    if (separator_line(u.text)) {
      Builder::rule(doc.blocks);
      ++i;
      continue;
    }
    bool next_para = i + 1 < n && units[i + 1].list == ListKind::None && !heading_like(units[i + 1].text);
    if (next_para && heading_like(u.text) && (all_caps(u.text) || word_count(u.text) <= 10))
      doc.blocks.push_back(b.header(i == 0 ? 1 : 2, u.text));
    else
      doc.blocks.push_back(Para{b.inl(u.text)});
    ++i;
  }
  return doc;
}

void body_blocks(std::vector<Unit>& units, std::size_t body_start, std::size_t body_end, bool had_abstract, Builder& b,
                 Blocks& blocks) {
  // Each unit's words, counted once: the loop below asks about a unit and both its
  // neighbours (comparing with bounds <= 45), and the paragraph's inlines are sized by it.
  std::vector<std::size_t> words(body_end > body_start ? body_end - body_start : 0);
  for (std::size_t j = body_start; j < body_end; ++j) words[j - body_start] = word_count(units[j].text);
  auto words_of_unit = [&](std::size_t j) -> std::size_t { return std::min<std::size_t>(words[j - body_start], 46); };
  blocks.reserve(blocks.size() + words.size());  // at most a block per unit
  for (std::size_t j = body_start; j < body_end;) {
    Unit& u = units[j];
    if (u.list != ListKind::None) {
      blocks.push_back(b.list(units, j, body_end));
      continue;
    }
    std::string_view s = u.text;
    // "___", "* * *": a rule between parts (never two in a row, never first)
    if (separator_line(s)) {
      Builder::rule(blocks);
      ++j;
      continue;
    }
    // "(Ảnh: Getty Images)" under a short sentence: the sentence is the caption
    if (photo_credit_only(s)) {
      if (!blocks.empty() && blocks.back().is<Para>() && j > body_start &&
          words_of_unit(j - 1) <= 35 && units[j - 1].list == ListKind::None) {
        std::string cap = units[j - 1].text + " " + u.text;
        blocks.back() = b.figure(cap);
      } else {
        blocks.push_back(b.figure(s));
      }
      ++j;
      continue;
    }
    bool has_prev = j > body_start || had_abstract;
    bool has_next = j + 1 < body_end;
    bool first_after_lede = j == body_start && had_abstract;
    // word and code point counts are only compared with small bounds (<= 45, <= 250)
    std::size_t wc = words_of_unit(j), len = cp_len_upto(s, 251);
    bool short_line = !ends_with_sentence_punct(s) && len <= 250 && wc <= 40 && !starts_lower(s);
    {
      std::size_t st = 0;
      char32_t last = last_cp(s, &st);
      if (last == ',' || last == '-' || last == 0x2013 || last == 0x2014) short_line = false;
    }
    bool marker = wc <= 45 && photo_marker(s);
    if (marker && has_prev && (short_line || ends_with_sentence_punct(s))) {
      blocks.push_back(b.figure(s));
      ++j;
      continue;
    }
    if (short_line && has_next) {
      // a sub-head or caption stands between paragraphs, not in a run of short lines
      const Unit& nx = units[j + 1];
      bool next_para = nx.list != ListKind::None || ends_with_sentence_punct(nx.text) || words_of_unit(j + 1) > 15;
      bool prev_short = j > body_start && units[j - 1].list == ListKind::None &&
                        !ends_with_sentence_punct(units[j - 1].text) && words_of_unit(j - 1) <= 15;
      if (!next_para || prev_short) short_line = false;
    }
    if (short_line && has_prev && has_next) {
      bool before_list = units[j + 1].list != ListKind::None;
      if (before_list && (wc > 12 || first_after_lede)) short_line = false;
    }
    if (short_line && has_prev && has_next) {
      if (all_caps(s) && wc <= 14) {
        blocks.push_back(b.header(2, s));
      } else if (first_after_lede) {
        blocks.push_back(b.figure(s));
      } else if (wc <= 10 && len <= 90) {
        blocks.push_back(b.header(2, s));
      } else {
        blocks.push_back(b.figure(s));
      }
      ++j;
      continue;
    }
    blocks.push_back(Para{b.inl(s, words[j - body_start])});
    ++j;
  }
}

}  // namespace galley::plain::detail
